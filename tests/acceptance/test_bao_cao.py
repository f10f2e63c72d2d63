"""A district clerk turns the checked list into the signed-ready result report with its Phụ lục (`docgen bao-cao`)."""

from __future__ import annotations

import re
import shutil
import subprocess

import docx
import pytest
from tests.bao_cao_inputs import SPECIAL_NAME, filled_workbook
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from tests.edited_campaign import FOUND, edited_campaign

from docgen.cli import main
from docgen.render.pdf import find_soffice

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
DATE = re.compile(r"^[A-ZĐÂĂÊÔƠƯ][^,]*, ngày (0[1-9]|[12]\d|3[01]) tháng (01|02|[3-9]|1[0-2]) năm \d{4}$")  # DT-03
NUMBER = re.compile(r"^Số: (0[1-9]|[1-9]\d+)/([A-ZĐ][A-Za-zĐđ]*)(-[A-ZĐ][A-Za-zĐđ0-9]*)*$")           # SO-01…03
DRAFT_NUMBER = re.compile(r"^Số:(?:\t|[ \u00A0\t]{2,})/[A-ZĐ][A-Za-zĐđ]*(-[A-ZĐ][A-Za-zĐđ0-9]*)*$")  # DR-01
FILED = re.compile(r"^- Lưu: VT(, [^;]+?)?\.$")                                                      # NN-04


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """Two districts' submissions → reports: Mường Nhé (issued, chairman) and Tủa Chùa (draft, deputy)."""
    base = tmp_path_factory.mktemp("bao-cao")
    inputs = base / "vao"
    inputs.mkdir()
    muong_nhe = filled_workbook(inputs, "Mường Nhé")
    tua_chua = filled_workbook(inputs, "Tủa Chùa", so="", date=None, deputy=True, leave_empty=1)
    out = base / "ra"
    # Both files keep errors (a district page off the pattern, a commune missing): --ban-ky asks for the copy to sign.
    code = main(["bao-cao", str(inputs), "-o", str(out), "--phu-luc-rieng", "--ban-ky"])
    return code, out, {"huyen-muong-nhe": muong_nhe, "huyen-tua-chua": tua_chua}


def signed_rows(filled) -> list[list[str]]:
    """Return the Phụ lục rows a signed report prints for `filled`: the district page off the pattern marked,
    the commune left empty read as not reported (documents.wording)."""
    out = []
    for row in filled.rows:
        row = list(row)
        if len(row) > 2 and row[2] == SPECIAL_NAME:
            row[2] = f"{SPECIAL_NAME} (tên chưa đúng mẫu)"
        elif len(row) > 2 and not any(row[2:]):
            row[2] = "Chưa báo cáo"
        out.append(row)
    return out


def report(out, slug, name="bao-cao-ket-qua"):
    """Return the document `name` ("bao-cao-ket-qua" or "phu-luc") written for the unit `slug`."""
    return docx.Document(str(out / slug / f"{name}-{slug}.docx"))


def texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def cell_lines(cell) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text.strip()]


def data_rows(document) -> list[list[str]]:
    """Return the Phụ lục table's rows after its two header rows, group rows trimmed to (numeral, title)."""
    table = document.tables[-1]
    out = []
    for r in table.rows[2:]:
        values = [c.text for c in r.cells]
        out.append(values[:2] if values[0] in ("I", "II") else values)
    return out


def test_one_report_per_district_is_written_and_the_run_ends_with_0(run):
    code, out, inputs = run
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(inputs)
    for slug in inputs:
        assert sorted(p.name for p in (out / slug).iterdir()) == [f"bao-cao-ket-qua-{slug}.docx", f"phu-luc-{slug}.docx"]


def test_every_record_is_in_the_appendix_table_in_order_and_verbatim(run):
    _, out, inputs = run
    for slug, filled in inputs.items():
        for name in ("bao-cao-ket-qua", "phu-luc"):
            assert data_rows(report(out, slug, name)) == signed_rows(filled)
    assert data_rows(report(out, "huyen-muong-nhe"))[1][2] == f"{SPECIAL_NAME} (tên chưa đúng mẫu)"


def test_the_figures_of_section_one_match_the_records(run):
    _, out, inputs = run
    filled = inputs["huyen-muong-nhe"]
    body = "\n".join(texts(report(out, "huyen-muong-nhe")))
    share = f"{100 * filled.with_page / filled.communes:.1f}".replace(".", ",").replace(",0", "")
    assert f"{filled.with_page}/{filled.communes} xã ({share}%) đã lập “Trang cộng đồng”" in body
    assert f"“{SPECIAL_NAME}”" in body


