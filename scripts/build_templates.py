"""Build templates/cong_van.docx and templates/phu_luc.docx, the ND30 Word templates.

Run `python scripts/build_templates.py [OUT_DIR]` (default: templates/). The output is
deterministic, and tests/templates/test_build_templates.py checks that the committed
files equal a fresh build, so edit this script, not the .docx files, then rebuild.

Both files are plain Word documents with docxtpl Jinja tags, each tag inside one run.
Values follow /work/shared/spec/nd30.md; the rule IDs are cited where they are set.

cong_van.docx is the frame of a công văn or a báo cáo (chosen by the context key
`loai_van_ban`: "" for a công văn, "BÁO CÁO" …). phu_luc.docx is the appendix, in its
own landscape section numbered from 1. The appendix table rows follow this CONTRACT
(the fast row renderer relies on it): after the two header rows come exactly
  {%tr for g in nhom %} / group row ({{ g.so }}, {{ g.ten }}) / {%tr for r in g.dong %} /
  data row (one cell per form column: {{ r.<key> }}) / {%tr endfor %} / {%tr endfor %}.
The table is written for the 1031 campaign's columns; a campaign that declares others gets it fitted to
its own at render time (documents.phu_luc.template → docgen/ooxml/column_table.py, which rebuilds this
very table from the same columns: tests/ooxml/test_column_table.py keeps the two in step).
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Mm

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

import docx_parts as parts  # noqa: E402
from docx_parts import CENTER, LEFT, RIGHT  # noqa: E402

from docgen.campaigns.campaign import load_campaign  # noqa: E402
from docgen.documents.phu_luc import table_columns  # noqa: E402
from docgen.ooxml.column_table import widths as column_widths  # noqa: E402

# The Phụ lục tables' columns as documents.phu_luc.table_columns gives them (key, group, `rong`, alignment, least
# width): the page form as the 1031 campaign declares it, and a form of its own as the festival campaign does.
# At render time docgen/ooxml/column_table.py fits either table to the campaign's declared columns.
COLUMNS = table_columns(load_campaign())
FORM_COLUMNS = table_columns(load_campaign("2026-ngay-hoi-dai-doan-ket"))


# Page setup in twips. A4 (PG-01); margins top 25 / bottom 20 / left 35 / right 20 mm,
# the decree's own file (PG-05…08, PG-10; 35 mm stored as 1985 as in the decree's file).
PORTRAIT_MARGINS = dict(top=1417, bottom=1134, left=1985, right=1134)
# Landscape appendix: the same ranges on the rotated page (PG-09), at their low ends
# (top 20, bottom 20, left 30, right 15 mm) to give the wide table room.
LANDSCAPE_MARGINS = dict(top=1134, bottom=1134, left=1701, right=850)
HEADER_DISTANCE = 567  # 10 mm (PG-10)
CELL_PAD = 108         # Word's default left/right cell margin

# Header table (§4.1): left column ô 2/3/5b, right column ô 1/4. The right column
# keeps the 12 pt Quốc hiệu (≈ 88 mm) on one line with its padding (QH-04).
HEADER_LEFT, HEADER_RIGHT = 3600, 5450
# Closing table: Nơi nhận left, signature right (SG-01).
CLOSING_LEFT, CLOSING_RIGHT = 3400, 5550
# Solid lines (LN-*), in mm: under "BAN THƯỜNG TRỰC" (13 pt bold ≈ 45 mm) 1/3–1/2 of it
# (AG-06); under the 13 pt Tiêu ngữ its full length ≈ 56 mm (TN-04); under the báo cáo
# trích yếu 1/3–1/2 of its (usually full-width) line (TL-04); a short one under the
# appendix reference line (PL-07).
LINE_ISSUER, LINE_MOTTO, LINE_TITLE, LINE_APPENDIX = 20, 56, 55, 30

# Appendix table: 12 pt bold header, 11 pt rows (ND30 leaves table sizes to practice, §10: 11–13 pt).
TABLE_HEAD_PT, TABLE_ROW_PT = 12, 11
TABLE_PAD = 57                    # 1 mm cell margins, to give the ten columns room
# Column widths in mm, summing to the landscape text width 297 − 30 − 15 = 252 mm (PG-09), measured on
# Times New Roman 11 pt (+ 2 mm of cell margins): TT holds "129" and the bold 12 pt "TT"; a phone
# number ("0215 3825 123", 23.3 mm) stays on one line; names, units and page names wrap between
# words (longest word ≈ 12 mm), a page name in 3 lines. A link breaks only after "/": its column
# holds "www.facebook.com/" (30 mm) on one line, so a link takes 3 lines. An e-mail has no break
# point at all (a typical one is 40 mm): Word and LibreOffice wrap it at the column edge, in 2 lines.
TABLE_MM = {
    "tt": 9, "don_vi": 23, "ten_trang": 36, "lien_ket": 34,
    "ld_ten": 20, "ld_sdt": 25.5, "ld_email": 29.5,
    "vh_ten": 20, "vh_sdt": 25.5, "vh_email": 29.5,
}

# A data table in the body (block "bang"): 12 pt, header and total bold (§10: 12–13 pt in tables).
DATA_TABLE_PT = 12
DATA_TABLE_PAD = 43                   # 0.75 mm cell margins
DATA_CELL_AIR = 2                     # pt above and below the text of a cell
DATA_COLUMNS, DATA_MM = 7, (33.6, 21.5, 18.5)  # widths set for 7 columns: label, date, status (see _data_grid)

KG_INDENT, KG_ITEMS = 1982, 2552  # "Kính gửi:" first-line indent and item indent (KG-05)
BODY_INDENT = 567                   # 1 cm first-line indent (BD-03)


# ----------------------------------------------------------------- cong_van.docx

def _header_table(doc) -> None:
    """The borderless header table (§4.1): ô 2 + ô 3 (+ ô 5b) left, ô 1 + ô 4 right."""
    table = doc.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    parts.no_borders(table)
    parts.fixed_layout(table, [HEADER_LEFT, HEADER_RIGHT], indent=-CELL_PAD)
    left, right = table.cell(0, 0), table.cell(0, 1)
    inner_left = HEADER_LEFT - 2 * CELL_PAD
    inner_right = HEADER_RIGHT - 2 * CELL_PAD

    # ô 2: supervising body lines, not bold (AG-03); issuing body, bold (AG-04); same 13 pt (AG-07).
    parts.fill(left, "{%p for d in co_quan_chu_quan %}")
    parts.para(left, "{{ d }}", size=13)
    parts.tag(left, "{%p endfor %}")
    parts.tag(left, "{%p for d in co_quan_ban_hanh %}")
    parts.para(left, "{{ d }}", size=13, bold=True)
    parts.tag(left, "{%p endfor %}")
    parts.rule(left, LINE_ISSUER, inner_left)  # AG-06

    # ô 1: Quốc hiệu 12 pt bold (QH-01, QH-02), Tiêu ngữ 13 pt bold (TN-01, TN-02, TN-05) + full line (TN-04).
    parts.fill(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True)
    parts.para(right, "Độc lập - Tự do - Hạnh phúc", size=13, bold=True)
    parts.rule(right, LINE_MOTTO, inner_right)

    # ô 3 and ô 4 on the same row (DT-01): "Số: …" 13 pt (SO-01, SO-04, SO-07); V/v 12 pt, 6 pt below (VV-*).
    left, right = table.cell(1, 0), table.cell(1, 1)
    parts.fill(left, "{{ so|so_ky_hieu(ky_hieu) }}", size=13, before=6)
    parts.tag(left, "{%p if not loai_van_ban %}")
    parts.para(left, "V/v {{ trich_yeu }}", size=12, before=6)
    parts.tag(left, "{%p endif %}")
    # Place and date, italic 14 pt, centred in the right column (DT-02…04; drafts DR-02).
    parts.fill(right, "{{ ngay|ngay_nd30(dia_danh, nam) }}", size=14, italic=True, before=6)


def _draft_mark(doc) -> None:
    """The "DỰ THẢO" mark of a draft (DF-02): bold capitals in a bordered box, above the header's left column.

    Its paragraph goes before the header table; a copy to sign (`du_thao` empty) removes it whole,
    so the header table still comes first.
    """
    table = doc.tables[0]._tbl
    mark = parts.para(doc, "{%p if du_thao %}")
    box = parts.para(doc, "{{ du_thao }}", size=13, bold=True, align=LEFT)
    parts.box_border(box, int(Mm(130).twips))   # a box about 30 mm wide on a 160 mm text width
    end = parts.para(doc, "{%p endif %}")
    for p in (mark, box, end):
        table.addprevious(p._p)


def _title_and_recipients(doc, text_width: int) -> None:
    """Type name and trích yếu (TL-*) for a typed document; Kính gửi (KG-*)."""
    parts.tag(doc, "{%p if loai_van_ban %}")
    parts.para(doc, "{{ loai_van_ban }}", size=14, bold=True, before=18, keep=True)  # TL-01, TL-02
    parts.para(doc, "{{ trich_yeu }}", size=14, bold=True, keep=True)  # TL-03
    parts.rule(doc, LINE_TITLE, text_width)  # TL-04
    parts.tag(doc, "{%p endif %}")
    # One recipient on one line (KG-03); several as aligned "- …;" lines, the last ending "." (KG-04, KG-05).
    parts.tag(doc, "{%p if kinh_gui|length == 1 %}")
    parts.para(doc, "Kính gửi: {{ kinh_gui[0] }}", size=14, before=12, after=6)
    parts.tag(doc, "{%p elif kinh_gui %}")
    parts.para(doc, "Kính gửi:", size=14, align=LEFT, before=12, first=KG_INDENT)
    parts.tag(doc, "{%p for k in kinh_gui %}")
    parts.para(doc, "{{ k }}", size=14, align=LEFT, left=KG_ITEMS)
    parts.tag(doc, "{%p endfor %}")
    parts.tag(doc, "{%p endif %}")


def _cells_row(table, first: str, seq: str, item: str, *, bold=False) -> None:
    """Fill the table's last row: `first` in the label cell, then one cell per item of `seq` (a {%tc %} loop)."""
    row = table.rows[-1]
    label, start, value, end = row.cells
    air = dict(size=DATA_TABLE_PT, before=DATA_CELL_AIR, after=DATA_CELL_AIR)
    parts.fill(label, first, bold=bold, align=LEFT, **air)
    parts.fill(start, "{%%tc for %s in %s %%}" % (item, seq), **air)
    parts.fill(value, "{{ %s }}" % item, bold=bold, **air)
    parts.fill(end, "{%tc endfor %}", **air)
    for cell in (label, start, value, end):
        cell.vertical_alignment = 1  # centre
    parts.cant_split(row)


