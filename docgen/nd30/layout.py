"""Find the ND30 parts of a document: header block, title, Kính gửi, body, closing, appendices.

Parts are found by position and text, never by formatting, so a part with wrong
formatting is still found and its own rule reports it. Lines typed with soft line
breaks (Shift+Enter) in one paragraph are read as the lines they are (line views,
`Paragraph.lines`) in the header block, the title block, Kính gửi, Nơi nhận and
the signature; the body keeps its paragraphs whole.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass, field

from docgen.nd30.kinds import AUTHORITY_LIKE, CONG_VAN, PHU_LUC, Kind, parse_number, recognise
from docgen.ooxml.text import Paragraph, Table

QH_MARK = "CHỦ NGHĨA VIỆT NAM"
UNDERSCORES = re.compile(r"[_\s]*_[_\s]*")
# The mark a draft or a sample carries above the header, outside the ND30 boxes (spec DF-02).
DRAFT_MARK = re.compile(r"^(dự thảo(\s+lần\s+\S+)?|bản mẫu)$", re.I)
APPENDIX_LABEL = re.compile(r"^ph[ụu]\s*l[ụu]c(\s+([IVXLC]+|\d+))?\s*$", re.I)


@lru_cache(maxsize=8192)  # called for each paragraph by many checks, and again in each round of --sua
def norm(text: str) -> str:
    """Return `text` in NFC with NBSP and runs of spaces folded (for matching only).

    >>> norm("Kính\\u00a0gửi:  Ban")
    'Kính gửi: Ban'
    """
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    return re.sub(r"[ \t\n]+", " ", text).strip()


def nonempty(paragraphs) -> list[Paragraph]:
    """Return the paragraphs that have visible text."""
    return [p for p in paragraphs if p.text.strip()]


def lines_of(paragraphs) -> list[Paragraph]:
    """Return the lines of `paragraphs`: a paragraph typed with soft line breaks gives one view per line."""
    return [line for p in paragraphs for line in p.lines]


@dataclass
class Appendix:
    """An appendix: its label line, title lines, "(Kèm theo …)" line and blocks."""

    section: int
    label: Paragraph
    titles: list[Paragraph] = field(default_factory=list)
    reference: Paragraph | None = None
    reference_text: str = ""
    blocks: list = field(default_factory=list)
    new_section: bool = True


@dataclass
class Layout:
    """The parts of one document; any part not found is None or empty."""

    kind: Kind = CONG_VAN
    header: Table | None = None
    draft_mark: Paragraph | None = None  # «DỰ THẢO», «Dự thảo lần 2», «BẢN MẪU» above the header (DF-02)
    tabbed: list = field(default_factory=list)  # the lines of a header typed with tabs (layout_tabs.TabbedLine)
    left: list[Paragraph] = field(default_factory=list)
    right: list[Paragraph] = field(default_factory=list)
    qh: Paragraph | None = None
    tn: Paragraph | None = None
    date: Paragraph | None = None
    so: Paragraph | None = None
    vv: Paragraph | None = None
    supervising: list[Paragraph] = field(default_factory=list)
    issuer: Paragraph | None = None
    title: Paragraph | None = None
    summary: list[Paragraph] = field(default_factory=list)
    after_title: list[Paragraph] = field(default_factory=list)
    kinh_gui: Paragraph | None = None
    recipients: list[Paragraph] = field(default_factory=list)
    body: list[Paragraph] = field(default_factory=list)
    body_tables: list[Table] = field(default_factory=list)
    closing: Table | None = None
    noi_nhan: Paragraph | None = None
    nn_items: list[Paragraph] = field(default_factory=list)
    signature: list[Paragraph] = field(default_factory=list)
    sig_same_row: bool = True
    sig_gap: bool = True  # empty lines (room to sign) stand before the last signature line
    sig_blank_lines: int = 0  # how many, right above the last line
    appendices: list[Appendix] = field(default_factory=list)
    main_blocks: list = field(default_factory=list)
    # parts of some kinds only (layout_kinds.py): a decision's authority line, its "QUYẾT ĐỊNH:" line and
    # articles; a công điện's "… điện:" line; a biên bản's table of signatures (secretary, chair)
    authority: Paragraph | None = None
    decides: Paragraph | None = None
    articles: list[Paragraph] = field(default_factory=list)
    telegram: Paragraph | None = None
    minutes_signers: Table | None = None


@dataclass
class Parts:
    """What every check receives: the sections, the layout, and the body's top-level blocks.

    `document` is what they were read from (a python-docx Document, which `--sua` edits, or a Package).
    """

    sections: list
    layout: Layout
    blocks: list
    document: object = None


def starts_with(p: Paragraph, *prefixes: str) -> bool:
    """Return True when the text of `p` starts with one of `prefixes` (lower case), spacing and case folded."""
    t = norm(p.text).casefold()
    return any(t.startswith(x) for x in prefixes)


def find_layout(blocks: list) -> Layout:
    """Return the Layout of a document's top-level blocks (from `ooxml.text.body_blocks`)."""
    lay = Layout()
    main, lay.appendices = _split_appendices(blocks)
    lay.main_blocks = main
    start = _header(lay, main)
    lay.draft_mark = next((b for b in main[:start] if isinstance(b, Paragraph) and DRAFT_MARK.match(norm(b.text))),
                          None)
    rest = main[start:]
    from docgen.nd30.layout_opening import find_kinh_gui, find_title

    idx = find_kinh_gui(lay, rest, find_title(lay, rest))
    _body_and_closing(lay, rest[idx:])
    number = parse_number(norm(lay.so.text)) if lay.so else None
    appendix_only = lay.qh is None and bool(lay.appendices) and not lay.body
    lay.kind = recognise(number.symbol if number else None,
                         norm(lay.title.text) if lay.title else None, lay.vv is not None, appendix_only)
    if appendix_only:
        lay.kind = PHU_LUC
    refine(lay)
    return lay


