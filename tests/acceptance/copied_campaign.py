"""The one-place text edit the acceptance tests make to a copied campaign's chien-dich.toml (fixture `copied`)."""

from __future__ import annotations

from pathlib import Path


def edit(folder: Path, old: str, new: str) -> str:
    """Replace the one occurrence of `old` in the folder's chien-dich.toml by `new`; return the new text."""
    file = folder / "chien-dich.toml"
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    file.write_text(text, encoding="utf-8")
    return text
