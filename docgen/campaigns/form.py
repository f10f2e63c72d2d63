"""A campaign's own collection form, figures and report text, as the campaign file declares them.

`[bieu_mau]` and its `[[bieu_mau.cot]]` columns (key, header, group, width,
hint, kind, rules), `[[so_lieu]]` figures (count of units meeting a condition,
sum of a column, ratio of two figures, list of units) and the report sections
`[[bao_cao.phan]]` / `[[tong_hop.phan]]` with `{placeholders}`. Read once by
`load_campaign`; every mistake is a CampaignError naming the key and its line.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from docgen.errors import CampaignError, Location
from docgen.records.form import REPORT_FACTS, FactField
from docgen.values.kinds import KINDS, Kind
from docgen.vntext import clean, name_key

# Figures every form campaign has without declaring them.
BUILT_IN = {
    "so_don_vi": "số đơn vị phải báo cáo",
    "so_da_bao_cao": "số đơn vị đã báo cáo",
    "chua_bao_cao": "tên các đơn vị chưa báo cáo",
    "don_vi": "tên đơn vị báo cáo (cơ quan ban hành)",
    "loai_don_vi": "loại đơn vị báo cáo, viết thường («xã», «phường»; báo cáo tổng hợp: «tỉnh»)",
    "van_ban": "văn bản chỉ đạo được trích dẫn («Công văn số … ngày … của … về việc …»)",
    "han": "hạn báo cáo của cấp",
    "tre_han": "tên các đơn vị báo cáo sau hạn, với ngày báo cáo (ngày ở trang «Thông tin», không có thì ngày của tệp)",
    "de_xuat": "các đề xuất, kiến nghị ghi ở trang «Thông tin» (mỗi đề xuất một dòng gạch đầu dòng)",
    "danh_gia": "đánh giá chung ghi ở trang «Thông tin» (để trống: dòng có nó không in)",
    "nguyen_nhan": "nguyên nhân hạn chế ghi ở trang «Thông tin» (để trống: dòng có nó không in)",
    "han_khac_phuc": "hạn khắc phục ghi ở trang «Thông tin», dạng «15/12/2026» (để trống: dòng có nó không in)",
}
# Built-ins a unit types on its «Thông tin» sheet: a line printing one left blank is left out, and a part
# whose every line is left out is left out with its heading (nothing printed empty, nothing typed lost).
FACT_PLACEHOLDERS = ("danh_gia", "nguyen_nhan", "han_khac_phuc")
FIGURE_KINDS = {"dem": "đếm đơn vị thỏa điều kiện", "tong": "tổng một cột", "ti_le": "tỷ lệ hai số liệu",
                "danh_sach": "tên các đơn vị thỏa điều kiện"}
_OPS = ("<=", ">=", "!=", "=", "<", ">")
_CONDITION = re.compile(r"^\s*([a-z_][a-z0-9_]*)\s*(<=|>=|!=|=|<|>)\s*(.+?)\s*$")
_KEY = re.compile(r"^[a-z_][a-z0-9_]*$")
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

COLUMN_KEYS = {"ma", "tieu_de", "nhom", "rong", "goi_y", "kieu", "bat_buoc", "duy_nhat", "toi_thieu", "toi_da",
               "khong_lon_hon", "tu_ngay", "den_ngay", "lua_chon", "ten_mien", "cap", "cong", "ten_khac", "khac_voi",
               "chua_co", "chua_co_ghi_chu"}
FORM_KEYS = {"tieu_de", "cot", "loai", "nhom", "thong_tin"}
# `[bieu_mau] loai`: "so_lieu" (the default) a form of figures whose TT and Đơn vị columns are built in,
# checked by the BM- rules; "trang" a list of pages that declares every column, TT and Đơn vị included,
# checked by the page rules (DV-, TT-, LK-, NS-, SDT-, EM-).
FORM_TYPES = ("so_lieu", "trang")
GROUP_KEYS = {"nhom", "ten_khac"}   # `nhom` as the columns write it
FACT_KEYS = {"ma", "nhan", "goi_y", "kieu", "lua_chon", "sau"}
FACT_KINDS = ("chu", "co_khong", "ngay", "danh_sach")
FIGURE_KEYS = {"ma", "ten", "loai", "dieu_kien", "cot", "tu_so", "mau_so", "theo_cap", "trong"}
# A value a condition compares with: the page name the level's pattern gives the row's unit ("ten_trang = mẫu tên").
PATTERN_WORDS = ("mẫu tên", "mau_ten")
# A level's property a condition may hang on ("ld_ten != vh_ten khi nhan_su = rieng"): key of [[cap]] → attribute.
LEVEL_KEYS = {"nhan_su": "staffing", "ma": "code"}
_WHEN = re.compile(r"^(.+?)\s+khi\s+([a-z_]+)\s*=\s*(\S+)\s*$")
SECTION_KEYS = {"tieu_de", "noi_dung", "bang", "khi"}


@dataclass(frozen=True)
class NoPageWords:
    """What a clerk writes in a page's cells for "no page yet" (the link column's `chua_co`, `chua_co_ghi_chu`),
    compared by name_key, trailing dots ignored: `bare` words say only that ("chưa có", "-"); `noted` words,
    each also the start of a longer note ("đang xây dựng Trang"), say why, and the documents repeat them
    ("xã Nà Sáy (đang xây dựng)")."""

    bare: frozenset = frozenset()
    noted: tuple[str, ...] = ()

    def says_no_page(self, typed: str) -> bool:
        """Return True when a cell's text says the unit has no page yet (empty included).

        >>> w = no_page_words(["Chưa có", "-"], ["Đang xây"])
        >>> w.says_no_page("Chưa có."), w.says_no_page("Đang xây dựng"), w.says_no_page("facebook.com/x")
        (True, True, False)
        """
        if len(typed) > 40 or "/" in typed:
            return False
        key = name_key(typed.strip().rstrip(".…! ")).rstrip(".…! ")   # the dot off before tones are placed
        return not key or key in self.bare or any(key == w or key.startswith(w + " ") for w in self.noted)

    def says_nothing(self, note: str) -> bool:
        """Return True for a note that says nothing beyond "no page" ("", "-", "chưa có"): not repeated."""
        return name_key(note.strip(" .-…")).strip(" .-…") in self.bare | {""}


def no_page_words(bare, noted) -> NoPageWords:
    return NoPageWords(frozenset(name_key(str(w)).strip() for w in bare), tuple(name_key(str(w)).strip() for w in noted))


@dataclass(frozen=True)
class Column:
    """One column of the form: where it sits, what it holds and the rules its cells keep."""

    key: str
    header: str
    kind: Kind
    group: str = ""
    width: float = 14
    hint: str = ""
    required: bool = False
    unique: bool = False
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    not_above: str = ""                 # key of a column this one may not exceed ("đã tổ chức" ≤ "tổng số")
    first_day: dt.date | None = None    # a date column's window
    last_day: dt.date | None = None
    choices: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()        # level codes the column applies to; () = every level
    summed: bool = False                # a totals row adds this column up
    aliases: tuple[str, ...] = ()       # other header texts clerks write for this column ("STT", "Email")
    differs_from: str = ""              # key of a column that must hold another person (NS-03 at "rieng" levels)
    no_page: NoPageWords | None = None  # a link column's words for "no page yet" (`chua_co`, `chua_co_ghi_chu`)

    def applies_to(self, level_code: str) -> bool:
        return not self.levels or level_code in self.levels

    def required_at(self, level_code: str) -> bool:
        """Return whether a row of level `level_code` must fill this column (`bat_buoc`, at the levels of `cap`)."""
        return self.required and self.applies_to(level_code)


# TT and Đơn vị of a "so_lieu" form: filled in from the official list, never declared by the campaign.
FIXED_COLUMNS = (
    Column("tt", "TT", KINDS["so_thu_tu"], width=5, hint="Số thứ tự: I, II cho dòng nhóm; 1, 2, 3… cho từng xã."),
    Column("don_vi", "Đơn vị", KINDS["don_vi"], width=22, hint="Tên đơn vị theo danh mục, ví dụ: Xã Chung Chải."),
)


@dataclass(frozen=True)
class Form:
    title: str
    columns: tuple[Column, ...]
    pages: bool = False                  # `loai = "trang"`: a list of pages, every column declared (FORM_TYPES)
    groups: tuple[tuple[str, tuple[str, ...]], ...] = ()   # (group header, other texts clerks write for it)
    facts: tuple[FactField, ...] = REPORT_FACTS            # rows of the "Thông tin" sheet, in order

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)

    @property
    def table(self) -> tuple[Column, ...]:
        """Every column of the Phụ lục table, left to right: TT and Đơn vị first."""
        return self.columns if self.pages else FIXED_COLUMNS + self.columns

    def group_aliases(self, group: str) -> tuple[str, ...]:
        return next((a for g, a in self.groups if g == group), ())

    @property
    def has_totals(self) -> bool:
        return any(c.summed for c in self.columns)


class Pattern:
    """The value "mẫu tên" of a condition: the page name the level's pattern gives the row's unit."""

    def __repr__(self) -> str:
        return "PATTERN"


PATTERN = Pattern()


@dataclass(frozen=True)
class Condition:
    """"<column> <op> <column | number | Có | Không | trống | mẫu tên>", e.g. "da_to_chuc < so_khu_dan_cu".

    Written as a list, every item must hold ("và", `parts`); items joined by " hoặc " hold when one does
    ("hoặc"). " khi nhan_su = rieng" after an item makes it hold trivially on levels without that property
    (dispatch 1031 item 2.4: two different people only where the level asks for two).
    """

    column: str
    op: str
    other: str = ""            # another column's key, or ""
    value: object = None       # a number, True/False, None for "trống" (empty), or PATTERN
    text: str = ""
    parts: tuple["Condition", ...] = ()          # op "và" / "hoặc": the conditions joined
    when: tuple[str, str] | None = None          # (level attribute, value): the condition applies only there


@dataclass(frozen=True)
class Figure:
    key: str
    title: str
    kind: str                  # one of FIGURE_KINDS
    condition: Condition | None = None
    column: str = ""
    numerator: str = ""
    denominator: str = ""
    per_level: bool = False    # theo_cap: worked out for each level over its units (page campaigns)
    within: str = ""           # trong: counted only among the units another per-level figure counts


@dataclass(frozen=True)
class Section:
    """A part of a report: a bold heading, then paragraphs ("- " lines are bullets); `table` puts the units' table."""

    title: str
    lines: tuple[str, ...]
    table: bool = False
    condition: Condition | None = None   # khi: printed only in a report where a row meets it (as dieu_kien)


