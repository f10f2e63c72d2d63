"""Contact details a clerk types — phone numbers and e-mail addresses — read into one canonical form.

One implementation, used by the kinds `dien_thoai` and `thu_dien_tu` (docgen.values.kinds: a campaign's
own form) and by the page checks (docgen.checks.normalize, rules SDT-, EM-). Pure functions, value in →
`Normal` out: the canonical value, whether it differs from what was typed in a way worth telling the
clerk, and, when the value cannot be used, why (Vietnamese).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from docgen.values.formats import ngay_ngan
from docgen.vntext import INVISIBLE, XML_INVALID, clean

_INVISIBLE = re.compile(f"[{INVISIBLE}]")


@dataclass(frozen=True)
class Normal:
    """A normalised value: `value` canonical ("" when empty or unusable), `changed`, `problem`.

    `changed` is True when the canonical form differs from what was typed beyond
    spacing; `problem` is a Vietnamese reason when the typed value is not usable.
    """

    value: str
    changed: bool = False
    problem: str = ""
    typed: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem


def as_text(value: object) -> str:
    """Return a cell value as text: whole numbers without ".0", dates as dd/mm/yyyy.

    >>> as_text(912000101.0), as_text(None), as_text(dt.date(2022, 3, 5))
    ('912000101', '', '05/03/2022')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.date, dt.datetime)):
        return ngay_ngan(value)
    return str(value)


def as_typed(text: str) -> str:
    """Return `text` in NFC without control or invisible characters, its inner spacing untouched.

    >>> as_typed(" Mặt trận\u200b  Nậm Pồ ")
    'Mặt trận  Nậm Pồ'
    """
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", XML_INVALID.sub("", text))).strip()


_UNCLEAN = re.compile(XML_INVALID.pattern[:-1] + _INVISIBLE.pattern[1:])


def text(value: object) -> Normal:
    """Return the cell as clean text; `changed` when control/invisible characters or non-NFC were fixed.

    Collapsing ordinary spaces is not a change worth reporting here (names that
    matter — units, page names — are compared by their own checks).

    >>> text("Lò\\u200b Văn\\x07  Bình ")
    Normal(value='Lò Văn Bình', changed=True, problem='', typed='Lò\\u200b Văn\\x07  Bình ')
    >>> text("Mu\\u031bo\\u031b\\u0300ng Nhé").changed       # decomposed (NFD) Vietnamese
    True
    >>> text("  Mường   Nhé ").changed
    False
    """
    value_, changed, typed = clean_value(value)
    return Normal(value_, changed, "", typed)


def clean_value(value: object) -> tuple[str, bool, str]:
    """Return (clean text, whether characters were removed or composed, text as typed) of a cell value.

    >>> clean_value(" Nà\u200b  Bủng ")
    ('Nà Bủng', True, ' Nà\u200b  Bủng ')
    """
    typed = value if type(value) is str else as_text(value)
    if typed.isascii() and typed.isprintable() or not _UNCLEAN.search(typed) and unicodedata.is_normalized("NFC", typed):
        return " ".join(typed.split()), False, typed
    stripped = _INVISIBLE.sub("", XML_INVALID.sub("", typed))
    changed = stripped != typed or unicodedata.normalize("NFC", stripped) != stripped
    return clean(stripped), changed, typed


# --- phone numbers -------------------------------------------------------------------------

_PHONE_SPLIT = re.compile(r"\s*(?:[;,/]|\s-\s|\bhoặc\b)\s*")
_NON_DIGIT = re.compile(r"\D")
_PHONE_CHARS = re.compile(r"[\d\s().+\-]+")


# Vietnamese mobile numbers (national significant number), from phonenumbers' own metadata.
_MOBILE = re.compile(phonenumbers.PhoneMetadata.metadata_for_region("VN").mobile.national_number_pattern)


_SHOWN_MOBILE = re.compile(r"0[35789]\d\d \d{3} \d{3}")


def _fast_mobile(typed: str) -> str:
    """Return the display form of a plainly typed mobile number ("" when it needs the full parser)."""
    digits = _NON_DIGIT.sub("", typed)
    if len(digits) == 10 and digits[0] == "0" or len(digits) == 11 and digits[:2] == "84" or len(digits) == 9:
        nsn = digits[-9:]
        if nsn[0] in "35789" and _MOBILE.fullmatch(nsn):
            return f"0{nsn[:3]} {nsn[3:6]} {nsn[6:]}"
    return ""


