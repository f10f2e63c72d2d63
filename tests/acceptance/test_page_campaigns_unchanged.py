"""The two page campaigns give, on their samples, what they gave when the form became campaign data.

Compared item by item: rule ID and cell of every `kiem-tra` finding; the full text and every table cell (the
Phụ lục's included) of each district report, the province summary and the dispatch. A deliberate change to
these outputs is written anew with `python scripts/snapshot_outputs.py --write` and listed in
docs/thay-doi-1031.md.
"""

from __future__ import annotations

import json
import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOL = runpy.run_path(str(ROOT / "scripts" / "snapshot_outputs.py"))


@pytest.mark.slow
def test_the_page_campaigns_outputs_are_the_recorded_ones():
    recorded = json.loads(Path(TOOL["SNAPSHOT"]).read_text(encoding="utf-8"))
    changed = TOOL["differences"](recorded, TOOL["snapshot"]())
    assert changed == [], ("Kết quả đã khác (nếu có chủ ý: python scripts/snapshot_outputs.py --write, rồi ghi "
                           "vào docs/thay-doi-1031.md):\n" + "\n".join(changed))


def test_the_snapshot_covers_every_report_of_both_campaigns():
    recorded = json.loads(Path(TOOL["SNAPSHOT"]).read_text(encoding="utf-8"))
    reports = [k for k in recorded if ":bao-cao:" in k]
    assert len([k for k in reports if k.startswith("2022-")]) == 10
    assert {f"{c}:{w}" for c in ("2022-trang-cong-dong", "2026-ra-soat-trang-cong-dong")
            for w in ("kiem-tra", "tong-hop", "cong-van")} <= set(recorded)