_PATH = re.compile(r"^(?P<table>[a-z_.]+?)(?:\[(?P<index>\d+)\])?(?:\.(?P<key>[a-z_]+))?$")


def guess(word: str, choices, brackets: str = "") -> str:
    """Return " Có phải «x»?" naming the choice closest to a misspelt `word`, or "" when none is close."""
    import difflib

    near = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    left, right = (brackets[0], brackets[1]) if brackets else ("", "")
    return f" Có phải «{left}{near[0]}{right}»?" if near else ""


def line_of(text: str, path: str, needle: str = "") -> int | None:
    r"""Return the 1-based line of the file `text` where key `path` ("so_lieu[2].mau_so") is written.

    The n-th `[[table]]` header is found first, then the key (or `needle`, e.g. a
    placeholder) inside that table; a key of the top level is looked for alone.

    >>> line_of("a = 1\n[[t]]\nb = 1\n[[t]]\nb = 2\n", "t[1].b")
    5
    >>> line_of("[[t]]\nx = \"\"\"\nsay {y}\n\"\"\"\n", "t[0].x", "{y}")
    3
    """
    found = _PATH.match(path)
    start, end = 0, len(text)
    if found and found.group("index") is not None:
        header = f"[[{found.group('table')}]]"
        start = -1
        for _ in range(int(found.group("index")) + 1):
            start = text.find(header, start + 1)
            if start < 0:
                return None
        following = re.search(r"^\[", text[start + len(header):], re.M)
        end = start + len(header) + following.start() if following else len(text)
    key = found.group("key") if found else None
    span = text[start:end]
    at = span.find(needle) if needle else -1
    if at < 0 and key:
        hit = re.search(rf"^\s*{re.escape(key)}\s*=", span, re.M)
        at = hit.start() + len(hit.group(0)) - len(hit.group(0).lstrip()) if hit else -1
    if at < 0:
        at = 0 if found and found.group("index") is not None else -1
    return None if at < 0 else text.count("\n", 0, start + at) + 1


