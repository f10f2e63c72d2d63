"""Rendering from a per-template plan gives the same package, part for part, as docxtpl (and docxcompose)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from tests.render.render_factory import appendix_template, groups, paragraphs_template, report_template, to_bytes

from docgen.render import engine
from tests.forms import PAGE_FORM
from docgen.render.compose import compose
from docgen.render.engine import environment, render
from docgen.render.plan import plan_for

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "mau" / "2022-dien-bien"


def members(data: bytes) -> list[tuple[str, bytes]]:
    """Return the package's members, in order, uncompressed."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i.filename, z.read(i)) for i in z.infolist()]


def plain_docxtpl(template: Path, context: dict) -> bytes:
    """Return the template rendered by docxtpl alone (no row stamping, no plan) in docgen's sandbox, saved."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(template)
    tpl.render(engine.clean_context(context)[0], jinja_env=environment())
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def samples():
    from docgen.campaigns.campaign import load_campaign
    from docgen.checks import check_source
    from docgen.readers import find_inputs, read_source

    assert SAMPLE.is_dir(), f"thiếu {SAMPLE}"
    campaign = load_campaign()
    return campaign, [check_source(read_source(f, PAGE_FORM), campaign) for f in sorted(find_inputs([SAMPLE]))]


def test_every_sample_report_is_the_same_package_as_docxtpl_and_docxcompose_write_it(samples, monkeypatch):
    from docgen.jobs.bao_cao import render_submission

    campaign, subs = samples
    for sub in subs:
        monkeypatch.setattr(engine, "PLANS", False)
        whole = render_submission(sub, campaign, appendix_alone=True)
        monkeypatch.setattr(engine, "PLANS", True)
        planned = render_submission(sub, campaign, appendix_alone=True)
        assert members(planned[0]) == members(whole[0]), sub.source.path
        assert members(planned[1]) == members(whole[1]), sub.source.path
        assert [(n.rule, n.message) for n in planned[2]] == [(n.rule, n.message) for n in whole[2]]


def test_each_sample_composed_from_two_renders_is_the_same_package_as_docxcompose_writes_it(samples, monkeypatch):
    from docgen.documents import bao_cao, phu_luc

    from docgen.render.compose import compose_templates
    from docgen.render.rows import prepare

    campaign, subs = samples
    report_tpl, appendix_tpl = campaign.template("cong_van.docx"), campaign.template("phu_luc.docx")
    both = compose_templates(report_tpl.read_bytes(), appendix_tpl.read_bytes(), split=True)
    assert len(plan_for(prepare(both).template, environment(), False).body) == 2  # one piece per context
    for sub in subs:
        report = bao_cao.build_context(sub, campaign)
        appendix = {**phu_luc.build_context([sub], campaign, report), "don_vi": ""}  # a name of both, own values
        out = []
        for plans in (False, True):
            monkeypatch.setattr(engine, "PLANS", plans)
            out.append(compose(render(report_tpl, report), render(appendix_tpl, appendix)).to_bytes())
        assert members(out[1]) == members(out[0]), sub.source.path


def test_the_shipped_templates_render_as_plain_docxtpl_renders_them(samples):
    from docgen.documents import bao_cao, phu_luc

    campaign, subs = samples
    sub = max(subs, key=lambda s: len(s.records))
    report = bao_cao.build_context(sub, campaign)
    for name, context in (("cong_van.docx", report), ("phu_luc.docx", phu_luc.build_context([sub], campaign, report))):
        template = campaign.template(name)
        expected = members(plain_docxtpl(template, context))
        assert members(render(template, context, light=True).to_bytes()) == expected, name
        assert members(render(template, context).to_bytes()) == expected, name


def test_sample_reports_written_from_plans_pass_the_ooxml_check(samples, ooxml_check, tmp_path):
    from docgen.jobs.bao_cao import render_submission

    campaign, subs = samples
    report, alone, _ = render_submission(subs[0], campaign, appendix_alone=True)
    (tmp_path / "bao-cao.docx").write_bytes(report)
    (tmp_path / "phu-luc.docx").write_bytes(alone)
    ooxml_check(tmp_path / "bao-cao.docx", tmp_path / "phu-luc.docx")


def test_two_rendered_documents_are_composed_from_their_templates_with_each_its_own_context():
    ctx_main, ctx_annex = {"ten": "KẾT QUẢ", "muc": "một"}, {"tieu_de": "DANH SÁCH", "nhom": groups(3)}
    fast = compose(render(report_template(), ctx_main), render(appendix_template(), ctx_annex)).to_bytes()
    main, annex = render(report_template(), ctx_main), render(appendix_template(), ctx_annex)
    main.document, annex.document  # opened: composed by docxcompose, as before plans
    assert main.recipe is None
    slow = compose(main, annex).to_bytes()
    assert members(fast) == members(slow)
    text = [p.text for p in docx.Document(io.BytesIO(fast)).paragraphs]
    assert "KẾT QUẢ" in " ".join(text) and "DANH SÁCH" in text


def test_a_name_of_both_documents_keeps_each_documents_value_when_composed():
    main = render(paragraphs_template("Đơn vị: {{ ten }}"), {"ten": "Huyện A"})
    annex = render(paragraphs_template("Phụ lục của {{ ten }}"), {"ten": ""})
    text = [p.text for p in docx.Document(io.BytesIO(compose(main, annex).to_bytes())).paragraphs]
    assert "Đơn vị: Huyện A" in text and "Phụ lục của " in text


def test_a_template_with_jinja_in_its_properties_is_rendered_by_docxtpl_whole():
    d = docx.Document()
    d.add_paragraph("Xin chào {{ ten }}")
    d.core_properties.title = "Báo cáo {{ ten }}"
    template = to_bytes(d)
    assert plan_for(template, environment()) is None
    out = docx.Document(io.BytesIO(render(template, {"ten": "A & B"}, light=True).to_bytes()))
    assert out.core_properties.title == "Báo cáo A &amp; B" and out.paragraphs[-1].text == "Xin chào A & B"


def test_a_planned_document_opens_as_a_python_docx_document_with_its_rows():
    rendered = render(appendix_template(), {"tieu_de": "DANH SÁCH", "nhom": groups(2)}, light=True)
    cells = [c.text for r in rendered.document.tables[0].rows for c in r.cells]
    assert "Mặt trận A & B <C>" in cells and "Trang 2" in cells


@pytest.mark.parametrize("line", ["Kết quả {{ khong_co.ten }} cuối", "{{ ''|attr('_' ~ '_class__') }}",
                                  "{{ 1 + none_value.x }}"])
def test_an_error_found_while_rendering_is_reported_as_docxtpl_whole_reports_it(line, monkeypatch):
    from docgen.errors import TemplateError

    template = paragraphs_template("Mở đầu", line)
    assert plan_for(template, environment()) is not None
    messages = []
    for plans in (False, True):
        monkeypatch.setattr(engine, "PLANS", plans)
        with pytest.raises(TemplateError, match=r"mau\.docx") as exc:
            render(template, {}, "mau.docx", light=True)
        messages.append(str(exc.value))
    assert messages[0] == messages[1]
