"""Put a rendered appendix after a rendered document, as its own section of the same file.

docxcompose copies the appendix's body (styles, numbering, images and other
referenced parts mapped into the main document). The main document keeps its
own section (portrait, its headers); the appendix gets a new section with the
appendix template's own page setup — size, orientation, margins, first-page
setting and page-number restart (PN-05) — and inherits the main document's
headers (page number centred, none on a section's first page: PN-02, PN-04, PN-06).
"""

from __future__ import annotations

import copy
import functools
import io

from docx.enum.section import WD_HEADER_FOOTER, WD_SECTION

from docgen.render.engine import Rendered, render_pieces
from docgen.render.plan import split_element


def compose(main: Rendered, appendix: Rendered) -> Rendered:
    """Return `main` with `appendix` appended as a new section (both are consumed; neither rendered `light`).

    Two documents just rendered are not composed themselves: their two templates
    are composed once (cached) and rendered again in one pass, the main body with
    the main context and the appendix's with its own — the same document, at a
    fraction of the cost of docxcompose per document.
    """
    if main.carried or appendix.carried:
        raise ValueError("compose() needs documents rendered without light=True: their styles are stubs")
    both = _compose_again(main, appendix)
    if both is not None:
        return both
    append_section(main.document, appendix.document)
    return Rendered(main.document, main.notes + appendix.notes, {**main.fills, **appendix.fills},
                    sizes={**main.sizes, **appendix.sizes})


def _compose_again(main: Rendered, appendix: Rendered) -> Rendered | None:
    """Return the two documents rendered again from their composed templates, or None when that cannot be done."""
    if main.recipe is None or appendix.recipe is None or main.recipe[3] != appendix.recipe[3]:
        return None
    (source, context, name, fast), (other, other_context, other_name, _) = main.recipe, appendix.recipe
    both = render_pieces(compose_templates(source, other, split=True), [context, other_context],
                         f"{name} + {other_name}", fast)
    if both is not None:
        both.notes = main.notes + appendix.notes
    return both


@functools.lru_cache(maxsize=8)
def compose_templates(main: bytes, appendix: bytes, split: bool = False) -> bytes:
    """Return one template made of two .docx templates, the second in its own section (cached).

    Rendering the composed template once with both contexts gives the same file
    as rendering each and composing the results, at half the cost; the Jinja
    tags are text, so they come through the composition unchanged. With
    `split`, a mark (`render.plan.split_element`) separates the two bodies, so that
    each can be rendered with its own context.
    """
    import docx

    document = docx.Document(io.BytesIO(main))
    boundary = append_section(document, docx.Document(io.BytesIO(appendix)))
    if split:
        boundary.addnext(split_element())
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def append_section(document, other):
    """Append `other`'s body to `document` as a new section with `other`'s page setup; return the section break.

    The section break is the paragraph that ends `document`'s own section: `other`'s body follows it.
    """
    from docxcompose.composer import Composer

    document.add_section(WD_SECTION.NEW_PAGE)
    boundary = document.element.body[-2]  # the paragraph add_section put before the body's sectPr
    Composer(document).append(other)
    _take_page_setup(document, other)
    return boundary


def _take_page_setup(document, source) -> None:
    """Give `document`'s last section the page setup of `source`'s last section, without its header links."""
    setup = copy.deepcopy(source.sections[-1]._sectPr)
    for kind in WD_HEADER_FOOTER:
        if setup.get_headerReference(kind) is not None:
            setup.remove_headerReference(kind)
        if setup.get_footerReference(kind) is not None:
            setup.remove_footerReference(kind)
    last = document.sections[-1]._sectPr
    last.getparent().replace(last, setup)