def _one_phone(typed: str) -> tuple[str, str]:
    """Return (display form, problem) of one number typed in Vietnam."""
    if not _PHONE_CHARS.fullmatch(typed):
        return "", f"«{typed}» có chữ hoặc ký tự lạ, không phải số điện thoại"
    fast = _fast_mobile(typed)
    if fast:
        return fast, ""
    try:
        number = phonenumbers.parse(typed, "VN")
    except phonenumbers.NumberParseException:
        return "", f"«{typed}» không phải số điện thoại"
    if not phonenumbers.is_valid_number(number):
        digits = _NON_DIGIT.sub("", typed)
        return "", f"«{typed}» không phải số điện thoại Việt Nam hợp lệ ({len(digits)} chữ số)"
    if number.country_code != 84:   # "0098 …" dials abroad: written nationally it would pass for a number here
        return "", f"«{typed}» là số điện thoại nước ngoài (mã +{number.country_code}), không phải số Việt Nam"
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL), ""


def phone(value: object) -> Normal:
    """Return the phone number in one display form ("0912 000 101", "0215 3825 123").

    Accepts Excel numbers that lost their 0, dots, dashes, spaces, +84/84 prefixes;
    several numbers in one cell are kept, joined by "; ". `changed` when more than
    spacing differs from what was typed.

    >>> phone(912000101).value, phone(912000101).changed
    ('0912 000 101', True)
    >>> phone("0912000101").changed, phone("+84 912.000.101").value
    (False, '0912 000 101')
    >>> phone("02153825123").value
    '0215 3825 123'
    >>> phone("0912 345").problem
    '«0912 345» không phải số điện thoại Việt Nam hợp lệ (7 chữ số)'
    >>> phone("0912000101 / 0987.654.321").value
    '0912 000 101; 0987 654 321'
    >>> phone(None)
    Normal(value='', changed=False, problem='', typed='')
    """
    typed = clean_value(value)[0]
    if not typed:
        return Normal("", typed=typed)
    if _SHOWN_MOBILE.fullmatch(typed) and _MOBILE.fullmatch(typed[1:].replace(" ", "")):
        return Normal(typed, False, "", typed)   # already in display form
    parts = [p for p in _PHONE_SPLIT.split(typed) if p]
    shown, problems = [], []
    for part in parts:
        display, problem = _one_phone(part)
        shown.append(display)
        if problem:
            problems.append(problem)
    if problems:
        if len(problems) == len(parts) > 1:   # "01/03/2022" is one wrong value, not three numbers
            problems = [f"«{typed}» không phải số điện thoại Việt Nam hợp lệ"]
        return Normal("", False, "; ".join(problems), typed)
    canonical = "; ".join(shown)
    changed = canonical.replace(" ", "") != "".join(typed.split())
    return Normal(canonical, changed, "", typed)


# --- e-mail --------------------------------------------------------------------------------


def _email_problem(typed: str, exc: EmailNotValidError) -> str:
    """Return the Vietnamese reason an address is not valid."""
    reason = str(exc)
    if "@" not in typed:
        why = "thiếu dấu @"
    elif typed.count("@") > 1:
        why = "có hơn một dấu @"
    elif "should have a period" in reason:
        why = "phần sau @ thiếu tên miền đầy đủ (ví dụ gmail.com)"
    elif "Internationalized" in reason or any(ord(c) > 127 for c in typed):
        why = "có chữ có dấu tiếng Việt"
    elif "SPACE" in reason:
        why = "có dấu cách ở giữa"
    else:
        why = "sai dạng ten@ten-mien.vn"
    return f"«{typed}» không phải địa chỉ thư điện tử hợp lệ: {why}"


# Addresses plainly valid (ASCII, no double dots, domain labels and a letter TLD); others go to email-validator.
_PLAIN_EMAIL = re.compile(
    r"[a-z0-9](?:[a-z0-9_+-]|\.(?!\.)){0,62}(?<!\.)@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}"
)


def email(value: object) -> Normal:
    """Return the e-mail address trimmed and lower-cased, validated without any DNS look-up.

    >>> email(" Lo.Van.Binh@Gmail.com ")
    Normal(value='lo.van.binh@gmail.com', changed=True, problem='', typed='Lo.Van.Binh@Gmail.com')
    >>> email("lo.van.binh@gmail").problem
    '«lo.van.binh@gmail» không phải địa chỉ thư điện tử hợp lệ: phần sau @ thiếu tên miền đầy đủ (ví dụ gmail.com)'
    >>> email("mailto:ab@gmail.com").value
    'ab@gmail.com'
    """
    typed = clean_value(value)[0]
    if not typed:
        return Normal("", typed=typed)
    candidate = typed[7:] if typed.casefold().startswith("mailto:") else typed
    candidate = candidate.strip().lower()
    if _PLAIN_EMAIL.fullmatch(candidate):   # the common case, certainly valid: skip the full validator
        return Normal(candidate, candidate != typed, "", typed)
    try:
        result = validate_email(candidate, check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError as exc:
        return Normal("", False, _email_problem(typed, exc), typed)
    canonical = result.normalized.lower()
    return Normal(canonical, canonical != typed, "", typed)
