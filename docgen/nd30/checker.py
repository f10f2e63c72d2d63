"""Run every ND30 rule over a .docx and return the Findings (nothing printed, nothing written)."""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path

from docgen.errors import DEEP, InputError, Location, parser_reason, too_deep
from docgen.limits import refusal
from docgen.nd30.kinds import PHU_LUC, Kind
from docgen.nd30.layout import Parts, find_layout
from docgen.nd30.rules import RULES, Finding
from docgen.ooxml import PackageError
from docgen.ooxml.package import read_package
from docgen.ooxml.sections import sections
from docgen.ooxml.styles import Formatting
from docgen.ooxml.text import body_blocks

REPEAT_LIMIT = 3  # the same message at more places is summed up after this many
# Checks of the header block, body and closing: skipped for an appendix in a file of its own.
MAIN_DOCUMENT_ONLY = frozenset({"check_header", "check_body", "check_kinds", "check_addressee"})

_UNREADABLE = {
    "missing": "không tìm thấy tệp",
    "not-zip": "không phải tệp Word .docx (không mở được như tệp nén)",
    "not-docx": "tệp nén không chứa văn bản Word (thiếu word/document.xml)",
    "corrupt": "tệp .docx bị hỏng, không đọc được",
}


def unreadable_reason(exc: PackageError) -> str:
    """Return in Vietnamese why a package cannot be checked: a limit or safety refusal, a broken part, or the reason."""
    told = refusal(exc.reason, exc.part, exc.size, exc.limit)
    if told is not None:
        return told
    if exc.reason == "xml" and exc.cause is not None and too_deep(exc.cause):
        return f"tệp .docx (phần «{exc.part or 'word/document.xml'}») có {DEEP}: docgen không đọc tệp như vậy"
    if exc.reason == "xml" and exc.cause is not None:
        return f"tệp .docx bị hỏng, không đọc được (phần «{exc.part or 'word/document.xml'}»): {parser_reason(exc.cause)}"
    if exc.reason == "corrupt" and exc.part:
        return f"{_UNREADABLE['corrupt']} (phần «{exc.part}» thiếu hoặc hỏng)"
    return _UNREADABLE.get(exc.reason, "không đọc được tệp")


@dataclass(frozen=True)
class Report:
    """What the checker found in one document: its kind and its findings, in document order.

    `findings` sums up long runs of one rule after REPEAT_LIMIT places; `every` has each place.
    """

    kind: Kind
    findings: list[Finding]
    every: list[Finding] = field(default_factory=list)


def check_document(document) -> Report:
    """Return the Report for a python-docx Document (or a `docgen.ooxml.package.Package`)."""
    parts = parts_of(document)
    every = run_checks(parts)
    return Report(parts.layout.kind, _collapse(every), every)


def parts_of(document) -> Parts:
    """Return the sections, layout and blocks of a python-docx Document or Package (what checks and fixes read)."""
    fmt = Formatting(document)
    blocks = body_blocks(document, fmt)
    return Parts(sections(document, fmt), find_layout(blocks), blocks, document)


def run_checks(parts: Parts) -> list[Finding]:
    """Return every finding of every check on `parts`, in rule-table order, repeats not summed up."""
    out: list[Finding] = []
    for module, function in checks():
        if parts.layout.kind == PHU_LUC and module in MAIN_DOCUMENT_ONLY:
            continue
        out += getattr(import_module(f"docgen.nd30.{module}"), function)(parts)
    return out


def checks() -> list[tuple[str, str]]:
    """Return the (module, function) of every top-level check, in the order of the rule table."""
    out = []
    for rule in RULES.values():
        module, function = rule.check.split(".")
        if module != "lines" and (module, function) not in out:
            out.append((module, function))
    return out


def _collapse(findings: list[Finding]) -> list[Finding]:
    """Return findings with long runs of one rule and message summed up after REPEAT_LIMIT places."""
    def key(f: Finding) -> tuple:
        return f.rule, f.message.split("»", 1)[-1]

    sizes = Counter(key(f) for f in findings)
    seen: dict = defaultdict(int)   # place of each finding in its group, counted as they come (not searched)
    out = []
    for f in findings:
        k = key(f)
        pos = seen[k]
        seen[k] += 1
        if pos < REPEAT_LIMIT:
            out.append(f)
        elif pos == REPEAT_LIMIT:
            rest = sizes[k] - REPEAT_LIMIT
            out.append(Finding(f.rule, f.level, f"{f.message} (cùng lỗi ở {rest} chỗ nữa)", f.where))
    return out


def inspect_file(path: str | Path) -> Report:
    """Return the Report for the .docx at `path`; raise InputError (Vietnamese) when unreadable."""
    path = Path(path)
    if not path.is_file():
        raise InputError(_UNREADABLE["missing"], Location(str(path)))
    return _inspect(path, str(path), verify=True)


def inspect_bytes(data: bytes, name: str = "", verify: bool = True) -> Report:
    """Return the Report for a .docx held in memory (`name` says where, in messages).

    The same findings as `inspect_file` on a file holding `data`. A job that has
    just written `data` itself may pass `verify=False` to skip the package checks
    only a damaged file needs (CRC of every member, every relationship's target).
    """
    return _inspect(data, name, verify)


def _inspect(source, name: str, verify: bool) -> Report:
    # The check makes many short-lived objects and no lasting cycles: without the cyclic
    # collector meanwhile it runs ~20 % faster inside a job whose heap is large (unit lists …).
    collecting = gc.isenabled()
    gc.disable()
    try:
        try:
            package = read_package(source, verify)
        except PackageError as exc:
            raise InputError(unreadable_reason(exc), Location(name)) from exc
        return check_document(package)
    finally:
        if collecting:
            gc.enable()


def check_file(path: str | Path) -> list[Finding]:
    """Return the ND30 findings (all levels) for the .docx at `path`; raise InputError when unreadable."""
    return inspect_file(path).findings
