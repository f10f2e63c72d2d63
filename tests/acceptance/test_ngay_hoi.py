"""The festival campaign works from its folder alone: bieu-mau → filled with openpyxl → kiem-tra → bao-cao → tong-hop.

No Python knows this campaign: its columns, rules, figures and sentences are in
data/chien-dich/2026-ngay-hoi-dai-doan-ket/chien-dich.toml. The test fills the
blank workbooks as clerks would, with four planted mistakes and one commune
that sends nothing, and reads every result back: the rules and cells of each
mistake, the sums in the reports, the summary and its Phụ lục, and ND30.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from docgen import api
from docgen.cli import main
from docgen.workbooks.sheets import FIRST_DATA_ROW, FORM_SHEET

CAMPAIGN = "2026-ngay-hoi-dai-doan-ket"
SAMPLES = Path(__file__).resolve().parents[2] / "data" / "mau" / CAMPAIGN
SILENT = "Xã Sín Thầu"       # sends nothing
DOTS, COMMAS = "Xã Mường Phăng", "Phường Mường Thanh"
TOO_MANY, OLD_DATE = "Xã Thanh Nưa", "Xã Nà Tấu"
# The columns C… of the form, in the campaign's order.
KEYS = ("so_khu_dan_cu", "da_to_chuc", "tu_ngay", "den_ngay", "nguoi_tham_gia", "kinh_phi", "ho_khen_thuong",
        "chu_tich_du")


def _values(n: int) -> dict:
    """Return a commune's honest figures, different for each `n`."""
    total = 10 + n % 17
    return {"so_khu_dan_cu": total, "da_to_chuc": total - (n % 3 == 0), "tu_ngay": dt.datetime(2026, 11, 1 + n % 9),
            "den_ngay": dt.datetime(2026, 11, 12 + n % 6), "nguoi_tham_gia": 150 * total + n,
            "kinh_phi": 1_000_000 * total + 500_000 * n, "ho_khen_thuong": 4 * total, "chu_tich_du": "Có" if n % 5 else "Không"}


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> tuple[Path, dict]:
    """Return the folder of filled workbooks and, per commune, what was filled in (as numbers)."""
    blank = tmp_path_factory.mktemp("blank")
    books = api.bieu_mau(CAMPAIGN, blank)
    out = tmp_path_factory.mktemp("filled")
    typed: dict[str, dict] = {}
    n = 0
    for book in books:
        wb = load_workbook(book)
        ws = wb[FORM_SHEET]
        units = []
        for row in range(FIRST_DATA_ROW, ws.max_row + 1):
            name = ws.cell(row, 2).value
            if not isinstance(ws.cell(row, 1).value, int) or not name or name == SILENT:
                continue
            n += 1
            values = _values(n)
            shown = dict(values)
            if name == DOTS:
                shown["kinh_phi"] = f"{values['kinh_phi']:,}".replace(",", ".")
            if name == COMMAS:
                shown["kinh_phi"] = f"{values['kinh_phi']:,}"
            if name == TOO_MANY:
                values["da_to_chuc"] = shown["da_to_chuc"] = values["so_khu_dan_cu"] + 2
            if name == OLD_DATE:
                shown["tu_ngay"] = "02/11/2025"
                values["tu_ngay"] = dt.datetime(2025, 11, 2)
            for col, key in enumerate(KEYS, start=3):
                ws.cell(row, col).value = shown[key]
            typed[name] = values | {"row": row}
            units.append(name)
        info = wb["Thông tin"]
        for r in range(1, info.max_row + 1):
            label = info.cell(r, 1).value
            if label == "Người ký":
                info.cell(r, 2).value = "Lò Văn Hùng"
            if label == "Đề xuất, kiến nghị":
                info.cell(r, 2).value = "Đề nghị tỉnh hỗ trợ kinh phí cho các bản đặc biệt khó khăn."
        if units:
            wb.save(out / book.name)
    return out, typed


def _located(result, rule: str) -> set[tuple[str, str]]:
    return {(p.location.cell, p.unit_code) for s in result.submissions for p in s.problems if p.rule == rule}


