"""The ND30 format check of the .docx files a job has written (issue 5 item 3).

`bao-cao`, `cong-van` and `tong-hop` run `docgen.nd30` on every .docx they
write, so that a clerk's edited template that breaks a rule (a font, a margin,
the Nơi nhận …) is caught at once. The check only reports: what was written
stays as it is. A finding of a MUST rule means the document is not ready to be
signed, and the job's exit code is 1 (docs/the-thuc.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from docgen.nd30 import Finding, Level


@dataclass(frozen=True)
class FormatCheck:
    """The ND30 check of one written .docx: its kind ("công văn", "báo cáo" …) and findings (INFO left out).

    `error` is the Vietnamese reason when the checker could not read the file
    (then `findings` is empty). Same shape as `docgen.jobs.the_thuc.FileResult`, so the
    `docgen the-thuc` printer prints it.
    """

    path: Path
    kind: str = ""
    findings: tuple[Finding, ...] = ()
    error: str = ""

    @property
    def errors(self) -> list[Finding]:
        """Return the findings of MUST rules: each makes the document not ready to sign."""
        return [f for f in self.findings if f.level is Level.MUST]

    @property
    def warnings(self) -> list[Finding]:
        """Return the findings of SHOULD rules."""
        return [f for f in self.findings if f.level is Level.SHOULD]

    @property
    def clean(self) -> bool:
        """Return True when the file was read and nothing was found.

        >>> FormatCheck(Path("a.docx")).clean, FormatCheck(Path("a.docx"), error="hỏng").clean
        (True, False)
        """
        return not self.findings and not self.error

    def to_dict(self) -> dict:
        """Return the check as JSON-ready data (the shape of one file of `docgen the-thuc --json`)."""
        return {"file": str(self.path), "kind": self.kind, "readable": not self.error, "error": self.error,
                "errors": len(self.errors), "warnings": len(self.warnings),
                "findings": [f.to_dict() for f in self.findings]}


def check_written(paths: Iterable[Path], contents: Mapping[Path, bytes] | None = None) -> tuple[FormatCheck, ...]:
    """Return the ND30 check of every .docx among `paths` (other files, e.g. .pdf, are left out), in order.

    `contents` may give the bytes the job has just written to some of the paths:
    those are checked from memory (same findings, no re-reading of the file and
    no package integrity checks, which only a damaged file needs).
    """
    contents = {Path(k): v for k, v in (contents or {}).items()}
    return tuple(check_one(path, contents.get(path)) for path in map(Path, paths) if path.suffix.lower() == ".docx")


def check_one(path: Path, data: bytes | None = None) -> FormatCheck:
    """Return the ND30 check of the .docx at `path`, or of `data` when given (what was just written there)."""
    from docgen.errors import DocgenError
    from docgen.nd30 import inspect_bytes, inspect_file

    try:
        report = inspect_file(path) if data is None else inspect_bytes(data, str(path), verify=False)
    except DocgenError as exc:
        return FormatCheck(path, error=exc.message)
    return FormatCheck(path, report.kind.name, tuple(f for f in report.findings if f.level is not Level.INFO))


def not_ready(checks: Iterable[FormatCheck]) -> bool:
    """Return True when a written document breaks a MUST rule (or could not be checked).

    >>> not_ready([FormatCheck(Path("a.docx"))]), not_ready([FormatCheck(Path("a.docx"), error="hỏng")])
    (False, True)
    """
    return any(c.errors or c.error for c in checks)
