"""Document kinds (ND30 PL III §I type codes) and the text patterns of the header block.

Pure functions on text: parse "Số: …", the place-and-date line, and decide the
kind from the ký hiệu (by position: `MTTQ-BTT` is a công văn, `BC-MTTQ-BTT` a
báo cáo) and the title line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# ND30 PL III §I: type code → type name (spec §12). Công văn has no code.
TYPE_CODES: dict[str, str] = {
    "NQ": "nghị quyết", "QĐ": "quyết định", "CT": "chỉ thị", "QC": "quy chế", "QyĐ": "quy định",
    "TC": "thông cáo", "TB": "thông báo", "HD": "hướng dẫn", "CTr": "chương trình", "KH": "kế hoạch",
    "PA": "phương án", "ĐA": "đề án", "DA": "dự án", "BC": "báo cáo", "BB": "biên bản", "TTr": "tờ trình",
    "HĐ": "hợp đồng", "CĐ": "công điện", "BGN": "bản ghi nhớ", "BTT": "bản thỏa thuận",
    "GUQ": "giấy ủy quyền", "GM": "giấy mời", "GGT": "giấy giới thiệu", "GNP": "giấy nghỉ phép",
    "PG": "phiếu gửi", "PC": "phiếu chuyển", "PB": "phiếu báo", "SY": "sao y", "TrS": "trích sao",
    "SL": "sao lục",
}
TYPE_NAMES: dict[str, str] = {name.upper(): code for code, name in TYPE_CODES.items()}
TYPE_NAMES["BẢN THOẢ THUẬN"] = "BTT"
TYPE_NAMES["GIẤY UỶ QUYỀN"] = "GUQ"
MIXED_CASE_CODES = frozenset(c for c in TYPE_CODES if c != c.upper())
# Types that go upward and so carry Kính gửi and "- Như trên;" (KG-01, NN-03).
UPWARD = frozenset({"BC", "TTr"})


@dataclass(frozen=True)
class Kind:
    """What a document is: its ND30 type code ("BC"; "CV" for công văn; "PL" for an appendix file)."""

    code: str
    name: str

    @property
    def typed(self) -> bool:
        """Return True for documents with a type-name line (báo cáo, kế hoạch …)."""
        return self.code not in ("CV", "PL", "?")


CONG_VAN = Kind("CV", "công văn")
PHU_LUC = Kind("PL", "phụ lục")
UNKNOWN = Kind("?", "chưa rõ loại")

_NUMBER = re.compile(r"^Số\s*[:.]?(?P<gap>[ \u00a0\t.…]*)(?P<num>[^/\s.…]*)(?P<gap2>\s*)/(?P<sym>.*)$", re.S)
ISSUED_SYMBOL = re.compile(r"^[A-ZĐ][A-Za-zĐđ]*(-[A-ZĐ][A-Za-zĐđ0-9]*)*$")


@dataclass(frozen=True)
class Number:
    """The parts of a "Số: NN/SYM" line; `draft` is True when the number is left blank."""

    gap: str
    number: str
    symbol: str
    draft: bool


def parse_number(text: str) -> Number | None:
    """Return the parts of a "Số:" line, or None when it has no "/".

    >>> parse_number("Số: 05/BC-MTTQ-BTT")
    Number(gap=' ', number='05', symbol='BC-MTTQ-BTT', draft=False)
    >>> parse_number("Số:      /MTTQ-BTT").draft
    True
    """
    m = _NUMBER.match(unicodedata.normalize("NFC", text.strip()))
    if not m:
        return None
    return Number(m["gap"], m["num"], m["sym"].strip(), draft=m["num"] == "")


def symbol_type(symbol: str) -> str | None:
    """Return the ND30 type code that opens `symbol`, or None (a công văn).

    >>> symbol_type("BC-MTTQ-BTT"), symbol_type("MTTQ-BTT"), symbol_type("BTT-MTTQ")
    ('BC', None, 'BTT')
    """
    first = symbol.split("-", 1)[0].strip()
    return first if first in TYPE_CODES else None


def recognise(symbol: str | None, title: str | None, has_vv: bool, appendix_only: bool) -> Kind:
    """Return the document's Kind from its ký hiệu, title line and V/v line.

    >>> recognise("MTTQ-BTT", None, True, False).name
    'công văn'
    >>> recognise("BC-MTTQ-BTT", "BÁO CÁO", False, False).code
    'BC'
    >>> recognise(None, "KẾ HOẠCH", False, False).name
    'kế hoạch'
    """
    code = symbol_type(symbol) if symbol else None
    if code is None and title:
        code = TYPE_NAMES.get(unicodedata.normalize("NFC", title).strip().upper())
    if code:
        return Kind(code, TYPE_CODES[code])
    if has_vv or symbol:
        return CONG_VAN
    return PHU_LUC if appendix_only else UNKNOWN


# --- dates (DT-03, DT-04, DR-02)
DATE_LOOSE = re.compile(r"^(?P<place>[^,]*?)(?P<sp>\s*),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})"
                        r"\s+năm\s+(?P<y>\d{4})\s*$")
DATE_DRAFT = re.compile(r"^(?P<place>[^,]*?),\s*ngày[\s.…]*tháng[\s.…]*năm(\s+\d{4}|[\s.…]*)\s*$")
DATE_SLASHED = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}")


def date_padding_ok(day: str, month: str) -> bool:
    """Return True when day and month follow DT-04 (day 01–09 padded; only months 01, 02 padded).

    >>> [date_padding_ok(*dm) for dm in [("05", "02"), ("29", "6"), ("5", "3"), ("05", "2"), ("12", "03")]]
    [True, True, False, False, False]
    """
    d_ok = len(day) == 2 and 1 <= int(day) <= 31
    m = int(month)
    m_ok = (month == f"{m:02d}") if m <= 2 else (month == str(m) and m <= 12)
    return d_ok and m_ok


def date_phrase_ok(text: str) -> bool:
    """Return True when every "ngày D tháng M" in `text` follows DT-04.

    >>> date_phrase_ok("Điện Biên, ngày 05 tháng 02 năm 2022"), date_phrase_ok("ngày 29 tháng 6 năm 2019")
    (True, True)
    >>> date_phrase_ok("ngày 5 tháng 3 năm 2022"), date_phrase_ok("ngày 15 tháng 03 năm 2022")
    (False, False)
    """
    pairs = re.findall(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})", text)
    return all(date_padding_ok(d, m) for d, m in pairs)


# --- signature, recipients
AUTHORITY = re.compile(r"^(TM|KT|Q|TL|TUQ)\. \S")
AUTHORITY_LIKE = re.compile(r"^(T\.?M|K\.?T|Q|T\.?L|TUQ|T/M|K/T|T/L)\b[./ ]", re.I)
ACADEMIC = re.compile(r"^(GS|PGS|TS|ThS|KS|BS|CN|NGƯT|NGND|TSKH)\.", re.I)
LUU = re.compile(r"^- Lưu: VT(, [^;]+?)?\.$")
