"""The province's summary report: its context (frame, body, a table of the units) and the consolidated Phụ lục.

From a `Summary` (docgen.aggregate) and the province's facts: the report to the
level above (default: Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam), its
figures, who is late or has not reported, who still has no page, proposals; and
the Phụ lục of every record of every submission, grouped by level (I. Cấp huyện,
II. Cấp xã …) and, below the top level, by the unit above. Campaign words come
from the campaign's `[tong_hop]` table when it has one, else the defaults below.
No XML, no paths.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from docgen.aggregate.status import Status, Summary, UnitStatus, pct
from docgen.documents import frame, phu_luc
from docgen.records.form import GROUP_NUMERALS
from docgen.records.model import Facts, LevelFigures
from docgen.values.formats import ngay_ngan, phan_tram, so_vn

# Used when the campaign has no [tong_hop] table (keys of that table, same meaning).
DEFAULTS = {
    "kinh_gui": "Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam",
    "noi_nhan": ("Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam",),
    "trich_yeu": "Kết quả củng cố, hoàn thiện các “Trang cộng đồng” của Mặt trận các cấp",
    "ky_hieu": "BC-MTTQ-BTT",
    "tham_quyen": frame.AUTHORITY,
    "chuc_vu": "",
    "luu": "VP",
    "de_xuat": (
        "Đề nghị Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam tiếp tục hướng dẫn, hỗ trợ kỹ thuật "
        "để Mặt trận các cấp quản lý, vận hành “Trang cộng đồng” hiệu quả.",
    ),
}


@dataclass(frozen=True)
class Para:
    """One body paragraph: `kind` "muc" (bold heading), "doan" (paragraph) or "gach" ("- " line)."""

    kind: str
    text: str

    def as_dict(self) -> dict:
        """Return the paragraph as the frame template takes it (`frame.block`; bullets get "- ")."""
        if self.kind == "muc":
            out = frame.block("muc", self.text)
        else:
            out = frame.block(self.kind, "", f"- {self.text}" if self.kind == "gach" else self.text)
        return out


@dataclass(frozen=True)
class Table:
    """A data table among the body paragraphs: column titles, one row per unit, a total row."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        """Return the table as the frame template takes it (`frame.table`, block "bang")."""
        return frame.table(self.columns, self.rows, self.total)


# Columns of the table of section I.3, one row per unit of the level reporting to the province.
UNIT_COLUMNS = ("Đơn vị", "Ngày báo cáo", "Tình trạng", "Số đơn vị", "Có Trang", "Đúng mẫu tên",
                "Đủ lãnh đạo và cán bộ vận hành")


def settings(summary: Summary, facts: Facts | None) -> dict:
    """Return the report's settings: the province's facts over the campaign's [tong_hop], then its
    [bao_cao] subject and symbol, then DEFAULTS."""
    out = dict(DEFAULTS)
    report = summary.campaign.report  # the district reports' subject and symbol, same topic
    out.update({k: v for k, v in (("trich_yeu", report.subject), ("ky_hieu", report.symbol)) if v})
    out.update(summary.campaign.summary.values)
    if facts is not None:
        for key in ("so", "ngay", "nguoi_ky", "chuc_vu", "tham_quyen", "luu", "noi_nhan", "de_xuat"):
            value = getattr(facts, key)
            if value not in ("", (), None):
                out[key] = value
    return out


def _share(part: int, whole: int) -> str:
    """Return "part/whole (x%)" in Vietnamese style.

    >>> _share(9, 10), _share(0, 0)
    ('9/10 (90%)', '0/0')
    """
    ratio = pct(part, whole)
    return f"{so_vn(part)}/{so_vn(whole)}" + (f" ({phan_tram(ratio / 100)})" if ratio is not None else "")


def _names(rows: list[UnitStatus], with_date: bool = False) -> str:
    if with_date:
        return "; ".join(
            f"{r.unit.full_name} (ngày {ngay_ngan(r.date)}{', ' + r.date_note if r.date_note else ''})"
            for r in rows
        )
    return ", ".join(r.unit.full_name for r in rows)


def reporting_paragraphs(summary: Summary) -> list[Para]:
    """Return the paragraphs on who reported: received N/M, on time, late (with dates), missing (named)."""
    lv, rows = summary.level, summary.rows
    late, missing = summary.with_status(Status.LATE), summary.with_status(Status.MISSING)
    undated = summary.with_status(Status.UNDATED)
    text = (
        f"Ban Thường trực Ủy ban MTTQ Việt Nam {summary.province.label} đã nhận báo cáo của "
        f"{_share(summary.received, len(rows))} Mặt trận {lv.title.lower()}; trong đó "
        f"{so_vn(summary.count(Status.ON_TIME))} đơn vị báo cáo đúng hạn (đến hết ngày {ngay_ngan(lv.deadline)}), "
        f"{so_vn(len(late))} đơn vị báo cáo trễ hạn, {so_vn(len(missing))} đơn vị chưa báo cáo."
    )
    out = [Para("doan", text)]
    if late:
        out.append(Para("gach", f"Đơn vị báo cáo trễ hạn: {_names(late, with_date=True)}."))
    if undated:
        out.append(Para("gach", f"Đơn vị báo cáo không ghi ngày: {_names(undated)}."))
    if missing:
        out.append(Para("gach", f"Đơn vị chưa báo cáo: {_names(missing)}."))
    return out


def figure_paragraphs(totals: tuple[LevelFigures, ...]) -> list[Para]:
    """Return one "- " line per level: pages N/M (%), names on pattern, both persons assigned."""
    return [
        Para("gach", (
            f"{f.title}: {_share(f.with_page, f.expected)} đơn vị đã có “Trang cộng đồng”; "
            f"{_share(f.on_pattern, f.expected)} Trang đặt tên đúng mẫu; "
            f"{_share(f.with_both, f.expected)} đơn vị đã phân công đủ lãnh đạo phụ trách và "
            "cán bộ quản lý, vận hành."
        ))
        for f in totals
    ]


def plan_paragraph(summary: Summary) -> Para | None:
    """Return the line on activity plans and Party-committee reports, when any submission says so."""
    facts = [r.submission.source.facts for r in summary.rows if r.submission]
    known = [f for f in facts if f.co_ke_hoach is not None or f.bao_cao_cap_uy is not None]
    if not known:
        return None
    plans = sum(1 for f in facts if f.co_ke_hoach)
    party = sum(1 for f in facts if f.bao_cao_cap_uy)
    return Para("gach", (
        f"Kế hoạch hoạt động: {_share(plans, len(summary.rows))} Mặt trận {summary.level.title.lower()} đã "
        f"xây dựng kế hoạch; {so_vn(party)} đơn vị đã báo cáo Thường trực cấp ủy."
    ))


def without_page(summary: Summary) -> dict[str, list[str]]:
    """Return, per level title, the units of received submissions that still have no page, in official order."""
    out: dict[str, list[str]] = {}
    titles = {lv.depth: lv.title for lv in summary.campaign.levels}
    for row in summary.rows:
        if row.submission is None:
            continue
        with_page = {r.unit.code for r in row.submission.records if r.unit is not None and r.has_page}
        for unit in row.submission.expected or (row.unit,):
            if unit.code not in with_page and unit.level in titles:
                above = f" ({unit.parent.label})" if unit.level > summary.level.depth and unit.parent else ""
                out.setdefault(titles[unit.level], []).append(unit.full_name + above)
    return out


def shortcoming_paragraphs(summary: Summary) -> list[Para]:
    """Return section II: units still without a page (per level), names off pattern, missing people."""
    out = []
    for title, names in without_page(summary).items():
        out.append(Para("gach", f"{title} còn {so_vn(len(names))} đơn vị chưa có “Trang cộng đồng”: {', '.join(names)}."))
    for f in summary.totals:
        off = f.with_page - f.on_pattern
        if off > 0:
            out.append(Para("gach", f"{f.title} còn {so_vn(off)} Trang chưa đặt tên theo mẫu chung."))
        unstaffed = f.present - f.with_both
        if unstaffed > 0:
            out.append(Para("gach", (f"{f.title} còn {so_vn(unstaffed)} đơn vị chưa phân công đủ lãnh đạo "
                                     "phụ trách và cán bộ quản lý, vận hành.")))
    missing = summary.with_status(Status.MISSING)
    if missing:
        out.append(Para("gach", f"Chưa có số liệu của {so_vn(len(missing))} đơn vị chưa báo cáo: {_names(missing)}."))
    return out or [Para("doan", "Không có tồn tại, hạn chế về số liệu.")]


def body(summary: Summary, conf: dict) -> list[Para | Table]:
    """Return the report's body paragraphs and its table of units, sections I–III."""
    vb = summary.campaign.directive
    us = f"Ban Thường trực Ủy ban MTTQ Việt Nam {summary.province.label}"
    opening = (
        f"Thực hiện Công văn số {vb.number}/{vb.symbol} ngày {ngay_ngan(vb.date)} của {us} "
        f"về việc {vb.subject}, {us} tổng hợp báo cáo kết quả như sau:"
        if vb is not None and vb.number else f"{us} tổng hợp báo cáo kết quả như sau:"
    )
    out = [Para("doan", opening), Para("muc", "I. KẾT QUẢ THỰC HIỆN"),
           Para("muc", f"1. Tình hình báo cáo của Mặt trận {summary.level.title.lower()}")]
    out += reporting_paragraphs(summary)
    out.append(Para("muc", "2. Kết quả củng cố, hoàn thiện “Trang cộng đồng”"))
    out += figure_paragraphs(summary.totals)
    plan = plan_paragraph(summary)
    out += [plan] if plan else []
    out.append(Para("muc", "3. Kết quả của từng đơn vị"))
    out.append(unit_table(summary))
    out.append(Para("doan", "Danh sách “Trang cộng đồng” của Mặt trận các cấp tại Phụ lục kèm theo."))
    out.append(Para("muc", "II. TỒN TẠI, HẠN CHẾ"))
    out += shortcoming_paragraphs(summary)
    out.append(Para("muc", "III. ĐỀ XUẤT, KIẾN NGHỊ"))
    out += [Para("gach", text) for text in conf["de_xuat"]]
    return out