def refine(lay: Layout) -> None:
    """Find the parts only some kinds have (decisions, công điện, biên bản); see layout_kinds."""
    from docgen.nd30.layout_kinds import refine_kind

    refine_kind(lay)


def _split_appendices(blocks: list) -> tuple[list, list[Appendix]]:
    """Return the main blocks and the appendices that follow them.

    An appendix starts at a "Phụ lục …" line that opens a section, or that comes
    after the closing table (Nơi nhận, signature) in the same section.
    """
    apps: list[Appendix] = []
    cut, closing, with_text = None, False, set()
    for i, b in enumerate(blocks):
        sec = b.place["section"]
        if isinstance(b, Paragraph) and APPENDIX_LABEL.match(norm(b.text)):
            first_here = sec not in with_text
            if first_here or closing or apps:
                apps.append(Appendix(sec, b, new_section=first_here))
                cut = i if cut is None else cut
                with_text.add(sec)
                continue
        if apps:
            apps[-1].blocks.append(b)
        if isinstance(b, Table):
            with_text.add(sec)
            closing = closing or any(starts_with(p, "nơi nhận") for p in b.all_paragraphs())
        elif b.text.strip():
            with_text.add(sec)
    for app in apps:
        _appendix_parts(app)
    return (blocks if cut is None else blocks[:cut]), apps


def _appendix_parts(app: Appendix) -> None:
    paras = []
    for b in app.blocks:
        if isinstance(b, Table):
            break
        if b.text.strip():
            paras.append(b)
    for i, p in enumerate(paras[:4]):
        if starts_with(p, "(kèm theo", "kèm theo"):
            app.reference = p
            text = norm(p.text)
            for more in paras[i + 1:i + 3]:  # a long reference line typed as two paragraphs
                if text.endswith(")") or not text.startswith("("):
                    break
                text = f"{text} {norm(more.text)}"
            app.reference_text = text
            break
        app.titles.append(p)


def _header(lay: Layout, main: list) -> int:
    """Fill the header parts; return the index in `main` of the first block after the header."""
    for i, b in enumerate(main[:6]):
        if isinstance(b, Table) and any(QH_MARK in norm(p.text).upper() for p in b.all_paragraphs()):
            lay.header = b
            for cell in b.cells():
                (lay.left if cell.col == 0 else lay.right).extend(lines_of(cell.paragraphs))
            _header_parts(lay)
            return i + 1
    from docgen.nd30.layout_tabs import find_tabbed_header

    end = find_tabbed_header(lay, main)
    if end is not None:  # typed with tabs instead of a table (LY-01)
        _header_parts(lay)
        return end
    # no header table: look for the Quốc hiệu in the first paragraphs
    for i, b in enumerate(main[:12]):
        if isinstance(b, Paragraph) and QH_MARK in norm(b.text).upper():
            lay.right = lines_of(x for x in main[: i + 4] if isinstance(x, Paragraph))
            _header_parts(lay)
            return min(i + 3, len(main))
    return 0


def _broken_quoc_hieu(lines: list[Paragraph]) -> list[Paragraph]:
    """Return `lines` with a Quốc hiệu broken over two lines of one paragraph seen as one line (QH-01 reports it)."""
    if any(QH_MARK in norm(p.text).upper() for p in lines):
        return lines
    for a, b in zip(lines, lines[1:]):
        if a.line is not None and b.element is a.element and b.line == a.line + 1 and \
                QH_MARK in norm(f"{a.text} {b.text}").upper():
            return _replace_lines(lines, a.whole, a.whole.merged_lines(a.line, 2))
    return lines


def _replace_lines(lines: list[Paragraph], whole: Paragraph, new: list[Paragraph]) -> list[Paragraph]:
    at = next(k for k, x in enumerate(lines) if x.element is whole.element)
    rest = [x for x in lines if x.element is not whole.element]
    return rest[:at] + new + rest[at:]


