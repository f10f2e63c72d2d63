"""Fuzz suite: every broken or hostile input (tests/fuzz/cases.py) goes through the real command, in this process.

Each case asserts: no traceback and no internal error, an exit code the README
documents, the good file put beside the hostile one still processed, and the
memory the case took (peak resident size, reset before each case on Linux)
under the limit docs/gioi-han.md promises.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest

from docgen.cli import main
from docgen.errors import INTERNAL
from tests.fuzz import fresh
from tests.fuzz.cases import SAMPLES, cases

CASES = {case.name: case for case in [*cases(), *fresh.cases()]}
GOOD_XLSX = (SAMPLES / "muong-nhe.xlsx").read_bytes()
GOOD_DOCX = (SAMPLES / "dien-bien-dong.docx").read_bytes()
GOOD_REPORT = Path("huyen-muong-nhe") / "bao-cao-ket-qua-huyen-muong-nhe.docx"
MEMORY_MB = 450   # a case may add this much to the process's resident size (500 MB in all for a fresh process)
CODES = {"kiem-tra": {1, 2}, "the-thuc": {0, 1, 2}, "bao-cao": {0, 1, 2}, "tong-hop": {0, 1, 2},
         "thong-tin": {0, 1, 2}, "campaign": {0, 1, 2}, "mau": {0, 1, 2}, "the-thuc-sua": {0, 1, 2},
         "bieu-mau": {0, 2}, "tong-hop-campaign": {0, 1, 2}, "tra-lai": {1, 2}, "form-tong-hop": {0, 1, 2},
         "form-definition": {0, 1, 2}}
ESCAPED = Path("/tmp/docgen-escaped")   # where a campaign id "../../../../../tmp/docgen-escaped" would lead


def _status(field: str) -> int:
    """Return a memory figure of this process from /proc (MB), 0 where there is none."""
    try:
        found = re.search(rf"{field}:\s+(\d+)", Path("/proc/self/status").read_text())
    except OSError:
        return 0
    return int(found.group(1)) // 1024 if found else 0


def _reset_peak() -> int:
    """Reset the peak resident size (Linux), return the resident size now."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass
    return _status("VmRSS")


def _write(folder: Path, files: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        path = os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else os.fsencode(name))
        if callable(data):   # an entry that is no regular file (a pipe, a shortcut): made by the case
            data(path)
            continue
        with open(path, "wb") as fh:
            fh.write(data)


def _argv(case, tmp: Path) -> list[str]:
    folder, out = tmp / "vao", tmp / "ra"
    _write(folder, case.files)
    if case.command in ("kiem-tra", "bao-cao", "tong-hop", "tra-lai"):
        _write(folder, {"z-good.xlsx": GOOD_XLSX})
    if case.command == "kiem-tra":
        return ["kiem-tra", str(folder), "--json"]
    if case.command == "tra-lai":
        return ["kiem-tra", str(folder), "--tra-lai", str(out)]
    if case.command == "the-thuc":
        _write(folder, {"z-good.docx": GOOD_DOCX})
        return ["the-thuc", str(folder), "--json"]
    if case.command == "bao-cao":
        return ["bao-cao", str(folder), "-o", str(out)]
    if case.command == "tong-hop":
        return ["tong-hop", str(folder), "-o", str(out)]
    if case.command == "thong-tin":
        _write(tmp / "mau", {"z-good.xlsx": GOOD_XLSX})
        return ["tong-hop", str(tmp / "mau"), "-o", str(out), "--thong-tin", str(folder / "thong-tin.xlsx")]
    if case.command == "campaign":
        return ["cong-van", str(folder), "-o", str(out)]
    if case.command == "the-thuc-sua":
        _write(folder, {"z-good.docx": fresh.dispatch_docx()})
        return ["the-thuc", str(folder), "--sua", "-o", str(out), "--html", str(tmp / "bao-cao.html")]
    if case.command == "bieu-mau":
        return ["bieu-mau", str(folder), "-o", str(out), "--don-vi", "Mường Nhé"]
    if case.command == "form-tong-hop":
        _write(folder, {"z-good.xlsx": (fresh.FESTIVAL_SAMPLES / "ngay-hoi-xa-cha-to.xlsx").read_bytes()})
        return ["tong-hop", str(folder), "--chien-dich", str(fresh.FESTIVAL), "-o", str(out)]
    if case.command == "form-definition":
        return ["chien-dich", "xem-thu", str(folder), "-o", str(out)]
    if case.command == "tong-hop-campaign":
        _write(tmp / "mau", {"z-good.xlsx": GOOD_XLSX})
        return ["tong-hop", str(tmp / "mau"), "--chien-dich", str(folder), "-o", str(out), "--don-doc"]
    return ["mau", "kiem-tra", str(folder / "cong_van.docx"), "--loai", "cong-van"]