class Skipped(Exception):
    """An item naming something already found wrong: left out without a second complaint (`Reader.missing`)."""


class Reader:
    """Reads tables of the parsed file, naming key and line in every complaint.

    With `found` (a list), a mistake in one item (a column, a figure, a section) is
    noted there and the item left out, so that every mistake of the file is told at
    once (`chien-dich kiem-tra`); without it, the first mistake is raised.
    """

    def __init__(self, text: str, where: Location, found: list[CampaignError] | None = None):
        self.text, self.where, self.found = text, where, found
        self.broken: set[str] = set()   # names declared with a mistake: their users are not blamed again

    def attempt(self, make, default=None, broken: str = ""):
        """Return `make()`; when collecting, a mistake is noted (and `broken` marked) and `default` returned."""
        try:
            return make()
        except Skipped:   # it uses a name noted wrong: itself unusable, not wrong
            if broken:
                self.broken.add(broken)
            return default
        except CampaignError as exc:
            if self.found is None:
                raise
            self.found.append(exc)
            if broken:
                self.broken.add(broken)
            return default

    def complain(self, exc: CampaignError) -> None:
        """Raise the mistake, or note it when collecting (a mistake that leaves nothing out)."""
        if self.found is None:
            raise exc
        self.found.append(exc)

    def each(self, items, make, name_of=None) -> list:
        """Return `make(i, item)` for each item; when collecting, an item with a mistake is noted and left out."""
        out = []
        for i, item in enumerate(items):
            name = name_of(item) if name_of else ""
            got = self.attempt(lambda: make(i, item), None, name if isinstance(name, str) else "")
            if got is not None:
                out.append(got)
        return out

    def missing(self, name: str) -> None:
        """Raise `Skipped` when `name` was declared with a mistake already noted (never when not collecting)."""
        if name in self.broken:
            raise Skipped(name)

    def fail(self, message: str, key: str, needle: str = "") -> CampaignError:
        line = line_of(self.text, key, needle)
        spot = f"{key} (dòng {line})" if line else key
        return CampaignError(f"«{key}»{f' (dòng {line})' if line else ''}: {message}", self.where.at(spot))

    def keys(self, table: dict, allowed: set[str], path: str) -> None:
        for k in table:
            if k not in allowed:
                raise self.fail(f"khóa không có.{guess(k, allowed)} Các khóa dùng được: {', '.join(sorted(allowed))}.",
                                f"{path}{k}", k)

    def get(self, table: dict, key: str, kinds: tuple[type, ...], path: str, default=None, needed: bool = False):
        value = table.get(key, default)
        if needed and value is None:
            raise self.fail("thiếu khóa này.", path + key, path.split(".")[0].split("[")[0])
        if value is not None and (not isinstance(value, kinds) or isinstance(value, bool) and bool not in kinds):
            raise self.fail(f"giá trị «{value}» viết sai kiểu.", path + key, key)
        return value

    def tables(self, value, key: str) -> list[dict]:
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(t, dict) for t in value):
            raise self.fail("phải là các bảng [[…]].", key)
        return value


