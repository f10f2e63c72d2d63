"""Rendering in the sandbox: values verbatim, template escapes refused, bad characters removed and reported."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pytest
from tests.render.render_factory import paragraphs_template, table_template

from docgen.errors import TemplateError
from docgen.render.engine import RULE_XML_CHARS, clean_context, render


def texts(rendered) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(rendered.to_bytes())).paragraphs]


def test_data_with_xml_special_characters_appears_verbatim():
    out = render(paragraphs_template("Tên: {{ ten }}", "{{ ten }}|{{ link }}"),
                 {"ten": "Mặt trận A & B <C>", "link": 'https://fb.com/x?a=1&b="2"'})
    assert texts(out) == ["Tên: Mặt trận A & B <C>", 'Mặt trận A & B <C>|https://fb.com/x?a=1&b="2"']


def test_none_prints_as_nothing_and_filters_are_available():
    out = render(paragraphs_template("[{{ x }}]", "{{ d|ngay_nd30('Điện Biên') }}", "{{ so|so_ky_hieu('BC-X') }}"),
                 {"x": None, "d": dt.date(2022, 2, 5), "so": None})
    assert texts(out) == ["[]", "Điện Biên, ngày 05 tháng 02 năm 2022", "Số:      /BC-X"]  # DT-04, DR-01


ESCAPES = [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.system('touch PWNED') }}",
    "{{ lipsum.__globals__['os'].system('touch PWNED') }}",
    "{{ self._TemplateReference__context }}",
    "{{ x.__dict__ }}",
    "{{ x['__class__'] }}",
    "{% set a = x.__class__ %}{{ a }}",
    "{{ ''.format.__globals__ }}",
    "{{ '{0.__class__}'.format(x) }}",
]


@pytest.mark.parametrize("payload", ESCAPES)
def test_a_template_reaching_python_internals_is_refused_and_runs_nothing(payload, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(TemplateError) as err:
        render(paragraphs_template("Xin chào", payload), {"x": object()}, "mau-doc.docx")
    assert "mau-doc.docx" in err.value.message
    assert "bị chặn vì lý do an toàn" in err.value.message
    assert not (tmp_path / "PWNED").exists()


def test_broken_jinja_names_the_template():
    with pytest.raises(TemplateError) as err:
        render(paragraphs_template("{% if %}"), {}, "cong_van.docx")
    assert err.value.message.startswith("Mẫu «cong_van.docx» viết sai cú pháp Jinja")


def test_an_attribute_of_a_missing_variable_is_a_template_error():
    with pytest.raises(TemplateError) as err:
        render(paragraphs_template("{{ khong_co.ten }}"), {}, "m.docx")
    assert "biến không có trong dữ liệu" in err.value.message


def test_a_file_that_is_not_a_docx_is_a_template_error(tmp_path):
    bad = tmp_path / "hong.docx"
    bad.write_text("không phải zip")
    with pytest.raises(TemplateError) as err:
        render(bad, {})
    assert err.value.message == "Mẫu «hong.docx» không phải tệp Word .docx."


def test_characters_xml_forbids_are_removed_everywhere_and_reported():
    template = table_template([["{{ nhom[0].dong[0].ten }}", "{{ tieu_de }}"]], cols=2)
    ctx = {"tieu_de": "Báo\x0bcáo", "nhom": [{"dong": [{"ten": "Trang\x00 A\x1f"}]}]}
    out = render(template, ctx, "phu_luc.docx")
    d = docx.Document(io.BytesIO(out.to_bytes()))
    assert d.paragraphs[0].text == "Tiêu đề: Báocáo"
    assert [c.text for c in d.tables[0].rows[0].cells] == ["Trang A", "Báocáo"]
    assert [(n.rule, n.location.file, n.location.cell) for n in out.notes] == [
        (RULE_XML_CHARS, "phu_luc.docx", "tieu_de"),
        (RULE_XML_CHARS, "phu_luc.docx", "nhom[0].dong[0].ten"),
    ]
    assert "Đã bỏ 2 ký tự" in out.notes[1].message


def test_clean_context_keeps_values_that_are_not_text():
    day = dt.date(2022, 3, 1)
    ctx, notes = clean_context({"n": 3, "d": day, "t": ("a", None)})
    assert ctx == {"n": 3, "d": day, "t": ("a", None)} and notes == ()


# --- found by the second attack: a template that makes Word run or fetch something in every document written ---

@pytest.mark.parametrize("name", ["field-ddeauto", "field-includetext", "field-includepicture", "altchunk",
                                  "subdocument-unc", "linked-image", "javascript-link"])
def test_a_template_word_would_run_or_fetch_from_is_refused_by_render_and_lint_alike(name, tmp_path, capsys):
    from docgen.cli import main
    from docgen.render.engine import template_bytes
    from tests.fuzz.fresh import active_templates

    data = active_templates()[name]
    with pytest.raises(TemplateError, match="tự chạy hoặc tự nạp từ nơi khác"):
        template_bytes(data, "cong_van.docx")
    (tmp_path / "cong_van.docx").write_bytes(data)
    assert main(["mau", "kiem-tra", str(tmp_path / "cong_van.docx"), "--loai", "cong-van"]) == 2
    assert "tự chạy hoặc tự nạp từ nơi khác" in capsys.readouterr().err


def test_the_page_number_field_and_web_links_are_not_active_content():
    from docgen.ooxml.active import active_content

    templates = sorted((Path(__file__).resolve().parents[2] / "templates").glob("*.docx"))
    assert templates
    for template in templates:
        assert active_content(template.read_bytes()) == [], template.name
