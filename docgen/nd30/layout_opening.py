"""The opening of a document, between the header block and the body: type name, trích yếu, Kính gửi (ô 5a, 9a).

Found by position: the trích yếu is what stands between the type name and
"Kính gửi" or the body, however it was formatted (PL III Mẫu 1.4).
"""

from __future__ import annotations

import re

from docgen.nd30.kinds import TYPE_NAMES
from docgen.nd30.layout import Layout, starts_with, nonempty, norm
from docgen.ooxml.text import Paragraph, Table


def find_title(lay: Layout, rest: list) -> int:
    """Fill the type-name and trích yếu lines; return the index after them."""
    items = []  # (block index, line) of the first paragraphs after the header
    for i, b in enumerate(rest[:8]):
        if isinstance(b, Table):
            break
        items += [(i, line) for line in nonempty(b.lines)]
    if not items:
        return 0
    i, first = items[0]
    text = norm(first.text)
    known = text.upper() in TYPE_NAMES or text.upper() == "CÔNG VĂN"
    centred_caps = first.format.align == "center" and text == text.upper() and len(text) < 60
    if starts_with(first, "kính gửi") or not (known or centred_caps):
        return 0
    lay.title = first
    end = i + 1
    for j, p in _summary(first, items[1:5], TYPE_NAMES.get(text.upper())):
        if j > end and lay.summary:
            break  # a blank line (or the line under it) ends the trích yếu: what follows is another part
        lay.summary.append(p)
        end = j + 1
    # the empty paragraphs right after (one may hold the line under the trích yếu)
    while end < len(rest) and isinstance(rest[end], Paragraph) and not rest[end].text.strip():
        lay.after_title.append(rest[end])
        end += 1
    return end


# How a body, not a trích yếu, starts (PL I §II.6): legal bases, an opening sentence, a numbered part.
BODY_OPENING = re.compile(r"^(căn cứ|thực hiện|theo đề nghị|kính gửi|điều \d|phần |chương |mục )|"
                          r"^([IVXLC]+|\d+)\.\s|^[a-zđ]\)\s", re.I)


def _summary(title: Paragraph, items: list, code: str | None) -> list:
    """Return the (block index, line) items that are the trích yếu under the type name, found by position (PL III Mẫu 1.4).

    The trích yếu is what stands between the type name and "Kính gửi" (or the
    body): a line of the type name's paragraph, centred lines, or — typed as body
    text — a short line that does not open the body. A decision's authority line
    (capitals) and a công điện's "… điện:" line come after it and are not part of it.
    """
    kg = next((k for k, (_, p) in enumerate(items) if starts_with(p, "kính gửi")), None)
    out = []
    for k, (j, p) in enumerate(items if kg is None else items[:kg]):
        t = norm(p.text)
        if BODY_OPENING.match(t) or (code == "CĐ" and t.casefold().rstrip(" :").endswith("điện")):
            break
        if code in ("QĐ", "NQ") and out and t == t.upper():
            break  # the authority line of a decision
        placed = p.element is title.element or p.format.align == "center"
        above_kinh_gui = kg is not None and kg - k <= 2  # what stands right above "Kính gửi" is the trích yếu
        if not (placed or above_kinh_gui or (not out and _summary_like(t))):
            break
        out.append((j, p))
        if len(out) == 3:
            break
    return out


def _summary_like(text: str) -> bool:
    """Return True when a line typed as body text reads as a trích yếu: a short phrase without a closing stop.

    >>> _summary_like("Kết quả củng cố các Trang cộng đồng")
    True
    >>> _summary_like("Ban Thường trực báo cáo kết quả như sau:")
    False
    """
    return len(text) <= 250 and not text.endswith((".", ":", ";"))


def find_kinh_gui(lay: Layout, rest: list, idx: int) -> int:
    """Fill "Kính gửi" and its recipients when they come at `idx`; return the index after them."""
    for i in range(idx, min(idx + 6, len(rest))):
        b = rest[i]
        if isinstance(b, Table):
            break
        if not b.text.strip():
            continue
        lines = nonempty(b.lines)
        if starts_with(lines[0], "kính gửi"):
            lay.kinh_gui = lines[0]
            tail = norm(lines[0].text).split(":", 1)[1].strip() if ":" in lines[0].text else ""
            lay.recipients = [x for x in lines[1:] if norm(x.text)[:1] in "-–—+•"]
            j = i + 1
            while not tail and j < len(rest) and isinstance(rest[j], Paragraph):
                t = norm(rest[j].text)
                if not t:
                    j += 1
                    continue
                if t[:1] not in "-–—+•":
                    break
                lay.recipients += nonempty(rest[j].lines)
                j += 1
            return j
        break
    return idx
