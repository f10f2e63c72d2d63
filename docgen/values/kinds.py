"""The kinds of value a campaign's form column may hold: how each is read, checked and written.

One implementation per kind, used by the reader of a filled form, its checks,
the collection workbook (number format, input hint) and the documents (how a
value is printed). A campaign names a column's kind by its Vietnamese key
(`kieu = "tien"`); `KINDS` maps every key to its kind.

`read(value)` takes what a cell holds (str, int, float, date or None) and returns
a `Reading`: the value in its own type, the text a document prints, and when the
typed form differed from the clean one, a note of what was changed ("1.500.000"
typed as text is read as the number 1500000 — a warning, not an error). A value
that cannot be read gives `Reading(None, …, error=<why>)`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from docgen.values import contact
from docgen.values.formats import ngay_ngan, phan_tram, so_vn
from docgen.vntext import clean, name_key

# Excel's day 0 (its 1900 leap-year bug makes serials from 61 on count from here).
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_MAX_NUMBER = 10 ** 15   # beyond any count or sum of đồng a Front office reports


@dataclass(frozen=True)
class Reading:
    value: object            # int, Decimal, date, bool, str; None when empty or unreadable
    text: str                # as a document prints it
    error: str = ""          # why the cell cannot be read ("" when it can)
    changed: str = ""        # what reading changed in what was typed ("" when nothing)

    @property
    def empty(self) -> bool:
        return self.value is None and not self.error


EMPTY = Reading(None, "")


@dataclass(frozen=True)
class Kind:
    """A kind of value; subclasses read and write it. `excel_format` is the workbook cell's number format."""

    key: str
    name: str            # Vietnamese, for messages and docs: "số tiền (đồng)"
    excel_format: str = "@"
    numeric: bool = False
    unbroken: int = 0    # characters of the printed value a table cell keeps on one line (05/03/2026: 10)

    def read(self, value: object, column=None) -> Reading:
        text = _text(value)
        return Reading(text, text) if text else EMPTY

    def write(self, value: object) -> str:
        return "" if value is None else str(value)


