"""The records docgen reads, checks and writes: plain frozen dataclasses.

Nothing here knows a file format. Readers (`docgen.readers`) produce `RawTable`s;
`docgen.checks` turns raw rows into `Record`s and `Problem`s.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from enum import Enum

from docgen.errors import Location


COMMUNE_KINDS = frozenset({"xã", "phường", "thị trấn", "đặc khu"})   # 5-digit codes in the official list


@dataclass(frozen=True)
class Unit:
    """An official administrative unit: its code, kind and bare name, and its parent.

    `kind` is the lower-case Vietnamese word ("tỉnh", "thành phố", "huyện", "xã",
    "phường", "thị trấn", "đặc khu" …); `name` is the bare name ("Mường Nhé").
    `level` is 0 for a province, 1 for the next level down, and so on: depth comes
    from the data, never from the word "district".
    """

    code: str
    kind: str
    name: str
    parent: "Unit | None" = field(default=None, compare=False, repr=False)
    level: int = 0

    @property
    def full_name(self) -> str:
        """Official full name, "Huyện Mường Nhé"."""
        return f"{self.kind[:1].upper()}{self.kind[1:]} {self.name}"

    @property
    def label(self) -> str:
        """Name as written after a preposition, "huyện Mường Nhé"."""
        return f"{self.kind} {self.name}"

    @property
    def official_code(self) -> str:
        """The code as the official list (Tổng cục Thống kê) writes it: 2 digits for a province, 5 for a
        commune, 3 for a district, "03162" where the data file holds "3162".

        >>> Unit("3162", "xã", "Nậm Kè", None, 2).official_code, Unit("96", "huyện", "Mường Nhé", None, 1).official_code
        ('03162', '096')
        """
        width = 2 if self.level == 0 else 5 if self.kind in COMMUNE_KINDS else 3
        return self.code.zfill(width) if self.code.isdigit() else self.code

    @property
    def kind_title(self) -> str:
        """Return the kind spelt out as the law names it: a "thành phố" says whom it belongs to.

        A "thành phố" at level 0 is a "thành phố trực thuộc trung ương"; one below a level-0
        "thành phố" (Thủ Đức in the 2024 list) is a "thành phố thuộc thành phố trực thuộc trung
        ương"; any other, or one whose parent is not known, is a "thành phố thuộc tỉnh". Every
        other kind is returned unchanged.

        >>> hn = Unit("01", "thành phố", "Hà Nội")
        >>> hn.kind_title
        'thành phố trực thuộc trung ương'
        >>> Unit("094", "thành phố", "Điện Biên Phủ", Unit("11", "tỉnh", "Điện Biên"), 1).kind_title
        'thành phố thuộc tỉnh'
        >>> Unit("769", "thành phố", "Thủ Đức", Unit("79", "thành phố", "Hồ Chí Minh"), 1).kind_title
        'thành phố thuộc thành phố trực thuộc trung ương'
        >>> Unit("001", "quận", "Ba Đình", hn, 1).kind_title, Unit("11", "tỉnh", "Điện Biên").kind_title
        ('quận', 'tỉnh')
        """
        if self.kind != "thành phố":
            return self.kind
        if self.level == 0:
            return "thành phố trực thuộc trung ương"
        if self.parent is not None and self.parent.kind == "thành phố" and self.parent.level == 0:
            return "thành phố thuộc thành phố trực thuộc trung ương"
        return "thành phố thuộc tỉnh"

    def ancestors(self) -> list["Unit"]:
        """Return the chain of parents, nearest first."""
        out, unit = [], self.parent
        while unit is not None:
            out.append(unit)
            unit = unit.parent
        return out


class Cell:
    """One raw value as typed, with where it is. `value` is str, int, float, date or None.

    A reader makes cells with `Cell.at`, which names the cell only when its
    `location` is asked for: a sheet of 100,000 rows holds a million cells and
    few of them are ever named in a message. Cells compare by value and location.
    """

    __slots__ = ("value", "_place", "_row", "_col")

    def __init__(self, value: object, location: Location):
        self.value, self._place, self._row, self._col = value, location, None, None

    @classmethod
    def at(cls, value: object, place: tuple, row: int, col: int) -> "Cell":
        """Return a cell of `place` = (file, sheet, cell_name) at `row` and `col`, named by cell_name(row, col).

        >>> Cell.at("x", ("a.xlsx", "Phụ lục", lambda r, c: f"{'ABC'[c]}{r}"), 12, 2).location.cell
        'C12'
        """
        cell = cls.__new__(cls)
        cell.value, cell._place, cell._row, cell._col = value, place, row, col
        return cell

    @property
    def location(self) -> Location:
        place = self._place
        if self._row is None:
            return place
        file, sheet, cell_name = place
        return Location(file, sheet, cell_name(self._row, self._col))

    def __eq__(self, other) -> bool:
        return isinstance(other, Cell) and (self.value, self.location) == (other.value, other.location)

    def __hash__(self) -> int:
        return hash((self.value, self.location))

    def __repr__(self) -> str:
        return f"Cell(value={self.value!r}, location={self.location!r})"


@dataclass(frozen=True, slots=True)
class RawRow:
    """One row of the form as read, before any judgement.

    `group` is the group-row index the row sits under (0 for "I", 1 for "II" …,
    None before any group row); `group_label` that group row's "Cấp …" text when it has
    one (a commune's own file numbers its only group «I Cấp xã»: the label, not the
    numeral, says the level); `cells` maps the keys of the campaign's form
    columns to `Cell`s
    (a missing key means the column was empty).
    """

    location: Location
    group: int | None
    cells: dict[str, Cell]
    group_label: str = ""

    def text(self, key: str) -> str:
        """Return the cell's value as text ("" when empty)."""
        cell = self.cells.get(key)
        return "" if cell is None or cell.value is None else str(cell.value)


