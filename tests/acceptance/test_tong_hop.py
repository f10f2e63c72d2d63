"""The province's officer sums up the districts' (or communes') submissions: `docgen tong-hop FOLDER -o OUT/`.

On the 2022 Điện Biên sample with one district's file removed and another dated after
the 31/3/2022 deadline, the console, the .xlsx and the report say exactly that; the
totals are the sums over the submissions; every record is in the consolidated Phụ lục;
the report passes the ND30 and OOXML checks; the two-level 2026 campaign works the same.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import shutil
from pathlib import Path

import docx
import pytest
from openpyxl import Workbook, load_workbook

from docgen import api, cli
from tests.forms import PAGE_FORM
from docgen.records.form import FACTS_SHEET
from tests.forms import FACT_FIELDS
from docgen.records.units import DATA_DIR

SAMPLE_2022 = DATA_DIR / "mau" / "2022-dien-bien"
SAMPLE_2026 = DATA_DIR / "mau" / "2026-dien-bien"
C2022 = "2022-trang-cong-dong"
C2026 = "2026-ra-soat-trang-cong-dong"
LATE = dt.date(2022, 4, 2)


def _need(folder: Path) -> None:
    """The sample data ships with docgen: a missing folder fails the test, it is never skipped."""
    assert folder.is_dir(), f"thiếu dữ liệu mẫu {folder}"


def _set_report_date(path: Path, day: dt.date) -> None:
    """Write `day` as the "Ngày báo cáo" of an .xlsx submission's facts sheet."""
    wb = load_workbook(path)
    ws = wb[FACTS_SHEET]
    row = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value or "").strip() == "Ngày báo cáo")
    ws.cell(row, 2).value = day
    wb.save(path)


@pytest.fixture(scope="module")
def case(tmp_path_factory):
    """Run tong-hop once on the altered 2022 sample; return (exit code, console, result, removed, late, out)."""
    _need(SAMPLE_2022)
    folder = tmp_path_factory.mktemp("nop")
    for f in SAMPLE_2022.iterdir():
        if f.is_file():
            shutil.copy2(f, folder / f.name)
    xlsx = sorted(folder.glob("*.xlsx"))
    removed, late = xlsx[0], xlsx[1]
    removed_unit = _unit_of(removed)
    late_unit = _unit_of(late)
    removed.unlink()
    _set_report_date(late, LATE)
    out = tmp_path_factory.mktemp("ra")
    facts = _province_facts(tmp_path_factory.mktemp("tinh") / "thong-tin-tinh.xlsx")
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = cli.main(["tong-hop", str(folder), "--chien-dich", C2022, "-o", str(out), "--thong-tin", str(facts)])
    result = api.tong_hop(folder, C2022, out, ghi_de=True, thong_tin=facts)
    return code, buf.getvalue(), result, removed_unit, late_unit, out


def _province_facts(path: Path) -> Path:
    """Write the province's "Thông tin" sheet (a draft: no number or date yet) and return its path."""
    wb = Workbook()
    ws = wb.active
    ws.title = FACTS_SHEET
    values = {"don_vi": "Tỉnh Điện Biên", "nguoi_ky": "Giàng Trọng Bình", "tham_quyen": "KT. CHỦ TỊCH",
              "chuc_vu": "PHÓ CHỦ TỊCH", "luu": "DCPL",
              "noi_nhan": "Ban Tuyên giáo Tỉnh ủy (để biết)\nThường trực Tỉnh ủy (b/c)",
              "de_xuat": "Đề nghị tập huấn quản trị “Trang cộng đồng” cho cán bộ cấp xã."}
    for field in FACT_FIELDS:
        ws.append([field.label, values.get(field.key)])
    wb.save(path)
    return path


def _campaign():
    from docgen.campaigns.campaign import load_campaign

    return load_campaign(C2022)


def _unit_of(path: Path):
    from docgen.checks import check_source
    from docgen.readers import read_source

    return check_source(read_source(path, PAGE_FORM), _campaign()).reporting_unit


