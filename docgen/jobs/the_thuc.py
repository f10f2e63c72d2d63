"""`docgen the-thuc`: check .docx files against ND30; with `--sua` write corrected copies; with `--html` a report.

Each file is read once. A file that cannot be read, or whose corrected copy may
not be written (it exists and `--ghi-de` was not given), gets its reason in
`FileResult.error`; the other files are still done.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
import os
from pathlib import Path

from docgen.errors import DocgenError, InputError, Location
from docgen.nd30 import Level, inspect_bytes, repair_bytes
from docgen.nd30.rules import ALWAYS_SHOWN
from docgen.output import OutputError, check_free, derived_name, write_bytes

FIXED_SUFFIX = "-da-sua"


@dataclass(frozen=True)
class FileResult:
    """One file checked by `the_thuc`: its document kind and findings, or why it could not be done.

    `error` is a Vietnamese reason when the file is unreadable or its corrected
    copy could not be written (then `findings` is empty); `kind` is the Vietnamese
    kind name ("công văn", "báo cáo", "phụ lục" …). With `--sua`, `fixed` is the
    corrected copy written, `changes` what was changed in it, `before` the
    findings of the original, and `findings` what is left for a person.
    """

    path: str
    kind: str = ""
    findings: tuple = ()
    error: str = ""
    fixed: Path | None = None
    changes: tuple = ()
    before: tuple = ()
    unwritten: bool = False  # True when `error` is about writing the corrected copy, not reading the file
    stopped: str = ""  # why `--sua` stopped early (two fixes that would undo each other), in Vietnamese
    named: int = 1  # how many times the command line named this file (by name or within a folder); done once
    every: tuple = field(default=(), repr=False)  # findings with each place (for the HTML report)
    data: bytes = field(default=b"", repr=False)  # the document the findings are about (for the HTML report)

    @property
    def errors(self) -> list:
        """Return the findings of MUST rules (what makes the exit code 1)."""
        return [f for f in self.findings if f.level is Level.MUST]

    @property
    def warnings(self) -> list:
        """Return the findings of SHOULD rules."""
        return [f for f in self.findings if f.level is Level.SHOULD]

    def to_dict(self) -> dict:
        """Return the result as JSON-ready data (one element of `docgen the-thuc --json`).

        With `--sua` it also has "fixed_file", "fixes" (rule, where, change and,
        for a text edit, the text before and after) and "errors_before"/"warnings_before".
        """
        out = {"file": self.path, "kind": self.kind, "readable": not self.error,
               "error": self.error, "errors": len(self.errors), "warnings": len(self.warnings),
               "findings": [f.to_dict() for f in self.findings]}
        if self.fixed is not None or self.changes:
            out.update(fixed_file=str(self.fixed) if self.fixed else "", fixes=[c.to_dict() for c in self.changes],
                       errors_before=sum(f.level is Level.MUST for f in self.before),
                       warnings_before=sum(f.level is Level.SHOULD for f in self.before))
            if self.stopped:
                out["stopped"] = self.stopped
        if self.named > 1:
            out["named"] = self.named
        return out


def docx_files(paths, skip_fixed: bool = False) -> list[Path]:
    """Return the .docx files named by `paths` (a folder: every .docx under it, Word's "~$" lock files left out).

    `skip_fixed` also leaves out the corrected copies of an earlier `--sua` ("…-da-sua.docx") found in folders.
    """
    files = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(p for p in path.rglob("*.docx") if not p.name.startswith("~$")
                            and not (skip_fixed and p.stem.endswith(FIXED_SUFFIX)))
        else:
            files.append(path)
    return files


def distinct(files: list[Path]) -> dict[Path, int]:
    """Return each distinct file of `files` (same resolved path = same file) with how many times it is named,
    in the order first named: a file given twice is checked once and gets one corrected copy, not two."""
    seen: dict[str, Path] = {}
    times: dict[Path, int] = {}
    for path in files:
        first = seen.setdefault(os.path.realpath(path), path)
        times[first] = times.get(first, 0) + 1
    return times


def fixed_path(source: Path, out: Path | None, many: bool) -> Path:
    """Return where the corrected copy of `source` goes: beside it as "<name>-da-sua.docx", or as `out`.

    `out` is a .docx file for a single source, else a folder.

    >>> str(fixed_path(Path("a/cong-van.docx"), None, False)), str(fixed_path(Path("a/x.docx"), Path("ra"), True))
    ('a/cong-van-da-sua.docx', 'ra/x-da-sua.docx')
    """
    name = derived_name(source.stem, f"{FIXED_SUFFIX}.docx")
    if out is None:
        return source.with_name(name)
    if not many and out.suffix.lower() == ".docx":
        return out
    return out / name


def the_thuc(paths, include_info: bool = False, sua: bool = False, out: Path | None = None,
             ghi_de: bool = False, html: Path | None = None) -> list[FileResult]:
    """Return one FileResult per .docx in `paths`; with `sua` write each corrected copy; with `html` the report."""
    named = distinct(docx_files(paths, skip_fixed=sua))
    files = list(named)
    if html is not None:
        check_free(Path(html), ghi_de)
    results, taken = [], set()
    for path in files:
        if sua:
            target = _free_name(fixed_path(path, Path(out) if out else None, len(files) > 1), taken)
            results.append(_repair_one(path, target, include_info, ghi_de))
        else:
            results.append(_check_one(path, include_info))
        if named[path] > 1:
            results[-1] = replace(results[-1], named=named[path])
    if html is not None:
        from docgen.nd30.report_html import render_report

        write_bytes(Path(html), render_report(results, fixing=sua).encode("utf-8"), overwrite=ghi_de)
    return results


def _free_name(target: Path, taken: set) -> Path:
    """Return `target`, numbered "-2", "-3" … when this run already writes a file of that name."""
    candidate, n = target, 1
    while Path(os.path.realpath(candidate)) in taken:
        n += 1
        candidate = target.with_name(f"{target.stem}-{n}{target.suffix}")
    taken.add(Path(os.path.realpath(candidate)))
    return candidate


def _read(path: Path) -> bytes:
    if not path.is_file():
        raise InputError("không tìm thấy tệp", Location(str(path)))
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"không đọc được tệp ({exc.strerror})", Location(str(path))) from exc


def _keep(findings, include_info: bool) -> tuple:
    return tuple(f for f in findings if include_info or f.level is not Level.INFO or f.rule in ALWAYS_SHOWN)


def _check_one(path: Path, include_info: bool) -> FileResult:
    try:
        data = _read(path)
        report = inspect_bytes(data, str(path))
    except DocgenError as exc:
        return FileResult(str(path), error=exc.message)
    return FileResult(str(path), report.kind.name, _keep(report.findings, include_info),
                      every=_keep(report.every, include_info), data=data)


def _repair_one(path: Path, target: Path, include_info: bool, ghi_de: bool) -> FileResult:
    try:
        if os.path.realpath(target) == os.path.realpath(path):
            raise OutputError("Bản sửa không được ghi đè lên tệp gốc; chọn tên khác với -o.", Location(str(target)))
        check_free(target, ghi_de)
    except DocgenError as exc:
        return FileResult(str(path), error=exc.message, unwritten=True)
    try:
        repair = repair_bytes(_read(path), str(path))
    except DocgenError as exc:
        return FileResult(str(path), error=exc.message)
    try:
        write_bytes(target, repair.data, overwrite=ghi_de)
    except DocgenError as exc:
        return FileResult(str(path), repair.kind.name, error=exc.message, unwritten=True)
    return FileResult(str(path), repair.kind.name, _keep(repair.after, include_info), fixed=target,
                      changes=tuple(repair.changes), before=_keep(repair.before, include_info),
                      every=_keep(repair.after_every, include_info), data=repair.data, stopped=repair.conflict)
