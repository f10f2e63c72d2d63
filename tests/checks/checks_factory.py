"""Build `Source`s in code, as a reader would, for the checks' tests (no files, no readers).

`clean_rows` gives a faultless submission for a reporting unit; tests spoil one
cell and assert the one finding it must give.
"""

from __future__ import annotations

from docgen.campaigns.campaign import Campaign
from docgen.checks.units import expected_units, find_reporting
from docgen.errors import Location
from docgen.records.model import Cell, Facts, RawRow, RawTable, Source
from tests.forms import COLUMNS as _FORM_COLUMNS

COLUMNS = tuple(c.key for c in _FORM_COLUMNS)
LETTERS = dict(zip(COLUMNS, "ABCDEFGHIJ"))
FIRST_ROW = 8
FILE, SHEET = "muong_nhe.xlsx", "Phụ lục"


def row(n: int, group: int | None, values: dict, file: str = FILE, sheet: str = SHEET) -> RawRow:
    """Return a raw row at sheet row `n`: each non-empty value in its form column (A…J)."""
    cells = {
        key: Cell(value, Location(file, sheet, f"{LETTERS[key]}{n}"))
        for key, value in values.items()
        if value not in (None, "")
    }
    return RawRow(Location(file, sheet, f"A{n}:J{n}"), group, cells)


def source(rows: list[tuple[int | None, dict]], don_vi: str = "Huyện Mường Nhé", file: str = FILE,
           sheet: str = SHEET, notes: tuple = ()) -> Source:
    """Return a Source whose table holds `rows` ((group, values) pairs) from sheet row 8 down."""
    raw = tuple(row(FIRST_ROW + i, g, v, file, sheet) for i, (g, v) in enumerate(rows))
    facts = Facts(don_vi=don_vi, location=Location(file, "Thông tin", "B2"))
    return Source(file, RawTable(Location(file, sheet), "A5:J6", raw), facts, notes=notes)


def clean_rows(campaign: Campaign, don_vi: str) -> list[tuple[int, dict]]:
    """Return faultless (group, values) rows for every unit `don_vi` must report, in official order."""
    reporting = find_reporting(don_vi, campaign)
    out = []
    for i, unit in enumerate(expected_units(reporting, campaign)):
        level = campaign.level_at(unit.level)
        group = campaign.levels.index(level)
        out.append((group, {
            "tt": str(i),
            "don_vi": unit.full_name,
            "ten_trang": level.expected_page_name(unit),
            "lien_ket": f"https://www.facebook.com/mattran{unit.code}",
            "ld_ten": f"Lò Văn Lãnh {unit.code}",
            "ld_sdt": f"0912 {int(unit.code) % 1000:03d} {i:03d}",
            "ld_email": f"lanhdao{unit.code}@gmail.com",
            "vh_ten": f"Quàng Thị Vận {unit.code}",
            "vh_sdt": f"0987 {int(unit.code) % 1000:03d} {i:03d}",
            "vh_email": f"vanhanh{unit.code}@gmail.com",
        }))
    return out


def spoil(rows: list[tuple[int, dict]], unit_name: str, **changes) -> list[tuple[int, dict]]:
    """Return `rows` with the row of `unit_name` given `changes` (None empties a cell)."""
    out = []
    for group, values in rows:
        if values["don_vi"] == unit_name:
            values = {**values, **changes}
        out.append((group, values))
    return out


def cell_of(rows: list[tuple[int, dict]], unit_name: str, key: str) -> str:
    """Return the cell name ("F12") where `key` of `unit_name`'s row sits."""
    i = next(i for i, (_, v) in enumerate(rows) if v["don_vi"] == unit_name)
    return f"{LETTERS[key]}{FIRST_ROW + i}"