def unit_table(summary: Summary) -> Table:
    """Return section I.3's table: per expected unit its report date, status and figures (all its levels), and the total.

    A unit that has not reported keeps its row: its number of units from the official
    list, the other figures empty. The total row sums every column over the units
    (equal to `summary.totals`) and counts the reports received.

    Columns: UNIT_COLUMNS.
    """
    rows = []
    for row in summary.rows:
        expected = sum(f.expected for f in row.figures)
        if row.submission is None:
            rows.append((row.unit.full_name, "", row.status.label.lower(), so_vn(expected), "", "", ""))
            continue
        when = f"{ngay_ngan(row.date)}{' (' + row.date_note + ')' if row.date_note else ''}" if row.date else ""
        rows.append((row.unit.full_name, when, row.status.label.lower(), so_vn(expected),
                     *(so_vn(sum(getattr(f, k) for f in row.figures)) for k in ("with_page", "on_pattern", "with_both"))))
    totals = [so_vn(sum(getattr(f, k) for f in summary.totals))
              for k in ("expected", "with_page", "on_pattern", "with_both")]
    total = ("Cộng", "", f"đã nộp {so_vn(summary.received)}/{so_vn(len(summary.rows))}", *totals)
    return Table(UNIT_COLUMNS, tuple(rows), total)