def parse_form(raw: dict, level_codes: tuple[str, ...], read: Reader) -> Form | None:
    """Return the form of `[bieu_mau]`, or None when the campaign has none (a page campaign's built-in form)."""
    table = raw.get("bieu_mau")
    if table is None:
        return None
    if not isinstance(table, dict):
        raise read.fail("phải là một bảng [bieu_mau].", "bieu_mau")
    read.keys(table, FORM_KEYS, "bieu_mau.")
    title = clean(read.get(table, "tieu_de", (str,), "bieu_mau.", needed=True))
    form_type = read.get(table, "loai", (str,), "bieu_mau.", "so_lieu")
    if form_type not in FORM_TYPES:
        raise read.fail(f"loại biểu mẫu «{form_type}» không có; các loại: {', '.join(FORM_TYPES)}.", "bieu_mau.loai")
    pages = form_type == "trang"
    cols = read.tables(table.get("cot"), "bieu_mau.cot")
    if not cols:
        raise read.fail("biểu mẫu cần ít nhất một cột [[bieu_mau.cot]].", "bieu_mau.tieu_de")
    columns = tuple(read.each(cols, lambda i, t: _column(t, i, level_codes, read, pages), lambda t: t.get("ma")))
    seen: set[str] = set()
    for i, c in enumerate(columns):
        if c.key in seen:
            read.complain(read.fail(f"hai cột cùng mã «{c.key}».", f"bieu_mau.cot[{i}].ma"))
        seen.add(c.key)
    by_key = {c.key: c for c in columns}
    read.each(columns, lambda i, c: _limit_column(c, i, by_key, read))
    if pages:
        read.attempt(lambda: _page_columns(columns, read))
    groups = read.attempt(lambda: _groups(table, columns, read), tuple((c.group, ()) for c in columns if c.group))
    return Form(title, columns, pages, groups, read.attempt(lambda: _facts(table, read), REPORT_FACTS))


# The columns a list of pages is read and checked by: key → kind (the page rules look them up by key).
PAGE_COLUMNS = {"tt": "so_thu_tu", "don_vi": "don_vi", "ten_trang": "ten_theo_mau", "lien_ket": "lien_ket",
                "ld_ten": "ho_ten", "ld_sdt": "dien_thoai", "ld_email": "thu_dien_tu",
                "vh_ten": "ho_ten", "vh_sdt": "dien_thoai", "vh_email": "thu_dien_tu"}


