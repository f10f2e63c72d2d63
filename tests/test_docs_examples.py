"""README.md and docs/*.md show what the commands print today (scripts/docs_examples.py writes the blocks)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _script():
    spec = importlib.util.spec_from_file_location("docs_examples", ROOT / "scripts" / "docs_examples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("docs_examples", module)
    spec.loader.exec_module(module)
    return module


SCRIPT = _script()
EXAMPLES = [(path, cmd, out) for path in SCRIPT.FILES for cmd, out, _ in SCRIPT.examples(path.read_text(encoding="utf-8"))]


def test_the_docs_have_examples_of_the_main_commands():
    commands = " ".join(cmd for _, cmd, _ in EXAMPLES)
    assert all(f"docgen {c} " in commands for c in ("kiem-tra", "bao-cao", "tong-hop"))
    assert any(path.name == "README.md" for path, _, _ in EXAMPLES)


@pytest.mark.slow
@pytest.mark.parametrize("path, command, shown", EXAMPLES, ids=[f"{p.name}: {c}" for p, c, _ in EXAMPLES])
def test_each_example_prints_what_the_doc_shows(path, command, shown):
    assert SCRIPT.run(command) == shown, f"{path.name}: chạy python scripts/docs_examples.py để ghi lại ví dụ"


def test_the_the_thuc_samples_break_what_their_builders_break():
    """data/mau/the-thuc/ (scripts/make_the_thuc_samples.py) holds what the tests' builders make: the same findings."""
    from docgen.nd30 import check_document, inspect_file
    from tests.cli.test_the_thuc import bad_document
    from tests.nd30.word_default import cong_van_word_default

    folder = ROOT / "data" / "mau" / "the-thuc"
    for name, build in (("nd30-van-ban-sai.docx", bad_document), ("cong-van-word.docx", cong_van_word_default)):
        committed = [(f.rule, f.where) for f in inspect_file(folder / name).findings]
        assert committed == [(f.rule, f.where) for f in check_document(build()).findings], name
    assert [f.rule for f in inspect_file(folder / "bao-cao-du-thao.docx").findings if f.level.value != "INFO" or
            f.rule == "DF-02"] == ["DF-02"]