def _date_like(p: Paragraph) -> bool:
    return bool(re.search(r",\s*ngày|ngày.*năm", norm(p.text)))


def _header_parts(lay: Layout) -> None:
    lay.right = _broken_quoc_hieu(lay.right)
    right = nonempty(lay.right)
    for j, p in enumerate(right):
        if QH_MARK in norm(p.text).upper():
            lay.qh = p
            rest = right[j + 1:]
            lay.tn = rest[0] if rest and not _date_like(rest[0]) else None  # a missing motto is not the date line
            lay.date = next((x for x in rest[1:] + right if _date_like(x) and x is not lay.tn), None)
            break
    left = nonempty(lay.left)
    for j, p in enumerate(left):
        if re.match(r"^số\b", norm(p.text).casefold()) and "/" in p.text:
            lay.so = p
            agency = [p for p in left[:j] if not UNDERSCORES.fullmatch(norm(p.text))]  # "____": a typed line
            if agency:
                lay.issuer, lay.supervising = agency[-1], agency[:-1]
            after = left[j + 1:]
            if after and starts_with(after[0], "v/v", "về việc", "v.v"):
                lay.vv = after[0]
            break
    agency = [p for p in left if not UNDERSCORES.fullmatch(norm(p.text))]
    if lay.so is None and agency:
        lay.issuer, lay.supervising = agency[-1], agency[:-1]


def _body_and_closing(lay: Layout, rest: list) -> None:
    for i, b in enumerate(rest):
        if isinstance(b, Table):
            nn = next((x for p in b.all_paragraphs() for x in p.lines if starts_with(x, "nơi nhận")), None)
            if nn is not None:
                lay.closing = b
                _closing(lay, b, nn)
                return
            lay.body_tables.append(b)
        elif starts_with(b, "nơi nhận"):
            lines = b.lines
            lay.noi_nhan = lines[0]
            lay.nn_items = _dash_run(lines[1:] + lines_of(x for x in rest[i + 1:] if isinstance(x, Paragraph)))
            break
        elif b.text.strip():
            lay.body.append(b)
    _loose_signature(lay)


def _loose_signature(lay: Layout) -> None:
    """Take a signature typed as paragraphs under the body (no closing table) out of the body: its lines are
    not body text (SG-01 says where they belong)."""
    tail = lay.body[-8:]
    at = next((k for k in range(len(tail) - 1, -1, -1) if AUTHORITY_LIKE.match(norm(tail[k].text))), None)
    if at is None or any(len(norm(p.text)) > 60 for p in tail[at:]):
        return
    cut = len(lay.body) - len(tail) + at
    lay.signature = nonempty(lines_of(lay.body[cut:]))
    lay.body = lay.body[:cut]


def _dash_run(lines: list[Paragraph]) -> list[Paragraph]:
    out = []
    for b in lines:
        if b.text.strip():
            if not norm(b.text)[:1] in "-–—+•":
                break
            out.append(b)
    return out


def _closing(lay: Layout, table: Table, nn: Paragraph) -> None:
    """Fill Nơi nhận and the signature from the closing table; `nn` is the line "Nơi nhận:"."""
    lay.noi_nhan = nn
    row, col = nn.place["row"], nn.place["col"]
    nn_cell = next((c for c in table.cells() if any(p.element is nn.element for p in c.paragraphs)), None)
    if nn_cell is None:  # "Nơi nhận:" inside a nested table: nothing reliable to compare
        return
    nn_lines = lines_of(nn_cell.paragraphs)
    paras = nonempty(nn_lines)
    at = next((k for k, p in enumerate(paras) if p.same(nn)), None)
    lay.nn_items = paras[at + 1:] if at is not None else []
    same_row = [c for c in table.rows[row] if c.col > col and nonempty(c.paragraphs)]
    if same_row:
        sig_lines = lines_of(same_row[-1].paragraphs)
        lay.signature = nonempty(sig_lines)
        # level: as many lines above "Nơi nhận:" as above the first signature line
        above_nn = next(k for k, p in enumerate(nn_lines) if p.same(nn))
        above_sig = next(k for k, p in enumerate(sig_lines) if p.same(lay.signature[0]))
        lay.sig_same_row = above_nn == above_sig
        texts = [bool(p.text.strip()) for p in sig_lines]
        last = len(texts) - 1 - texts[::-1].index(True)
        lay.sig_gap = not all(texts[above_sig:last + 1])
        before = texts[above_sig:last]
        lay.sig_blank_lines = len(before) - 1 - max(i for i, t in enumerate(before) if t) if any(before) else 0
    else:
        others = [c for c in table.cells()
                  if (c.row, c.col) != (nn_cell.row, nn_cell.col) and c.col > 0 and nonempty(c.paragraphs)]
        lay.signature = nonempty(lines_of(others[0].paragraphs)) if others else []
        lay.sig_same_row = False
