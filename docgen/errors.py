"""Errors and locations shared by every layer.

Every error the library raises for bad input is a `DocgenError` carrying a
Vietnamese message and, where known, a `Location`; `cli.main` turns it into
one line on stderr and exit code 2. A traceback always means a bug.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """Where a value sits: file › sheet (or table, section) › cell (or paragraph).

    >>> str(Location("muong_nhe.xlsx", "Phụ lục", "F12"))
    'muong_nhe.xlsx › Phụ lục › F12'
    >>> str(Location("a.toml", cell="cap[0].han"))
    'a.toml › cap[0].han'
    """

    file: str
    sheet: str | None = None
    cell: str | None = None

    def __str__(self) -> str:
        return " › ".join(p for p in (self.file, self.sheet, self.cell) if p)

    def at(self, cell: str) -> "Location":
        """Return the same file and sheet at another cell."""
        return Location(self.file, self.sheet, cell)


class DocgenError(Exception):
    """Input docgen cannot use; `message` is Vietnamese and says what and where."""

    def __init__(self, message: str, location: Location | None = None):
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class InputError(DocgenError):
    """A data file (xlsx, docx, csv) that cannot be read as a submission."""


class CampaignError(DocgenError):
    """A campaign folder or file with a mistake; location names the key."""


class TemplateError(DocgenError):
    """A template that is not a .docx, has broken Jinja, or breaks the sandbox."""