def _text(value: object) -> str:
    """Return a cell as a clerk sees it said: a TRUE/FALSE cell is «Có»/«Không» (as checks.normalize.as_text), never «True».

    >>> _text(True), _text(12.0), _text(None)
    ('Có', '12', '')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean(str(value))


class Text(Kind):
    pass


class PersonName(Kind):
    def read(self, value: object, column=None) -> Reading:
        text = _text(value)
        if not text:
            return EMPTY
        if any(ch.isdigit() for ch in text):
            return Reading(None, text, error="họ và tên không có chữ số")
        fixed = " ".join(w[:1].upper() + w[1:] for w in text.split(" "))
        return Reading(fixed, fixed, changed="viết hoa chữ đầu mỗi tiếng" if fixed != text else "")


class Phone(Kind):
    """A Vietnamese phone number, mobile or landline, written "0912 345 678" (docgen.values.contact.phone:
    the same reading as the page checks' SDT- rules)."""

    def read(self, value: object, column=None) -> Reading:
        return _contact(contact.phone(value), "viết lại dạng 0912 345 678")


class Email(Kind):
    """An e-mail address, trimmed and lower-cased (docgen.values.contact.email, as the EM- rules read it)."""

    def read(self, value: object, column=None) -> Reading:
        return _contact(contact.email(value), "bỏ dấu cách, viết thường")


def _contact(got: contact.Normal, what: str) -> Reading:
    if got.problem:
        return Reading(None, got.typed, error=got.problem)
    if not got.value:
        return EMPTY
    return Reading(got.value, got.value, changed=what if got.changed else "")


class Link(Kind):
    """A web address on one of the column's allowed domains (`ten_mien`)."""

    def read(self, value: object, column=None) -> Reading:
        text = _text(value)
        if not text:
            return EMPTY
        out = text if re.match(r"^https?://", text, re.I) else "https://" + text
        host = re.sub(r"^https?://", "", out, flags=re.I).split("/")[0].split(":")[0].lower()
        domains = tuple(column.domains) if column is not None and column.domains else ()
        if " " in out or "." not in host:
            return Reading(None, text, error="địa chỉ liên kết viết dạng https://…")
        if domains and not any(host == d or host.endswith("." + d) for d in domains):
            return Reading(None, text, error=f"địa chỉ phải thuộc {', '.join(domains)}")
        return Reading(out, out, changed="thêm https://" if out != text else "")


_QUOTES = re.compile("[\"“”„«»'‘’]")


class NamePattern(Kind):
    """A name that must follow the level's naming pattern (`mau_ten_trang` of [[cap]]), e.g. a page's name.

    One comparison for the form checker (BM-02) and the page rules (TT-01, TT-03): `matches`.
    """

    @staticmethod
    def matches(name: str, expected: str) -> bool | None:
        """Return True when `name` is the pattern's name, False when it is the same once case, spacing,
        tone-mark placement and quotes are folded, None when it is another name.

        >>> NamePattern.matches("Mặt trận “Nậm Pồ” (tỉnh Điện Biên)", "Mặt trận Nậm Pồ (tỉnh Điện Biên)")
        False
        """
        if name == expected:
            return True
        return False if name_key(_QUOTES.sub("", name)) == name_key(_QUOTES.sub("", expected)) else None

    def against(self, got: Reading, expected: str) -> Reading:
        """Return `got` held to the unit's `expected` name: the same after folding (`matches`) is rewritten
        as expected (noted), anything else is an error naming the pattern's name."""
        if got.value is None or not expected:
            return got
        same = self.matches(str(got.value), expected)
        if same:
            return got
        if same is False:
            return Reading(expected, expected, changed="viết lại đúng mẫu")
        return Reading(None, got.text, error=f"tên đúng mẫu là «{expected}»")


class RowNumber(Kind):
    """The clerk's own numbering (TT): "I", "II" for a group row, 1, 2, 3 … for a unit; kept, never judged."""


class UnitName(Kind):
    """A unit's name as the official list writes it; matching to the list is the form checker's."""


def _number_text(text: str, money: bool) -> tuple[Decimal | None, str]:
    """Return (number, what was changed) for a number typed as text: "1.500.000", "1,500,000", "1,5 triệu".

    A single "," or "." followed by other than three digits is a decimal mark
    ("2,5"); groups of three after "." or "," are thousands, either way round.
    """
    t = text.lower().replace("đồng", "").replace("đ", "").replace("vnđ", "").replace("vnd", "").strip()
    scale, word = 1, ""
    for w, s in (("tỷ", 10 ** 9), ("tỉ", 10 ** 9), ("triệu", 10 ** 6), ("nghìn", 10 ** 3), ("ngàn", 10 ** 3)):
        if t.endswith(w):
            t, scale, word = t[: -len(w)].strip(), s, w
            break
    t = t.replace(" ", "")
    if not re.fullmatch(r"[0-9.,]+", t or "x"):
        return None, ""
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", t) and len(set(re.findall(r"[.,]", t))) == 1 and not word:
        number = Decimal(re.sub(r"[.,]", "", t))
        changed = "bỏ dấu phân cách hàng nghìn"
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+,\d+", t):
        number, changed = Decimal(t.replace(".", "").replace(",", ".")), "đọc dấu phẩy là dấu thập phân"
    elif re.fullmatch(r"\d{1,3}(,\d{3})+\.\d+", t):
        number, changed = Decimal(t.replace(",", "")), "đọc dấu chấm là dấu thập phân"
    elif re.fullmatch(r"\d+([.,]\d+)?", t):
        number, changed = Decimal(t.replace(",", ".")), ""
    else:
        return None, ""
    if word:
        changed = f"đọc «{word}»"
    return number * scale, changed


class Number(Kind):
    """A whole number (a count): 12, "1.200", "1,200"."""

    whole = True

    def read(self, value: object, column=None) -> Reading:
        if value is None or (isinstance(value, str) and not clean(value)):
            return EMPTY
        changed = ""
        if isinstance(value, bool):
            return Reading(None, _text(value), error=f"ô phải là {self.name}")
        if isinstance(value, (int, float)):
            number = Decimal(str(value))
        elif isinstance(value, Decimal):
            number = value
        else:
            number, changed = _number_text(_text(value), money=not self.whole)
            if number is None:
                return Reading(None, _text(value), error=f"ô phải là {self.name}")
        if abs(number) >= _MAX_NUMBER:
            return Reading(None, _text(value), error=f"số quá lớn cho {self.name}")
        if self.whole:
            if number != number.to_integral_value():
                return Reading(None, _text(value), error=f"ô phải là {self.name} (số nguyên)")
            number = int(number)
        return Reading(number, self.write(number), changed=changed)

    def write(self, value: object) -> str:
        return so_vn(value) if value is not None else ""


class Money(Number):
    """An amount in đồng, whole: 1500000, "1.500.000", "1,500,000", "1,5 triệu"."""


class Percent(Number):
    """A percentage 0–100: 85, "85%", "85,5 %"; written "85,5%"."""

    whole = False

    def read(self, value: object, column=None) -> Reading:
        if isinstance(value, str):
            value = value.replace("%", "").strip()
        got = super().read(value, column)
        if got.value is not None and not 0 <= got.value <= 100:
            return Reading(None, got.text, error="tỷ lệ phần trăm từ 0 đến 100")
        return got

    def write(self, value: object) -> str:
        return phan_tram(float(value) / 100) if value is not None else ""


_DATE = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")


class Date(Kind):
    """A day: an Excel date or serial, or "05/3/2026", "5-3-2026"; written "05/03/2026"."""

    def read(self, value: object, column=None) -> Reading:
        if value is None or (isinstance(value, str) and not clean(value)):
            return EMPTY
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return Reading(value, ngay_ngan(value))
        if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value < 2958466:
            day = _EXCEL_EPOCH + dt.timedelta(days=int(value))
            return Reading(day, ngay_ngan(day), changed="ô ghi số ngày của Excel")
        text = _text(value)
        found = _DATE.match(text)
        if found:
            d, m, y = map(int, found.groups())
            try:
                day = dt.date(y, m, d)
            except ValueError:
                return Reading(None, text, error=f"ngày «{text}» không có thật")
            return Reading(day, ngay_ngan(day), changed="" if text == ngay_ngan(day) else "đọc theo ngày/tháng/năm")
        return Reading(None, text, error=f"ngày viết dạng ngày/tháng/năm, ví dụ 05/3/2026, không phải «{text}»")

    def write(self, value: object) -> str:
        return ngay_ngan(value) if isinstance(value, dt.date) else ""


_YES = {"có", "co", "x", "yes", "đã", "rồi", "1", "true"}
_NO = {"không", "khong", "no", "chưa", "0", "false"}


class YesNo(Kind):
    """Có / Không."""

    choices = ("Có", "Không")

    def read(self, value: object, column=None) -> Reading:
        if isinstance(value, bool):
            return Reading(value, "Có" if value else "Không")
        text = _text(value)
        if not text:
            return EMPTY
        key = text.lower()
        if key in _YES or key in _NO:
            out = key in _YES
            shown = "Có" if out else "Không"
            return Reading(out, shown, changed="ghi lại «Có»/«Không»" if shown != text else "")
        return Reading(None, text, error="ô chỉ ghi «Có» hoặc «Không»")

    def write(self, value: object) -> str:
        return "" if value is None else ("Có" if value else "Không")


class OneOf(Kind):
    """One of the column's choices (`lua_chon`), compared after normalising case, spacing and tone marks."""

    def read(self, value: object, column=None) -> Reading:
        text = _text(value)
        if not text:
            return EMPTY
        choices = tuple(column.choices) if column is not None else ()
        found = next((c for c in choices if name_key(c) == name_key(text)), None)
        if found is None:
            return Reading(None, text, error=f"ô chỉ ghi một trong: {'; '.join(choices)}")
        return Reading(found, found, changed="ghi lại đúng lựa chọn" if found != text else "")


KINDS: dict[str, Kind] = {k.key: k for k in (
    Text("chu", "chữ"),
    RowNumber("so_thu_tu", "số thứ tự"),
    UnitName("don_vi", "tên đơn vị"),
    PersonName("ho_ten", "họ và tên"),
    Phone("dien_thoai", "số điện thoại", unbroken=12),
    Email("thu_dien_tu", "địa chỉ thư điện tử"),
    Link("lien_ket", "địa chỉ liên kết"),
    NamePattern("ten_theo_mau", "tên theo mẫu"),
    Number("so_nguyen", "số nguyên", excel_format="#,##0", numeric=True),
    Money("tien", "số tiền (đồng)", excel_format="#,##0", numeric=True),
    Percent("phan_tram", "tỷ lệ phần trăm", excel_format="0.0", numeric=True),
    Date("ngay", "ngày", excel_format="dd/mm/yyyy", unbroken=10),
    YesNo("co_khong", "Có/Không"),
    OneOf("mot_trong", "một trong danh sách"),
)}


def kind_of(key: str) -> Kind | None:
    return KINDS.get(key)


__all__ = ["KINDS", "Kind", "Reading", "EMPTY", "kind_of"]