def _others_processed(case, tmp: Path, out: str) -> None:
    """Assert that the good file beside the hostile one was processed."""
    if case.command == "kiem-tra":
        files = json.loads(out)["files"]
        assert any(f["path"].endswith("z-good.xlsx") and f["reporting_unit"]["name"] == "Huyện Mường Nhé"
                   for f in files), out[-2000:]
    elif case.command == "the-thuc":
        results = json.loads(out)
        assert any(r["file"].endswith("z-good.docx") and r["readable"] for r in results), out[-2000:]
    elif case.command == "bao-cao":
        assert (tmp / "ra" / GOOD_REPORT).is_file()
    elif case.command == "tong-hop":
        assert (tmp / "ra" / "tong-hop.xlsx").is_file() and (tmp / "ra" / "bao-cao-tong-hop.docx").is_file()
    elif case.command == "form-tong-hop":   # the good commune counted, whatever the other file holds
        assert (tmp / "ra" / "tong-hop.xlsx").is_file() and "Đã báo cáo 2/" in out, out[-2000:]
    elif case.command == "tra-lai":   # every readable file returned, under a name the file system takes
        assert (tmp / "ra" / "z-good-ghi-chu.xlsx").is_file()
        assert "không trả lại được" not in out, out[-2000:]
    elif case.command == "the-thuc-sua":
        assert (tmp / "ra" / "z-good-da-sua.docx").is_file() and "z-good.docx" in (tmp / "bao-cao.html").read_text()
        assert "không ghi được" not in out, out[-2000:]
    elif case.command == "bieu-mau":   # every cell fits Excel's 32,767 characters (else Excel calls it damaged)
        assert all(len(t) <= 32_767 for x in (tmp / "ra").glob("*.xlsx") for t in fresh.sheet_cells(x))
    assert not ESCAPED.exists(), "a campaign id led a file out of -o"


@pytest.mark.parametrize("name", list(CASES))
def test_a_hostile_input_never_stops_the_others(name, tmp_path, capsys):
    case = CASES[name]
    argv = _argv(case, tmp_path)
    capsys.readouterr()
    before = _reset_peak()
    code = main(argv)
    peak = _status("VmHWM")
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and INTERNAL not in out + err, err[-3000:]
    assert code in CODES[case.command], (code, err[-2000:])
    if code == 2 and case.command == "the-thuc":
        assert any(not r["readable"] and r["error"] for r in json.loads(out)), "exit 2 must say which file and why"
    elif code == 2 and case.command == "the-thuc-sua":
        assert "không đọc được" in out, "exit 2 must say which file and why"
    elif code == 2 and case.command == "tra-lai":
        assert "Không dùng được" in out, "exit 2 must say which file and why"
    elif code == 2:
        assert err.strip(), "exit 2 must say which file and why"
    _others_processed(case, tmp_path, out)
    if peak and sys.platform.startswith("linux"):
        assert peak - before < MEMORY_MB, f"{name}: {peak - before} MB"


def test_there_are_at_least_300_cases_of_every_kind():
    kinds = {case.command for case in CASES.values()}
    assert len(CASES) >= 300 and kinds == set(CODES)