def _statuses(xlsx: Path) -> dict[str, str]:
    ws = load_workbook(xlsx)["Tổng hợp"]
    return {r[2]: r[3] for r in ws.iter_rows(min_row=2, values_only=True) if r[0] is not None}


def _report_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_the_console_lists_every_district_with_its_status_and_the_files_written(case):
    code, console, result, removed, late, out = case
    assert code == 1  # a district has not reported: an error (TH-02)
    assert f"{removed.full_name}" in console and "Chưa nộp" in console and "Trễ hạn" in console
    assert "Đã nộp 9/10: 8 đúng hạn, 1 trễ hạn, 0 không rõ ngày, 1 chưa nộp." in console
    assert f"  {out / 'tong-hop.xlsx'}" in console and f"  {out / 'bao-cao-tong-hop.docx'}" in console


def test_the_workbook_says_exactly_which_district_is_missing_and_which_is_late(case):
    _, _, result, removed, late, out = case
    statuses = _statuses(out / "tong-hop.xlsx")
    assert len(statuses) == 10
    assert {k for k, v in statuses.items() if v == "Chưa nộp"} == {removed.full_name}
    assert {k for k, v in statuses.items() if v == "Trễ hạn"} == {late.full_name}
    assert {v for k, v in statuses.items() if k not in (removed.full_name, late.full_name)} == {"Đúng hạn"}
    problems = list(load_workbook(out / "tong-hop.xlsx")["Vấn đề"].iter_rows(min_row=2, values_only=True))
    assert [p[2] for p in problems if p[1] == "TH-02"] == [removed.official_code]
    assert [p[2] for p in problems if p[1] == "TH-03"] == [late.official_code]
    # Codes as the official list writes them (issue 16, item 11): 3 digits for a district, 5 for a commune.
    book = load_workbook(out / "tong-hop.xlsx")
    assert {len(r[1]) for r in book["Tổng hợp"].iter_rows(min_row=2, values_only=True) if r[0] is not None} == {3}
    listed = {(r[1], len(r[2])) for r in book["Danh sách Trang"].iter_rows(min_row=2, values_only=True) if r[2]}
    assert listed == {("Cấp huyện", 3), ("Cấp xã", 5)}


def test_the_report_to_the_centre_names_the_missing_district_without_internal_tracking(case):
    _, _, result, removed, late, out = case
    text = _report_text(out / "bao-cao-tong-hop.docx")
    assert "Kính gửi: Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam" in text
    assert text.count("Thực hiện Công văn số 3344/MTTW-BTT ngày 02/12/2021 của Ban Thường trực Ủy ban Trung ương") == 1
    assert "Ban Thường trực đã ban hành Công văn số 1031/MTTQ-BTT ngày 25/02/2022" in text
    assert f"- Chưa báo cáo: {removed.label}." in text
    assert "(90%) đã báo cáo kết quả." in text
    assert f"- Báo cáo sau hạn: {late.label} (ngày 02/04/2022)." in text
    assert "trễ hạn" not in text and "0 đơn vị" not in text   # no count of zero: the workbook tracks the rest


def test_the_totals_are_the_sums_over_the_submissions(case):
    _, _, result, removed, late, out = case
    summary = result.summary
    ws = load_workbook(out / "tong-hop.xlsx")["Tổng hợp"]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, r)) for r in ws.iter_rows(min_row=2, max_row=11, values_only=True)]
    total = dict(zip(header, next(ws.iter_rows(min_row=13, max_row=13, values_only=True))))
    for f in summary.totals:
        for name, label in (("with_page", "có Trang"), ("on_pattern", "tên đúng mẫu"),
                            ("with_both", "đủ lãnh đạo và cán bộ vận hành"), ("present", "có trong danh sách")):
            key = f"{f.title}: {label}"
            from_subs = sum(getattr(g, name) for s in summary.submissions for g in s.figures
                            if g.level == f.level)
            assert total[key] == getattr(f, name) == from_subs == sum(r[key] or 0 for r in rows), key
    huyen, xa = summary.totals
    assert (huyen.expected, xa.expected) == (10, 129)


