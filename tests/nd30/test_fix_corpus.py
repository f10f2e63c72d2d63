"""`--sua` on the corpus of broken documents (nd30_broken.VARIANTS, ≥ 60): every fixable finding is gone, nothing
new appears, the text of every paragraph is the same except the typographic edits `typography.py` lists, and the
corrected files pass the OOXML schema check."""

from __future__ import annotations

import io
import re
import unicodedata

import docx
import pytest

from docgen.nd30 import RULES, Level, repair_bytes
from docgen.vntext import name_key
from tests.nd30 import nd30_docs as d
from tests.nd30.nd30_broken import VARIANTS


_bytes = d.docx_bytes


@pytest.fixture(scope="module")
def repaired():
    """Return name → (original bytes, Repair) for every variant."""
    out = {}
    for name, build in VARIANTS:
        data = _bytes(build())
        out[name] = (data, repair_bytes(data, name))
    return out


def test_the_corpus_has_at_least_60_variants_each_breaking_a_fixable_rule(repaired):
    assert len(VARIANTS) >= 60
    for name, (_, repair) in repaired.items():
        assert any(RULES[f.rule].fixable for f in repair.before), name


def test_every_fixable_finding_is_gone_and_nothing_new_appears(repaired):
    problems = {}
    for name, (_, repair) in repaired.items():
        before = {f.rule for f in repair.before if f.level != Level.INFO}
        left = {f.rule for f in repair.after if f.level != Level.INFO}
        fixable_left = sorted(r for r in left if RULES[r].fixable)
        new = sorted(left - before)
        if fixable_left or new:
            problems[name] = (fixable_left, new)
    assert problems == {}


def _texts(data: bytes) -> list[str]:
    """Return the text of every non-empty paragraph of the body and its tables, in order."""
    return [p.text for p in d.all_paragraphs(docx.Document(io.BytesIO(data))) if p.text.strip()]


_SLASHED = re.compile(r"(?:ngày\s*)?(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")


def canon(text: str) -> str:
    """Return `text` with exactly the differences the typographic edits may make folded away.

    Case, spacing, dashes and punctuation (: ; . , / ( ) _), zero padding, a date
    written with slashes, "Về việc" for "V/v", NFC, tone-mark placement ("HOÀ"/"HÒA").
    """
    t = unicodedata.normalize("NFC", text)
    t = _SLASHED.sub(lambda m: f"ngày {m[1]} tháng {m[2]} năm {m[3]}", t)
    t = re.sub(r"^\s*về\s+việc", "V/v", t, flags=re.I)
    t = re.sub(r"\b0+(\d)", r"\1", t)
    return re.sub(r"[\s\-–—‐:;.,/()_•]+", "", name_key(t))


def test_no_word_changes_only_the_listed_typographic_edits(repaired):
    for name, (data, repair) in repaired.items():
        before = [t for t in _texts(data) if canon(t)]
        after = [t for t in _texts(repair.data) if canon(t)]
        assert [canon(t) for t in before] == [canon(t) for t in after], name
        logged = {}
        for c in repair.changes:
            if c.before or c.after:
                logged[c.before] = c.after
        for old, new in zip(before, after):
            seen = old
            while seen != new and seen in logged:  # an edit of a line already edited in an earlier round
                seen = logged[seen]
            assert seen == new, (name, old, new)  # every change of text is a logged typographic edit


@pytest.mark.slow
def test_the_corrected_files_pass_the_ooxml_schema_check(repaired, tmp_path, ooxml_check):
    from concurrent.futures import ThreadPoolExecutor

    paths = []
    for name, (_, repair) in repaired.items():
        path = tmp_path / f"{name}-da-sua.docx"
        path.write_bytes(repair.data)
        paths.append(path)
    with ThreadPoolExecutor(2) as pool:  # two validator processes: the corpus is large
        outs = list(pool.map(lambda half: ooxml_check(*half), (paths[::2], paths[1::2])))
    assert sum(out.count(": OK") for out in outs) == len(paths)