@pytest.mark.slow
def test_every_planted_mistake_is_found_by_rule_and_cell(filled):
    folder, typed = filled
    result = api.kiem_tra([folder], chien_dich=CAMPAIGN)
    assert result.unusable == () and result.exit_code == 1
    cells = {name: row["row"] for name, row in typed.items()}
    money = {f"H{cells[DOTS]}", f"H{cells[COMMAS]}"}
    assert money <= {cell for cell, _ in _located(result, "BM-03")}
    assert {cell for cell, _ in _located(result, "BM-05")} == {f"D{cells[TOO_MANY]}"}
    assert {cell for cell, _ in _located(result, "BM-06")} == {f"E{cells[OLD_DATE]}"}
    read = {p.message for s in result.submissions for p in s.problems if p.rule == "BM-03"}
    assert any("đã đọc thành số tiền (đồng)" in m for m in read)
    # A province-wide form lists every commune: the one left empty is missing from it (DV-02). Where each
    # commune has its own workbook, the silent one sends no file: tong-hop names it (TH-02, next test).
    everything = [(p.rule, p.message) for s in result.submissions for p in s.problems]
    silent = any(rule == "DV-02" and SILENT.split(" ", 1)[1] in message for rule, message in everything)
    assert silent == (len(list(folder.glob("*.xlsx"))) == 1)


@pytest.mark.slow
def test_reports_and_the_summary_carry_the_sums_of_what_was_filled(filled, tmp_path):
    folder, typed = filled
    reports = api.bao_cao([folder], tmp_path / "bc", chien_dich=CAMPAIGN)
    assert reports.refused == () and reports.written
    for w in reports.written:
        assert [f.rule for c in w.format_checks for f in c.errors] == []
    summary = api.tong_hop(folder, CAMPAIGN, tmp_path / "th")
    assert summary.missing == (SILENT,)
    assert any(p.rule == "TH-02" and SILENT in p.message for p in summary.problems)
    assert [f.rule for c in summary.format_checks for f in c.errors] == []
    total = sum(v["so_khu_dan_cu"] for v in typed.values())
    money = sum(v["kinh_phi"] for v in typed.values())
    people = sum(v["nguoi_tham_gia"] for v in typed.values())
    dot = lambda n: f"{n:,}".replace(",", ".")  # noqa: E731
    assert summary.figures["tong_khu_dan_cu"] == dot(total)
    assert summary.figures["tong_kinh_phi"] == dot(money)
    document = docx.Document(tmp_path / "th" / "bao-cao-tong-hop.docx")
    text = "\n".join(p.text for p in document.paragraphs)
    # Only the communes that reported are summed: not "toàn tỉnh" (second reader, C3); no lateness line (C6).
    assert f"Các xã, phường đã báo cáo có {dot(total)} khu dân cư" in text and "sau hạn" not in text
    assert f"Kinh phí vận động: {dot(money)} đồng." in text
    assert f"Đã có {len(typed)}/45 xã, phường báo cáo kết quả." in text
    assert "Xã, phường chưa báo cáo: xã Sín Thầu." in text
    appendix = document.tables[-1]
    last = [c.text for c in appendix.rows[-1].cells]
    assert last[1] == "Tổng cộng" and last[2] == dot(total) and last[6] == dot(people) and last[7] == dot(money)
    # two header rows: «Thời gian tổ chức» over «Từ ngày», «Đến ngày» (the declared group, as in the page Phụ lục)
    assert [c.text for c in appendix.rows[1].cells[3:6]] == ["Số khu dân cư đã tổ chức", "Từ ngày", "Đến ngày"]
    assert appendix.rows[0].cells[4].text == appendix.rows[0].cells[5].text == "Thời gian tổ chức"
    numbered = [r.cells[0].text for r in appendix.rows[2:-1]]
    signature = next(t for t in document.tables if t.cell(0, 0).text.startswith("Nơi nhận")).cell(0, 1).text
    assert signature.split() == "TM. BAN THƯỜNG TRỰC PHÓ CHỦ TỊCH Lò Văn Mạnh".split()   # as the dispatch ([van_ban.ky])
    silent = next(r for r in appendix.rows if r.cells[1].text == SILENT)   # one wording per fact ([loi_van])
    assert [c.text for c in silent.cells[2:4]] == ["Chưa báo cáo", ""]
    assert numbered == [str(i) for i in range(1, 46)]   # every commune of the list, in official order
    book = load_workbook(tmp_path / "th" / "tong-hop.xlsx")["Tổng hợp"]
    totals = next(r for r in book.iter_rows(values_only=True) if r[1] == "Tổng cộng")
    assert totals[7] == money