def _unit_table(path: Path) -> list[list[str]]:
    """Return the cells of the report's table of units (section I.3), header first."""
    table = next(t for t in docx.Document(str(path)).tables if t.cell(0, 0).text == "Đơn vị")
    return [[c.text for c in row.cells] for row in table.rows]


def test_the_report_has_a_table_with_a_row_per_district_and_a_total(case):
    _, _, result, removed, late, out = case
    rows = _unit_table(out / "bao-cao-tong-hop.docx")
    assert rows[0] == ["Đơn vị", "Số đơn vị (huyện và xã)", "Có Trang", "Tên đúng mẫu", "Đủ lãnh đạo và cán bộ vận hành"]
    units, total = rows[1:-1], rows[-1]
    assert [r[0] for r in units] == [r.unit.full_name for r in result.summary.rows]
    # No tracking in the report to the Centre (issue 16): the unit that has not reported keeps its count only.
    assert next(r for r in units if r[0] == removed.full_name)[2:] == ["", "", ""]
    assert not any(c in ("chưa nộp", "trễ hạn", "đúng hạn", "02/04/2022") for r in units for c in r)
    assert total[0] == "Cộng"
    for col, key in zip(range(1, 5), ("expected", "with_page", "on_pattern", "with_both")):
        assert int(total[col]) == sum(int(r[col] or 0) for r in units) == sum(
            getattr(f, key) for f in result.summary.totals)


def test_every_record_of_every_submission_is_in_the_consolidated_phu_luc(case):
    _, _, result, removed, late, out = case
    table = docx.Document(str(out / "bao-cao-tong-hop.docx")).tables[-1]
    numbered = [r for r in table.rows if r.cells[0].text.strip().isdigit()]
    # The counted set: every unit each received submission must list, and the missing district's own row.
    assert len(numbered) == sum(len(s.expected) for s in result.summary.submissions) + 1
    cells = " ".join(c.text for r in table.rows for c in r.cells) + " ".join(p.text for p in
                                                                            docx.Document(str(out / "bao-cao-tong-hop.docx")).paragraphs)
    for s in result.summary.submissions:   # nothing counted lost: each unit's first row is in the table
        firsts = {}
        for rec in s.records:
            if rec.unit is not None and firsts.setdefault(rec.unit, rec) is rec:
                assert rec.page_name in cells
            elif rec.unit is None:   # unknown: its district's report notes it, not the summary to the Centre
                assert rec.unit_text not in cells
            else:   # a duplicate: counted once, its second page not printed
                assert rec.page_name == firsts[rec.unit].page_name or rec.page_name not in cells


def test_the_report_passes_the_format_and_schema_checks(case, ooxml_check):
    _, _, result, removed, late, out = case
    path = out / "bao-cao-tong-hop.docx"
    ooxml_check(path)
    from docgen.nd30 import check_file

    errors = [f for f in check_file(path) if f.level.value == "MUST"]
    assert errors == []


def test_existing_outputs_are_not_overwritten_without_ghi_de(case, capsys):
    _, _, result, removed, late, out = case
    folder = Path(result.summary.submissions[0].source.path).parent
    assert cli.main(["tong-hop", str(folder), "--chien-dich", C2022, "-o", str(out)]) == 2
    assert "--ghi-de" in capsys.readouterr().err


def test_the_two_level_campaign_sums_up_45_communes_from_the_province_list(tmp_path, ooxml_check):
    from tests.acceptance.province_list import province_list

    folder = tmp_path / "nop"
    folder.mkdir()
    province_list(folder / "dien-bien.xlsx")
    result = api.tong_hop(folder, C2026, tmp_path)
    summary = result.summary
    assert len(summary.rows) == 45 and [f.expected for f in summary.totals] == [45]
    assert summary.received == 45 and [p.rule for p in summary.problems] == ["TH-08"]
    assert summary.totals[0].with_page == sum(f.with_page for s in summary.submissions for f in s.figures)
    statuses = _statuses(tmp_path / "tong-hop.xlsx")
    assert len(statuses) == 45 and all(k.startswith(("Xã ", "Phường ")) for k in statuses)
    table = docx.Document(str(tmp_path / "bao-cao-tong-hop.docx")).tables[-1]
    numbered = [r.cells[1].text for r in table.rows if r.cells[0].text.strip().isdigit()]
    assert len(numbered) == summary.records == 45
    assert [r.cells[1].text for r in table.rows][2] == "Cấp xã"
    units = _unit_table(tmp_path / "bao-cao-tong-hop.docx")[1:-1]  # a row per commune in the two-level case
    assert len(units) == 45 and all(r[0].startswith(("Xã ", "Phường ")) and r[3] == "1" for r in units)
    ooxml_check(tmp_path / "bao-cao-tong-hop.docx")


