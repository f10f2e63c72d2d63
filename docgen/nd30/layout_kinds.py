"""The parts only some kinds of document have (ND30 Phụ lục III), found in a Layout already read.

- quyết định, nghị quyết (Mẫu 1.1–1.3): the authority line under the trích yếu
  ("BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM TỈNH …"), the legal bases, the line
  "QUYẾT ĐỊNH:" ("QUYẾT NGHỊ:"), and the articles "Điều 1.", "Điều 2." …;
- công điện (Mẫu 1.6): the line "<issuer> điện:" and the recipients under it;
- biên bản (Mẫu 1.9): the table where the secretary and the chair sign.
"""

from __future__ import annotations

import re

from docgen.nd30.layout import Layout, norm
from docgen.ooxml.text import Paragraph

DECIDING = {"QĐ": "QUYẾT ĐỊNH", "NQ": "QUYẾT NGHỊ"}
ARTICLE = re.compile(r"^điều\s+\d+\b", re.I)
SECRETARY = ("THƯ KÝ",)
CHAIR = ("CHỦ TỌA", "CHỦ TOẠ", "CHỦ TRÌ")


def refine_kind(lay: Layout) -> None:
    """Fill the kind-specific parts of `lay` and take them out of its body."""
    code = lay.kind.code
    if code in DECIDING:
        _decision(lay, DECIDING[code])
    elif code == "CĐ":
        _telegram(lay)
    elif code == "BB":
        _minutes(lay)


def deciding_line(text: str, word: str) -> bool:
    """Return True when `text` is the line "QUYẾT ĐỊNH:" (or "QUYẾT NGHỊ:"), however typed.

    >>> deciding_line("QUYẾT ĐỊNH:", "QUYẾT ĐỊNH"), deciding_line("Quyết định :", "QUYẾT ĐỊNH")
    (True, True)
    >>> deciding_line("Quyết định này có hiệu lực", "QUYẾT ĐỊNH")
    False
    """
    return norm(text).rstrip(": ").upper() == word


def _decision(lay: Layout, word: str) -> None:
    body = lay.body
    if body and not norm(body[0].text).casefold().startswith(("căn cứ", "theo đề nghị", "điều")) \
            and not deciding_line(body[0].text, word) and (body[0].format.align == "center"
                                                           or norm(body[0].text).isupper()):
        lay.authority = body.pop(0)
    lay.decides = next((p for p in body if deciding_line(p.text, word)), None)
    lay.articles = [p for p in body if ARTICLE.match(norm(p.text))]


def legal_bases(lay: Layout) -> list[Paragraph]:
    """Return a decision's legal bases: the body paragraphs before "QUYẾT ĐỊNH:" (none when that line is missing)."""
    if lay.decides is None:
        return []
    out = []
    for p in lay.body:
        if p is lay.decides:
            break
        out.append(p)
    return out


def _telegram(lay: Layout) -> None:
    body = lay.body
    at = next((i for i, p in enumerate(body[:3]) if norm(p.text).casefold().rstrip(" :").endswith("điện")
               and len(norm(p.text)) < 200), None)
    if at is None:
        return
    lay.telegram = body[at]
    rest = body[at + 1:]
    recipients = []
    for p in rest:
        if norm(p.text)[:1] not in "-–—+•":
            break
        recipients.append(p)
    lay.recipients = recipients
    lay.body = body[:at] + rest[len(recipients):]


def _minutes(lay: Layout) -> None:
    for t in lay.body_tables:
        texts = [norm(p.text).upper() for p in t.all_paragraphs()]
        if any(x.startswith(SECRETARY) for x in texts) and any(x.startswith(CHAIR) for x in texts):
            lay.minutes_signers = t
            lay.body_tables.remove(t)
            return
