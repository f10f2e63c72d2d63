"""scripts/build_templates.py and the committed templates stay in step; both templates are valid and tidy."""

from __future__ import annotations

import re
import runpy
import zipfile

import pytest
from tests.templates.template_render import NS, ROOT, TEMPLATES, W, part, text_of

SCRIPT = ROOT / "scripts" / "build_templates.py"
NAMES = ("cong_van.docx", "phu_luc.docx", "phu_luc_bang.docx")
PARTS = ("word/document.xml", "word/styles.xml", "word/settings.xml", "word/header1.xml", "word/header2.xml")


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    out = tmp_path_factory.mktemp("templates")
    runpy.run_path(str(SCRIPT))["build_all"](out)
    return out


@pytest.mark.parametrize("name", NAMES)
def test_the_committed_template_is_what_the_script_builds(rebuilt, name):
    with zipfile.ZipFile(TEMPLATES / name) as old, zipfile.ZipFile(rebuilt / name) as new:
        for p in PARTS:
            assert old.read(p) == new.read(p), f"{name}:{p} differs: run python scripts/build_templates.py"


@pytest.mark.parametrize("name", NAMES)
def test_the_template_passes_the_ooxml_schema_check(ooxml_check, name):
    assert "0 error(s)" in ooxml_check(TEMPLATES / name)


@pytest.mark.parametrize("name", NAMES)
def test_every_jinja_tag_sits_inside_one_run(name):
    for t in part(TEMPLATES / name).iter(f"{{{W}}}t"):
        text = t.text or ""
        assert text.count("{{") == text.count("}}") and text.count("{%") == text.count("%}"), text


@pytest.mark.parametrize("name", NAMES)
def test_every_style_and_the_defaults_use_times_new_roman_in_black(name):
    """FN-01, FN-04: explicit fonts everywhere a font is named, no theme fonts, no colour."""
    styles = part(TEMPLATES / name, "word/styles.xml")
    default = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert {default.get(f"{{{W}}}{a}") for a in ("ascii", "hAnsi", "cs", "eastAsia")} == {"Times New Roman"}
    for fonts in styles.iter(f"{{{W}}}rFonts"):
        assert not any("Theme" in k for k in fonts.attrib), fonts.attrib
        assert fonts.get(f"{{{W}}}ascii") == "Times New Roman"
    for color in styles.iter(f"{{{W}}}color"):
        assert color.get(f"{{{W}}}val") in ("auto", "000000")
    for color in part(TEMPLATES / name).iter(f"{{{W}}}color"):
        assert color.get(f"{{{W}}}val") in ("auto", "000000")


def _sect(name):
    return part(TEMPLATES / name).find("w:body/w:sectPr", NS)


def _twips(el, attr):
    return int(el.get(f"{{{W}}}{attr}"))


def test_the_frame_is_portrait_a4_with_the_decrees_margins():
    """PG-01, PG-02, PG-05…08 (25/20/35/20 mm, PG-10)."""
    sect = _sect("cong_van.docx")
    size, mar = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)
    assert (_twips(size, "w"), _twips(size, "h")) == (11906, 16838)
    assert size.get(f"{{{W}}}orient") in (None, "portrait")
    assert 1134 <= _twips(mar, "top") <= 1417 and 1134 <= _twips(mar, "bottom") <= 1417
    assert 1701 <= _twips(mar, "left") <= 1984 + 3 and 850 <= _twips(mar, "right") <= 1134


def test_the_appendix_is_landscape_a4_numbered_from_one():
    """PG-01, PG-04, PG-09, PN-05."""
    sect = _sect("phu_luc.docx")
    size, mar = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)
    assert (_twips(size, "w"), _twips(size, "h"), size.get(f"{{{W}}}orient")) == (16838, 11906, "landscape")
    assert 1134 <= _twips(mar, "top") <= 1417 and 1701 <= _twips(mar, "left") <= 1984
    assert sect.find("w:pgNumType", NS).get(f"{{{W}}}start") == "1"


@pytest.mark.parametrize("name", NAMES)
def test_the_page_number_is_centred_in_the_header_and_hidden_on_page_one(name):
    """PN-01…04, PN-06."""
    sect = _sect(name)
    assert sect.find("w:titlePg", NS) is not None
    rels = part(TEMPLATES / name, "word/_rels/document.xml.rels")
    target = {r.get("Id"): r.get("Target") for r in rels}
    refs = {h.get(f"{{{W}}}type"): target[h.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")]
            for h in sect.findall("w:headerReference", NS)}
    default, first = part(TEMPLATES / name, "word/" + refs["default"]), part(TEMPLATES / name, "word/" + refs["first"])
    field = default.find(".//w:fldSimple", NS)
    assert re.fullmatch(r"\s*PAGE\s*", field.get(f"{{{W}}}instr"))
    p = default.find("w:p", NS)
    assert p.find("w:pPr/w:jc", NS).get(f"{{{W}}}val") == "center"
    assert field.find(".//w:sz", NS).get(f"{{{W}}}val") in ("26", "28")
    assert first.find(".//w:fldSimple", NS) is None and not text_of(first).strip()


@pytest.mark.parametrize("name, module", [("cong_van.docx", "bao_cao"), ("phu_luc.docx", "phu_luc")])
def test_every_variable_the_template_uses_is_described(name, module):
    """The template linter and docs/mau-van-ban.md rely on VARIABLES covering the template."""
    import importlib

    import jinja2.sandbox
    from docxtpl import DocxTemplate

    from docgen.render.filters import FILTERS

    env = jinja2.sandbox.SandboxedEnvironment(autoescape=True)
    env.filters.update(FILTERS)
    variables = importlib.import_module(f"docgen.documents.{module}").VARIABLES
    used = DocxTemplate(str(TEMPLATES / name)).get_undeclared_template_variables(jinja_env=env)
    assert used and used <= set(variables), used - set(variables)
