"""What every fix uses: the log of changes, editing a paragraph or one line of it, and bringing a line to its Role.

A line typed with a soft line break (Shift+Enter) is a view of part of its
paragraph (`Paragraph.lines`): text and run formatting are changed on its own
characters only, so fixing the Quốc hiệu never touches the Tiêu ngữ typed under
it in the same paragraph. Paragraph formatting (alignment, spacing) is shared by
all lines of a paragraph; where a fix needs one line on its own — a drawn line
under it, its own indent or spacing — `own_paragraph` first splits the paragraph
at its line breaks (a change of layout, never of a character).

Every property a fix sets is claimed in the FixLog: a property set by one rule
and set otherwise by another (or set back to a value it had) within one run of
`--sua` raises FixConflict, so the fixing loop can never go back and forth.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docgen.nd30.describe import align, first_words, is_upper, num, single_spaced, size_of, text_runs, where
from docgen.nd30.roles import Role
from docgen.nd30.rules import RULES
from docgen.nd30.typography import person_name, upper
from docgen.ooxml import Length, Pt
from docgen.ooxml.edit import paragraph_text, replace_text, set_paragraph_format, set_run_format, set_span_format
from docgen.ooxml.edit_blocks import soft_breaks, split_at_breaks
from docgen.ooxml.text import Paragraph


@dataclass(frozen=True)
class Change:
    """One thing `--sua` changed: the rule, where, what (Vietnamese), and for a text edit the text before and after.

    `element` is the changed paragraph or section element and `line` the line of
    it (None: the whole paragraph), so the place can be named again in the
    corrected document (paragraph numbers move when lines are added).
    """

    rule: str
    where: str
    what: str
    before: str = ""
    after: str = ""
    element: object = field(default=None, compare=False, repr=False)
    line: int | None = field(default=None, compare=False, repr=False)

    @property
    def message(self) -> str:
        """Return "<rule title>: <what changed>" for a clerk."""
        return f"{RULES[self.rule].title}: {self.what}"

    def to_dict(self) -> dict:
        """Return the change as JSON-ready data (one element of "fixes" in `docgen the-thuc --sua --json`)."""
        out = {"rule": self.rule, "where": self.where, "change": self.message}
        if self.before or self.after:
            out.update(before=self.before, after=self.after)
        return out


class FixConflict(Exception):
    """Two fixes want one property of one line otherwise: a bug of docgen, which stops fixing and says so."""

    def __init__(self, rule: str, earlier: str, where_: str, what: str):
        super().__init__(f"{rule} vs {earlier} at {where_}: {what}")
        self.rule, self.earlier, self.where, self.what = rule, earlier, where_, what

    @property
    def message(self) -> str:
        """Return the Vietnamese report of the conflict."""
        return (f"docgen dừng sửa: {self.rule} định đổi {self.what} ở {self.where} mà {self.earlier} vừa đặt khác "
                "(hai quy tắc sửa ngược nhau — lỗi của docgen, xin báo lại cho người phát triển); bản sửa giữ những "
                "chỗ đã sửa trước đó, dòng này cần người soạn xem lại trong Word")


class FixLog:
    """The changes made so far, in order, and the value each fix gave each property it set."""

    def __init__(self):
        self.changes: list[Change] = []
        self.moved: dict = {}  # (paragraph element, line) → the paragraph that line became when split
        self._claims: dict = {}  # (element, line, property) → [(rule or None for the original, value), …]

    def __len__(self) -> int:
        return len(self.changes)

    def add(self, rule: str, place, what: str, before: str = "", after: str = "") -> None:
        """Record a change of `rule` at `place` (a Paragraph view, or a (where, element) pair)."""
        if isinstance(place, Paragraph):
            self.changes.append(Change(rule, where(place), what, before, after, place.element, place.line))
        else:
            self.changes.append(Change(rule, place[0], what, before, after, place[1]))

    def claim(self, p: Paragraph, prop: str, old, new, rule: str, line: int | None = None) -> bool:
        """Say that `rule` sets `prop` of `p` (its line `line`) from `old` to `new`; raise FixConflict when that undoes a fix.

        Formatting: another rule may not change what one rule set. Text (`prop`
        "text") may be edited again by another rule, but never back to a text it
        had. Return False when a fix already set this very value (nothing to do).
        """
        key = (p.element, line, prop)
        history = self._claims.setdefault(key, [(None, old)])
        last_rule, last = history[-1]
        if new == last:
            return len(history) == 1  # the value it had: still to be written where views read it otherwise
        back = any(value == new for _, value in history[:-1])
        if back or (prop != "text" and last_rule not in (None, rule)):
            earlier = last_rule or next(r for r, v in history if r and v != new)
            raise FixConflict(rule, earlier, where(p), f"{_NAMES.get(prop, prop)} «{_show(last)}» → «{_show(new)}»")
        history.append((rule, new))
        return True


_NAMES = {"text": "chữ", "size": "cỡ chữ", "bold": "chữ đậm", "italic": "chữ nghiêng", "caps": "kiểu IN HOA",
          "underline": "gạch chân", "align": "căn lề", "left": "lề trái", "first_line": "thụt đầu dòng",
          "before": "cách trên", "after": "cách dưới", "line": "giãn dòng", "right": "lề phải",
          "line_rule": "kiểu giãn dòng"}


def _show(value) -> str:
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, Length):
        return f"{num(value.pt)} pt"
    return _short(str(value)) if isinstance(value, str) else str(value)


# ---- one line of a paragraph

def _span(p: Paragraph) -> tuple[int, int] | None:
    """Return where the line `p` now is in its paragraph's text; None when the paragraph no longer has its lines."""
    if p.line is None:
        return 0, len(paragraph_text(p.element))
    if getattr(p, "column", None):
        return None  # one side of a line typed with tabs: the header is made a table first (LY-01)
    segments = paragraph_text(p.element).split("\n")
    if len(segments) != p.total:
        return None  # split or joined by a fix in this round: the next round reads it anew
    start = sum(len(s) + 1 for s in segments[:p.line])
    return start, start + sum(len(s) for s in segments[p.line:p.line + p.count]) + p.count - 1