def _page_columns(columns: tuple[Column, ...], read: Reader) -> None:
    """Raise unless a "trang" form declares each page column once, of its kind (the page rules read them)."""
    keys = [c.key for c in columns]
    for key, kind in PAGE_COLUMNS.items():
        if key not in keys:
            raise read.fail(f"biểu mẫu loại «trang» cần cột mã «{key}» (kiểu «{kind}»).", "bieu_mau.cot")
        if columns[keys.index(key)].kind.key != kind:
            raise read.fail(f"cột «{key}» của biểu mẫu loại «trang» phải có kiểu «{kind}».",
                            f"bieu_mau.cot[{keys.index(key)}].kieu")


def _groups(table: dict, columns: tuple[Column, ...], read: Reader) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Return each column group's header with the other texts clerks write for it (`[[bieu_mau.nhom]]`)."""
    out = {c.group: () for c in columns if c.group}
    for i, t in enumerate(read.tables(table.get("nhom"), "bieu_mau.nhom")):
        path = f"bieu_mau.nhom[{i}]."
        read.keys(t, GROUP_KEYS, path)
        name = clean(read.get(t, "nhom", (str,), path, needed=True))
        if name not in out:
            raise read.fail(f"không cột nào thuộc nhóm «{name}».", path + "nhom")
        out[name] = tuple(clean(str(a)) for a in read.get(t, "ten_khac", (list,), path, []))
    return tuple(out.items())


def _facts(table: dict, read: Reader) -> tuple[FactField, ...]:
    """Return the "Thông tin" rows: the report facts with the campaign's own fields (`[[bieu_mau.thong_tin]]`)
    placed after the field named by `sau` (at the end without it)."""
    out = list(REPORT_FACTS)
    for i, t in enumerate(read.tables(table.get("thong_tin"), "bieu_mau.thong_tin")):
        path = f"bieu_mau.thong_tin[{i}]."
        read.keys(t, FACT_KEYS, path)
        key = read.get(t, "ma", (str,), path, needed=True)
        if not _KEY.match(key) or any(f.key == key for f in out):
            raise read.fail(f"mã «{key}» chỉ gồm chữ thường không dấu, số và «_», khác các mục đã có.", path + "ma")
        kind = read.get(t, "kieu", (str,), path, "chu")
        if kind not in FACT_KINDS:
            raise read.fail(f"kiểu «{kind}» không có; các kiểu: {', '.join(FACT_KINDS)}.", path + "kieu")
        choices = tuple(clean(str(c)) for c in read.get(t, "lua_chon", (list,), path, []))
        field = FactField(key, clean(read.get(t, "nhan", (str,), path, needed=True)),
                          clean(read.get(t, "goi_y", (str,), path, "")),
                          choices or (("Có", "Không") if kind == "co_khong" else ()), kind)
        after = read.get(t, "sau", (str,), path, "")
        at = next((j + 1 for j, f in enumerate(out) if f.key == after), None) if after else len(out)
        if at is None:
            raise read.fail(f"không có mục «{after}» để xếp sau.", path + "sau")
        out.insert(at, field)
    return tuple(out)


def _limit_column(c: Column, i: int, by_key: dict[str, Column], read: Reader) -> None:
    """Raise when the column named by `khong_lon_hon` is missing or cannot be compared with this one."""
    if c.not_above and c.not_above not in by_key:
        read.missing(c.not_above)
        raise read.fail(f"không có cột mã «{c.not_above}».", f"bieu_mau.cot[{i}].khong_lon_hon")
    if c.not_above and not comparable(c, by_key[c.not_above]):
        raise read.fail(f"cột «{c.key}» ({c.kind.name}) không so được với cột «{c.not_above}» "
                        f"({by_key[c.not_above].kind.name}): hai cột phải cùng là số, hoặc cùng là ngày.",
                        f"bieu_mau.cot[{i}].khong_lon_hon")
    if c.differs_from and c.differs_from not in by_key:
        read.missing(c.differs_from)
        raise read.fail(f"không có cột mã «{c.differs_from}».", f"bieu_mau.cot[{i}].khac_voi")


def comparable(a: Column, b: Column) -> bool:
    """Return whether the values of two columns can be compared (<, >): both numbers, or both of one kind."""
    return a.kind.numeric and b.kind.numeric or a.kind is b.kind


