"""Kính gửi (KG-*), body (BD-*), signature (SG-*) and Nơi nhận (NN-*)."""

from __future__ import annotations

import re
from collections import Counter

from docgen.nd30.describe import (ALIGN_VI, TOL_MM, align, all_bold, all_italic, found, is_upper, main_size,
                                  num, single_spaced, sizes, where)
from docgen.nd30.kinds import ACADEMIC, AUTHORITY, AUTHORITY_LIKE, CONG_VAN, LUU, UPWARD, parse_number
from docgen.nd30.layout import Layout, Parts, norm
from docgen.nd30.layout_kinds import DECIDING, legal_bases
from docgen.nd30.roles import KINH_GUI, LEGAL_BASIS, NN_ITEM, NOI_NHAN, SIGN_TITLE, SIGNER, TELEGRAM_TO
from docgen.nd30.rules import Finding, Level, finding
from docgen.ooxml.text import Paragraph

HEADING = re.compile(r"^(Phần|Chương|Mục|Tiểu mục)\s+[IVXLC\d]+\b|^[IVXLC]+\.\s")
ALWAYS_ADDRESSED = frozenset({"TTr"})  # a tờ trình always goes up, to whoever decides (PL I §II.9.b)
PERSON_TITLES = ("CHỦ TỊCH", "GIÁM ĐỐC", "TRƯỞNG BAN", "BÍ THƯ", "CHÁNH VĂN PHÒNG", "TỔNG THƯ KÝ")
# PL III Mẫu 1.5 (ô 9a): "Kính gửi:" with a first-line indent of 1982 twips, the recipients at 2552 twips (KG-05);
# a single recipient on the "Kính gửi:" line is centred, as docgen's own công văn has it.
KG_INDENT_MM, KG_ITEMS_MM = 35.0, 45.0
KG_POSITION = "«Kính gửi:» căn giữa (một nơi nhận) hoặc lùi 3,5 cm và các nơi nhận lùi 4,5 cm (Mẫu 1.5)"
NN_SPACING = "các dòng Nơi nhận dòng đơn, cách đoạn 0 (Phụ lục III, các mẫu)"
SG_SPACING = "các dòng quyền hạn, chức vụ người ký dòng đơn, cách đoạn 0 (Phụ lục III, các mẫu)"


def _x(p: Paragraph) -> float:
    """Return where the first line of `p` starts, in mm from the text margin."""
    return p.format.left.mm + p.format.first_line.mm


def check_kinh_gui(parts: Parts) -> list[Finding]:
    """Return KG-01…KG-05 findings (and KG-04/KG-05 for the recipients of a công điện)."""
    lay = parts.layout
    kg = lay.kinh_gui
    if kg is None:
        if lay.telegram is not None and lay.recipients:
            sized = [finding("KG-02", where(p), found(p, TELEGRAM_TO.problems(p)))
                     for p in lay.recipients if TELEGRAM_TO.problems(p)]
            return sized + _recipient_lines(lay.recipients, lay.telegram, against_head=False)
        if lay.kind == CONG_VAN or lay.kind.code in ALWAYS_ADDRESSED:
            return [finding("KG-01", "sau bảng đầu văn bản", f"{lay.kind.name} không có «Kính gửi:»")]
        return []
    out, text = [], norm(kg.text)
    if not text.startswith("Kính gửi:"):
        out.append(finding("KG-02", where(kg), f"«{text[:10]}»"))
    for p in [kg] + lay.recipients:
        probs = KINH_GUI.problems(p)
        if probs:
            out.append(finding("KG-02", where(p), found(p, probs)))
    tail = text.split(":", 1)[1].strip() if ":" in text else ""
    if at_margin(kg):
        out.append(finding("KG-05", where(kg), f"«{text[:12]}…» ở lề trái như một đoạn nội dung",
                           expected=KG_POSITION, level=Level.SHOULD))
    if tail:
        if tail.endswith(";"):
            out.append(finding("KG-03", where(kg), f"«{tail[-20:]}» kết thúc bằng «;»"))
        return out
    if not lay.recipients:
        return out + [finding("KG-04", where(kg), "không có nơi nhận sau «Kính gửi:»")]
    return out + _recipient_lines(lay.recipients, kg, against_head=align(kg) != "center")


