"""Rules of the parts only some kinds have (ND30 Phụ lục III): quyết định (QD-*), công điện (CD-01),
biên bản (BB-01), giấy mời (GM-01)."""

from __future__ import annotations

import re

from docgen.nd30.check_body import _is_heading
from docgen.nd30.describe import TOL_MM, all_bold, any_italic, found, norm, num, where
from docgen.nd30.layout import Parts
from docgen.nd30.layout_kinds import CHAIR, DECIDING, SECRETARY, legal_bases
from docgen.nd30.roles import AUTHORITY_LINE, DECIDES, MINUTES_SIGNER, MINUTES_TITLE, TELEGRAM
from docgen.nd30.rules import Finding, finding
from docgen.ooxml.text import Paragraph

ARTICLE_LABEL = re.compile(r"^Điều (\d+)\.(?: |$)")


def check_decision(parts: Parts) -> list[Finding]:
    """Return QD-01…QD-04 findings for a quyết định or nghị quyết (Mẫu 1.1–1.3)."""
    lay = parts.layout
    if lay.kind.code not in DECIDING or lay.title is None:
        return []
    word = DECIDING[lay.kind.code]
    out = []
    after = lay.summary[-1] if lay.summary else lay.title
    if lay.authority is None:
        out.append(finding("QD-01", where(after), "không có dòng thẩm quyền ban hành dưới trích yếu"))
    elif AUTHORITY_LINE.problems(lay.authority):
        out.append(finding("QD-01", where(lay.authority), found(lay.authority, AUTHORITY_LINE.problems(lay.authority))))
    d = lay.decides
    if d is None:
        out.append(finding("QD-02", where(lay.body[0]) if lay.body else where(after), f"không có dòng «{word}:»"))
    else:
        probs = DECIDES.problems(d)
        if norm(d.text) != f"{word}:":
            probs.insert(0, f"viết «{norm(d.text)}»")
        if probs:
            out.append(finding("QD-02", where(d), found(d, probs)))
        if not legal_bases(lay):
            out.append(finding("QD-04", where(d), f"không có căn cứ ban hành trước «{word}:»"))
    out += _articles(lay.articles)
    return out


def _articles(articles: list[Paragraph]) -> list[Finding]:
    out = []
    numbers = []
    for p in articles:
        t = norm(p.text)
        m = ARTICLE_LABEL.match(t)
        if m is None:
            out.append(finding("QD-03", where(p), f"«{t[:12]}…» không viết «Điều N.»"))
            numbers.append(int(re.match(r"\D*(\d+)", t).group(1)))
            continue
        numbers.append(int(m.group(1)))
        label = label_span(p)
        probs = []
        if not all_bold(label):
            probs.append(f"«{m.group(0).strip()}» không đậm")
        if any_italic(label):
            probs.append(f"«{m.group(0).strip()}» chữ nghiêng")
        first = p.format.first_line.mm
        if _is_heading(p) and not any(abs(first - v) <= TOL_MM for v in (10.0, 12.7)):
            probs.append(f"lùi đầu dòng {num(first / 10)} cm")
        if probs:
            out.append(finding("QD-03", where(p), ", ".join(probs)))
    if numbers and numbers != list(range(1, len(numbers) + 1)):
        out.append(finding("QD-03", where(articles[0]), "các điều đánh số " + ", ".join(map(str, numbers)),
                           expected="các điều đánh số liên tục 1, 2, 3 …"))
    return out


class _Label:
    """The runs holding the "Điều N." label of an article (a paragraph-like view for bold/italic checks)."""

    def __init__(self, runs):
        self.runs = runs


def label_span(p: Paragraph) -> _Label:
    """Return the runs of `p` that hold characters of its "Điều N." label."""
    m = ARTICLE_LABEL.match(p.text.lstrip())
    lead = len(p.text) - len(p.text.lstrip())
    end = lead + (len(m.group(0).rstrip()) if m else 0)
    out, pos = [], 0
    for r in p.runs:
        if pos < end and pos + len(r.text) > lead:
            out.append(r)
        pos += len(r.text)
    return _Label(out)


def check_telegram(parts: Parts) -> list[Finding]:
    """Return CD-01 findings for a công điện (Mẫu 1.6): the "<issuer> điện:" line and who receives it."""
    lay = parts.layout
    if lay.kind.code != "CĐ" or lay.title is None:
        return []
    t = lay.telegram
    if t is None:
        after = lay.summary[-1] if lay.summary else lay.title
        return [finding("CD-01", where(after), "không có dòng «… điện:» sau trích yếu")]
    out = []
    if not norm(t.text).endswith("điện:"):
        out.append(finding("CD-01", where(t), f"«…{norm(t.text)[-12:]}» không kết thúc bằng «điện:»"))
    probs = TELEGRAM.problems(t)
    if probs:
        out.append(finding("CD-01", where(t), found(t, probs)))
    if not lay.recipients:
        out.append(finding("CD-01", where(t), "không có nơi nhận điện (mỗi nơi một dòng «- …;»)"))
    return out


def check_minutes(parts: Parts) -> list[Finding]:
    """Return BB-01 findings for a biên bản (Mẫu 1.9): the secretary and the chair sign, each with a name."""
    lay = parts.layout
    if lay.kind.code != "BB" or lay.title is None:
        return []
    table = lay.minutes_signers
    if table is None:
        return [finding("BB-01", "cuối văn bản", "không có bảng chữ ký của thư ký và chủ tọa")]
    out = []
    for title, name in signer_columns(table):
        probs = MINUTES_TITLE.problems(title)
        if probs:
            out.append(finding("BB-01", where(title), found(title, probs)))
        if name is None:
            out.append(finding("BB-01", where(title), f"«{norm(title.text)}» không có họ tên người ký"))
        elif MINUTES_SIGNER.problems(name):
            out.append(finding("BB-01", where(name), found(name, MINUTES_SIGNER.problems(name))))
    return out


def signer_columns(table) -> list[tuple[Paragraph, Paragraph | None]]:
    """Return (title line, name line or None) for each signer of a biên bản's signature table."""
    out = []
    for cell in table.cells():
        paras = [p for p in cell.paragraphs if p.text.strip()]
        at = next((i for i, p in enumerate(paras) if norm(p.text).upper().startswith(SECRETARY + CHAIR)), None)
        if at is None:
            continue
        rest = [p for p in paras[at + 1:] if not norm(p.text).startswith("(")]
        out.append((paras[at], rest[-1] if rest else None))
    return out


def check_invitation(parts: Parts) -> list[Finding]:
    """Return GM-01 findings for a giấy mời (Mẫu 1.7): it says when and where."""
    lay = parts.layout
    if lay.kind.code != "GM" or not lay.body:
        return []
    text = " ".join(norm(p.text).casefold() for p in lay.body)
    missing = [w for w in ("thời gian", "địa điểm") if w not in text]
    if missing:
        return [finding("GM-01", where(lay.body[0]), "không có " + " và ".join(f"«{w.capitalize()}:»" for w in missing))]
    return []
