"""Element classes for the WordprocessingML elements python-docx does not map (registered in `ooxml/__init__`)."""

from __future__ import annotations

from docx.oxml.simpletypes import ST_DecimalNumber, ST_String
from docx.oxml.xmlchemy import BaseOxmlElement, OptionalAttribute, ZeroOrOne


class CT_PageNumberType(BaseOxmlElement):
    """`w:pgNumType`: a section's page-number format ("decimal", "lowerRoman" …) and first number."""

    fmt: str | None = OptionalAttribute("w:fmt", ST_String)  # pyright: ignore[reportAssignmentType]
    start: int | None = OptionalAttribute("w:start", ST_DecimalNumber)  # pyright: ignore[reportAssignmentType]


class CT_PBdr(BaseOxmlElement):
    """`w:pBdr`: a paragraph's borders; docgen draws ND30's short solid lines with the bottom one."""

    bottom = ZeroOrOne("w:bottom", successors=("w:right", "w:between", "w:bar"))