def _data_grid(text_width: int) -> list[int]:
    """Return the template grid (twips) of the data table's 4 cells: label, {%tc for %}, value, {%tc endfor %}.

    docxtpl (fix_tables) turns a row of 1 + n rendered cells into a grid of 1 + n columns:
    the template's 4 column widths scaled by 4/(1 + n), then T/(1 + n) for each column
    beyond the fourth, T being the text width. The cells carry no widths of their own, so
    this grid alone sizes them. The widths below are set for the province summary's
    7 columns (`documents.tong_hop.UNIT_COLUMNS`): label ≈ 34 mm (unit names on 2 lines),
    report date 21.5 mm ("31/03/2022" at 12 pt), status 18.5 mm, number of units 15 mm,
    the last three 22 mm each; any other number of columns still fills the text width.
    """
    n = DATA_COLUMNS
    target = [int(Mm(mm).twips) for mm in DATA_MM]
    target.append(text_width * 4 // n - sum(target))  # the 4th column: what is left of 4/n of the width
    grid = [t * n // 4 for t in target]
    grid[0] += text_width - sum(grid)
    return grid


def _data_table(doc, text_width: int, d: str = "d") -> None:
    """A body block's data table (`loai` "bang"): optional caption, bold header row, rows, optional bold total.

    The block has `tieu_de` (caption, may be ""), `cot` (column titles), `dong` (rows, a
    list of cells each) and `cong` (the total row, or empty). The columns come from the data
    through {%tc %} loops: the first is the label column (left-aligned), the others are
    centred. Borders (Table Grid), Times New Roman 12 pt in black, header and total bold
    (ND30 leaves tables to practice, §10: 12–13 pt). Widths: see `_data_grid`.
    """
    parts.tag(doc, "{%%p if %s.tieu_de %%}" % d)
    parts.para(doc, "{{ %s.tieu_de }}" % d, size=DATA_TABLE_PT + 1, bold=True, before=6, after=6, keep=True)
    parts.tag(doc, "{%p endif %}")
    table = doc.add_table(rows=1, cols=4)
    table.style = doc.styles["Table Grid"]
    parts.fixed_layout(table, _data_grid(text_width))
    parts.cell_margins(table, DATA_TABLE_PAD)
    _cells_row(table, "{{ %s.cot[0] }}" % d, f"{d}.cot[1:]", "c", bold=True)
    table.rows[0].cells[0].paragraphs[0].alignment = CENTER
    parts.repeat_header(table.rows[0])
    table.add_row()
    _tag_row(table, "{%%tr for r in %s.dong %%}" % d, DATA_TABLE_PT)
    table.add_row()
    _cells_row(table, "{{ r[0] }}", "r[1:]", "v")
    table.add_row()
    _tag_row(table, "{%tr endfor %}", DATA_TABLE_PT)
    table.add_row()
    _tag_row(table, "{%%tr if %s.cong %%}" % d, DATA_TABLE_PT)
    table.add_row()
    _cells_row(table, "{{ %s.cong[0] }}" % d, f"{d}.cong[1:]", "v", bold=True)
    table.add_row()
    _tag_row(table, "{%tr endif %}", DATA_TABLE_PT)
    parts.no_cell_widths(table)


def _body(doc, text_width: int) -> None:
    """Body blocks (BD-*): "Căn cứ" italic (BD-06); a data table; a heading alone bold; else a bold lead-in and plain text.

    Each block of `noi_dung` has `loai` ("can_cu", "muc", "doan", "gach", "bang"), `dam` (the
    bold part: number and title of a section), `thuong` (the plain part) and `text` (all of
    it); a "bang" block also has the table's `tieu_de`, `cot`, `dong` and `cong` (see
    `_data_table`). The last block is a sentence, never a table.
    """
    parts.tag(doc, "{%p for d in noi_dung[:-1] %}")
    parts.tag(doc, '{%p if d.loai == "can_cu" %}')
    parts.para(doc, "{{ d.text }}", style="ND30 Basis")
    parts.tag(doc, '{%p elif d.loai == "bang" %}')
    _data_table(doc, text_width)
    parts.tag(doc, "{%p elif d.thuong %}")
    parts.two_runs(doc, "{{ d.dam }}", "{{ d.thuong }}", "ND30 Body")
    parts.tag(doc, "{%p else %}")
    parts.para(doc, "{{ d.dam }}", style="ND30 Heading")
    parts.tag(doc, "{%p endif %}")
    parts.tag(doc, "{%p endfor %}")
    # The last block (ending "./.") stays on the page of the signature.
    parts.tag(doc, "{%p if noi_dung %}")
    parts.two_runs(doc, "{{ noi_dung[-1].dam }}", "{{ noi_dung[-1].thuong }}", "ND30 Last")
    parts.tag(doc, "{%p endif %}")


def _closing_table(doc) -> None:
    """Nơi nhận (NN-*) left and the signature block (SG-*) right, in a borderless table."""
    table = doc.add_table(rows=1, cols=2)
    parts.no_borders(table)
    parts.fixed_layout(table, [CLOSING_LEFT, CLOSING_RIGHT], indent=-CELL_PAD)
    parts.cant_split(table.rows[0])
    left, right = table.cell(0, 0), table.cell(0, 1)
    parts.fill(left, "Nơi nhận:", size=12, bold=True, italic=True, align=LEFT, before=12)  # NN-01
    parts.tag(left, "{%p for n in noi_nhan %}")
    parts.para(left, "{{ n }}", size=11, align=LEFT, left=113, hanging=113)  # NN-02…05
    parts.tag(left, "{%p endfor %}")
    parts.fill(right, "{{ tham_quyen }}", size=14, bold=True, before=12)  # SG-02
    parts.tag(right, "{%p if ky_thay %}")
    parts.para(right, "{{ ky_thay }}", size=14, bold=True)  # SG-03 (KT.)
    parts.tag(right, "{%p endif %}")
    parts.para(right, "{{ chuc_vu }}", size=14, bold=True)  # SG-04
    for _ in range(4):  # room for the signature and seal (SG-05)
        parts.para(right, "", size=14)
    parts.para(right, "{{ nguoi_ky }}", size=14, bold=True)  # SG-06


def build_cong_van(path: Path) -> None:
    """Write the ND30 frame of a công văn or báo cáo to `path`."""
    doc = parts.base_document()
    parts.paragraph_style(doc, "ND30 Body", BODY_INDENT)
    parts.paragraph_style(doc, "ND30 Heading", BODY_INDENT, bold=True, keep=True)
    parts.paragraph_style(doc, "ND30 Basis", BODY_INDENT, italic=True)
    parts.paragraph_style(doc, "ND30 Last", BODY_INDENT, keep=True)
    section = doc.sections[0]
    parts.page_setup(section, PORTRAIT_MARGINS, HEADER_DISTANCE)
    parts.drop_initial_paragraph(doc)  # the header table must come first
    _header_table(doc)
    _draft_mark(doc)
    _title_and_recipients(doc, parts.text_width(section))
    _body(doc, parts.text_width(section))
    _closing_table(doc)
    doc.save(path)


# ----------------------------------------------------------------- phu_luc.docx

def _column_widths(total: int) -> list[int]:
    """Return the page form's column widths in twips (TABLE_MM), the last one taking the rounding, summing to `total`."""
    widths = [int(Mm(TABLE_MM[c.key]).twips) for c in COLUMNS]
    widths[-1] += total - sum(widths)
    return widths


def _header_rows(table, columns) -> None:
    """The header: a column without a group spans both rows, grouped columns share a top cell (one row
    when no column has a group). Header texts are the campaign's: context `cot` and `nhom_cot` by key."""
    grouped = any(c.group for c in columns)
    top, sub = table.rows[0], table.rows[1] if grouped else None
    i = 0
    while i < len(columns):
        col = columns[i]
        if not col.group:
            cell = top.cells[i].merge(sub.cells[i]) if grouped else top.cells[i]
            parts.fill(cell, "{{ cot.%s }}" % col.key, size=TABLE_HEAD_PT, bold=True)
            cell.vertical_alignment = 1  # centre
            i += 1
            continue
        j = i
        while j + 1 < len(columns) and columns[j + 1].group == col.group:
            j += 1
        cell = top.cells[i].merge(top.cells[j])
        parts.fill(cell, "{{ nhom_cot.%s }}" % col.key, size=TABLE_HEAD_PT, bold=True)
        for k in range(i, j + 1):
            parts.fill(sub.cells[k], "{{ cot.%s }}" % columns[k].key, size=TABLE_HEAD_PT, bold=True)
        i = j + 1
    for row in (top, sub) if grouped else (top,):
        parts.repeat_header(row)


def _data_row(table, columns, var: str, bold: bool = False) -> None:
    """Add a row of one `{{ var.<key> }}` cell per column (TT centred, the others left)."""
    data = table.add_row()
    for cell, col in zip(data.cells, columns):
        parts.fill(cell, "{{ %s.%s }}" % (var, col.key), size=TABLE_ROW_PT, bold=bold,
                   align=CENTER if col.align == "center" else LEFT)
    parts.cant_split(data)


def _form_table(doc, columns, widths: list[int]):
    """Add the Phụ lục's table head for `columns` (fixed widths, 1 mm cell margins, header rows); return it.

    The rows below follow the contract in this file's docstring; docgen/ooxml/column_table.py fits a
    table of this shape to a campaign's declared columns at render time (one way to build it).
    """
    table = doc.add_table(rows=2 if any(c.group for c in columns) else 1, cols=len(columns))
    table.style = doc.styles["Table Grid"]
    parts.fixed_layout(table, widths)
    parts.cell_margins(table, TABLE_PAD)
    _header_rows(table, columns)
    return table


def _tag_row(table, tag: str, size: float = TABLE_ROW_PT) -> None:
    """Fill a row with one merged cell holding a docxtpl row tag ({%tr … %})."""
    row = table.rows[-1]
    cell = row.cells[0].merge(row.cells[-1])
    parts.fill(cell, tag, size=size, align=LEFT)


def build_phu_luc(path: Path) -> None:
    """Write the appendix template (landscape, own numbering, the form's table) to `path`."""
    doc = parts.base_document()
    section = doc.sections[0]
    parts.page_setup(section, LANDSCAPE_MARGINS, HEADER_DISTANCE, landscape=True, restart=True)
    width = parts.text_width(section)
    parts.drop_initial_paragraph(doc)
    parts.para(doc, "Phụ lục", size=14, bold=True, keep=True)  # PL-01, PL-02: normal case, 14 pt, bold
    # A blank form's line for the unit that fills it in ("ỦY BAN MTTQ VIỆT NAM HUYỆN……"); a report has none.
    parts.tag(doc, "{%p if bieu_mau_don_vi %}")
    parts.para(doc, "{{ bieu_mau_don_vi }}", size=14, bold=True, keep=True)
    parts.tag(doc, "{%p endif %}")
    parts.para(doc, "{{ tieu_de }}", size=14, bold=True, keep=True)  # PL-03: capitals by the context
    parts.para(doc, "({{ kem_theo }})", size=14, italic=True, keep=True)  # PL-04, PL-06, DR-04
    parts.rule(doc, LINE_APPENDIX, width)  # PL-07
    parts.para(doc, "", size=12, after=0)

    table = _form_table(doc, COLUMNS, _column_widths(width))
    table.add_row()
    _tag_row(table, "{%tr for g in nhom %}")
    group = table.add_row()
    parts.fill(group.cells[0], "{{ g.so }}", size=TABLE_ROW_PT, bold=True)
    cell = group.cells[1].merge(group.cells[-1])
    parts.fill(cell, "{{ g.ten }}", size=TABLE_ROW_PT, bold=True, align=LEFT)
    parts.cant_split(group)
    table.add_row()
    _tag_row(table, "{%tr for r in g.dong %}")
    _data_row(table, COLUMNS, "r")
    table.add_row()
    _tag_row(table, "{%tr endfor %}")
    table.add_row()
    _tag_row(table, "{%tr endfor %}")
    # A blank form's filled-in example under the table ("* Ví dụ:" …); a report has none.
    parts.tag(doc, "{%p if bieu_mau_vi_du %}")
    parts.para(doc, "", size=TABLE_HEAD_PT)
    parts.tag(doc, "{%p for x in bieu_mau_vi_du %}")
    parts.para(doc, "{{ x }}", size=TABLE_HEAD_PT, align=LEFT)
    parts.tag(doc, "{%p endfor %}")
    parts.tag(doc, "{%p endif %}")
    # A report's notes on rows left out or values not printed (documents.phu_luc: `ghi_chu`).
    parts.tag(doc, "{%p for x in ghi_chu %}")
    parts.para(doc, "{{ x }}", size=TABLE_HEAD_PT, align=LEFT, italic=True)
    parts.tag(doc, "{%p endfor %}")
    parts.para(doc, "./.", size=14, align=RIGHT, before=6)  # PL-11
    doc.save(path)


def build_phu_luc_bang(path: Path) -> None:
    """Write the appendix of a campaign's own form (landscape, own numbering): the form's table as the page
    Phụ lục's (`_form_table`), written for the festival campaign's columns and fitted to any campaign's at
    render time: `{%tr for r in dong %}` / a row of `{{ r.<key> }}` / `{%tr endfor %}`, then the totals,
    `{%tr for t in cong %}` / a bold row of `{{ t.<key> }}` / `{%tr endfor %}` (`cong` empty: no totals row).
    Widths by `rong`, a date or phone column never narrower than its value on one line.
    """
    doc = parts.base_document()
    section = doc.sections[0]
    parts.page_setup(section, LANDSCAPE_MARGINS, HEADER_DISTANCE, landscape=True, restart=True)
    width = parts.text_width(section)
    parts.drop_initial_paragraph(doc)
    parts.para(doc, "Phụ lục", size=14, bold=True, keep=True)  # PL-01, PL-02
    parts.para(doc, "{{ tieu_de }}", size=14, bold=True, keep=True)  # PL-03: capitals by the context
    parts.para(doc, "({{ kem_theo }})", size=14, italic=True, keep=True)  # PL-04, PL-06, DR-04
    parts.rule(doc, LINE_APPENDIX, width)  # PL-07
    parts.para(doc, "", size=12, after=0)
    table = _form_table(doc, FORM_COLUMNS, column_widths({}, FORM_COLUMNS, width))
    for loop, var, bold in (("{%tr for r in dong %}", "r", False), ("{%tr for t in cong %}", "t", True)):
        table.add_row()
        _tag_row(table, loop)
        _data_row(table, FORM_COLUMNS, var, bold)
        table.add_row()
        _tag_row(table, "{%tr endfor %}")
    parts.para(doc, "./.", size=14, align=RIGHT, before=6)  # PL-11
    doc.save(path)


def build_all(out_dir: Path) -> list[Path]:
    """Write the templates into `out_dir`; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / "cong_van.docx", out_dir / "phu_luc.docx", out_dir / "phu_luc_bang.docx"]
    build_cong_van(paths[0])
    build_phu_luc(paths[1])
    build_phu_luc_bang(paths[2])
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "templates"
    for written in build_all(target):
        print(written)
