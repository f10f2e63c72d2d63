"""A form campaign works wherever a page campaign does: `kiem-tra --tra-lai`, `tong-hop --don-doc`,
`bao-cao --phu-luc-rieng`, and one wording for what docgen fixed by itself.

On the shipped festival samples (data/mau/2026-ngay-hoi-dai-doan-ket) with their planted mistakes:
Mường Phăng's money typed with dots and Mường Thanh's with commas (BM-03, normalised), Thanh Nưa's
"đã tổ chức" above the total (BM-05), Nà Tấu's date outside the window (BM-06), Sín Thầu silent and
Mường Chà late. Every outcome is read back from the files written.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from docgen import api, cli
from docgen.checks.rules import AUTO_FIXED
from docgen.jobs.tra_lai import ANNOTATED, NORMALISED

CAMPAIGN = "2026-ngay-hoi-dai-doan-ket"
ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "mau" / CAMPAIGN
PHANG, THANH, NUA, TAU = ("ngay-hoi-xa-muong-phang", "ngay-hoi-phuong-muong-thanh", "ngay-hoi-xa-thanh-nua",
                          "ngay-hoi-xa-na-tau")


def _run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue() + err.getvalue()


@pytest.fixture(scope="module")
def returned(tmp_path_factory) -> tuple[Path, int, str]:
    """Return (folder of returned copies, exit code, console) of `kiem-tra --tra-lai` on the festival samples."""
    out = tmp_path_factory.mktemp("tra-lai")
    code, text = _run("kiem-tra", str(SAMPLES), "--chien-dich", CAMPAIGN, "--tra-lai", str(out))
    return out, code, text


def _note(path: Path, cell: str) -> tuple[object, str, str]:
    """Return (value, note text, fill colour) of a cell of the «Phụ lục» sheet."""
    ws = load_workbook(path)["Phụ lục"]
    c = ws[cell]
    return c.value, c.comment.text if c.comment else "", c.fill.fgColor.rgb


def _listed(path: Path) -> list[tuple]:
    """Return the rows of the list «Vấn đề cần sửa» below its header: (STT, level, rule, place, problem, todo)."""
    ws = load_workbook(path)["Vấn đề cần sửa"]
    return [r for r in ws.iter_rows(min_row=4, values_only=True)]


def test_every_wrong_cell_is_marked_in_the_units_own_workbook(returned):
    out, code, text = returned
    assert code == 1                      # errors in the files, every copy written
    value, note, fill = _note(out / f"{NUA}-{ANNOTATED}.xlsx", "D9")
    assert value == 16 and "[BM-05] Lỗi:" in note and fill.endswith("FFC7CE")
    value, note, fill = _note(out / f"{TAU}-{ANNOTATED}.xlsx", "E9")
    assert value == "02/11/2025" and "[BM-06] Lỗi:" in note and "01/10/2026" in note and fill.endswith("FFC7CE")
    value, note, fill = _note(out / f"{PHANG}-{ANNOTATED}.xlsx", "H9")
    assert value == "102.000.000" and "[BM-03] Cảnh báo:" in note and fill.endswith("FFEB9C")
    assert f"{PHANG}-{NORMALISED}.xlsx" in note        # the note says where the clean value is
    assert [(r[1], r[2], r[3]) for r in _listed(out / f"{NUA}-{ANNOTATED}.xlsx")] == [("Lỗi", "BM-05", "Phụ lục › D9")]
    assert [(r[1], r[2], r[3]) for r in _listed(out / f"{TAU}-{ANNOTATED}.xlsx")] == [("Lỗi", "BM-06", "Phụ lục › E9")]
    assert f"{PHANG}.xlsx → {PHANG}-{ANNOTATED}.xlsx (1 vấn đề), {PHANG}-{NORMALISED}.xlsx (1 ô đã chuẩn hóa)" in text


def test_the_normalised_copy_holds_the_money_as_a_number_and_checks_clean(returned):
    out, _, _ = returned
    assert _note(out / f"{PHANG}-{NORMALISED}.xlsx", "H9")[0] == 102_000_000
    assert _note(out / f"{THANH}-{NORMALISED}.xlsx", "H9")[0] == 89_100_000
    # Only the normalised values change: nothing to normalise where the mistakes are the clerk's to fix.
    assert not (out / f"{NUA}-{NORMALISED}.xlsx").exists() and not (out / f"{TAU}-{NORMALISED}.xlsx").exists()
    again = api.kiem_tra([out / f"{PHANG}-{NORMALISED}.xlsx", out / f"{THANH}-{NORMALISED}.xlsx"], CAMPAIGN)
    assert [len(s.problems) for s in again.submissions] == [0, 0] and again.exit_code == 0


def test_the_returned_copies_are_listed_in_json_and_never_written_over_the_inputs(tmp_path):
    code, text = _run("kiem-tra", str(SAMPLES / f"{PHANG}.xlsx"), "--chien-dich", CAMPAIGN, "--json",
                      "--tra-lai", str(tmp_path))
    data = json.loads(text)
    assert data["tra_lai"][0]["changes"] == 1 and len(data["tra_lai"][0]["files"]) == 2 and code == 0
    folder = tmp_path / "nop"
    folder.mkdir()
    shutil.copy(SAMPLES / f"{PHANG}.xlsx", folder)
    code, text = _run("kiem-tra", str(folder), "--chien-dich", CAMPAIGN, "--tra-lai", str(folder))
    assert code == 2 and "phải khác thư mục" in text and sorted(p.name for p in folder.iterdir()) == [f"{PHANG}.xlsx"]


def test_the_reminder_names_the_silent_the_late_and_the_wrong_communes(tmp_path):
    code, text = _run("tong-hop", str(SAMPLES), "--chien-dich", CAMPAIGN, "-o", str(tmp_path), "--don-doc",
                      "--han-moi", "10/12/2026")
    reminder = tmp_path / "cong-van-don-doc.docx"
    assert code == 1 and reminder.exists()
    body = "\n".join(p.text for p in docx.Document(str(reminder)).paragraphs)
    to = body[body.index("Kính gửi"):body.index("Ngày")]
    for commune in ("Sín Thầu", "Mường Chà", "Thanh Nưa", "Nà Tấu"):
        assert commune in " ".join(to.split()), commune
    assert "Mường Phăng" not in body and "Mường Thanh" not in body   # normalised only: nothing to remind of
    assert "chưa nhận được báo cáo của xã Sín Thầu" in body
    assert "xã Mường Chà (ngày 03/12/2026)" in body
    assert "xã Thanh Nưa (1 lỗi), xã Nà Tấu (1 lỗi)" in body and body.count("10/12/2026") == 2
    assert "số liệu còn lỗi: Xã Thanh Nưa (1 lỗi), Xã Nà Tấu (1 lỗi)" in text
    assert [r.errors for r in api.the_thuc([reminder])] == [[]]


def test_a_reminder_deadline_before_the_missed_one_is_refused(tmp_path):
    code, text = _run("tong-hop", str(SAMPLES), "--chien-dich", CAMPAIGN, "-o", str(tmp_path), "--don-doc",
                      "--han-moi", "20/11/2026")
    assert code == 2 and "phải sau hạn báo cáo đã qua (30/11/2026)" in text and not list(tmp_path.iterdir())


def test_the_appendix_alone_carries_the_units_row_and_passes_nd30(tmp_path):
    code, text = _run("bao-cao", str(SAMPLES / f"{PHANG}.xlsx"), "--chien-dich", CAMPAIGN, "-o", str(tmp_path),
                      "--phu-luc-rieng")
    alone = tmp_path / "xa-muong-phang" / "phu-luc-xa-muong-phang.docx"
    assert code == 0 and alone.exists() and "không có lỗi (phu-luc-xa-muong-phang.docx)" in text
    rows = [[c.text for c in r.cells] for t in docx.Document(str(alone)).tables for r in t.rows]
    assert ["1", "Xã Mường Phăng", "32", "30", "02/11/2026", "05/11/2026", "3.720", "102.000.000", "180", "Có"] in rows
    assert [r.errors for r in api.the_thuc([alone])] == [[]]


def test_what_docgen_fixed_itself_reads_the_same_on_form_and_page_campaigns():
    _, form = _run("kiem-tra", str(SAMPLES / f"{PHANG}.xlsx"), str(SAMPLES / f"{NUA}.xlsx"), "--chien-dich", CAMPAIGN)
    h9 = next(line for line in form.splitlines() if "› H9" in line)
    assert h9.endswith(AUTO_FIXED) and "Đã sửa thành" not in form
    assert "→ Cách sửa: Sửa để «Số khu dân cư đã tổ chức» không lớn hơn «Tổng số khu dân cư»." in form
    _, page = _run("kiem-tra", str(ROOT / "data" / "mau" / "2022-dien-bien" / "muong-nhe.xlsx"))
    assert AUTO_FIXED in page
