"""Row stamps: a row's XML cut at its {{ x.y }} placeholders, filled by joins, spliced through a slot."""

from __future__ import annotations

from lxml import etree

from docgen.ooxml import rows as ox

W = ox.W_NS
NSMAP = {"w": W}


def row(*texts: str) -> etree._Element:
    cells = "".join(f"<w:tc><w:p><w:r><w:t>{ox.escape(t)}</w:t></w:r></w:p></w:tc>" for t in texts)
    return etree.fromstring(f'<w:tr xmlns:w="{W}">{cells}</w:tr>')


def test_a_row_of_plain_placeholders_compiles_to_a_stamp():
    stamp = ox.compile_row(row("{{ r.tt }}.", "Tên: {{r.ten}} ({{ r.tt }})"), NSMAP)
    assert stamp.fields == (("r", "tt"), ("r", "ten"), ("r", "tt"))
    filled = stamp.fill([ox.escape("1"), ox.escape("A & B <C>"), "1"])
    parsed = ox.parse_rows(filled, NSMAP)
    assert [ox.row_text(tr) for tr in parsed] == ["1.Tên: A & B <C> (1)"]
    assert "xmlns" not in filled


def test_a_row_with_a_filter_or_a_split_tag_does_not_compile():
    assert ox.compile_row(row("{{ r.tt|upper }}"), NSMAP) is None
    assert ox.compile_row(row("{{ r.", "tt }}"), NSMAP) is None
    assert ox.compile_row(row("{% if r.x %}"), NSMAP) is None


def test_a_row_without_placeholders_is_copied_as_it_is():
    stamp = ox.compile_row(row("Cộng"), NSMAP)
    assert stamp.fields == () and ox.row_text(ox.parse_rows(stamp.fill([]), NSMAP)[0]) == "Cộng"


def test_a_slot_is_replaced_by_the_rows_and_unfilled_slots_vanish():
    tbl = etree.fromstring(f'<w:tbl xmlns:w="{W}"/>')
    tbl.append(row("đầu"))
    first = ox.add_slot(tbl, None)
    ox.add_slot(tbl, None)
    xml = etree.tostring(tbl)
    out = ox.fill_slots(xml, {first: lambda: ["<w:tr/>"]})
    assert out.count(b"<w:tr/>") == 1 and b"<?" not in out
    assert [ox.row_text(r) for r in ox.rows(etree.fromstring(out))] == ["đầu", ""]
