"""Official administrative unit lists (data/dvhc_*.csv), loaded once.

A list's depth comes from its columns: each `ma_X, ten_X` pair is one level, in
order (`dvhc_3cap_2024`: tỉnh → huyện → xã; `dvhc_2cap_2025`: tỉnh → xã).
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass, field
from pathlib import Path

from docgen.errors import InputError, Location
from docgen.records.model import Unit
from docgen.vntext import clean, name_key

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "data"

# Official kind words, longest first so "Thành phố" wins over a shorter prefix.
KINDS = ("thành phố", "thị trấn", "thị xã", "đặc khu", "phường", "huyện", "quận", "tỉnh", "xã")


def split_kind(full_name: str, default: str = "tỉnh") -> tuple[str, str]:
    """Return (kind, bare name) of an official full name.

    >>> split_kind("Huyện Mường Nhé")
    ('huyện', 'Mường Nhé')
    >>> split_kind("Thành phố Điện Biên Phủ")
    ('thành phố', 'Điện Biên Phủ')
    >>> split_kind("Điện Biên")          # 2025 list: provinces without "Tỉnh"
    ('tỉnh', 'Điện Biên')
    """
    text = clean(full_name)
    low = text.casefold()
    for kind in KINDS:
        if low.startswith(kind + " "):
            return kind, text[len(kind) + 1:]
    return default, text


@dataclass
class UnitList:
    """One official list: every unit, by level, in official order."""

    name: str
    level_names: tuple[str, ...]
    units: list[list[Unit]] = field(default_factory=list)
    _children: dict[tuple[int, str], list[Unit]] = field(default_factory=dict, repr=False)
    _by_key: dict[tuple[int, str], dict[str, list[Unit]]] = field(default_factory=dict, repr=False)

    @property
    def depth(self) -> int:
        return len(self.level_names)

    def provinces(self) -> list[Unit]:
        return self.units[0]

    def children(self, unit: Unit) -> list[Unit]:
        """Return the units directly under `unit`, in official order."""
        return self._children.get((unit.level, unit.code), [])

    def descendants(self, unit: Unit) -> list[Unit]:
        """Return every unit below `unit`, depth first in official order."""
        out = []
        for child in self.children(unit):
            out.append(child)
            out.extend(self.descendants(child))
        return out

    def province(self, name: str) -> Unit:
        """Return the province named `name` (with or without "Tỉnh"/"Thành phố")."""
        found = self.match(name, level=0)
        if found is None:
            raise InputError(f"Không có tỉnh, thành phố «{name}» trong danh mục {self.name}.")
        return found

    def match(self, text: str, level: int, parent: Unit | None = None) -> Unit | None:
        """Return the unit at `level` (under `parent` if given) whose name `text` is.

        `text` may carry the kind ("Xã Chung Chải") or not ("Chung Chải"), and either
        tone placement; a bare name shared by two units under the parent matches
        neither (None), so the caller reports it as ambiguous or unknown.
        """
        scope = (level, parent.code if parent is not None else "")
        index = self._by_key.get(scope, {})
        key = name_key(text)
        hits = index.get(key, [])
        return hits[0] if len(hits) == 1 else None

    def lookup(self, text: str, level: int) -> list[Unit]:
        """Return every unit at `level`, in the whole list, whose name (with or without kind) is `text`.

        >>> [u.parent.name for u in load("dvhc_3cap_2024").lookup("Xã Chung Chải", 2)]
        ['Mường Nhé']
        """
        return list(self._by_key.get((level, ""), {}).get(name_key(text), ()))

    def _add(self, unit: Unit, parent: Unit | None) -> None:
        self.units[unit.level].append(unit)
        if parent is not None:
            self._children.setdefault((parent.level, parent.code), []).append(unit)
        for scope in ((unit.level, ""), (unit.level, parent.code if parent else "")):
            index = self._by_key.setdefault(scope, {})
            for key in {name_key(unit.full_name), name_key(unit.name)}:
                bucket = index.setdefault(key, [])
                if unit not in bucket:
                    bucket.append(unit)


def _levels(header: list[str], where: Location) -> list[tuple[int, int]]:
    """Return (code column, name column) pairs, one per level, from a CSV header."""
    pairs = []
    for i, col in enumerate(header):
        if col.startswith("ma_"):
            name_col = "ten_" + col[3:]
            if name_col not in header:
                raise InputError(f"Thiếu cột {name_col} đi với {col}.", where)
            pairs.append((i, header.index(name_col)))
    if not pairs:
        raise InputError("Không có cột ma_…/ten_… nào.", where)
    return pairs


def read_unit_list(path: Path) -> UnitList:
    """Read an official list CSV (columns ma_tinh, ten_tinh[, ma_huyen, ten_huyen], ma_xa, ten_xa)."""
    where = Location(path.name)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None:
            raise InputError("Tệp danh mục trống.", where)
        pairs = _levels(header, where)
        ulist = UnitList(path.stem, tuple(header[n][4:] for _, n in pairs), [[] for _ in pairs])
        seen: dict[tuple[int, str], Unit] = {}
        for row in reader:
            parent = None
            for level, (c, n) in enumerate(pairs):
                key = (level, row[c])
                unit = seen.get(key)
                if unit is None:
                    kind, bare = split_kind(row[n])
                    unit = Unit(row[c], kind, bare, parent, level)
                    seen[key] = unit
                    ulist._add(unit, parent)
                parent = unit
    return ulist


@functools.lru_cache(maxsize=None)
def load(name: str) -> UnitList:
    """Return the official list `name` from data/ ("dvhc_3cap_2024", "dvhc_2cap_2025"), cached.

    >>> ulist = load("dvhc_3cap_2024")
    >>> db = ulist.province("Điện Biên")
    >>> [len(ulist.units[i]) for i in range(3)], len(ulist.children(db))
    ([63, 691, 10051], 10)
    >>> ulist.match("xã Chung Chải", 2, ulist.match("Mường Nhé", 1, db)).full_name
    'Xã Chung Chải'
    """
    path = DATA_DIR / f"{name}.csv"
    if not isinstance(name, str) or not name.replace("_", "").replace("-", "").isalnum() or not path.is_file():
        raise InputError(f"Không có danh mục đơn vị hành chính «{name}» trong {DATA_DIR}.")
    return read_unit_list(path)
