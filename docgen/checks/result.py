"""The outcome of checking several inputs: submissions, unusable inputs, exit code and JSON shape."""

from __future__ import annotations

from dataclasses import dataclass

from docgen.checks.rules import SEVERITY_WORDS
from pathlib import Path

from docgen.errors import DocgenError, Location, internal_error
from docgen.records.model import Problem, Severity, Submission


@dataclass(frozen=True)
class Unusable:
    """An input that could not be read as a submission, and why (Vietnamese, with where)."""

    path: str
    message: str
    location: str = ""

    @classmethod
    def from_error(cls, path: str, exc: DocgenError) -> "Unusable":
        return cls(path, exc.message, str(exc.location) if exc.location else "")


@dataclass(frozen=True)
class Returned:
    """What was returned to a unit for one input (`kiem-tra --tra-lai`): the files written, or why not.

    `files` holds the annotated copy, then the normalised copy when docgen normalised
    any value (`changes` of them); `error` is a Vietnamese reason when nothing was written.
    """

    path: str
    files: tuple[str, ...]
    problems: int
    changes: int
    error: str = ""

    def to_dict(self) -> dict:
        return {"path": self.path, "files": list(self.files), "problems": self.problems, "changes": self.changes,
                "error": self.error}


@dataclass(frozen=True)
class KiemTraResult:
    """Every input checked: `submissions` in input order, the `unusable` inputs, and what was `returned`."""

    campaign_id: str
    submissions: tuple[Submission, ...]
    unusable: tuple[Unusable, ...] = ()
    returned: tuple[Returned, ...] = ()
    checked_under: object = None   # the Campaign; the console prints the figures in its words (`describe`)

    @property
    def error_count(self) -> int:
        return sum(len(s.errors) for s in self.submissions)

    @property
    def warning_count(self) -> int:
        return sum(len(s.problems) - len(s.errors) for s in self.submissions)

    @property
    def exit_code(self) -> int:
        """Return 2 when an input was unusable or could not be returned, else 1 when errors were found, else 0."""
        return 2 if self.unusable or any(r.error for r in self.returned) else 1 if self.error_count else 0

    def to_dict(self, sequence=list) -> dict:
        """Return the `--json` shape (docs/kiem-tra.md documents it).

        `sequence` makes the long lists (files, problems) from their items: `list`,
        or a lazy sequence for a printer that writes them piece by piece.
        """
        out = {
            "campaign": self.campaign_id,
            "exit_code": self.exit_code,
            "totals": {
                "files": len(self.submissions),
                "errors": self.error_count,
                "warnings": self.warning_count,
                "unusable": len(self.unusable),
            },
            "files": sequence(submission_dict(s, sequence) for s in self.submissions),
            "unusable": [{"path": u.path, "message": u.message, "location": u.location} for u in self.unusable],
        }
        if self.returned:
            out["tra_lai"] = [r.to_dict() for r in self.returned]
        return out


def problem_dict(p: Problem) -> dict:
    """Return one problem as JSON: `Problem.to_dict()` plus the severity word, the unit code and what to do."""
    from docgen.checks.rules import todo_line

    return {**p.to_dict(), "severity_text": SEVERITY_WORDS[p.severity], "unit_code": p.unit_code,
            "todo": todo_line(p.normalised, p.fix)}


def submission_dict(s: Submission, sequence=list) -> dict:
    """Return one checked submission as JSON (`sequence` makes its list of problems, see `to_dict`)."""
    unit = s.reporting_unit
    return {
        "path": s.source.path,
        "reporting_unit": {"code": unit.code, "name": unit.full_name} if unit else None,
        "rows": len(s.records),
        "errors": len(s.errors),
        "warnings": sum(1 for p in s.problems if p.severity is Severity.WARNING),
        "problems": sequence(problem_dict(p) for p in s.problems),
        "figures": [
            {
                "level": f.level, "title": f.title, "expected": f.expected, "present": f.present,
                "with_page": f.with_page, "on_pattern": f.on_pattern, "with_leader": f.with_leader,
                "with_operator": f.with_operator, "with_both": f.with_both,
            }
            for f in s.figures
        ],
    }


def check_files(files, campaign) -> tuple[list[Submission], list[tuple[str, DocgenError]]]:
    """Return the submissions of `files` read and checked under `campaign`, in order, and the failures.

    A file that cannot be read is returned as (path, its DocgenError); the others are
    still checked.
    """
    from docgen.checks.run import check_source
    from docgen.readers import read_source

    submissions, failed = [], []
    for file in files:
        try:
            source = read_source(file, campaign.form)
            submissions.append(check_source(source, campaign))
        except DocgenError as exc:
            failed.append((str(file), exc))
        except Exception as exc:  # a bug met on one file: the others are still checked
            failed.append((str(file), internal_error(exc, Location(Path(file).name))))
    return submissions, failed
