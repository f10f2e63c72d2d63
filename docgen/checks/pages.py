"""A row's page: its name against the campaign's pattern and its link (TT- and LK- rules)."""

from __future__ import annotations

from dataclasses import dataclass

from docgen.campaigns.campaign import Level
from docgen.campaigns.form import NoPageWords
from docgen.checks import normalize
from docgen.checks.normalize import upper_first
from docgen.checks.rules import problem
from docgen.errors import Location
from docgen.records.model import Problem, Unit
from docgen.values.kinds import NamePattern


@dataclass(frozen=True)
class Page:
    """What a row says about its unit's page: name, canonical link, platform, whether it exists."""

    name: str = ""
    link: str = ""
    platform: str = ""
    exists: bool = False
    note: str = ""       # what the row says instead of a page ("đang xây dựng"), kept for the Phụ lục


def page_name(name: str, typed: str, unit: Unit | None, level: Level | None, where: Location, label: str,
              out: list[Problem], no_page: NoPageWords = NoPageWords()) -> str:
    """Return the page name to keep, adding TT-01/TT-03 findings to `out`.

    `name` is the cell's clean text, `typed` the text as typed. Exactly the
    pattern's name: kept, no finding. The same name once case,
    spacing, tone placement and quotes are folded (name_key): TT-03, the
    pattern's name is kept. Anything else: TT-01 with the expected name as fix.
    """
    if unit is None or level is None:
        return name
    expected = level.expected_page_name(unit)
    if typed == expected or name == expected and normalize.as_typed(typed) == expected:
        return expected
    if not name or no_page.says_no_page(name):
        out.append(problem("TT-01", f"{upper_first(label)} có địa chỉ liên kết nhưng thiếu tên Trang; theo mẫu phải là «{expected}».",
                           where, expected, unit.code))
        return ""
    if normalize.as_typed(typed) == expected:
        return expected
    if NamePattern.matches(name, expected) is not None:   # the same once folded (or only its spacing differed)
        out.append(problem("TT-03", f"Tên Trang «{name}» của {label} chỉ đúng mẫu sau khi chuẩn hóa; tên đúng: «{expected}».",
                           where, expected, unit.code))
        return expected
    out.append(problem("TT-01", f"Tên Trang «{name}» của {label} không đúng mẫu; theo mẫu phải là «{expected}».",
                       where, expected, unit.code))
    return name


def page(texts: dict[str, str], raw_name: str, unit: Unit | None, level: Level | None,
         platforms: dict[str, tuple[str, ...]], where: dict[str, Location], label: str,
         out: list[Problem], no_page: NoPageWords = NoPageWords()) -> Page:
    """Return the row's page, adding TT-/LK- findings to `out`.

    No page yet (link empty or one of the campaign's `no_page` words, "chưa có", "đang xây dựng", "-" …,
    and no usable name): TT-02, and the page counts as missing. A name without a link: LK-01.
    """
    code = unit.code if unit else ""
    name = texts.get("ten_trang", "")
    link = normalize.link(texts.get("lien_ket", ""), platforms, no_page)
    if link.empty:
        if unit is None and not name:
            return Page()   # a row already reported as no known unit (DV-01): nothing to add
        if not name or no_page.says_no_page(name) or link.typed:
            said = f" (ghi «{link.typed or name}»)" if (link.typed or name) else ""
            out.append(problem("TT-02", f"{upper_first(label)} chưa thành lập Trang{said}; tính là chưa hoàn thành.",
                               where["lien_ket"] if link.typed else where["ten_trang"],
                               "Khi đã lập Trang, ghi tên Trang và địa chỉ liên kết.", code))
            return Page(note=link.typed or name)
        out.append(problem("LK-01", f"Trang «{name}» của {label} thiếu địa chỉ liên kết.", where["lien_ket"],
                           "Ghi địa chỉ của Trang, ví dụ https://www.facebook.com/tentrang.", code))
        kept = page_name(name, raw_name, unit, level, where["ten_trang"], label, out, no_page)
        return Page(kept, "", "", True)
    if link.problem:
        out.append(problem("LK-01", f"Địa chỉ liên kết của {label}: {link.problem}.", where["lien_ket"],
                           "Mở Trang, chép địa chỉ trên thanh địa chỉ, ví dụ https://www.facebook.com/tentrang.", code))
    elif link.changed:
        out.append(problem("LK-03", f"Địa chỉ liên kết của {label} «{link.typed}» đã đưa về dạng chuẩn «{link.value}».",
                           where["lien_ket"], link.value, code))
    kept = page_name(name, raw_name, unit, level, where["ten_trang"], label, out, no_page)
    return Page(kept, link.value or link.typed, link.platform, True)

