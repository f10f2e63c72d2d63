"""How docgen writes dates and numbers in Vietnamese: one module for documents, workbooks and messages.

Plain functions of plain values; the renderer registers them as template filters
(`docgen.render.filters`). `None` for a date or an empty number gives the blank
draft form (DR-01, DR-02) instead of failing.
"""

from __future__ import annotations

import datetime as dt

from babel.numbers import format_decimal, format_percent

# The blank left for the clerk in a draft: number (DR-01), day and month (DR-02).
BLANK = " " * 6
# The dates a document of the Front can carry: a date in year 1, 1899 (Excel's day 0 and before) or 9999 is a
# typing slip or a broken cell, and 9999-12-31 plus a week's grace is past what a date can hold.
FIRST_DAY, LAST_DAY = dt.date(1945, 9, 2), dt.date(2099, 12, 31)


def plausible(day: dt.date) -> bool:
    """Return whether `day` lies within FIRST_DAY…LAST_DAY.

    >>> plausible(dt.date(2022, 3, 10)), plausible(dt.date(1899, 12, 25)), plausible(dt.date(9999, 12, 31))
    (True, False, False)
    """
    return FIRST_DAY <= day <= LAST_DAY


def ngay_nd30(date: dt.date | None, place: str = "", year: int | None = None) -> str:
    """Return the ND30 place-and-date line, or its draft form when `date` is None.

    Day < 10 and months 1–2 take a leading 0; months 3–12 do not (DT-04). A
    draft leaves day and month blank and keeps the year when given (DR-02).
    Without `place` only the "ngày … tháng … năm …" part is returned.

    >>> ngay_nd30(dt.date(2022, 2, 5), "Điện Biên")
    'Điện Biên, ngày 05 tháng 02 năm 2022'
    >>> ngay_nd30(dt.date(2019, 6, 29), "Mường Nhé")
    'Mường Nhé, ngày 29 tháng 6 năm 2019'
    >>> ngay_nd30(dt.date(2022, 3, 10))
    'ngày 10 tháng 3 năm 2022'
    >>> ngay_nd30(None, "Điện Biên", 2022)
    'Điện Biên, ngày      tháng      năm 2022'
    """
    if date is None:
        text = f"ngày{BLANK}tháng{BLANK}năm {year}" if year else f"ngày{BLANK}tháng{BLANK}năm{BLANK}"
    else:
        month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
        text = f"ngày {date.day:02d} tháng {month} năm {date.year}"
    return f"{place}, {text}" if place else text


def so_hieu(so: str | int | None, ky_hieu: str) -> str:
    """Return "number/symbol", the number padded below 10 (SO-02), blank in a draft (DR-01).

    >>> so_hieu(5, "BC-UBND-VP"), so_hieu("1031", "UBND-VP")
    ('05/BC-UBND-VP', '1031/UBND-VP')
    >>> so_hieu("", "BC-UBND-VP")
    '      /BC-UBND-VP'
    >>> so_hieu("²", "BC") == "²/BC", len(so_hieu("9" * 5000, "BC"))
    (True, 5003)
    """
    text = "" if so is None else str(so).strip()
    if not text:
        return f"{BLANK}/{ky_hieu}"
    if text.isascii() and text.isdigit() and len(text) <= 9:   # "²" or 5,000 digits are written as typed
        text = f"{int(text):02d}"
    return f"{text}/{ky_hieu}"


def so_ky_hieu(so: str | int | None, ky_hieu: str) -> str:
    """Return the "Số: …" line of ô 3 (SO-01…03), or its draft form (DR-01).

    >>> so_ky_hieu("15", "BC-UBND-VP")
    'Số: 15/BC-UBND-VP'
    >>> so_ky_hieu(3, "UBND-VP")
    'Số: 03/UBND-VP'
    >>> so_ky_hieu(None, "BC-UBND-VP")
    'Số:      /BC-UBND-VP'
    """
    number = so_hieu(so, ky_hieu)
    return f"Số:{number}" if number.startswith(BLANK) else f"Số: {number}"


def so_vn(n: int | float | None) -> str:
    """Return a number written the Vietnamese way ("." for thousands, "," for decimals); "" for None.

    >>> so_vn(1234), so_vn(10051), so_vn(2.5), so_vn(None), so_vn(1500000)
    ('1.234', '10.051', '2,5', '', '1.500.000')
    """
    return "" if n is None else format_decimal(n, locale="vi")


def phan_tram(x: float | None, digits: int = 1) -> str:
    """Return the ratio `x` (0.833 for 83.3 %) as a Vietnamese percentage; "" for None.

    A trailing ",0" is dropped, so whole percentages read "100%".

    >>> phan_tram(10 / 12), phan_tram(1), phan_tram(0), phan_tram(None)
    ('83,3%', '100%', '0%', '')
    """
    if x is None:
        return ""
    pattern = "#,##0." + "0" * digits + "%" if digits else "#,##0%"
    text = format_percent(x, format=pattern, locale="vi")
    zero = "," + "0" * digits + "%"
    return text[: -len(zero)] + "%" if digits and text.endswith(zero) else text


def ngay_ngan(date: dt.date | None) -> str:
    """Return the short date of tables, messages and citations, "25/02/2022"; "" for None.

    >>> ngay_ngan(dt.date(2022, 2, 25)), ngay_ngan(None)
    ('25/02/2022', '')
    """
    return "" if date is None else f"{date.day:02d}/{date.month:02d}/{date.year}"


def ngay_han(date: dt.date) -> str:
    """Return a deadline as the body of a dispatch writes it, the month as in ND30 dates (DT-04): "05/3/2022".

    >>> ngay_han(dt.date(2022, 3, 5)), ngay_han(dt.date(2022, 2, 5))
    ('05/3/2022', '05/02/2022')
    """
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"{date.day:02d}/{month}/{date.year}"
