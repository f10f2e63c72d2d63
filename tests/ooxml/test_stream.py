"""Streaming an XML part: the same elements as lxml's iterparse, with a bound on what is held at once."""

from __future__ import annotations

import io

import pytest
from lxml import etree

from docgen.ooxml import PackageError
from docgen.ooxml.stream import iterparse

ROWS = b"<sheet>" + b"".join(b'<row r="%d"><c>%d</c></row>' % (i, i) for i in range(50_000)) + b"</sheet>"


def test_the_elements_are_those_lxml_gives():
    ours = [el.get("r") for el in iterparse(io.BytesIO(ROWS), ("row",))]
    theirs = [el.get("r") for _, el in etree.iterparse(io.BytesIO(ROWS), tag="row")]
    assert ours == theirs and len(ours) == 50_000


def test_a_part_that_keeps_what_it_reads_is_stopped_at_the_limit():
    with pytest.raises(PackageError) as err:
        for _ in iterparse(io.BytesIO(ROWS), ("c",), max_nodes=10_000, part="x.xml"):
            pass   # the rows are never cleared: the tree grows with the file
    assert (err.value.reason, err.value.part) == ("too-many-elements", "x.xml")


def test_one_element_with_a_million_children_is_stopped_before_it_ends():
    huge = b"<sheet><row>" + b"<c/>" * 1_000_000 + b"</row></sheet>"
    with pytest.raises(PackageError, match="too-many-elements"):
        list(iterparse(io.BytesIO(huge), ("row",), max_nodes=100_000))


def test_rows_cleared_by_the_reader_keep_the_tree_small():
    seen = 0
    for row in iterparse(io.BytesIO(ROWS), ("row",), max_nodes=1_000):
        seen += 1
        row.clear()
        while row.getprevious() is not None:
            del row.getparent()[0]
    assert seen == 50_000


@pytest.mark.parametrize("xml", [b"", b"not xml", b"<a><b></a>", b"<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;&f;</a>"])
def test_broken_xml_raises_lxml_or_package_errors(xml):
    with pytest.raises((etree.XMLSyntaxError, PackageError)):
        list(iterparse(io.BytesIO(xml), ("b",)))