def phu_luc_groups(summary: Summary, parent: dict) -> list[dict]:
    """Return the consolidated Phụ lục groups: every record of every submission, by level and reporting unit.

    Rows come from `phu_luc.build_context` run on each unit's submissions (so an
    expected unit without a record keeps its empty row, and extra or unknown
    records follow). The top level ("I. Cấp huyện") takes each unit's own rows,
    in official order; a unit that has not reported keeps a numbered row marked
    "(chưa báo cáo)". Each deeper level ("II. Cấp xã") is its group row followed
    by one sub-group per reporting unit (its name as the group row), numbered 1,
    2, 3 … across the level. Files of units outside the list close the table.
    Shape: [{so, ten, dong: [row …]}], the appendix template's two-level loop.
    """
    campaign = summary.campaign
    top = [i for i, lv in enumerate(campaign.levels) if lv.depth == summary.level.depth][0]
    levels = campaign.levels[top:]
    groups = [{"so": GROUP_NUMERALS[0], "ten": levels[0].title, "dong": []}]
    deeper: list[list[dict]] = [[] for _ in levels[1:]]
    for row in summary.rows:
        if not row.submissions:
            groups[0]["dong"].append(phu_luc.row(f"{row.unit.full_name} (chưa báo cáo)", None) | {"tt": "1"})
            for sub_groups in deeper:
                sub_groups.append({"so": "", "ten": f"{row.unit.full_name} (chưa báo cáo)", "dong": []})
            continue
        own = phu_luc.build_context(list(row.submissions), campaign, parent)["nhom"][top:]
        groups[0]["dong"].extend(own[0]["dong"])
        for sub_groups, group in zip(deeper, own[1:]):
            sub_groups.append({"so": "", "ten": row.unit.full_name, "dong": group["dong"]})
    _renumber(groups[0]["dong"])
    for i, (lv, sub_groups) in enumerate(zip(levels[1:], deeper), start=1):
        _renumber([r for g in sub_groups for r in g["dong"]])
        groups += [{"so": GROUP_NUMERALS[i], "ten": lv.title, "dong": []}, *sub_groups]
    if summary.unmatched:
        stray = [r for g in phu_luc.build_context(list(summary.unmatched), campaign, parent)["nhom"] for r in g["dong"]]
        _renumber(stray)
        groups.append({"so": "", "ten": "Tệp của đơn vị ngoài danh sách báo cáo", "dong": stray})
    return groups