def at_margin(kg: Paragraph) -> bool:
    """Return True when "Kính gửi" starts where body text does (the margin, or the body's 1–1,27 cm indent), not at ô 9a."""
    return align(kg) in ("left", "both") and _x(kg) < 20


def _recipient_lines(recipients: list[Paragraph], head: Paragraph, against_head: bool) -> list[Finding]:
    """Return KG-04 (dash, ";" and final ".") and KG-05 (one left edge) findings for recipient lines under `head`."""
    out = []
    last = len(recipients) - 1
    for i, p in enumerate(recipients):
        t = norm(p.text)
        end = "." if i == last else ";"
        if not t.startswith("- ") or not t.endswith(end):
            out.append(finding("KG-04", where(p), f"«{t[:3]}…{t[-3:]}»", expected=f"bắt đầu «- », kết thúc «{end}»"))
    starts = [_x(p) for p in recipients]
    if max(starts) - min(starts) > 0.5 or (against_head and min(starts) < _x(head) - 0.5):
        out.append(finding("KG-05", where(recipients[0]),
                           "gạch đầu dòng ở " + ", ".join(f"{num(x)} mm" for x in starts)
                           + f"; «{norm(head.text)[:12]}» ở {num(_x(head))} mm"))
    return out


def _is_heading(p: Paragraph) -> bool:
    t = norm(p.text)
    return all_bold(p) or bool(HEADING.match(t)) or (is_upper(p) and len(t) < 150)


TAB_STOP_MM = 12.7  # Word's default tab stop (w:defaultTabStop 720): where a line typed after the Tab key starts


def first_indent(p: Paragraph) -> float:
    """Return where the first line of body paragraph `p` starts (mm): its first-line indent, or the default tab
    stop when it has none and was indented with the Tab key (BD-03)."""
    first = p.format.first_line.mm
    if abs(first) < 0.1 and abs(p.format.left.mm) < 0.1 and p.text.startswith("\t") and not p.text.startswith("\t\t"):
        return TAB_STOP_MM
    return first


def running_text(lay: Layout, p: Paragraph) -> bool:
    """Return True when body paragraph `p` is running text (BD-02, BD-03): not a heading, not a decision's
    centred "QUYẾT ĐỊNH:" line (QD-02), however it was typed."""
    return not _is_heading(p) and p is not lay.decides


def bases_of(lay: Layout) -> list[Paragraph]:
    """Return the legal bases at the head of the body: a decision's lines before "QUYẾT ĐỊNH:", else the "Căn cứ" lines."""
    if lay.kind.code in DECIDING:
        return legal_bases(lay)
    return _legal_bases(lay.body)


def _legal_bases(body: list[Paragraph]) -> list[Paragraph]:
    lead = []
    for p in body:
        if not norm(p.text).startswith("Căn cứ"):
            break
        lead.append(p)
    return lead if len(lead) >= 2 or (lead and all_italic(lead[0])) else []


def check_body(parts: Parts) -> list[Finding]:
    """Return BD-01…BD-06 and BD-08 findings over the body paragraphs."""
    lay = parts.layout
    body = lay.body
    if not body:
        return []
    out = []
    bases = bases_of(lay)
    common = Counter(main_size(p) for p in body if main_size(p)).most_common(1)
    usual = common[0][0] if common else None
    for p in body:
        s = sizes(p)
        if any(not 13 <= x <= 14 for x in s):
            out.append(finding("BD-01", where(p), found(p, ["cỡ " + ", ".join(num(x) for x in s)])))
        elif usual and 13 <= usual <= 14 and (len(s) > 1 or s[0] != usual):
            out.append(finding("BD-01", where(p), found(p, ["cỡ " + ", ".join(num(x) for x in s)])
                               + f" (phần lớn nội dung cỡ {num(usual)})"))
    for prev, p in zip([None] + body, body):
        t = norm(p.text)
        if t == "./.":
            continue
        if running_text(lay, p):
            if align(p) != "both":
                out.append(finding("BD-02", where(p), found(p, [ALIGN_VI.get(align(p), align(p))])))
            first = first_indent(p)
            if not any(abs(first - v) <= TOL_MM for v in (10.0, 12.7)):
                out.append(finding("BD-03", where(p), found(p, [f"thụt {num(first / 10)} cm"])))
        gap = (prev.format.space_after.pt if prev is not None else 6) + p.format.space_before.pt
        if prev is not None and _adjacent(lay, prev, p) and gap < 6 - 0.15:
            out.append(finding("BD-04", where(p), found(p, [f"cách đoạn trước {num(gap)} pt"])))
        bad_line = _line_spacing(p)
        if bad_line:
            out.append(finding("BD-05", where(p), found(p, [bad_line])))
    for i, p in enumerate(bases):
        end = "." if i == len(bases) - 1 else ";"
        probs = LEGAL_BASIS.problems(p)
        if not norm(p.text).endswith(end):
            probs.append(f"không kết thúc bằng «{end}»")
        if probs:
            out.append(finding("BD-06", where(p), found(p, probs)))
    if not norm(body[-1].text).endswith("./."):
        out.append(finding("BD-08", where(body[-1]), "đoạn cuối không có «./.»"))
    return out