def _column(t: dict, i: int, level_codes: tuple[str, ...], read: Reader, pages: bool = False) -> Column:
    path = f"bieu_mau.cot[{i}]."
    read.keys(t, COLUMN_KEYS, path)
    key = read.get(t, "ma", (str,), path, needed=True)
    own = ("tt", "don_vi") if pages else ()   # a list of pages declares its TT and Đơn vị columns itself
    if not _KEY.match(key) or key in BUILT_IN and key not in own or key == "tt" and not own:
        raise read.fail(f"mã cột «{key}» chỉ gồm chữ thường không dấu, số và «_», khác các mã có sẵn.", path + "ma")
    kind_key = read.get(t, "kieu", (str,), path, "chu")
    kind = KINDS.get(kind_key)
    if kind is None:
        raise read.fail(f"kiểu «{kind_key}» không có.{guess(kind_key, KINDS)} Các kiểu: {', '.join(KINDS)}.",
                        path + "kieu")
    levels = tuple(read.get(t, "cap", (list,), path, []))
    unknown = [c for c in levels if c not in level_codes]
    if unknown:
        raise read.fail(f"cấp «{unknown[0]}» không có trong [[cap]].", path + "cap", "cap = [")
    choices = tuple(clean(str(c)) for c in read.get(t, "lua_chon", (list,), path, []))
    if kind_key == "mot_trong" and not choices:
        raise read.fail("cột kiểu «mot_trong» cần «lua_chon» (danh sách các lựa chọn).", path + "lua_chon")
    minimum, maximum = (read.get(t, k, (int, float), path) for k in ("toi_thieu", "toi_da"))
    for k, bound in (("toi_thieu", minimum), ("toi_da", maximum)):
        if bound is not None and not math.isfinite(bound):   # TOML takes inf and nan; no cell can be checked by them
            raise read.fail(f"«{k}» phải là một số, không phải «{bound}».", path + k)
    days = [read.get(t, k, (dt.date,), path) for k in ("tu_ngay", "den_ngay")]
    return Column(
        key=key,
        header=clean(read.get(t, "tieu_de", (str,), path, needed=True)),
        kind=kind,
        group=clean(read.get(t, "nhom", (str,), path, "")),
        width=float(read.get(t, "rong", (int, float), path, 14)),
        hint=clean(read.get(t, "goi_y", (str,), path, "")),
        required=read.get(t, "bat_buoc", (bool,), path, False),
        aliases=tuple(clean(str(a)) for a in read.get(t, "ten_khac", (list,), path, [])),
        differs_from=read.get(t, "khac_voi", (str,), path, ""),
        unique=read.get(t, "duy_nhat", (bool,), path, False),
        minimum=None if minimum is None else Decimal(str(minimum)),
        maximum=None if maximum is None else Decimal(str(maximum)),
        not_above=read.get(t, "khong_lon_hon", (str,), path, ""),
        first_day=days[0],
        last_day=days[1],
        choices=choices,
        domains=tuple(read.get(t, "ten_mien", (list,), path, [])),
        levels=levels,
        summed=read.get(t, "cong", (bool,), path, False),
        no_page=_no_page(t, path, read, kind_key),
    )


def _no_page(t: dict, path: str, read: Reader, kind_key: str) -> NoPageWords | None:
    """Return the column's words for "no page yet", or None when it writes neither list."""
    lists = [read.get(t, k, (list,), path) for k in ("chua_co", "chua_co_ghi_chu")]
    if lists == [None, None]:
        return None
    if kind_key != "lien_ket":
        key = "chua_co" if lists[0] is not None else "chua_co_ghi_chu"
        raise read.fail("chỉ cột kiểu «lien_ket» mới ghi chữ «chưa có Trang».", path + key)
    for k, words in zip(("chua_co", "chua_co_ghi_chu"), lists):
        if words is not None and not all(isinstance(w, str) for w in words):
            raise read.fail("phải là danh sách chuỗi chữ, ví dụ [\"Chưa có\", \"Đang xây dựng\"].", path + k)
    return no_page_words(lists[0] or (), lists[1] or ())


def parse_conditions(written, form: Form, key: str, read: Reader) -> Condition:
    """Return the condition `dieu_kien` writes: one string, or a list of strings that must all hold;
    " hoặc " joins alternatives, " khi <khóa cấp> = <giá trị>" limits an item to some levels."""
    items = [written] if isinstance(written, str) else list(written)
    if not items or not all(isinstance(t, str) and t.strip() for t in items):
        raise read.fail(f"«{key.rsplit('.', 1)[-1]}» là một điều kiện hoặc danh sách điều kiện (chuỗi chữ).", key)
    parts = tuple(_one_item(t, form, key, read) for t in items)
    return parts[0] if len(parts) == 1 else Condition("", "và", parts=parts, text="; ".join(items))


def _one_item(text: str, form: Form, key: str, read: Reader) -> Condition:
    when = None
    found = _WHEN.match(text)
    if found:
        text, attr, value = found.group(1), found.group(2), found.group(3)
        if attr not in LEVEL_KEYS:
            raise read.fail(f"«khi {attr} = …»: chỉ dùng được {', '.join(LEVEL_KEYS)} của [[cap]].", key, attr)
        when = (LEVEL_KEYS[attr], value.strip('"'))
    alternatives = tuple(parse_condition(t.strip(), form, key, read) for t in text.split(" hoặc "))
    if len(alternatives) == 1:
        return replace(alternatives[0], when=when) if when else alternatives[0]
    return Condition("", "hoặc", parts=alternatives, text=text, when=when)


