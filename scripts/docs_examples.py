"""Write the command examples of README.md and docs/*.md from real runs (tests/test_docs_examples.py compares).

An example is a comment naming the command, then a fenced block with what it prints:

    <!-- chạy: docgen kiem-tra data/mau/2022-dien-bien/tuan-giao.xlsx -->
    ```
    … the output, written by this script …
    ```

Each command runs in a fresh folder where `data/` is the repository's, so paths print as in the docs
(`ket-qua/…`). Only standard output is kept (the progress bar goes to standard error).

Run `python scripts/docs_examples.py` to rewrite the blocks; `--kiem-tra` only reports the differences (exit 1).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FILES = (ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")))
EXAMPLE = re.compile(r"(<!-- chạy: (?P<cmd>.+?) -->\n```[a-z]*\n)(?P<out>.*?)(```)", re.S)


def run(command: str) -> str:
    """Return what `command` ("docgen …", a few joined by " && ") prints, run in a fresh folder."""
    from docgen import cli

    out = io.StringIO()
    here = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        os.symlink(ROOT / "data", Path(tmp) / "data")
        os.chdir(tmp)
        try:
            for part in command.split(" && "):
                args = shlex.split(part)
                assert args[0] == "docgen", part
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
                    cli.main(args[1:])
        finally:
            os.chdir(here)
    return out.getvalue()


def examples(text: str):
    """Yield (command, output written in the doc, match) for each example of a document."""
    for m in EXAMPLE.finditer(text):
        yield m.group("cmd"), m.group("out"), m


def refresh(path: Path) -> tuple[str, list[str]]:
    """Return the document with its examples rewritten, and the commands whose output changed."""
    text = path.read_text(encoding="utf-8")
    changed: list[str] = []

    def one(m: re.Match) -> str:
        now = run(m.group("cmd"))
        if now != m.group("out"):
            changed.append(m.group("cmd"))
        return m.group(1) + now + m.group(4)

    return EXAMPLE.sub(one, text), changed


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    check = "--kiem-tra" in argv
    stale = 0
    for path in FILES:
        text, changed = refresh(path)
        for cmd in changed:
            print(f"{path.relative_to(ROOT)}: ví dụ «{cmd}» đã khác kết quả chạy thật")
        stale += len(changed)
        if changed and not check:
            path.write_text(text, encoding="utf-8")
    return 1 if check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