@dataclass(frozen=True)
class RawTable:
    """The form's table as found in a file: its rows and where the header was found."""

    source: Location
    header_at: str
    rows: tuple[RawRow, ...]


class Role(str, Enum):
    LEADER = "lanh_dao"     # Lãnh đạo phụ trách
    OPERATOR = "van_hanh"   # Cán bộ quản lý, vận hành


@dataclass(frozen=True, slots=True)
class Person:
    role: Role
    name: str = ""
    phone: str = ""
    email: str = ""

    @property
    def assigned(self) -> bool:
        return bool(self.name)


@dataclass(frozen=True, slots=True)
class Record:
    """One Front unit's row, normalised: the unit, its page (if any) and its two people.

    `unit` is None when the unit typed could not be matched to the official list
    (the row is still kept, with `unit_text`).
    """

    location: Location
    unit_text: str
    unit: Unit | None
    page_name: str = ""
    link: str = ""
    platform: str = ""
    leader: Person = Person(Role.LEADER)
    operator: Person = Person(Role.OPERATOR)
    page_note: str = ""              # the row's words for a page not made yet ("đang xây dựng")
    invalid: tuple[str, ...] = ()    # form columns whose value is wrong (an error on that cell)
    extra: tuple[tuple[str, str], ...] = ()   # (key, clean text) of the campaign's columns beyond the page's own

    @property
    def has_page(self) -> bool:
        return bool(self.page_name or self.link)

    def cells(self) -> dict[str, str]:
        """Return the record's values by the page form's column keys (docgen.campaigns.form.PAGE_COLUMNS but
        TT), and its other columns' (`extra`): what the filled workbook, the Phụ lục and tong-hop.xlsx print."""
        out = dict(self.extra) | {"don_vi": self.unit.full_name if self.unit else self.unit_text,
                                  "ten_trang": self.page_name, "lien_ket": self.link}
        for prefix, person in (("ld", self.leader), ("vh", self.operator)):
            out |= {f"{prefix}_ten": person.name, f"{prefix}_sdt": person.phone, f"{prefix}_email": person.email}
        return out