def _adjacent(lay: Layout, a: Paragraph, b: Paragraph) -> bool:
    """Return True when nothing but empty paragraphs stands between body paragraphs a and b."""
    ia, ib = a.place.get("index"), b.place.get("index")
    return ia is not None and ib is not None and ib - ia == 1


def _line_spacing(p: Paragraph) -> str:
    f = p.format
    if f.line is None:
        return ""
    if f.line_rule == "auto":
        return "" if 0.99 <= f.line <= 1.51 else f"dãn dòng {num(f.line)} dòng"
    size = main_size(p) or 13
    lo, hi = size * 1.15 - 0.1, size * 1.73 + 0.1
    if f.line_rule == "atLeast":
        return "" if f.line.pt <= hi else f"dãn dòng tối thiểu {num(f.line.pt)} pt"
    return "" if lo <= f.line.pt <= hi else f"dãn dòng chính xác {num(f.line.pt)} pt"


def check_signature(parts: Parts) -> list[Finding]:
    """Return SG-01…SG-04 and SG-06 findings."""
    lay = parts.layout
    if lay.closing is None:
        if lay.noi_nhan is not None and lay.minutes_signers is None:
            return [finding("SG-01", where(lay.noi_nhan), "Nơi nhận và chữ ký không nằm trong bảng hai cột",
                            level=Level.SHOULD)]
        return []
    out = []
    if not lay.sig_same_row:
        out.append(finding("SG-01", where(lay.noi_nhan), "«Nơi nhận:» không ngang hàng dòng đầu của chữ ký"))
    sig = lay.signature
    if len(sig) < 2:
        return out + [finding("SG-04", where(lay.noi_nhan), "không tìm thấy chức vụ và họ tên người ký")]
    lines, name = signature_lines(lay)
    wide = spread(lines) if len(lines) > 1 else ""
    if wide:
        out.append(finding("SG-04", where(lines[0]), wide, expected=SG_SPACING, level=Level.SHOULD))
    for i, p in enumerate(lines):
        t = norm(p.text)
        probs = SIGN_TITLE.problems(p)
        if AUTHORITY_LIKE.match(t):
            if not AUTHORITY.match(t):
                probs.insert(0, f"viết «{t.split(' ')[0]}»")
            if probs:
                out.append(finding("SG-02", where(p), found(p, probs)))
            out += _sg03(t, lines[i + 1:], p)
        elif probs:
            out.append(finding("SG-04", where(p), found(p, probs)))
    if name is None:
        if _is_draft(lay):  # a draft may wait for its signer: only a warning
            return out + [finding("SG-06", where(sig[-1]), "bản dự thảo chưa có họ tên người ký",
                                  level=Level.SHOULD)]
        return out + [finding("SG-06", where(sig[-1]), "không có họ tên người ký dưới chức vụ")]
    if lay.sig_blank_lines < 3:
        out.append(finding("SG-05", where(name), f"{lay.sig_blank_lines} dòng trống để ký"))
    probs = SIGNER.problems(name)
    if ACADEMIC.match(norm(name.text)):
        probs.insert(0, "có học hàm, học vị")
    if probs:
        out.append(finding("SG-06", where(name), found(name, probs)))
    return out


