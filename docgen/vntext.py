"""Vietnamese text: NFC, spacing, and comparison keys that ignore tone-mark placement.

Names are compared by `name_key`, never by an ASCII transliteration: "hòa" and
"hoà" are the same name typed with two tone-placement habits, "Hoà" and "Hóa"
are not.
"""

from __future__ import annotations

import re
import unicodedata

# Characters a clerk's copy-paste brings in that are not text: zero-width characters, BOM, soft hyphen, and the
# bidirectional marks, embeddings, overrides and isolates (U+202E can make "xlsx.exe" show as "exe.xlsx").
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e" \
            "\u2066\u2067\u2068\u2069"
_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE), None)
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")
# The five tone marks, as combining characters after NFD.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
# Characters XML 1.0 forbids (everything below 0x20 except tab, LF, CR; and two non-characters).
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# A file name's bytes that are not UTF-8 come into Python as lone surrogates (U+DC80…U+DCFF).
_SURROGATES = re.compile("[\ud800-\udfff]")
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")


def clean(text: str) -> str:
    """Return `text` in NFC with spaces collapsed and invisible characters removed.

    >>> clean("  Mặt\\u00a0trận \\u200bChung   Chải ")
    'Mặt trận Chung Chải'
    >>> clean("hoa\\u0300") == "hoà"
    True
    """
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return _SPACES.sub(" ", text).strip()


def _tone_key(word: str) -> str:
    """Return `word` with its tone mark moved to the end, so placement does not matter."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = "".join(c for c in decomposed if c in _TONES)
    bare = "".join(c for c in decomposed if c not in _TONES)
    return unicodedata.normalize("NFC", bare) + tones


def name_key(text: str) -> str:
    """Return the key two names are compared by: spacing, case and tone placement folded.

    >>> name_key("Thanh  Hoá") == name_key("thanh hóa")
    True
    >>> name_key("Thuỷ") == name_key("Thủy")
    True
    >>> name_key("Hoà") == name_key("Hòa") != name_key("Hóa")
    True
    """
    return " ".join(_tone_key(w) for w in clean(text).casefold().split(" "))


def strip_xml_invalid(text: str) -> tuple[str, bool]:
    """Return `text` without the characters XML 1.0 forbids, and whether any were removed.

    >>> strip_xml_invalid("A\\x00B\\x1fC")
    ('ABC', True)
    """
    out = XML_INVALID.sub("", text)
    return out, out != text


def lower_first(text: str) -> str:
    """Return `text` with its first letter in lower case ("Huyện Mường Nhé" → "huyện Mường Nhé").

    >>> lower_first("Thành phố Điện Biên Phủ")
    'thành phố Điện Biên Phủ'
    """
    return text[:1].lower() + text[1:]


def unsurrogate(text: str) -> str:
    """Return `text` with each lone surrogate (a file name's byte that is not UTF-8) as U+FFFD.

    >>> unsurrogate("M" + chr(0xDCFD) + "ng") == "M" + chr(0xFFFD) + "ng"
    True
    """
    return _SURROGATES.sub("\ufffd", text) if _SURROGATES.search(text) else text


def shown(text: str) -> str:
    """Return a name fit to show on one line: undecodable bytes and control characters (a newline) as U+FFFD.

    >>> shown("tua" + chr(10) + "chua.xlsx") == "tua" + chr(0xFFFD) + "chua.xlsx"
    True
    """
    return _UNSHOWABLE.sub("\ufffd", text) if _UNSHOWABLE.search(text) else text