@dataclass(frozen=True)
class Facts:
    """The report's own facts, from the "Thông tin" sheet or section (README documents each key)."""

    don_vi: str = ""                 # the reporting unit, e.g. "Huyện Mường Nhé"
    so: str = ""                     # report number, "" while a draft
    ngay: dt.date | None = None      # report date, None while a draft
    nguoi_ky: str = ""               # signer's name
    chuc_vu: str = ""                # signer's title: "CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    tham_quyen: str = ""             # authority line: "TM. BAN THƯỜNG TRỰC"; "KT. CHỦ TỊCH" when a deputy signs
    noi_nhan: tuple[str, ...] = ()   # recipients besides "Như trên" and "Lưu"
    luu: str = ""                    # drafting-unit code after "Lưu: VT, "
    co_ke_hoach: bool | None = None  # activity plan made (item 1 of the dispatch)
    bao_cao_cap_uy: bool | None = None  # plan reported to the Party committee
    de_xuat: tuple[str, ...] = ()    # proposals, one per item
    huong_dan: str = ""              # the unit's own guidance to the level below ("Công văn số 12/… ngày …")
    ke_hoach_cap_duoi: str = ""      # units below that made a plan and told their Party committee ("17/19")
    danh_gia: str = ""               # overall assessment, when the unit writes its own
    nguyen_nhan: str = ""            # causes of the shortcomings
    han_khac_phuc: dt.date | None = None  # date by which the gaps will be closed
    location: Location | None = None
    extra: tuple[tuple[str, object], ...] = ()   # (key, value) of a campaign's own facts that are no field here

    def get(self, key: str, default=None):
        """Return the fact `key`: a field of its own, else a campaign's own fact (`extra`)."""
        if key in _FACT_NAMES:
            return getattr(self, key)
        return next((v for k, v in self.extra if k == key), default)


_FACT_NAMES = frozenset(f.name for f in fields(Facts)) - {"location", "extra"}


class Severity(str, Enum):
    ERROR = "loi"          # must be fixed before signing
    WARNING = "canh_bao"   # changed, or worth a look


@dataclass(frozen=True, slots=True)
class Problem:
    """A finding: rule ID, severity, Vietnamese message, where, and the fix when known."""

    rule: str
    severity: Severity
    message: str
    location: Location
    fix: str = ""
    unit_code: str = ""
    # True when docgen already changed the value to `fix` (a normalisation): nothing for the clerk to do,
    # and the value a normalised copy of the file may write into the cell.
    normalised: bool = False

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "location": str(self.location),
            "file": self.location.file,
            "sheet": self.location.sheet,
            "cell": self.location.cell,
            "fix": self.fix,
            "normalised": self.normalised,
        }


@dataclass(frozen=True)
class Source:
    """One submission file as read: its table and its facts, untouched by any check."""

    path: str
    table: RawTable
    facts: Facts
    file_date: dt.date | None = None   # the file's own modification date (tong-hop falls back on it)
    notes: tuple[Problem, ...] = ()    # what the reader itself noticed (skipped rows, removed characters …)


@dataclass(frozen=True)
class LevelFigures:
    """The numbers a report quotes for one level (e.g. "Cấp xã"): expected vs present vs done."""

    level: str
    title: str
    expected: int = 0
    present: int = 0
    with_page: int = 0
    on_pattern: int = 0
    with_leader: int = 0
    with_operator: int = 0
    with_both: int = 0


@dataclass(frozen=True)
class Submission:
    """A checked submission: the unit that reports, its records, problems and figures.

    `records` keeps every row read, in input order; `expected` lists every official
    unit the submission should cover, in official order (the reporting unit first).
    """

    source: Source
    reporting_unit: Unit | None
    records: tuple[Record, ...]
    problems: tuple[Problem, ...]
    figures: tuple[LevelFigures, ...]
    expected: tuple[Unit, ...] = ()

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)
