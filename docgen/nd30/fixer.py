"""`docgen the-thuc --sua`: fix what is safe to fix, check again, and say what is left for a person.

Only rules with a fix in the rule table (`Rule.fix`) are touched, and only when
the check reports them: a clean part of the document is never rewritten. The
fixes run in rounds (check, fix what was found, check again) because some
depend on others: a line typed "Số 5 / mttq" is first read as the number line
once its text is right. Text is changed only by the edits of `typography.py`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from importlib import import_module

from docgen.errors import InputError, Location
from docgen.nd30.checker import inspect_bytes, parts_of, run_checks
from docgen.nd30.describe import section_name, where
from docgen.nd30.fix_tools import Change, FixConflict, FixLog
from docgen.nd30.kinds import Kind
from docgen.nd30.rules import RULES, Finding
from docgen.ooxml.sections import story_paragraphs
from docgen.ooxml.text import Paragraph

MAX_ROUNDS = 6


@dataclass(frozen=True)
class Repair:
    """The corrected copy of one document: its bytes, the changes made, and the findings before and after."""

    kind: Kind
    before: list[Finding]
    changes: list[Change]
    data: bytes
    after: list[Finding]
    after_every: list[Finding] = field(default_factory=list)  # `after` with each place of a repeated finding
    conflict: str = ""  # why fixing stopped early (two fixes that would undo each other), in Vietnamese

    @property
    def left(self) -> list[Finding]:
        """Return what a person still has to put right (INFO findings left out)."""
        return [f for f in self.after if f.level.value != "INFO"]


def repair_bytes(data: bytes, name: str = "") -> Repair:
    """Return the Repair of the .docx held in `data`; raise InputError (Vietnamese) when it cannot be read."""
    import docx

    before = inspect_bytes(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # a package the checker reads but python-docx does not
        raise InputError("tệp .docx bị hỏng, không đọc được", Location(name)) from exc
    log = FixLog()
    conflict = fix_in_place(document, log, {f.rule for f in before.every})
    buffer = io.BytesIO()
    document.save(buffer)
    out = buffer.getvalue()
    after = inspect_bytes(out, name, verify=False)
    changes = _placed(parts_of(document), log)
    return Repair(after.kind, before.findings, changes, out, after.findings, after.every,
                  conflict.message if conflict else "")


def fix_document(document, found: set[str] | None = None) -> list[Change]:
    """Fix a python-docx Document in place; return the changes made, each placed in the corrected document.

    `found` may give the rules the document is already known to break (its check just ran): the first round
    then skips checking it again. Raises FixConflict when two fixes would undo each other.
    """
    log = FixLog()
    conflict = fix_in_place(document, log, found)
    if conflict:
        raise conflict
    return _placed(parts_of(document), log)


def fix_in_place(document, log: FixLog, found: set[str] | None = None) -> FixConflict | None:
    """Run the rounds of fixes on `document`, logging into `log`; return the conflict that stopped them, if any."""
    for round_ in range(MAX_ROUNDS):
        parts = parts_of(document)
        if round_ or found is None:
            found = {f.rule for f in run_checks(parts)}
        fixable = {r for r in found if RULES[r].fixable}
        before = len(log)
        try:
            for fixer in _fixers(fixable):
                fixer(parts, fixable, log)
        except FixConflict as conflict:
            return conflict
        if len(log) == before:
            break  # nothing changed: the document is corrected as far as it can be
    return None


def _fixers(found: set[str]) -> list:
    """Return the fix functions of the rules found, each once, in rule-table order."""
    out = []
    for rule in RULES.values():
        if rule.id in found and rule.fix:
            module, function = rule.fix.split(".")
            fn = getattr(import_module(f"docgen.nd30.{module}"), function)
            if fn not in out:
                out.append(fn)
    return out


def _placed(parts, log: FixLog) -> list[Change]:
    """Return the changes of `log` with their places named as in the corrected document (read as `parts`).

    A line typed with a soft line break is named as its line, or as the paragraph it became when a fix split it.
    """
    places: dict = {}
    for s in parts.sections:
        places[(id(s.element), None)] = section_name(s.index)
        for story in list(s.headers.values()) + list(s.footers.values()):
            for p in story_paragraphs(story):
                places.setdefault((id(p.element), None), where(p))
    for b in parts.blocks:
        for p in ([b] if isinstance(b, Paragraph) else b.all_paragraphs()):
            places[(id(p.element), None)] = where(p)
            for line in p.lines if p.line is None and "\n" in p.text else ():
                places[(id(p.element), line.line)] = where(line)
    out = []
    for c in log.changes:
        element, line = c.element, c.line
        if line is not None and (element, line) in log.moved:
            element, line = log.moved[(element, line)], None
        place = places.get((id(element), line), places.get((id(element), None), c.where))
        out.append(Change(c.rule, place, c.what, c.before, c.after, element, line))
    return out