def parse_condition(text: str, form: Form, key: str, read: Reader) -> Condition:
    """Return the condition written as "<column> <op> <value>"; CampaignError naming `key` when it is not."""
    found = _CONDITION.match(text)
    if not found:
        raise read.fail(f"điều kiện «{text}» viết dạng «mã_cột < mã_cột_khác», «mã_cột > 0», "
                        "«mã_cột = Có» hoặc «mã_cột != trống».", key, text)
    col, op, rest = found.groups()
    if form.column(col) is None:
        read.missing(col)
        raise read.fail(f"điều kiện dùng cột «{col}» không có trong biểu mẫu."
                        f"{guess(col, [c.key for c in form.columns])}", key, text)
    read.missing(rest.strip())   # a column declared with a mistake: not read as a value
    if form.column(rest) is not None:
        if not comparable(form.column(col), form.column(rest)):
            raise read.fail(f"điều kiện «{text}» so hai cột khác loại; hai cột phải cùng là số, hoặc cùng là ngày.",
                            key, text)
        return Condition(col, op, other=rest, text=text)
    word = rest.strip().lower()
    if word in PATTERN_WORDS:
        if op not in ("=", "!="):
            raise read.fail("«mẫu tên» chỉ đi với = hoặc !=.", key, text)
        return Condition(col, op, value=PATTERN, text=text)
    if word in ("có", "không"):
        value: object = word == "có"
    elif word == "trống":
        if op not in ("=", "!="):
            raise read.fail("«trống» chỉ đi với = hoặc !=.", key, text)
        value = None
    else:
        try:
            value = Decimal(word.replace(",", "."))
            if not value.is_finite():   # "nan", "inf": Decimal takes them, no cell compares with them
                raise ArithmeticError(word)
        except ArithmeticError:
            raise read.fail(f"điều kiện «{text}»: «{rest}» không phải mã cột, số, «Có», «Không» hay «trống».", key,
                            text) from None
        if op not in ("=", "!=") and not form.column(col).kind.numeric:
            raise read.fail(f"điều kiện «{text}»: cột «{col}» không phải số, không so lớn nhỏ với số được.", key, text)
    return Condition(col, op, value=value, text=text)


def page_campaign(raw: dict) -> bool:
    """Return whether the parsed campaign file collects a list of pages (no `[bieu_mau]`, or one of
    `loai = "trang"`): its figures are per level, its reports' sentences its `[loi_van]`."""
    table = raw.get("bieu_mau")
    return not isinstance(table, dict) or table.get("loai") == "trang"


def parse_figures(raw: dict, form: Form | None, read: Reader) -> tuple[Figure, ...]:
    """Return the `[[so_lieu]]` figures, each checked against the form's columns and the figures before it.

    A page campaign's (`loai = "trang"`) figures name the cells of its page form and are worked out per
    level (`theo_cap`), a count possibly among the units another one counts (`trong`).
    """
    tables = read.tables(raw.get("so_lieu"), "so_lieu")
    pages = page_campaign(raw)
    if tables and form is None:
        raise read.fail("số liệu chỉ khai được khi chiến dịch có [bieu_mau].", "so_lieu[0]")
    out: list[Figure] = []
    read.each(tables, lambda i, t: out.append(_figure(t, i, form, pages, out, read)), lambda t: t.get("ma"))
    return tuple(out)


