"""Read a paragraph's formatting as an ND30 rule sees it, and say where it is, in Vietnamese."""

from __future__ import annotations

from collections import Counter

from docgen.nd30.layout import norm
from docgen.ooxml.text import Paragraph

ALIGN_VI = {"left": "căn trái", "center": "căn giữa", "right": "căn phải", "both": "căn đều"}
DEFAULT_SIZE = 10.0  # Word's size when no level sets one
TOL_MM = 0.06        # ±3 twips


def num(x: float) -> str:
    """Return a number the Vietnamese way ("12,7"; "13").

    >>> num(12.7), num(13.0), num(24.99)
    ('12,7', '13', '25')
    """
    s = f"{x:.1f}".rstrip("0").rstrip(".")
    return s.replace(".", ",")


def mm(length) -> str:
    """Return a Length as "25 mm" (or "không đặt" when None)."""
    return "không đặt" if length is None else f"{num(length.mm)} mm"


def first_words(text: str, n: int = 6) -> str:
    """Return the first words of `text`, with "…" when cut.

    >>> first_words("Căn cứ Luật Mặt trận Tổ quốc Việt Nam năm 2015")
    'Căn cứ Luật Mặt trận Tổ…'
    """
    words = norm(text).split(" ")
    out = " ".join(words[:n])
    return out + "…" if len(words) > n else out


def section_name(index: int) -> str:
    """Return the clerk's name of the 0-based section `index`: "phần 1" (Word's Vietnamese "Phần")."""
    return f"phần {index + 1}"


def where(p: Paragraph) -> str:
    """Return where `p` is: "đoạn 12 «…»", "bảng 1, hàng 2, cột 1 «…»", "đầu trang …"."""
    pl = p.place
    quote = f" «{first_words(p.text)}»" if p.text.strip() else ""
    sec = f"{section_name(pl['section'])} › " if pl.get("section") else ""
    if "story" in pl:
        story = "đầu trang" if pl["story"] == "header" else "chân trang"
        kind = {"first": "trang đầu", "even": "trang chẵn"}.get(pl.get("kind"), "các trang")
        return f"{story} ({kind}), {section_name(pl['section'])}{quote}"
    if "row" in pl:
        nested = " (bảng lồng)" if pl.get("depth") else ""
        return f"{sec}bảng {pl.get('table', '?')}{nested}, hàng {pl['row'] + 1}, cột {pl['col'] + 1}{quote}"
    return f"{sec}đoạn {pl.get('index', '?')}{quote}"


def text_runs(p: Paragraph):
    """Return the runs of `p` that hold visible characters."""
    return [r for r in p.runs if r.text.strip()]


def size_of(run) -> float:
    """Return a run's effective size in pt (Word's 10 pt when nothing sets it)."""
    return run.format.size.pt if run.format.size is not None else DEFAULT_SIZE


def sizes(p: Paragraph) -> list[float]:
    """Return the distinct sizes (pt) of `p`'s text, most used first."""
    count: Counter = Counter()
    for r in text_runs(p):
        count[size_of(r)] += len(r.text.strip())
    return [s for s, _ in count.most_common()]


def main_size(p: Paragraph) -> float | None:
    """Return the size most of `p`'s text is set in."""
    s = sizes(p)
    return s[0] if s else None


def all_bold(p: Paragraph) -> bool:
    """Return True when every character of `p` is bold."""
    return bool(text_runs(p)) and all(r.format.bold for r in text_runs(p))


def any_bold(p: Paragraph) -> bool:
    """Return True when some character of `p` is bold."""
    return any(r.format.bold for r in text_runs(p))


def all_italic(p: Paragraph) -> bool:
    """Return True when every character of `p` is italic."""
    return bool(text_runs(p)) and all(r.format.italic for r in text_runs(p))


def any_italic(p: Paragraph) -> bool:
    """Return True when some character of `p` is italic."""
    return any(r.format.italic for r in text_runs(p))


def is_upper(p: Paragraph) -> bool:
    """Return True when the text prints in capitals (typed so, or w:caps on every run)."""
    letters = False
    for c in p.text:  # stops at the first small letter: most lines have one near their start
        if c.isalpha():
            if not c.isupper():
                return all(r.format.caps for r in text_runs(p))
            letters = True
    return letters


def align(p: Paragraph) -> str:
    """Return the effective alignment ("left" when none is set)."""
    return p.format.align or "left"


def off_centre(p: Paragraph) -> float:
    """Return how far (mm) indents push a centred line off the centre of its column; 0 when under 2 mm (LN-03's tolerance)."""
    f = p.format
    shift = abs(f.left.mm + f.first_line.mm - f.right.mm) / 2
    return shift if shift > 2 else 0.0


def problems(p: Paragraph, size: tuple[float, float] | None = None, bold: bool | None = None,
             italic: bool | None = False, caps: bool | None = None, centre: bool = False) -> list[str]:
    """Return what in `p` differs from the wanted formatting, as Vietnamese phrases.

    `bold`/`italic`/`caps` None mean "not checked"; `size` is an inclusive range in pt.
    """
    out = []
    if size:
        bad = [s for s in sizes(p) if not size[0] - 0.01 <= s <= size[1] + 0.01]
        if bad:
            out.append("cỡ " + ", ".join(num(s) for s in sizes(p)))
    if bold is True and not all_bold(p):
        out.append("không đậm" if not any_bold(p) else "có chỗ không đậm")
    if bold is False and any_bold(p):
        out.append("chữ đậm")
    if italic is True and not all_italic(p):
        out.append("không nghiêng" if not any_italic(p) else "có chỗ không nghiêng")
    if italic is False and any_italic(p):
        out.append("chữ nghiêng")
    if caps is True and not is_upper(p):
        out.append("không IN HOA")
    if caps is False and is_upper(p) and sum(c.isalpha() for c in p.text) > 3:
        out.append("IN HOA")
    if centre and align(p) != "center":
        out.append(ALIGN_VI.get(align(p), align(p)))
    return out


def found(p: Paragraph, probs: list[str]) -> str:
    """Return "«first words»: problem, problem" for a message."""
    return f"«{first_words(p.text)}» " + ", ".join(probs)


def single_spaced(p: Paragraph) -> bool:
    """Return True when the line spacing is single (auto 1.0, or exact/at least ≈ 1–1.3 × size)."""
    f = p.format
    if f.line is None:
        return True
    if f.line_rule == "auto":
        return abs(f.line - 1.0) <= 0.02
    size = main_size(p) or 13
    return size * 0.99 <= f.line.pt <= size * 1.3
