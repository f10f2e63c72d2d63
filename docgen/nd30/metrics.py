"""Estimated printed width of a line of Times New Roman text (for LN-02 and QH-04).

Advance widths are the standard Times metrics (1/1000 em), which Times New Roman
and Liberation Serif share. Vietnamese letters take the width of their base
letter; unknown characters count as an average letter.
"""

from __future__ import annotations

import unicodedata

_PT_MM = 25.4 / 72

_REGULAR = dict(zip(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -.,:;/()",
    [722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556,
     611, 722, 722, 944, 722, 722, 611,
     444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389,
     278, 500, 500, 722, 500, 500, 444] + [500] * 10 + [250, 333, 250, 250, 278, 278, 278, 333, 333]))
_BOLD = dict(zip(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -.,:;/()",
    [722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556,
     667, 722, 722, 1000, 722, 722, 667,
     500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389,
     333, 556, 500, 722, 500, 500, 444] + [500] * 10 + [250, 333, 250, 250, 333, 333, 278, 333, 333]))


def _base(ch: str) -> str:
    if ch in "Đđ":
        return "D" if ch == "Đ" else "d"
    return unicodedata.normalize("NFD", ch)[0]


def text_width_mm(text: str, size_pt: float, bold: bool = False) -> float:
    """Return the estimated width in mm of `text` set in Times New Roman at `size_pt`.

    >>> round(text_width_mm("Độc lập - Tự do - Hạnh phúc", 14, bold=True))
    60
    >>> round(text_width_mm("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True))
    96
    """
    table = _BOLD if bold else _REGULAR
    units = sum(table.get(_base(ch), 500) for ch in text)
    return units / 1000 * size_pt * _PT_MM