def _renumber(rows: list[dict]) -> None:
    """Number rows 1, 2, 3 … in order; a row left unnumbered (a unit's extra record) stays so."""
    n = 0
    for r in rows:
        if r["tt"]:
            n += 1
            r["tt"] = str(n)


def header(summary: Summary, conf: dict) -> dict:
    """Return the frame's fields (see `frame.VARIABLES`): ô 2, number and date, type, subject, recipients, signature."""
    prov = summary.province
    chu_quan, ban_hanh = frame.header(prov)
    others = [n for n in conf["noi_nhan"] if n.rstrip(" ;.") != conf["kinh_gui"]]
    return {
        "co_quan_chu_quan": chu_quan,
        "co_quan_ban_hanh": ban_hanh,
        "co_quan": frame.issuer_name(prov),
        **frame.number_and_date(conf.get("so", ""), conf["ky_hieu"], conf.get("ngay"), _year(summary, conf),
                                frame.place(prov)),
        "loai_van_ban": "BÁO CÁO",
        "trich_yeu": conf["trich_yeu"],
        "kinh_gui": frame.recipients([conf["kinh_gui"]]),
        "noi_nhan": frame.cc_list(others, conf["luu"]),
        **frame.signature(conf["tham_quyen"], conf.get("chuc_vu", ""), conf.get("nguoi_ky", "")),
    }


def _year(summary: Summary, conf: dict) -> int:
    day = conf.get("ngay")
    return day.year if isinstance(day, dt.date) else summary.level.deadline.year


def appendix(summary: Summary, parent: dict) -> dict:
    """Return the Phụ lục's context: title with the province, "(Kèm theo …)" line, consolidated groups."""
    title = summary.campaign.report.appendix_title or phu_luc.DEFAULT_TITLE
    return {
        "tieu_de": f"{title} {summary.province.label}".upper(),
        "kem_theo": phu_luc.reference(parent),
        "nhom": phu_luc_groups(summary, parent),
    }


def build_context(summary: Summary, facts: Facts | None = None) -> dict:
    """Return the report's contexts: "khung" for the ND30 frame template, "phu_luc" for the appendix."""
    conf = settings(summary, facts)
    khung = {**header(summary, conf), "noi_dung": frame.close_body([p.as_dict() for p in body(summary, conf)])}
    return {"khung": khung, "phu_luc": appendix(summary, khung)}