def signature_lines(lay: Layout) -> tuple[list[Paragraph], Paragraph | None]:
    """Return the signature's authority and title lines and the signer's name line (None when missing).

    Notes in brackets ("(Đã ký)", "(Chữ ký, dấu)") are neither. With no room to
    sign above a capitalised last line, that line is a title and the name is missing.
    """
    sig = lay.signature
    lines, name = sig[:-1], sig[-1]
    if not lay.sig_gap and is_upper(name):
        lines, name = sig, None
    return [p for p in lines if not norm(p.text).startswith("(")], name


def _is_draft(lay: Layout) -> bool:
    number = parse_number(norm(lay.so.text)) if lay.so is not None else None
    return number is not None and number.draft


def _sg03(t: str, below: list[Paragraph], p: Paragraph) -> list[Finding]:
    rest = t.split(" ", 1)[1] if " " in t else ""
    if t.startswith("KT.") and not any("PHÓ" in norm(x.text).upper() for x in below):
        return [finding("SG-03", where(p), f"«{t}» nhưng dòng dưới không phải chức vụ cấp phó")]
    if t.startswith(("TL.", "TUQ.")) and not below:
        return [finding("SG-03", where(p), f"«{t}» nhưng không có dòng chức vụ của người ký thừa lệnh, ủy quyền")]
    if t.startswith("TM.") and rest.upper().startswith(PERSON_TITLES):
        return [finding("SG-03", where(p), f"«{t}»: TM. đứng trước chức vụ cá nhân")]
    return []


def spread(lines: list[Paragraph]) -> str:
    """Return how lines of a block (Nơi nhận, the signer's title) are spaced wider than the models' single spacing
    ("" when they are not)."""
    out = []
    loose = [p for p in lines if not single_spaced(p)]
    if loose:
        f = loose[0].format
        out.append(f"dãn dòng {num(f.line)}" if f.line_rule == "auto" else f"dãn dòng {num(f.line.pt)} pt")
    gap = max(a.format.space_after.pt + b.format.space_before.pt for a, b in zip(lines, lines[1:]))
    if gap > 0.2:
        out.append(f"cách đoạn {num(gap)} pt")
    return ", ".join(out)


def check_recipients(parts: Parts) -> list[Finding]:
    """Return NN-01…NN-04 findings."""
    lay = parts.layout
    nn = lay.noi_nhan
    if nn is None:
        return [finding("NN-01", "cuối văn bản", "không có «Nơi nhận:»")] if lay.body else []
    out = []
    probs = NOI_NHAN.problems(nn)
    if norm(nn.text) != "Nơi nhận:":
        probs.insert(0, f"viết «{norm(nn.text)[:20]}»")
    if abs(nn.format.left.mm) > 0.2 or abs(nn.format.first_line.mm) > 0.2 or align(nn) in ("center", "right"):
        probs.append("không sát lề trái")
    if probs:
        out.append(finding("NN-01", where(nn), found(nn, probs)))
    items = lay.nn_items
    if not items:
        return out + [finding("NN-02", where(nn), "không có dòng nơi nhận")]
    wide = spread([nn] + items)
    if wide:
        out.append(finding("NN-02", where(nn), wide, expected=NN_SPACING, level=Level.SHOULD))
    for i, p in enumerate(items):
        t = norm(p.text)
        probs = NN_ITEM.problems(p)
        if not t.startswith("- "):
            probs.insert(0, "không bắt đầu bằng «- »")
        if i < len(items) - 1 and not t.endswith(";"):
            probs.insert(0, "không kết thúc bằng «;»")
        if probs:
            out.append(finding("NN-02", where(p), found(p, probs)))
    upward = lay.kind == CONG_VAN or (lay.kind.code in UPWARD and lay.kinh_gui is not None)
    if upward and norm(items[0].text) != "- Như trên;":
        out.append(finding("NN-03", where(items[0]), f"dòng đầu «{norm(items[0].text)}»"))
    if not LUU.match(norm(items[-1].text)):
        out.append(finding("NN-04", where(items[-1]), f"dòng cuối «{norm(items[-1].text)}»"))
    return out
