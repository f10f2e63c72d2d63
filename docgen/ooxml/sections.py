"""Sections: page size, margins, orientation, first-page flag, page numbering, headers and footers.

Every `w:sectPr` of the body is read, the ones in paragraph marks included. A
section that does not name a header of some kind inherits the previous section's
(as Word does), so `headers["first"]` is what actually prints on that section's
first page when `title_page` is set.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docgen.ooxml import Length, qn, twips
from docgen.ooxml.styles import Formatting
from docgen.ooxml.text import W_P, Paragraph, story_blocks

_KINDS = ("default", "first", "even")


@dataclass
class SectionView:
    """One section's page setup and its header/footer blocks (lists of Paragraph/Table views).

    Lengths are Length (None when the file omits them). `page_number_format` and
    `page_number_start` are None when `w:pgNumType` does not set them.
    """

    index: int
    page_width: Length | None
    page_height: Length | None
    orientation: str | None
    top: Length | None
    bottom: Length | None
    left: Length | None
    right: Length | None
    header_distance: Length | None
    footer_distance: Length | None
    title_page: bool
    page_number_format: str | None
    page_number_start: int | None
    headers: dict = field(default_factory=dict)
    footers: dict = field(default_factory=dict)
    element: object = field(default=None, compare=False, repr=False)  # the w:sectPr (for editing)

    @property
    def landscape(self) -> bool:
        """Return True when the page is wider than high."""
        return bool(self.page_width and self.page_height and self.page_width > self.page_height)


def _sect_prs(body) -> list:
    ppr, sect_pr = qn("w:pPr"), qn("w:sectPr")
    # the pPr of the body's own children (not of paragraphs in tables), in document order
    out = [p.find(sect_pr) for child in body for p in child.iterchildren(ppr) if p.find(sect_pr) is not None]
    last = body.find(qn("w:sectPr"))
    if last is not None:
        out.append(last)
    return out


def _attr(el, name: str) -> str | None:
    return el.get(qn(name)) if el is not None else None


def sections(document, fmt: Formatting) -> list[SectionView]:
    """Return a SectionView per body section, in order, with inherited headers resolved.

    `document` is a python-docx Document or a `docgen.ooxml.package.Package`.
    """
    from docgen.ooxml.package import as_package

    pkg = as_package(document)
    out: list[SectionView] = []
    inherited = {"header": {}, "footer": {}}
    for i, sp in enumerate(_sect_prs(pkg.body)):
        size, mar, num = sp.find(qn("w:pgSz")), sp.find(qn("w:pgMar")), sp.find(qn("w:pgNumType"))
        title = sp.find(qn("w:titlePg"))
        start = _attr(num, "w:start")
        view = SectionView(
            index=i,
            page_width=twips(_attr(size, "w:w")),
            page_height=twips(_attr(size, "w:h")),
            orientation=_attr(size, "w:orient"),
            top=twips(_attr(mar, "w:top")),
            bottom=twips(_attr(mar, "w:bottom")),
            left=twips(_attr(mar, "w:left")),
            right=twips(_attr(mar, "w:right")),
            header_distance=twips(_attr(mar, "w:header")),
            footer_distance=twips(_attr(mar, "w:footer")),
            title_page=title is not None and title.get(qn("w:val"), "1") not in ("0", "false"),
            page_number_format=_attr(num, "w:fmt"),
            page_number_start=int(start) if start and start.lstrip("-").isdigit() else None,
            element=sp,
        )
        for story in ("header", "footer"):
            for ref in sp.findall(qn(f"w:{story}Reference")):
                kind = ref.get(qn("w:type"), "default")
                part = pkg.related(ref.get(qn("r:id")))
                if part is not None and kind in _KINDS:
                    place = {"section": i, "story": story, "kind": kind}
                    inherited[story][kind] = story_blocks(part, fmt, place)
            getattr(view, story + "s").update(inherited[story])
        out.append(view)
    return out


def story_paragraphs(blocks) -> list[Paragraph]:
    """Return every paragraph of a header/footer's blocks, table cells included."""
    out = []
    for b in blocks:
        if isinstance(b, Paragraph):
            out.append(b)
            # paragraphs inside text boxes anchored here (Word's page-number boxes)
            for inner in b.element.iter(W_P):
                if inner is not b.element:
                    out.append(Paragraph(inner, b._fmt, None, dict(b.place)))
        else:
            out.extend(b.all_paragraphs())
    return out