def test_the_province_facts_sign_and_address_the_report(case):
    _, _, result, removed, late, out = case
    document = docx.Document(str(out / "bao-cao-tong-hop.docx"))
    table = next(t for t in document.tables if t.cell(0, 0).text.startswith("Nơi nhận"))
    closing = [p.text for p in table.cell(0, 0).paragraphs if p.text]
    signature = [p.text for p in table.cell(0, 1).paragraphs if p.text]
    assert closing == ["Nơi nhận:", "- Như trên;", "- Ban Tuyên giáo Tỉnh ủy (để biết);",
                       "- Thường trực Tỉnh ủy (b/c);", "- Lưu: VT, DCPL."]  # NN-03, NN-04
    # SG-02…06: the campaign's one form ([ky] cap_pho = "tm"), though the facts say "KT. CHỦ TỊCH".
    assert signature == ["TM. BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH", "Giàng Trọng Bình"]
    text = _report_text(out / "bao-cao-tong-hop.docx")
    assert "- Đề nghị tập huấn quản trị “Trang cộng đồng” cho cán bộ cấp xã.\nTrên đây là báo cáo kết quả thực " \
           "hiện của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên./." in text


def test_a_file_that_cannot_be_read_is_reported_and_the_others_are_summed_up(tmp_path, capsys):
    _need(SAMPLE_2022)
    folder = tmp_path / "nop"
    folder.mkdir()
    for name in ("muong-nhe.xlsx", "nam-po.xlsx"):
        shutil.copy2(SAMPLE_2022 / name, folder / name)
    (folder / "hong.xlsx").write_text("TT;Đơn vị\n1;Xã A\n", encoding="utf-8")
    out = folder / "tong-hop"   # a subfolder: never read as submissions (the folder itself is refused)
    code = cli.main(["tong-hop", str(folder), "--chien-dich", C2022, "-o", str(out)])
    console = capsys.readouterr().out
    assert code == 1 and "Đã nộp 2/10" in console and "Tệp không dùng được: " in console
    problems = list(load_workbook(out / "tong-hop.xlsx")["Vấn đề"].iter_rows(min_row=2, values_only=True))
    assert [(p[1], p[3]) for p in problems if p[1] == "TH-01"] == [("TH-01", "hong.xlsx")]
    # Run again: docgen's own outputs are not read as submissions.
    assert cli.main(["tong-hop", str(folder), "--chien-dich", C2022, "-o", str(out), "--ghi-de"]) == 1
    assert "Đã nộp 2/10" in capsys.readouterr().out


def test_an_empty_folder_is_refused_with_a_message(tmp_path, capsys):
    assert cli.main(["tong-hop", str(tmp_path), "--chien-dich", C2022, "-o", str(tmp_path / "ra")]) == 2
    assert "không có tệp .xlsx hay .docx" in capsys.readouterr().err


def test_a_province_facts_file_without_its_sheet_is_refused(tmp_path, capsys):
    _need(SAMPLE_2022)
    wrong = tmp_path / "thong-tin.xlsx"
    Workbook().save(wrong)
    code = cli.main(["tong-hop", str(SAMPLE_2022), "--chien-dich", C2022, "-o", str(tmp_path / "ra"),
                     "--thong-tin", str(wrong)])
    assert code == 2
    assert capsys.readouterr().err == "Lỗi: thong-tin.xlsx: Tệp không có trang tính «Thông tin».\n"
    assert not (tmp_path / "ra").exists()
