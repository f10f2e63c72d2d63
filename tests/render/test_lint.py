"""The template checker (docgen/render/lint.py, `docgen mau kiem-tra`): one planted fault per template."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt

from docgen import api
from docgen.cli import main
from docgen.errors import TemplateError

ROOT = Path(__file__).resolve().parent.parent.parent


def _template(tmp_path: Path, name: str, *texts: str, build=None) -> Path:
    """Return a .docx built from body paragraphs `texts`, then changed by `build(document)`."""
    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    if build:
        build(document)
    path = tmp_path / name
    document.save(path)
    return path


def _rules(findings) -> list[tuple[str, str]]:
    return [(f.rule, str(f.location)) for f in findings]


def lint(path: Path, kind: str = "cong-van"):
    return api.mau_kiem_tra(path, kind)


# --- Jinja syntax ---------------------------------------------------------------------------------

def test_broken_jinja_is_found_in_its_paragraph(tmp_path):
    path = _template(tmp_path, "mau.docx", "CÔNG VĂN", "Người ký: {{ nguoi_ky | }}")
    (finding,) = lint(path)
    assert finding.rule == "MAU-01"
    assert str(finding.location) == "mau.docx › thân văn bản › đoạn 2"
    assert finding.message == (
        "Sai cú pháp Jinja: sau dấu «|» thiếu tên bộ lọc (Jinja: expected token 'name', got 'end of print statement'). "
        "Đoạn có lỗi: «Người ký: {{ nguoi_ky | }}»."
    )


def test_an_unclosed_block_in_a_table_cell_is_found(tmp_path):
    def table(document):
        cell = document.add_table(rows=1, cols=2).cell(0, 1)
        cell.paragraphs[0].text = "{% for n in noi_nhan %}"
        cell.add_paragraph("{{ n }}")

    (finding,) = lint(_template(tmp_path, "mau.docx", "Nơi nhận:", build=table))
    assert finding.rule == "MAU-01"
    assert "bảng 1, hàng 1, ô 2" in str(finding.location)
    assert finding.message.startswith("Sai cú pháp Jinja: thiếu thẻ đóng {% endfor %} (Jinja: ")


# --- tags split across runs ----------------------------------------------------------------------

def _split_into_hyperlink(document):
    p = document.add_paragraph()
    p.add_run("Ký tên: {{ nguoi_ky")
    p._p.append(parse_xml(
        f'<w:hyperlink {nsdecls("w")} w:anchor="ky"><w:r><w:t xml:space="preserve"> }}}}</w:t></w:r></w:hyperlink>'
    ))


def _split_by_tracked_insertion(document):
    p = document.add_paragraph()
    p.add_run("Người ký: {{ nguoi")
    p._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="1" w:author="VP" w:date="2022-03-01T00:00:00Z">'
        '<w:r><w:t xml:space="preserve">_ky }}</w:t></w:r></w:ins>'
    ))


@pytest.mark.parametrize("build", [_split_into_hyperlink, _split_by_tracked_insertion])
def test_a_tag_split_in_a_way_docxtpl_cannot_mend_is_found_with_its_place(tmp_path, build):
    findings = lint(_template(tmp_path, "mau.docx", "CÔNG VĂN", build=build))
    assert _rules(findings) == [("MAU-02", "mau.docx › thân văn bản › đoạn 2")]
    assert "«{{ nguoi_ky }}»" in findings[0].message
    assert findings[0].fix


def test_runs_that_docxtpl_merges_itself_are_not_reported(tmp_path):
    def split(document):
        p = document.add_paragraph()
        for text in ("{", "{ ngu", "oi_ky }", "}"):
            p.add_run(text).bold = text == "{ ngu"

    assert lint(_template(tmp_path, "mau.docx", build=split)) == []


def test_a_row_tag_outside_a_table_row_is_found_after_docxtpls_patch(tmp_path):
    path = _template(tmp_path, "mau.docx", "{%tr for n in noi_nhan %}", "{{ n }}", "{%tr endfor %}")
    findings = lint(path)
    assert [f.rule for f in findings] == ["MAU-06"]
    assert str(findings[0].location) == "mau.docx › thân văn bản › đoạn 1"
    assert findings[0].message.startswith("Sau khi docxtpl xử lý, thẻ không còn đúng Jinja: không có lệnh «tr»")
    assert "{%tr …%} chỉ dùng trong một hàng bảng" in findings[0].fix


# --- names the document kind does not provide ----------------------------------------------------

def test_an_unknown_variable_in_a_header_is_found_in_the_header(tmp_path):
    def header(document):
        document.sections[0].header.paragraphs[0].text = "Trang {{ so_trang }}"

    findings = lint(_template(tmp_path, "mau.docx", "{{ nguoi_ky }}", build=header))
    assert _rules(findings) == [("MAU-03", "mau.docx › đầu trang (mục 1) › đoạn 1")]
    assert findings[0].message == (
        "Biến «so_trang» không có trong dữ liệu của công văn. Xem các biến dùng được trong docs/mau-van-ban.md."
    )


def test_unknown_names_in_a_footer_and_a_table_are_each_found_where_they_are(tmp_path):
    def build(document):
        document.sections[0].footer.paragraphs[0].text = "{{ chan_trang }}"
        document.add_table(rows=2, cols=3).cell(1, 2).text = "{{ o_bang }}"

    findings = lint(_template(tmp_path, "mau.docx", "{{ ngay|ngay_nd30(dia_danh, nam) }}", build=build))
    assert _rules(findings) == [
        ("MAU-03", "mau.docx › thân văn bản › bảng 1, hàng 2, ô 3, đoạn 1"),
        ("MAU-03", "mau.docx › chân trang (mục 1) › đoạn 1"),
    ]


def test_loop_variables_and_known_filters_are_not_reported(tmp_path):
    path = _template(tmp_path, "mau.docx", "{% for n in noi_nhan %}", "{{ n|upper }} {{ loop.index }}", "{% endfor %}",
                     "{{ so|so_ky_hieu(ky_hieu) }}")
    assert lint(path) == []


def test_an_unknown_filter_is_found(tmp_path):
    findings = lint(_template(tmp_path, "mau.docx", "{{ ngay|ngay_dep }}"))
    assert _rules(findings) == [("MAU-04", "mau.docx › thân văn bản › đoạn 1")]


# --- sandbox ------------------------------------------------------------------------------------

@pytest.mark.parametrize("expr", ["{{ ''.__class__ }}", "{{ nguoi_ky['__class__'] }}", "{{ cycler.__init__.__globals__ }}"])
def test_sandbox_breaking_tricks_are_errors(tmp_path, expr):
    findings = lint(_template(tmp_path, "mau.docx", "Xin chào", expr))
    assert findings and {f.rule for f in findings} == {"MAU-05"}
    assert all(str(f.location) == "mau.docx › thân văn bản › đoạn 2" for f in findings)
    assert "bị chặn vì lý do an toàn" in findings[0].message


# --- bad files and kinds ----------------------------------------------------------------------------

@pytest.mark.parametrize("content", [b"", b"TT,Don vi\n1,A\n", b"PK\x03\x04garbage"])
def test_a_file_that_is_not_a_docx_is_refused(tmp_path, content):
    path = tmp_path / "cong_van.docx"
    path.write_bytes(content)
    with pytest.raises(TemplateError, match="không phải văn bản Word .docx"):
        lint(path)


def test_a_workbook_renamed_docx_is_refused(tmp_path):
    from openpyxl import Workbook

    path = tmp_path / "cong_van.docx"
    Workbook().save(path)
    with pytest.raises(TemplateError, match="không phải văn bản Word .docx"):
        lint(path)


def test_the_kind_is_guessed_from_the_file_name(tmp_path):
    path = _template(tmp_path, "Cong van moi.docx", "{{ nguoi_ky }}")
    assert api.mau_kiem_tra(path) == []
    with pytest.raises(TemplateError, match="--loai"):
        api.mau_kiem_tra(_template(tmp_path, "mau.docx", "x"))


# --- the shipped templates and a clerk's edits --------------------------------------------------------

def _kind_ready(kind: str) -> bool:
    try:
        api.template_variables(kind)
    except TemplateError:
        return False
    return True


@pytest.mark.parametrize("template", sorted((ROOT / "templates").glob("*.docx")), ids=lambda p: p.name)
def test_the_shipped_templates_pass(template):
    kind = api.guess_template_kind(template)
    assert kind is not None, f"{template.name}: tên tệp không cho biết loại văn bản"
    assert _kind_ready(kind), f"docgen/documents phải có VARIABLES cho «{kind}»"
    assert api.mau_kiem_tra(template) == []


def _clerks_edits(path: Path) -> None:
    """Change a heading, move a paragraph and restyle the tables, as a clerk does in Word."""
    document = docx.Document(path)
    paras = document.paragraphs
    kinh_gui = next(p for p in paras if p.text.startswith("Kính gửi: {{"))
    kinh_gui.runs[0].text = kinh_gui.runs[0].text.replace("Kính gửi:", "KÍNH GỬI:")
    kinh_gui.runs[0].bold = True
    trich_yeu = next(p for p in paras if p.text == "{{ trich_yeu }}")
    loai = next(p for p in paras if p.text == "{{ loai_van_ban }}")
    loai._p.addprevious(trich_yeu._p)          # moved above, inside the same {%p if %} block
    heading = document.add_paragraph("Ghi chú của văn phòng")
    heading.runs[0].font.size = Pt(13)
    heading.runs[0].bold = True
    for table in document.tables:
        table.columns[0].width = Cm(7)
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    for run in p.runs:
                        run.font.name = "Times New Roman"
    document.save(path)


def test_a_clerks_edited_template_still_passes_and_renders(tmp_path):
    from docgen.documents.cong_van import build_context
    from docgen.render.engine import render

    path = tmp_path / "cong_van.docx"
    shutil.copy(ROOT / "templates" / "cong_van.docx", path)
    _clerks_edits(path)
    assert api.mau_kiem_tra(path) == []
    rendered = render(path, build_context("2022-trang-cong-dong"))
    text = [p.text for p in rendered.document.paragraphs]
    assert "Ghi chú của văn phòng" in text
    assert any(t.startswith("KÍNH GỬI: Ban Thường trực") for t in text)
    cells = " ".join(c.text for t in rendered.document.tables for r in t.rows for c in r.cells)
    assert "Giàng Trọng Bình" in cells and "{{" not in cells


# --- through the command line ----------------------------------------------------------------------

def test_the_command_prints_each_finding_with_its_place_and_exits_1(tmp_path, capsys):
    path = _template(tmp_path, "mau.docx", "{{ ''.__class__ }}")
    assert main(["mau", "kiem-tra", str(path), "--loai", "cong-van"]) == 1
    out = capsys.readouterr().out
    assert "mau.docx › thân văn bản › đoạn 1: [MAU-05] «.__class__» bị chặn vì lý do an toàn" in out


def test_the_command_exits_0_on_a_clean_template(tmp_path, capsys):
    path = _template(tmp_path, "cong_van.docx", "{{ nguoi_ky }}")
    assert main(["mau", "kiem-tra", str(path)]) == 0
    assert capsys.readouterr().out == "cong_van.docx: mẫu không có lỗi.\n"


def test_the_command_exits_2_on_a_file_that_is_not_a_docx(tmp_path, capsys):
    path = tmp_path / "bao_cao.docx"
    path.write_text("không phải Word", encoding="utf-8")
    assert main(["mau", "kiem-tra", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: ") and "không phải văn bản Word .docx" in err and "Traceback" not in err


def test_a_name_hidden_from_the_paragraph_text_is_still_found(tmp_path):
    def tracked(document):   # a whole tag typed while Track Changes was on: Word shows it, python-docx does not
        p = document.add_paragraph()
        p._p.append(parse_xml(
            f'<w:ins {nsdecls("w")} w:id="2" w:author="VP" w:date="2022-03-01T00:00:00Z">'
            '<w:r><w:t>{{ bi_an }}</w:t></w:r></w:ins>'
        ))

    findings = lint(_template(tmp_path, "mau.docx", "{{ nguoi_ky }}", build=tracked))
    assert [f.rule for f in findings] == ["MAU-03"]
    assert str(findings[0].location).startswith("mau.docx › thân văn bản › ngoài các đoạn văn thường")
    assert "«bi_an»" in findings[0].message


def test_the_report_template_passes_as_a_report():
    from docgen.jobs.bao_cao import APPENDIX_TEMPLATE, REPORT_TEMPLATE

    assert api.mau_kiem_tra(ROOT / "templates" / REPORT_TEMPLATE, "bao-cao") == []
    assert api.mau_kiem_tra(ROOT / "templates" / APPENDIX_TEMPLATE, "phu-luc") == []


def test_checking_an_unknown_filter_leaves_the_rendering_environment_as_it_was(tmp_path):
    from docgen.render.engine import environment

    before = set(environment().filters)
    lint(_template(tmp_path, "mau.docx", "{{ ngay|loc_la }}"))
    assert set(environment().filters) == before
    assert [f.rule for f in lint(_template(tmp_path, "mau2.docx", "{{ ngay|loc_la }}"))] == ["MAU-04"]
