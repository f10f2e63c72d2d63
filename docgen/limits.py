"""Limits on untrusted input and on rendering: the defaults, their environment overrides, their words.

Every file docgen reads (submissions, templates, campaign files, documents given
to `the-thuc`) may come from a stranger. These limits keep one hostile or broken
file from taking the memory or the time of a whole run; the defaults are far
above real files (docs/gioi-han.md lists them with what real files measure).
An administrator raises one with an environment variable, e.g.
`DOCGEN_MAX_PART_MB=500 docgen kiem-tra …`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields

from docgen.errors import DocgenError

ENV_PREFIX = "DOCGEN_"


@dataclass(frozen=True)
class Limits:
    """The limits in force; each field is overridden by the environment variable DOCGEN_<FIELD in capitals>."""

    max_file_mb: float = 50            # size of one .xlsx/.docx on disk
    max_part_mb: float = 200           # one member of the package, unpacked (as its zip entry declares)
    max_total_mb: float = 400          # all members of the package, unpacked
    max_ratio: float = 200             # unpacked ÷ packed size of a member larger than RATIO_FROM_MB
    max_parts: int = 5000              # members of one package
    max_tree_mb: float = 24            # an XML part read whole into memory (Word submissions and templates)
    max_elements: int = 250_000        # XML elements held at once while a part is streamed (a sheet, `the-thuc`)
    max_strings_mb: float = 64         # a workbook's shared strings (Excel keeps every text of every sheet there)
    max_styles_mb: float = 8           # a workbook's styles (openpyxl spends some 30 bytes of memory per byte)
    max_rows: int = 110_000            # rows of one sheet or Word table (100,000 data rows and their titles)
    max_cells: int = 2_000_000         # cells of one sheet (rows × width)
    max_render_mb: float = 50          # text one template part renders to
    max_loop: int = 1_000_000          # loop turns of one render
    render_seconds: float = 60         # time of one render
    pdf_seconds: float = 60            # LibreOffice time per document (plus a start-up allowance)
    max_campaign_kb: float = 1024      # a campaign file (chien-dich.toml)
    max_nesting: int = 32              # tables and lists inside each other in a campaign file


RATIO_FROM_MB = 1   # members smaller than this unpack to too little to matter, whatever their ratio
MB = 1024 * 1024


def env_name(field: str) -> str:
    """Return the environment variable that overrides a limit.

    >>> env_name("max_part_mb")
    'DOCGEN_MAX_PART_MB'
    """
    return ENV_PREFIX + field.upper()


def current() -> Limits:
    """Return the limits in force: the defaults, overridden by DOCGEN_… environment variables.

    Raises DocgenError when a variable is set to something that is not a positive number.
    """
    changes = {}
    for f in fields(Limits):
        text = os.environ.get(env_name(f.name))
        if text is None or not text.strip():
            continue
        try:
            value = int(text) if f.type == "int" else float(text)
        except ValueError:
            value = None
        if value is None or value <= 0 or value != value:
            raise DocgenError(f"Biến môi trường {env_name(f.name)}={text!r} phải là một số dương "
                              f"(mặc định {getattr(Limits, f.name)}).")
        changes[f.name] = value
    return Limits(**changes)


def raise_hint(field: str) -> str:
    """Return the Vietnamese sentence telling an administrator how to raise one limit.

    >>> raise_hint("max_rows")
    'Nếu tệp là thật, người quản trị có thể nâng giới hạn bằng biến môi trường DOCGEN_MAX_ROWS (xem docs/gioi-han.md).'
    """
    return (f"Nếu tệp là thật, người quản trị có thể nâng giới hạn bằng biến môi trường {env_name(field)} "
            "(xem docs/gioi-han.md).")


def megabytes(size: float) -> str:
    """Return a size in bytes as Vietnamese megabytes.

    >>> megabytes(3 * 1024 ** 3), megabytes(1536 * 1024), megabytes(2000)
    ('3.072 MB', '1,5 MB', '0,002 MB')
    """
    mb = size / MB
    if mb >= 10:
        text = f"{mb:,.0f}".replace(",", ".")
    elif mb >= 1:
        text = f"{mb:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    else:
        text = f"{mb:.3f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text} MB"


# Why a package was refused (`ooxml.PackageError.reason`) → the Vietnamese words; {part}, {size}, {limit} filled in.
_REFUSED = {
    "file-too-big": ("Tệp quá lớn ({size}; giới hạn {limit}).", "max_file_mb"),
    "too-many-parts": ("Tệp nén chứa quá nhiều phần ({size}; giới hạn {limit}): không phải tệp Office bình thường.",
                       "max_parts"),
    "part-too-big": ("Phần «{part}» trong tệp giải nén ra {size}, quá giới hạn {limit}: tệp bị hỏng, hoặc là "
                     "«bom nén» làm cạn bộ nhớ.", "max_part_mb"),
    "total-too-big": ("Các phần của tệp giải nén ra tổng cộng {size}, quá giới hạn {limit}: tệp bị hỏng, hoặc là "
                      "«bom nén» làm cạn bộ nhớ.", "max_total_mb"),
    "ratio": ("Phần «{part}» nén chặt bất thường (giải nén ra {size}, gấp hơn {limit} lần cỡ nén): đây là dấu "
              "hiệu của «bom nén» làm cạn bộ nhớ, docgen không giải nén.", "max_ratio"),
    "tree-too-big": ("Phần «{part}» giải nén ra {size}, quá giới hạn {limit} của phần đọc trọn vào bộ nhớ.",
                     "max_tree_mb"),
    "strings-too-big": ("Bảng chuỗi dùng chung «{part}» của sổ Excel giải nén ra {size}, quá giới hạn {limit}.",
                        "max_strings_mb"),
    "styles-too-big": ("Bảng kiểu định dạng «{part}» của sổ Excel giải nén ra {size}, quá giới hạn {limit} (tệp bị "
                       "«phình kiểu» do sao chép nhiều lần, hoặc bị sửa có chủ ý). Mở bằng Excel, xóa bớt kiểu ô thừa "
                       "rồi lưu lại.", "max_styles_mb"),
    "too-many-elements": ("Phần «{part}» giữ cùng lúc hơn {limit} phần tử XML (một dòng, một bảng hay một văn bản "
                          "quá lớn, hoặc tệp bị sửa có chủ ý).", "max_elements"),
    "doctype": ("Phần «{part}» có khai báo DOCTYPE (định nghĩa thực thể XML): tệp Word/Excel thật không bao "
                "giờ có, đây là dấu hiệu tệp bị sửa có chủ ý. docgen không đọc tệp này.", ""),
    "encrypted": ("Phần «{part}» được mã hóa trong tệp nén: gỡ mật khẩu rồi lưu lại.", ""),
    "unsupported": ("Phần «{part}» nén theo cách docgen không đọc được: mở tệp bằng Word/Excel rồi lưu lại.", ""),
}


def refusal(reason: str, part: str = "", size: str = "", limit: str = "") -> str | None:
    """Return the Vietnamese explanation of a package refused for `reason`, with how to raise the limit; else None.

    >>> refusal("ratio", "xl/worksheets/sheet1.xml", "1.024 MB", "200").split(":")[0]
    'Phần «xl/worksheets/sheet1.xml» nén chặt bất thường (giải nén ra 1.024 MB, gấp hơn 200 lần cỡ nén)'
    >>> refusal("corrupt") is None
    True
    """
    if reason not in _REFUSED:
        return None
    words, field = _REFUSED[reason]
    text = words.format(part=part, size=size, limit=limit)
    return f"{text} {raise_hint(field)}" if field else text
