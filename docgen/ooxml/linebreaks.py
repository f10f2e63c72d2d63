"""The lines of a paragraph typed with soft line breaks (Shift+Enter), each a view of part of its paragraph."""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property

from docgen.ooxml import Length
from docgen.ooxml.shapes import LineShape
from docgen.ooxml.styles import ParaFormat
from docgen.ooxml.text import Paragraph, Run


class LineView(Paragraph):
    """One line of a paragraph typed with soft line breaks: characters start…end of the paragraph's text.

    The line reads the paragraph's runs cut to its characters. Its formatting is
    the paragraph's, with the space before (and a top border) on the first line
    only and the space after (and a bottom border) on the last line only: between
    two lines of one paragraph there is no paragraph spacing. `count` lines of the
    paragraph may be seen as one (`Paragraph.merged_lines`); `total` is how many
    lines the paragraph had when it was read. `column` is "left" or "right" for
    one side of a line typed with tabs between two columns (`Paragraph.part`).
    """

    column: str | None = None

    def __init__(self, whole: Paragraph, line: int, count: int, total: int, start: int, end: int):
        super().__init__(whole.element, whole._fmt, whole.table_style, {**whole.place, "line": line + 1}, whole._row)
        self.whole, self.line, self.count, self.total, self.start, self.end = whole, line, count, total, start, end
        self.span = (start, end)

    @property
    def first_line(self) -> bool:
        """Return True when this is the paragraph's first line."""
        return self.line == 0

    @property
    def last_line(self) -> bool:
        """Return True when this is the paragraph's last line."""
        return self.line + self.count == self.total

    @cached_property
    def text(self) -> str:
        return self.whole.text[self.start:self.end]

    @cached_property
    def runs(self) -> list[Run]:
        out, pos = [], 0
        for r in self.whole.runs:
            a, b = max(pos, self.start), min(pos + len(r.text), self.end)
            if a < b:
                out.append(Run(r.text[a - pos:b - pos], r.format, r.element))
            pos += len(r.text)
        return out

    @cached_property
    def format(self) -> ParaFormat:
        f = self.whole.format
        return replace(f, space_before=f.space_before if self.first_line else Length(0),
                       space_after=f.space_after if self.last_line else Length(0),
                       border_top=f.border_top and self.first_line, border_bottom=f.border_bottom and self.last_line)

    @cached_property
    def line_shapes(self) -> list[LineShape]:
        return self.whole.line_shapes if self.last_line else []

    @property
    def page_break_before(self) -> bool:
        return self.first_line and self.whole.page_break_before
