"""The hostile workbooks of the fuzz suite, checked under a campaign with its own form (the festival).

The form's reader takes the same guarded path as the page form's (package limits, no
entities, bounded rows); every tenth hostile .xlsx case goes through `kiem-tra` beside
a good festival file: no traceback, a documented exit code, the good file still checked.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from docgen.cli import main
from docgen.errors import INTERNAL
from tests.fuzz.cases import cases

CAMPAIGN = "2026-ngay-hoi-dai-doan-ket"
GOOD = (Path(__file__).resolve().parents[2] / "data" / "mau" / CAMPAIGN / "ngay-hoi-xa-muong-phang.xlsx").read_bytes()
HOSTILE = [c for c in cases() if c.command == "kiem-tra" and all(str(n).endswith(".xlsx") for n in c.files)][::10]


def test_there_are_hostile_workbooks_to_try():
    assert len(HOSTILE) >= 10


@pytest.mark.slow
@pytest.mark.parametrize("case", HOSTILE, ids=lambda c: c.name)
def test_a_hostile_workbook_never_stops_the_good_one_of_a_form_campaign(case, tmp_path, capsys):
    folder = tmp_path / "vao"
    folder.mkdir()
    for name, data in {**case.files, "z-good.xlsx": GOOD}.items():
        (folder / (name if isinstance(name, str) else name.decode("utf-8", "replace"))).write_bytes(data)
    capsys.readouterr()
    code = main(["kiem-tra", str(folder), "--chien-dich", CAMPAIGN, "--json"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and INTERNAL not in out + err, err[-3000:]
    assert code in (0, 1, 2)
    files = json.loads(out)["files"]
    assert any(f["path"].endswith("z-good.xlsx") and f["reporting_unit"]["name"] == "Xã Mường Phăng" for f in files)
