"""One wording per fact, shared by the district reports, the province summary and its Phụ lục.

A fact about a unit reads the same wherever it is printed: not reported, no page
yet (with the unit's own words, "đang xây dựng", kept), page name off the pattern,
people missing; and a ratio always states its denominator in words ("17/18 Trang").
"""

from __future__ import annotations

from docgen.checks.figures import Shortfall
from docgen.records.model import LevelFigures, Unit
from docgen.campaigns.settings import Directive
from docgen.values.formats import ngay_ngan, phan_tram, so_hieu, so_vn
from docgen.vntext import lower_first

PAGE = "“Trang cộng đồng”"
NOT_REPORTED = "Chưa báo cáo"
NO_PAGE = f"Chưa lập {PAGE}"
OFF_PATTERN = "Tên Trang chưa đúng mẫu chung"
SHORT_STAFFED = "Chưa phân công đủ lãnh đạo phụ trách và cán bộ quản lý, vận hành"
WRONG_CONTACT = "Thông tin liên hệ chưa chính xác, đang bổ sung"
# The Phụ lục's cell words for a value left out or marked (campaign choice, `[bao_cao] hang_sai`).
WRONG_VALUE = "chưa đúng"
OFF_PATTERN_CELL = "tên chưa đúng mẫu"

# Form columns as section II names a wrong value.
CELL_WORDS = {
    "lien_ket": "địa chỉ liên kết",
    "ld_sdt": "số điện thoại của lãnh đạo phụ trách", "ld_email": "thư điện tử của lãnh đạo phụ trách",
    "vh_sdt": "số điện thoại của cán bộ quản lý, vận hành", "vh_email": "thư điện tử của cán bộ quản lý, vận hành",
}


def cited(doc: Directive, by: bool = True) -> str:
    """Return a document cited in a sentence (`[van_ban]`, `[tong_hop.thuc_hien]`); `by` adds its issuer.

    >>> import datetime as dt
    >>> cited(Directive("Công văn", "3344", "MTTW-BTT", dt.date(2021, 12, 2), "Ban Thường trực X", "Củng cố các trang"))
    'Công văn số 3344/MTTW-BTT ngày 02/12/2021 của Ban Thường trực X về việc củng cố các trang'
    """
    text = f"{doc.kind} số {so_hieu(doc.number, doc.symbol).strip()}"
    text += f" ngày {ngay_ngan(doc.date)}" if doc.date else ""
    text += f" của {doc.issuer}" if doc.issuer and by else ""
    return text + (f" về việc {lower_first(doc.subject)}" if doc.subject else "")


def share(part: int, whole: int, of: str) -> str:
    """Return "part/whole <of> (x%)", the denominator in words.

    >>> share(17, 18, "Trang"), share(0, 0, "xã")
    ('17/18 Trang (94,4%)', '0/0 xã')
    """
    pct = f" ({phan_tram(part / whole)})" if whole else ""
    return f"{so_vn(part)}/{so_vn(whole)} {of}{pct}"


def kinds(units) -> str:
    """Return the kind words of `units`, the most frequent first, "xã, thị trấn"; "đơn vị" when none.

    >>> from docgen.records.model import Unit
    >>> kinds([Unit("1", "thị trấn", "A"), Unit("2", "xã", "B"), Unit("3", "xã", "C")]), kinds([])
    ('xã, thị trấn', 'đơn vị')
    """
    from collections import Counter

    return ", ".join(k for k, _ in Counter(u.kind for u in units).most_common()) or "đơn vị"


def level_sentence(fig: LevelFigures, units) -> str:
    """Return a level's three figures, each over its own denominator (checks.figures.DENOMINATOR).

    >>> from docgen.records.model import LevelFigures, Unit
    >>> level_sentence(LevelFigures("xa", "Cấp xã", 19, 19, 18, 18, 19, 18, 17), [Unit("1", "xã", "A")])
    'có 18/19 xã (94,7%) đã lập “Trang cộng đồng”; 18/18 Trang (100%) đặt tên đúng mẫu chung; 17/18 Trang (94,4%) đã phân công đủ lãnh đạo phụ trách và cán bộ quản lý, vận hành.'
    """
    if not fig.expected:
        return f"không có {kinds(units)} nào phải báo cáo."
    text = f"có {share(fig.with_page, fig.expected, kinds(units))} đã lập {PAGE}"
    if fig.with_page:
        text += (f"; {share(fig.on_pattern, fig.with_page, 'Trang')} đặt tên đúng mẫu chung; "
                 f"{share(fig.with_both, fig.with_page, 'Trang')} đã phân công đủ lãnh đạo phụ trách và "
                 f"cán bộ quản lý, vận hành")
    return text + "."


def named(unit: Unit, detail: str = "", above: int | None = None) -> str:
    """Return a unit as named mid-sentence, "xã Nà Sáy (đang xây dựng)"; a unit deeper than `above` gets its parent."""
    parent = unit.parent.label if above is not None and unit.level > above and unit.parent else ""
    parts = [p for p in (parent, detail) if p]
    return unit.label + (f" ({'; '.join(parts)})" if parts else "")


def shortfall_lines(falls: list[Shortfall], above: int | None = None) -> list[str]:
    """Return section II's "- " lines: per fact, the units behind it (one line per fact, all levels together)."""
    groups = (
        (NOT_REPORTED, [(u, "") for f in falls for u in f.not_reported]),
        (NO_PAGE, [x for f in falls for x in f.no_page]),
        (OFF_PATTERN, [(u, f"“{name}”") for f in falls for u, name in f.off_pattern]),
        (SHORT_STAFFED, [x for f in falls for x in f.short_staffed]),
    )
    out = []
    for what, items in groups:
        if items:
            names = ", ".join(named(u, d, above) for u, d in items)
            out.append(f"- {what} ({so_vn(len(items))} đơn vị): {names}.")
    return out
