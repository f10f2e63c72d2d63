"""What every fix uses: the log of changes, and bringing a line to its Role (sizes, bold, italic, case, centring)."""

from __future__ import annotations

from dataclasses import dataclass, field

from docgen.nd30.describe import align, first_words, is_upper, num, single_spaced, size_of, text_runs, where
from docgen.nd30.roles import Role
from docgen.nd30.rules import RULES
from docgen.nd30.typography import person_name, upper
from docgen.ooxml import Pt
from docgen.ooxml.edit import paragraph_text, replace_text, set_paragraph_format, set_run_format
from docgen.ooxml.text import Paragraph


@dataclass(frozen=True)
class Change:
    """One thing `--sua` changed: the rule, where, what (Vietnamese), and for a text edit the text before and after.

    `element` is the changed paragraph or section element, so the place can be
    named again in the corrected document (paragraph numbers move when lines are added).
    """

    rule: str
    where: str
    what: str
    before: str = ""
    after: str = ""
    element: object = field(default=None, compare=False, repr=False)

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


class FixLog:
    """The changes made so far, in order."""

    def __init__(self):
        self.changes: list[Change] = []

    def __len__(self) -> int:
        return len(self.changes)

    def add(self, rule: str, place, what: str, before: str = "", after: str = "") -> None:
        """Record a change of `rule` at `place` (a Paragraph view, or a (where, element) pair)."""
        if isinstance(place, Paragraph):
            self.changes.append(Change(rule, where(place), what, before, after, place.element))
        else:
            self.changes.append(Change(rule, place[0], what, before, after, place[1]))


def current_text(p: Paragraph) -> str:
    """Return the paragraph's text as it is now (a view's text is read once; fixes may have changed it)."""
    return paragraph_text(p.element)


def set_text(p: Paragraph, new: str, rule: str, log: FixLog) -> bool:
    """Make `new` the text of `p` by the fewest character edits and log it; return True when it changed."""
    old = current_text(p)
    if new == old:
        return False
    replace_text(p.element, new)
    log.add(rule, p, f"«{_short(old)}» → «{_short(new)}»", old, new)
    return True


def _short(text: str) -> str:
    return first_words(text, 10) if len(text) > 70 else text.replace("\t", "⇥").replace("\n", "↵")


def centre(p: Paragraph, rule: str, log: FixLog) -> None:
    """Centre `p` when it is not."""
    if align(p) != "center":
        set_paragraph_format(p.element, align="center")
        log.add(rule, p, "căn giữa")


def set_size(p: Paragraph, size: float, rule: str, log: FixLog) -> None:
    """Give every character of `p` the size `size` pt."""
    wrong = [r for r in text_runs(p) if abs(size_of(r) - size) > 0.01]
    if not wrong:
        return
    old = sorted({size_of(r) for r in wrong})
    for r in wrong:
        set_run_format(r.element, size=Pt(size))
    log.add(rule, p, f"cỡ {', '.join(num(x) for x in old)} → {num(size)}")


def conform(p: Paragraph, role: Role, log: FixLog, size: float | None = None, rule: str | None = None) -> None:
    """Bring `p` to `role`: size (`size`, or the nearest the role allows), bold, italic, case, centring.

    Capitals are written only where the role says how (`role.case`); a line
    typed in capitals that should not be (a trích yếu) is left for a person.
    The change is logged under `rule` (default: the role's).
    """
    runs = text_runs(p)
    if not runs:
        return
    done = []
    if role.size:
        olds, news = set(), set()
        for r in runs:
            want = size if size is not None else role.target_size(size_of(r))
            if abs(size_of(r) - want) > 0.01:
                olds.add(size_of(r))
                news.add(want)
                set_run_format(r.element, size=Pt(want))
        if olds:
            done.append(f"cỡ {', '.join(num(x) for x in sorted(olds))} → {', '.join(num(x) for x in sorted(news))}")
    for attr, flag, on, off in (("bold", "bold", "đậm", "bỏ đậm"), ("italic", "italic", "nghiêng", "bỏ nghiêng")):
        want = getattr(role, attr)
        if want is None:
            continue
        wrong = [r for r in runs if bool(getattr(r.format, flag)) != want]
        for r in wrong:
            set_run_format(r.element, **{attr: want})
        if wrong:
            done.append(on if want else off)
    _case(p, role, runs, log, done)
    if role.centre and align(p) != "center":
        set_paragraph_format(p.element, align="center")
        done.append("căn giữa")
    if done:
        log.add(rule or role.rule, p, ", ".join(done))


def _case(p: Paragraph, role: Role, runs, log: FixLog, done: list[str]) -> None:
    if role.caps is True and not is_upper(p):
        if role.case == "upper":
            set_text(p, upper(current_text(p)), role.rule, log)
    elif role.caps is False and is_upper(p) and sum(c.isalpha() for c in p.text) > 3:
        flagged = [r for r in runs if r.format.caps]
        for r in flagged:
            set_run_format(r.element, caps=False)
        if flagged:
            done.append("bỏ kiểu chữ IN HOA")
        elif role.case == "title":
            set_text(p, person_name(current_text(p)), role.rule, log)


def single_spacing(p: Paragraph, rule: str, log: FixLog, before: bool = True, after: bool = True) -> None:
    """Set `p` single-spaced with no space before (`before`) and after (`after`) it, when it is not."""
    f = p.format
    wrong_line = not single_spaced(p)
    wrong_before = before and f.space_before.pt > 0.2
    wrong_after = after and f.space_after.pt > 0.2
    if wrong_line or wrong_before or wrong_after:
        set_paragraph_format(p.element, line=1.0 if wrong_line else None, before=Pt(0) if wrong_before else None,
                             after=Pt(0) if wrong_after else None)
        log.add(rule, p, "dòng đơn, cách đoạn 0")
