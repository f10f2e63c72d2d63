"""File names and safe writing of the collection workbooks (through `docgen.output`)."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook

from docgen.errors import Location
from docgen.records.model import Unit
from docgen.output import OutputError, slug, write_bytes

PREFIX = "bieu-mau"


def file_name(unit: Unit) -> str:
    """Return the workbook's file name for `unit`.

    >>> file_name(Unit("96", "huyện", "Mường Nhé", None, 1))
    'bieu-mau-huyen-muong-nhe.xlsx'
    """
    return f"{PREFIX}-{slug(unit.full_name)}.xlsx"


def write_all(jobs: list[tuple[Path, Workbook]], overwrite: bool) -> list[Path]:
    """Return the paths written, each atomically, after checking that none would be overwritten.

    Raises OutputError (nothing written) when files exist and `overwrite` is false,
    or when the output is not a folder.
    """
    if not jobs:
        return []
    folder = jobs[0][0].parent
    if folder.exists() and not folder.is_dir():
        raise OutputError("Nơi ghi kết quả phải là một thư mục, không phải một tệp.", Location(str(folder)))
    existing = [p.name for p, _ in jobs if p.exists()]
    if existing and not overwrite:
        raise OutputError(
            f"Đã có tệp {', '.join(existing)}; không ghi đè. Thêm --ghi-de để ghi đè.", Location(str(folder))
        )
    written = []
    for path, wb in jobs:
        buf = io.BytesIO()
        wb.save(buf)
        written.append(write_bytes(path, buf.getvalue(), overwrite))
    return written