def test_section_two_lists_the_shortcomings_the_checker_found(run):
    _, out, _ = run
    body = texts(report(out, "huyen-muong-nhe"))
    part = body[body.index("II. TỒN TẠI, HẠN CHẾ") + 1: body.index("III. ĐỀ XUẤT, KIẾN NGHỊ")]
    assert "- Chưa báo cáo (1 đơn vị): xã Chung Chải." in part   # its row left as the blank form had it


def test_number_and_date_lines_follow_nd30_and_a_draft_leaves_them_blank(run):
    _, out, _ = run
    issued = report(out, "huyen-muong-nhe").tables[0]
    assert NUMBER.match(cell_lines(issued.rows[1].cells[0])[0]).group(0) == "Số: 05/BC-MTTQ-BTT"       # SO-02
    date = cell_lines(issued.rows[1].cells[1])[0]
    assert DATE.match(date) and date == "Mường Nhé, ngày 05 tháng 3 năm 2022"                           # DT-04
    assert all(r.italic for r in issued.rows[1].cells[1].paragraphs[0].runs if r.text.strip())           # DT-02
    draft = report(out, "huyen-tua-chua").tables[0]
    assert DRAFT_NUMBER.match(cell_lines(draft.rows[1].cells[0])[0])                                     # DR-01
    assert cell_lines(draft.rows[1].cells[1])[0] == "Tủa Chùa, ngày      tháng      năm 2022"            # DR-02


def test_header_names_the_district_front_under_the_supervising_body(run):
    _, out, _ = run
    left, right = report(out, "huyen-muong-nhe").tables[0].rows[0].cells
    assert cell_lines(left) == ["ỦY BAN MTTQ VIỆT NAM", "HUYỆN MƯỜNG NHÉ", "BAN THƯỜNG TRỰC"]        # AG-01…04
    assert cell_lines(right)[:2] == [QUOC_HIEU, "Độc lập - Tự do - Hạnh phúc"]                         # QH-01, TN-02


def test_kinh_gui_names_the_province_on_one_line(run):
    _, out, _ = run
    body = texts(report(out, "huyen-muong-nhe"))
    assert "Kính gửi: Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên" in body                      # KG-03
    assert body.index("BÁO CÁO") < body.index("Kính gửi: Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên")  # KG-06


def test_noi_nhan_starts_with_nhu_tren_and_ends_with_luu(run):
    _, out, _ = run
    closing = report(out, "huyen-muong-nhe").tables[1].rows[0].cells[0]
    lines = cell_lines(closing)
    assert lines[0] == "Nơi nhận:" and lines[1] == "- Như trên;"                                         # NN-01, NN-03
    assert FILED.match(lines[-1]) and lines[-1] == "- Lưu: VT, VP."                                      # NN-04
    assert all(line.startswith("- ") and line.endswith(";") for line in lines[1:-1])                     # NN-02


def test_the_signature_follows_who_signs(run):
    _, out, _ = run
    chair = cell_lines(report(out, "huyen-muong-nhe").tables[1].rows[0].cells[1])
    assert chair == ["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Giàng A Dình"]                               # SG-02, SG-04, SG-06
    deputy = cell_lines(report(out, "huyen-tua-chua").tables[1].rows[0].cells[1])
    # SG-02/SG-03: the campaign's one form ([ky] cap_pho = "tm", as dispatch 1031), though the facts say "KT."
    assert deputy == ["TM. BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH", "Giàng A Dình"]
    signature = report(out, "huyen-muong-nhe").tables[1].rows[0].cells[1]
    assert all(r.bold for p in signature.paragraphs for r in p.runs if r.text.strip())


def mm(twips: str) -> float:
    return int(twips) / 56.7