@pytest.mark.slow
def test_the_shipped_samples_check_and_compile_from_the_command_line(tmp_path, capsys):
    assert main(["kiem-tra", str(SAMPLES), "--chien-dich", CAMPAIGN]) == 1
    said = capsys.readouterr().out
    for rule, cell in (("BM-03", "ngay-hoi-xa-muong-phang.xlsx › Phụ lục › H9"),
                       ("BM-03", "ngay-hoi-phuong-muong-thanh.xlsx › Phụ lục › H9"),
                       ("BM-05", "ngay-hoi-xa-thanh-nua.xlsx › Phụ lục › D9"),
                       ("BM-06", "ngay-hoi-xa-na-tau.xlsx › Phụ lục › E9")):
        assert re.search(rf"\[{rule}\] {re.escape(cell)}:", said), (rule, cell)
    assert main(["tong-hop", str(SAMPLES), "--chien-dich", CAMPAIGN, "-o", str(tmp_path)]) == 1
    said = capsys.readouterr().out
    assert "Đã báo cáo 44/45 đơn vị. Chưa báo cáo: Xã Sín Thầu." in said
    assert "[TH-03] ngay-hoi-xa-muong-cha.xlsx: Xã Mường Chà nộp ngày 03/12/2026, trễ 3 ngày" in said
    assert main(["the-thuc", str(tmp_path / "bao-cao-tong-hop.docx")]) == 0
    assert main(["cong-van", CAMPAIGN, "-o", str(tmp_path / "cv")]) == 0


@pytest.mark.slow
def test_a_report_with_errors_is_a_draft_and_its_wrong_value_is_marked_not_counted(filled, tmp_path):
    """Issue 16 on a campaign's own form: errors left → «DỰ THẢO», blank number (DR-01); the value an error
    names (Thanh Nưa's 16 held of 14) is printed «(chưa đúng)» and left out of every figure."""
    folder, typed = filled
    reports = api.bao_cao([folder], tmp_path / "bc", chien_dich=CAMPAIGN)
    by_unit = {w.unit: w for w in reports.written}
    assert by_unit[TOO_MANY].draft.startswith("dữ liệu còn") and by_unit[OLD_DATE].draft
    clean = next(w for name, w in by_unit.items() if name not in (TOO_MANY, OLD_DATE, DOTS, COMMAS))
    assert clean.draft == ""
    wrong = docx.Document(by_unit[TOO_MANY].files[0])
    header = "\n".join(c.text for t in wrong.tables[:1] for r in t.rows for c in r.cells)
    assert "DỰ THẢO" in "\n".join(p.text for p in wrong.paragraphs) + header
    assert re.search(r"Số:\s*/BC", header)
    held = typed[TOO_MANY]["da_to_chuc"]
    cells = [c.text for c in wrong.tables[-1].rows[-1].cells] + [c.text for r in wrong.tables[-1].rows for c in r.cells]
    assert f"{held} (chưa đúng)" in cells
    signed = api.bao_cao([folder / next(p.name for p in folder.glob("*.xlsx") if "thanh-nua" in p.name)],
                         tmp_path / "ky", chien_dich=CAMPAIGN, ban_ky=True)
    assert signed.written[0].draft == ""
    summary = api.tong_hop(folder, CAMPAIGN, tmp_path / "th")
    counted = sum(v["da_to_chuc"] for name, v in typed.items() if name != TOO_MANY)
    assert summary.figures["tong_da_to_chuc"] == f"{counted:,}".replace(",", ".")
    assert summary.draft.startswith("dữ liệu còn")