def _figure(t: dict, i: int, form: Form, pages: bool, out: list[Figure], read: Reader) -> Figure:
    """Return the figure `so_lieu[i]`, checked against the form's columns and the figures `out` before it."""
    path = f"so_lieu[{i}]."
    read.keys(t, FIGURE_KEYS, path)
    key = read.get(t, "ma", (str,), path, needed=True)
    if not _KEY.match(key) or key in BUILT_IN or form.column(key) or any(f.key == key for f in out):
        raise read.fail(f"mã số liệu «{key}» phải mới (khác cột, số liệu khác và mã có sẵn), chữ thường không "
                        "dấu.", path + "ma")
    kind = read.get(t, "loai", (str,), path, needed=True)
    if kind not in FIGURE_KINDS:
        raise read.fail(f"loại «{kind}» không có; các loại: {', '.join(FIGURE_KINDS)}.", path + "loai")
    written = read.get(t, "dieu_kien", (str, list), path, "")
    condition = parse_conditions(written, form, path + "dieu_kien", read) if written else None
    column = read.get(t, "cot", (str,), path, "")
    numerator, denominator = (read.get(t, k, (str,), path, "") for k in ("tu_so", "mau_so"))
    per_level = read.get(t, "theo_cap", (bool,), path, False)
    within = read.get(t, "trong", (str,), path, "")
    if kind in ("dem", "danh_sach") and condition is None:
        raise read.fail(f"số liệu loại «{kind}» cần «dieu_kien».", path + "dieu_kien")
    if pages and not per_level or per_level and kind not in ("dem", "ti_le"):
        raise read.fail("chiến dịch «Trang cộng đồng» (không có [bieu_mau]) chỉ khai số liệu loại «dem» hoặc "
                        "«ti_le» với «theo_cap = true».", path + ("loai" if per_level else "ma"))
    if kind == "tong" and (form.column(column) is None or not form.column(column).kind.numeric):
        read.missing(column)
        raise read.fail(f"«cot» phải là mã một cột kiểu số của biểu mẫu, không phải «{column}».", path + "cot")
    if within and not any(f.key == within and f.kind == "dem" and f.per_level for f in out):
        read.missing(within)
        raise read.fail(f"«trong» phải là mã một số liệu loại «dem», «theo_cap = true», khai trước nó, không "
                        f"phải «{within}».", path + "trong")
    if kind == "ti_le":
        known = {f.key for f in out if f.kind != "danh_sach" and f.per_level == per_level}
        known |= {"so_don_vi", "so_da_bao_cao"}
        for k, v in (("tu_so", numerator), ("mau_so", denominator)):
            if v not in known:
                read.missing(v)
                raise read.fail(f"«{v}» phải là mã một số liệu khai trước nó (hoặc so_don_vi, so_da_bao_cao).",
                                path + k)
    return Figure(key, clean(read.get(t, "ten", (str,), path, key)), kind, condition, column, numerator,
                  denominator, per_level, within)


def parse_sections(raw: dict, table_key: str, names: set[str], read: Reader,
                   columns: frozenset[str] = frozenset(), form: Form | None = None) -> tuple[Section, ...]:
    """Return `[[<table_key>.phan]]`, every placeholder checked against `names` (figures and built-ins);
    a column's key (`columns`) is told apart, since a sentence prints figures, never a cell."""
    table = raw.get(table_key)
    if not isinstance(table, dict):
        return ()
    return tuple(read.each(read.tables(table.get("phan"), f"{table_key}.phan"),
                           lambda i, t: _section(t, f"{table_key}.phan[{i}].", names, read, columns, form)))


def _section(t: dict, path: str, names: set[str], read: Reader, columns: frozenset[str] = frozenset(),
             form: Form | None = None) -> Section:
    """Return one `[[….phan]]`, every placeholder checked against `names`."""
    read.keys(t, SECTION_KEYS, path)
    body = read.get(t, "noi_dung", (str,), path, "")
    for name in PLACEHOLDER.findall(body):
        if name in columns and name not in names:
            raise read.fail(f"«{{{name}}}» là mã một cột của biểu mẫu; câu chữ chỉ in số liệu: khai một [[so_lieu]] "
                            f"(loai = \"tong\" cộng cột, \"dem\" hay \"danh_sach\" theo điều kiện) rồi dùng mã của "
                            "số liệu đó.", path + "noi_dung", "{" + name + "}")
        if name not in names:
            read.missing(name)
            raise read.fail(f"chỗ điền «{{{name}}}» không phải số liệu đã khai.{guess(name, names, '{}')} "
                            "Dùng được: "
                            f"{', '.join('{' + n + '}' for n in sorted(names))}.", path + "noi_dung",
                            "{" + name + "}")
    if body.count("{") != body.count("}"):
        raise read.fail("dấu { } không khớp nhau.", path + "noi_dung")
    lines = tuple(clean(line) for line in body.strip().splitlines() if clean(line))
    written = read.get(t, "khi", (str, list), path, "")
    if written and form is None:
        raise read.fail("«khi» so các cột của biểu mẫu: chiến dịch cần [bieu_mau].", path + "khi")
    condition = parse_conditions(written, form, path + "khi", read) if written else None
    return Section(clean(read.get(t, "tieu_de", (str,), path, "")), lines, read.get(t, "bang", (bool,), path, False),
                   condition)


def fill(text: str, values: dict[str, str]) -> str:
    """Return `text` with each {name} replaced by its value (names were checked when the campaign was loaded).

    No formatting language: only whole names between braces, so a campaign's text
    cannot reach any attribute or run anything.

    >>> fill("Có {a}/{b} xã", {"a": "3", "b": "45"})
    'Có 3/45 xã'
    """
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)