def test_every_section_is_a4_with_nd30_margins_and_the_appendix_is_landscape_from_page_1(run):
    _, out, _ = run
    first, second = report(out, "huyen-muong-nhe").sections
    assert (first.page_width.twips, first.page_height.twips) == (11906, 16838)                             # PG-01
    assert first.orientation == WD_ORIENT.PORTRAIT                                                          # PG-02
    assert (second.page_width.twips, second.page_height.twips) == (16838, 11906)
    assert second.orientation == WD_ORIENT.LANDSCAPE                                                        # PG-04
    for s in (first, second):
        assert 20 <= round(s.top_margin.mm) <= 25 and 20 <= round(s.bottom_margin.mm) <= 25               # PG-05, PG-06
        assert 30 <= round(s.left_margin.mm) <= 35 and 15 <= round(s.right_margin.mm) <= 20                # PG-07, PG-08
        assert s.different_first_page_header_footer                                                         # PN-04, PN-06
    start = second._sectPr.find(qn("w:pgNumType"))
    assert start is not None and start.get(qn("w:start")) == "1"                                             # PN-05
    assert first._sectPr.find(qn("w:pgNumType")) is None or first._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) in (None, "1")
    assert "PAGE" in first.header._element.xml and "PAGE" not in first.first_page_header._element.xml     # PN-02, PN-04


def test_every_font_is_times_new_roman(run):
    _, out, _ = run
    for name in ("bao-cao-ket-qua", "phu-luc"):
        document = report(out, "huyen-muong-nhe", name)
        fonts = {el.get(qn("w:ascii")) for el in document.styles.element.iter(qn("w:rFonts"))}
        fonts |= {el.get(qn("w:ascii")) for el in document.element.body.iter(qn("w:rFonts"))}
        assert fonts - {None} == {"Times New Roman"}                                                        # FN-01
        default = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
        assert default.get(qn("w:ascii")) == "Times New Roman"


def test_every_generated_file_passes_the_ooxml_schema_check(run, ooxml_check):
    _, out, _ = run
    files = sorted(out.glob("*/*.docx"))
    assert len(files) == 4
    assert ooxml_check(*files).count("OK (0 error(s)") == 4


@pytest.mark.soffice
def test_with_pdf_the_pdf_holds_the_quoc_hieu_and_the_last_record(tmp_path):
    filled = filled_workbook(tmp_path, "Mường Nhé")
    assert main(["bao-cao", str(filled.path), "-o", str(tmp_path / "ra"), "--pdf"]) == 0
    pdf = tmp_path / "ra" / "huyen-muong-nhe" / "bao-cao-ket-qua-huyen-muong-nhe.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert 3 <= pages <= 6
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
    assert QUOC_HIEU in text
    last = filled.rows[-1]  # cells wrap inside the table: look for the fields that fit on one line
    assert f"{last[4]} {last[5]}" in text and last[8] in text


def test_each_report_written_is_checked_against_nd30_and_the_shipped_templates_pass(tmp_path):
    from docgen import api

    filled = filled_workbook(tmp_path, "Mường Nhé")
    result = api.bao_cao([filled.path], tmp_path / "ra", phu_luc_rieng=True)
    (written,) = result.written
    assert [c.path for c in written.format_checks] == list(written.files)  # report and appendix, each checked
    assert [c.errors for c in written.format_checks] == [[], []]
    assert [c.kind for c in written.format_checks] == ["báo cáo", "phụ lục"]
    assert result.exit_code == 0


@pytest.mark.parametrize("rule", sorted(FOUND))
def test_a_clerks_edited_template_that_breaks_a_rule_is_caught_at_once(tmp_path, rule):
    from docgen import api
    from docgen.nd30 import check_file

    filled = filled_workbook(tmp_path, "Mường Nhé")
    campaign = edited_campaign(tmp_path / "chien-dich", rule)
    result = api.bao_cao([filled.path], tmp_path / "ra", chien_dich=str(campaign))
    (written,) = result.written
    (checked,) = written.format_checks
    assert {f.rule for f in checked.errors} == {rule}
    assert checked.errors[0].message == FOUND[rule]
    assert result.exit_code == 1  # not ready to sign
    assert checked.findings == tuple(f for f in check_file(written.files[0]) if f.level.value != "INFO")


def test_the_appendix_opens_with_phu_luc_then_its_title_and_nothing_of_the_report_between(run):
    _, out, _ = run
    for slug in ("huyen-muong-nhe", "huyen-tua-chua"):
        lines = [t for t in texts(report(out, slug)) if t.strip()]
        at = lines.index("Phụ lục")
        assert lines[at + 1] == "DANH SÁCH “TRANG CỘNG ĐỒNG” CỦA MẶT TRẬN CÁC CẤP"  # PL-02, PL-03
        assert lines[at + 2].startswith("(Kèm theo Báo cáo số ")                      # PL-04