def test_no_figure_silently_leaves_out_a_wrong_value(filled, tmp_path):
    """Issue 16: Thanh Nưa's held 16 of 14 is wrong. Its own report prints what it sent, marked, never «0/14»;
    the summary's fraction runs over the communes whose two values are valid, the ratio too, and the sentence
    and the Phụ lục's total name the commune left out."""
    folder, typed = filled
    dot = lambda n: f"{n:,}".replace(",", ".")  # noqa: E731
    wrong = typed[TOO_MANY]
    own = api.bao_cao([folder / next(p.name for p in folder.glob("*.xlsx") if "thanh-nua" in p.name)],
                      tmp_path / "bc", chien_dich=CAMPAIGN)
    own_text = "\n".join(p.text for p in docx.Document(own.written[0].files[0]).paragraphs)
    assert f"tại {wrong['da_to_chuc']} (chưa đúng)/{wrong['so_khu_dan_cu']} khu dân cư" in own_text
    assert f"tại 0/{wrong['so_khu_dan_cu']}" not in own_text and ", đạt 0%" not in own_text
    summary = api.tong_hop(folder, CAMPAIGN, tmp_path / "th")
    valid = [v for name, v in typed.items() if name != TOO_MANY]
    held, total = sum(v["da_to_chuc"] for v in valid), sum(v["so_khu_dan_cu"] for v in valid)
    document = docx.Document(tmp_path / "th" / "bao-cao-tong-hop.docx")
    text = "\n".join(p.text for p in document.paragraphs)
    ratio = f"{100 * held / total:.1f}".replace(".", ",").removesuffix(",0")
    assert f"tại {dot(held)}/{dot(total)} khu dân cư, đạt {ratio}%" in text
    assert summary.figures["ti_le_to_chuc"] == f"{ratio}%"
    assert "(chưa tính xã Thanh Nưa: số khu dân cư đã tổ chức chưa đúng)" in text
    last = [c.text for c in document.tables[-1].rows[-1].cells]
    assert last[3] == f"{dot(held)} (chưa tính xã Thanh Nưa)"


def test_a_report_answering_a_dispatch_not_yet_numbered_is_a_draft_even_when_asked_to_sign(filled, tmp_path):
    """Issue 16 (C4 of the second reading): a report cites the province's dispatch by number and date; while the
    campaign's [van_ban] has no number (the dispatch is still a draft) no report or summary is a copy to sign."""
    import shutil

    folder, _ = filled
    source = Path(__file__).resolve().parents[2] / "data" / "chien-dich" / CAMPAIGN
    copy = tmp_path / "chua-so"
    shutil.copytree(source, copy)
    toml = copy / "chien-dich.toml"
    text = toml.read_text(encoding="utf-8")
    assert text.count('so = "2315"\nngay = 2026-10-05\n') == 1
    toml.write_text(text.replace('so = "2315"\nngay = 2026-10-05\n', 'so = ""\nnam = 2026\n'), encoding="utf-8")
    one = next(p for p in folder.glob("*.xlsx") if "muong-pon" in p.name)
    for campaign, cause in ((str(copy), "chưa có số"), (CAMPAIGN, "")):
        written = api.bao_cao([one], tmp_path / f"bc-{bool(cause)}", chien_dich=campaign, ban_ky=True).written[0]
        assert (cause in written.draft) if cause else written.draft == ""
        header = "\n".join(c.text for t in docx.Document(written.files[0]).tables[:1] for r in t.rows for c in r.cells)
        body = "\n".join(p.text for p in docx.Document(written.files[0]).paragraphs)
        assert ("DỰ THẢO" in header + body) == bool(cause)
        assert ("Công văn số 2315/MTTQ-BTT ngày 05/10/2026" in body) == (not cause)
    assert "chưa có số" in api.tong_hop(folder, str(copy), tmp_path / "th").draft