def current_text(p: Paragraph) -> str:
    """Return the text of `p` (a paragraph or one line of it) as it is now; a view's text is read once, fixes change it."""
    span = _span(p)
    if span is None:
        return p.text
    return paragraph_text(p.element)[span[0]:span[1]]


def alive(p: Paragraph) -> bool:
    """Return True when `p` can still be edited in this round (a line whose paragraph a fix split cannot)."""
    return _span(p) is not None


def set_text(p: Paragraph, new: str, rule: str, log: FixLog) -> bool:
    """Make `new` the text of `p` by the fewest character edits and log it; return True when it changed."""
    span = _span(p)
    if span is None:
        return False
    old = paragraph_text(p.element)[span[0]:span[1]]
    if new == old:
        return False
    log.claim(p, "text", old, new, rule, p.line)
    replace_text(p.element, new, *span)
    log.add(rule, p, f"«{_short(old)}» → «{_short(new)}»", old, new)
    return True


def _short(text: str) -> str:
    return first_words(text, 10) if len(text) > 70 else text.replace("\t", "⇥").replace("\n", "↵")


def format_runs(p: Paragraph, runs, rule: str, log: FixLog, whole: bool = True, **fmt) -> bool:
    """Set run formatting (as `set_run_format`) on `runs` of `p`, only on `p`'s own characters; return False if stale.

    For a line of a paragraph, the runs are cut to the line: the formatting is
    set on those characters only (runs holding other lines are split first).
    `whole` says the rule wants the property for all of `p` (what it claims);
    False: for these runs only (a label, spaces around the text).
    """
    if not runs:
        return True
    for name, value in fmt.items():
        if name in _NAMES and value is not None:
            old = getattr(runs[0].format, name, None) if name != "size" else size_of(runs[0])
            log.claim(p, name if whole else f"{name}:part", old, value.pt if name == "size" else value, rule, p.line)
    if p.line is None:
        for r in runs:
            set_run_format(r.element, **fmt)
        return True
    span = _span(p)
    if span is None:
        return False
    if current_text(p) != p.text:  # the line's text was edited this round: its runs are read anew next round
        if len(runs) < len(text_runs(p)):
            return False
        set_span_format(p.element, span[0], span[1], **fmt)
        return True
    pos = 0
    for r in p.runs:
        if any(r is x for x in runs):
            set_span_format(p.element, span[0] + pos, span[0] + pos + len(r.text), **fmt)
        pos += len(r.text)
    return True


def format_paragraph(p: Paragraph, rule: str, log: FixLog, **fmt) -> bool:
    """Set paragraph formatting (as `set_paragraph_format`) of `p`'s paragraph and claim it; False when `p` is stale."""
    if not alive(p):
        return False
    olds = {"align": align(p), "left": p.format.left, "right": p.format.right, "first_line": p.format.first_line,
            "before": p.format.space_before, "after": p.format.space_after, "line": p.format.line,
            "line_rule": p.format.line_rule}
    todo = {name: value for name, value in fmt.items() if value is not None and log.claim(p, name, olds[name], value, rule)}
    if todo:
        set_paragraph_format(p.element, **todo)
    return bool(todo)


