"""The rule catalogue and the README table (docs/kiem-tra.md) stay in step."""

from __future__ import annotations

import re
from pathlib import Path

from docgen.checks import RULES, SEVERITY_WORDS

DOC = Path(__file__).resolve().parents[2] / "docs" / "kiem-tra.md"


def test_every_rule_is_documented_with_its_severity_and_nothing_else_is():
    rows = re.findall(r"^\| ([A-Z]+-\d\d) \| (lỗi|cảnh báo) \|", DOC.read_text(encoding="utf-8"), re.M)
    assert rows == [(r.id, SEVERITY_WORDS[r.severity]) for r in RULES.values()]


def test_rule_ids_are_stable_family_and_number():
    assert all(re.fullmatch(r"(DV|TT|LK|NS|SDT|EM|BM|VB)-0\d", rid) for rid in RULES)
