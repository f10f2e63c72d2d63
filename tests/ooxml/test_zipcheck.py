"""A package is held to the size, ratio and DOCTYPE rules before any parser sees it (docs/gioi-han.md)."""

from __future__ import annotations

import resource

import pytest

from docgen.ooxml import PackageError
from docgen.ooxml.zipcheck import check_package
from tests.fuzz import hostile as h
from tests.fuzz.cases import SAMPLES

XLSX = (SAMPLES / "muong-nhe.xlsx").read_bytes()
DOCX = (SAMPLES / "dien-bien-dong.docx").read_bytes()


def refused(data: bytes, **kw) -> PackageError:
    with pytest.raises(PackageError) as err:
        check_package(data, **kw)
    return err.value


@pytest.mark.parametrize("data", [XLSX, DOCX, h.stored(XLSX)], ids=["xlsx", "docx", "stored"])
def test_real_files_pass(data):
    check_package(data)


def test_a_gigabyte_bomb_is_refused_from_its_declared_size_without_unpacking_it():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    err = refused(h.bomb(XLSX, h.SHEET, 1024))
    assert (err.reason, err.part, err.size) == ("part-too-big", h.SHEET, "1.024 MB")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024   # kB: nothing was inflated


def test_a_member_packed_too_tightly_is_refused_even_under_the_size_limit():
    err = refused(h.with_media(XLSX, "xl/media/a.png", 150))
    assert (err.reason, err.part, err.limit) == ("ratio", "xl/media/a.png", "200")


def test_the_members_together_may_not_pass_the_total(monkeypatch):
    monkeypatch.setenv("DOCGEN_MAX_RATIO", "100000")
    data = h.with_media(h.with_media(h.with_media(XLSX, "a.bin", 150), "b.bin", 150), "c.bin", 150)
    assert refused(data).reason == "total-too-big"


def test_a_limit_is_raised_with_its_environment_variable(monkeypatch):
    data = h.bomb(XLSX, h.SHEET, 300)
    assert refused(data).reason == "part-too-big"
    monkeypatch.setenv("DOCGEN_MAX_PART_MB", "400")
    monkeypatch.setenv("DOCGEN_MAX_RATIO", "100000")
    check_package(data, parts={"xl/worksheets/": None})


def test_a_bad_limit_value_is_a_vietnamese_error(monkeypatch):
    from docgen.errors import DocgenError

    monkeypatch.setenv("DOCGEN_MAX_PART_MB", "nhiều")
    with pytest.raises(DocgenError, match="DOCGEN_MAX_PART_MB='nhiều' phải là một số dương"):
        check_package(XLSX)


def test_a_part_read_whole_must_fit_the_tree_limit_unless_it_is_streamed(monkeypatch):
    monkeypatch.setenv("DOCGEN_MAX_TREE_MB", "0.01")
    assert refused(XLSX).reason == "tree-too-big"
    check_package(XLSX, parts=dict.fromkeys(("xl/", "docProps/", "[Content_Types].xml", "_rels/")))


def test_a_part_may_have_a_limit_of_its_own():
    err = refused(XLSX, parts={"xl/styles.xml": ("styles-too-big", 0.001)})
    assert (err.reason, err.part, err.limit) == ("styles-too-big", "xl/styles.xml", "0,001 MB")


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml", "[Content_Types].xml", "_rels/.rels"])
@pytest.mark.parametrize("doctype", [h.LAUGHS, h.XXE], ids=["entities", "external"])
def test_a_doctype_in_any_part_is_refused_not_obeyed(part, doctype):
    err = refused(h.with_doctype(DOCX, part, doctype, b""))
    assert (err.reason, err.part) == ("doctype", part)


def test_a_doctype_in_utf16_is_found_too():
    err = refused(h.edit(XLSX, h.SHEET, h.with_doctype_utf16))
    assert (err.reason, err.part) == ("doctype", h.SHEET)


def test_too_many_parts_and_encrypted_members_are_refused():
    assert refused(h.zip_bytes(h.members(XLSX) + [(f"x/{i}", b"") for i in range(5001)])).reason == "too-many-parts"
    assert refused(h.encrypted_flag(XLSX, h.SHEET)).reason == "encrypted"


def test_a_file_too_big_on_disk_is_refused_before_it_is_opened(tmp_path, monkeypatch):
    path = tmp_path / "a.xlsx"
    path.write_bytes(XLSX)
    monkeypatch.setenv("DOCGEN_MAX_FILE_MB", "0.001")
    assert refused(path).reason == "file-too-big"