def own_paragraph(p: Paragraph, rule: str, log: FixLog) -> bool:
    """Return True when `p` is a paragraph of its own; else split its paragraph at its line breaks and return False.

    A fix that needs its line on its own (a drawn line under it, its own indent
    or spacing) calls this and stops for this round when it returns False: the
    next round reads the split paragraphs anew. Nothing is split when a break
    sits inside a hyperlink or field, or the paragraph also holds a page break.
    """
    if p.line is None:
        return True
    if not alive(p) or len(soft_breaks(p.element)) != p.total - 1:
        return False
    pieces = split_at_breaks(p.element)
    if len(pieces) > 1:
        for k, piece in enumerate(pieces):
            log.moved[(p.element, k)] = piece
        log.add(rule, p, "tách các dòng xuống dòng bằng Shift+Enter thành đoạn riêng")
    return False


def drop_line(p: Paragraph, rule: str, log: FixLog) -> bool:
    """Remove the empty line `p` of a paragraph typed with line breaks (the break that makes it); True when done."""
    span = _span(p)
    if p.line is None or span is None:
        return False
    text = paragraph_text(p.element)
    cut = span[0] - 1 if span[0] > 0 else span[1]
    return set_text(p.whole, text[:cut] + text[cut + 1:], rule, log)


# ---- a line brought to its role

def centre(p: Paragraph, rule: str, log: FixLog) -> None:
    """Centre `p` when it is not."""
    if align(p) != "center" and format_paragraph(p, rule, log, align="center"):
        log.add(rule, p, "căn giữa")


def set_size(p: Paragraph, size: float, rule: str, log: FixLog) -> None:
    """Give every character of `p` the size `size` pt."""
    wrong = [r for r in text_runs(p) if abs(size_of(r) - size) > 0.01]
    if not wrong:
        return
    old = sorted({size_of(r) for r in wrong})
    if format_runs(p, wrong, rule, log, size=Pt(size)):
        log.add(rule, p, f"cỡ {', '.join(num(x) for x in old)} → {num(size)}")


def conform(p: Paragraph, role: Role, log: FixLog, size: float | None = None, rule: str | None = None) -> None:
    """Bring `p` to `role`: size (`size`, or the nearest the role allows), bold, italic, case, centring.

    Capitals are written only where the role says how (`role.case`); a line
    typed in capitals that should not be (a trích yếu) is left for a person.
    The change is logged under `rule` (default: the role's).
    """
    runs = text_runs(p)
    if not runs or not alive(p):
        return
    rule = rule or role.rule
    done = []
    if role.size:
        by_size: dict = {}
        for r in runs:
            want = size if size is not None else role.target_size(size_of(r))
            if abs(size_of(r) - want) > 0.01:
                by_size.setdefault(want, []).append(r)
        for want, wrong in by_size.items():
            format_runs(p, wrong, rule, log, size=Pt(want))
        if by_size:
            olds = sorted({size_of(r) for wrong in by_size.values() for r in wrong})
            done.append(f"cỡ {', '.join(num(x) for x in olds)} → {', '.join(num(x) for x in sorted(by_size))}")
    for attr, on, off in (("bold", "đậm", "bỏ đậm"), ("italic", "nghiêng", "bỏ nghiêng")):
        want = getattr(role, attr)
        if want is None:
            continue
        wrong = [r for r in runs if bool(getattr(r.format, attr)) != want]
        if wrong:
            format_runs(p, wrong, rule, log, **{attr: want})
            done.append(on if want else off)
    _case(p, role, runs, log, done)
    if role.centre and align(p) != "center" and format_paragraph(p, rule, log, align="center"):
        done.append("căn giữa")
    if done:
        log.add(rule, p, ", ".join(done))


def _case(p: Paragraph, role: Role, runs, log: FixLog, done: list[str]) -> None:
    if role.caps is True and not is_upper(p):
        if role.case == "upper":
            set_text(p, upper(current_text(p)), role.rule, log)
    elif role.caps is False and is_upper(p) and sum(c.isalpha() for c in p.text) > 3:
        flagged = [r for r in runs if r.format.caps]
        if flagged:
            format_runs(p, flagged, role.rule, log, caps=False)
            done.append("bỏ kiểu chữ IN HOA")
        elif role.case == "title":
            set_text(p, person_name(current_text(p)), role.rule, log)


def single_spacing(p: Paragraph, rule: str, log: FixLog, before: bool = True, after: bool = True) -> None:
    """Set `p` single-spaced with no space before (`before`) and after (`after`) it, when it is not."""
    f = p.format
    wrong_line = not single_spaced(p)
    wrong_before = before and f.space_before.pt > 0.2
    wrong_after = after and f.space_after.pt > 0.2
    if (wrong_line or wrong_before or wrong_after) and format_paragraph(
            p, rule, log, line=1.0 if wrong_line else None, before=Pt(0) if wrong_before else None,
            after=Pt(0) if wrong_after else None):
        log.add(rule, p, "dòng đơn, cách đoạn 0")
