"""The result report (báo cáo kết quả) of one reporting unit: its template context.

A pure function of the checked submission and the campaign: the header of the
unit's Front committee, BÁO CÁO and its trích yếu and Kính gửi from the campaign's
`[bao_cao]` table, the opening that cites the campaign's `[van_ban]`, I. results
(figures), II. shortcomings (the checker's findings, naming the units), III.
proposals (facts), Nơi nhận and signature (facts). Keys are listed in `VARIABLES`.
"""

from __future__ import annotations

from docgen.campaigns.campaign import Campaign, Level
from docgen.campaigns.reporting import addressee_name
from docgen.documents import frame
from docgen.documents.frame import block
from docgen.records.model import Facts, LevelFigures, Record, Severity, Submission, Unit
from docgen.values.formats import ngay_ngan, phan_tram, so_hieu
from docgen.vntext import clean, lower_first

TYPE_NAME, TYPE = "BÁO CÁO", "Báo cáo"
DEFAULT_SYMBOL = "BC-MTTQ-BTT"
PAGE = "“Trang cộng đồng”"
RESULTS, SHORTCOMINGS, PROPOSALS = "I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ", "III. ĐỀ XUẤT, KIẾN NGHỊ"
# Findings named unit by unit in section II, in this order (rule IDs of docgen.checks.rules).
NAMED = (
    ("DV-02", "Chưa có thông tin trong danh sách"),
    ("TT-02", f"Chưa lập {PAGE}"),
    ("TT-01", "Tên Trang chưa đúng mẫu chung"),
)

VARIABLES: dict[str, str] = {
    **frame.VARIABLES,
    "loai": "Tên loại văn bản viết thường, «Báo cáo» (dùng trong dòng «Kèm theo …» của Phụ lục, PL-05).",
    "don_vi": "Đơn vị báo cáo, tên đầy đủ, ví dụ «Huyện Mường Nhé».",
    "so_lieu": "Số liệu từng cấp (mục I): mỗi cấp có ten («Cấp xã»), phai_co (số đơn vị phải có), co_trang, "
    "dung_mau, co_lanh_dao, co_van_hanh (số), ti_le_trang («90,9%»), ti_le_dung_mau.",
    "ton_tai": "Các dòng tồn tại, hạn chế (mục II), mỗi dòng một chuỗi «- …».",
    "de_xuat": "Các đề xuất, kiến nghị (mục III), mỗi dòng một chuỗi.",
}


def build_context(sub: Submission, campaign: Campaign) -> dict:
    """Return the report's template context (templates/cong_van.docx with `loai_van_ban` "BÁO CÁO").

    Everything comes from `sub` (records, problems, figures, facts) and the
    campaign's `[bao_cao]` and `[van_ban]` tables; missing optional facts leave
    their sentence out rather than guess.
    """
    facts = sub.source.facts
    unit = sub.reporting_unit
    settings = campaign.report
    chu_quan, ban_hanh = frame.header(unit, facts.don_vi)
    year = facts.ngay.year if facts.ngay else campaign.top_level.deadline.year
    kinh_gui = frame.recipients([addressee_name(campaign, unit)] if unit is not None else [])
    figures = [_figure(f) for f in sub.figures]
    shortcomings = _shortcomings(sub)
    proposals = [clean(p) for p in facts.de_xuat if clean(p)]
    body = frame.close_body(
        [block("doan", "", _opening(sub, campaign))]
        + [block("muc", RESULTS)] + _results(sub, campaign)
        + [block("muc", SHORTCOMINGS)] + [block("gach", "", t) for t in shortcomings or ["Không có."]]
        + [block("muc", PROPOSALS)] + [block("doan", "", t) for t in proposals or ["Không có."]]
        + [block("doan", "", _closing(sub, campaign))]
    )
    return {
        "co_quan_chu_quan": chu_quan,
        "co_quan_ban_hanh": ban_hanh,
        "co_quan": frame.issuer_name(unit, facts.don_vi),
        **frame.number_and_date(facts.so, settings.symbol or DEFAULT_SYMBOL, facts.ngay, year,
                                frame.place(unit, facts.don_vi)),
        "loai_van_ban": TYPE_NAME,
        "loai": TYPE,
        "trich_yeu": clean(settings.subject) or f"Kết quả thực hiện {lower_first(campaign.title)}",
        "kinh_gui": kinh_gui,
        "noi_dung": body,
        "noi_nhan": frame.cc_list(facts.noi_nhan, facts.luu, as_said=bool(kinh_gui)),
        **frame.signature(facts.tham_quyen, facts.chuc_vu, facts.nguoi_ky),
        "don_vi": unit.full_name if unit is not None else clean(facts.don_vi),
        "so_lieu": figures,
        "ton_tai": shortcomings,
        "de_xuat": proposals,
    }


def _opening(sub: Submission, campaign: Campaign) -> str:
    """Return "Thực hiện Công văn số 1031/MTTQ-BTT ngày 25/02/2022 của … về việc …, <issuer> báo cáo kết quả như sau:"."""
    vb = campaign.directive
    who = frame.issuer_name(sub.reporting_unit, sub.source.facts.don_vi)
    if vb is None:
        return f"Thực hiện chỉ đạo của cấp trên về việc {lower_first(campaign.title)}, {who} báo cáo kết quả như sau:"
    cited = f"{vb.kind} số {so_hieu(vb.number, vb.symbol).strip()}"
    when = f" ngày {ngay_ngan(vb.date)}" if vb.date else ""
    by = f" của {vb.issuer}" if vb.issuer else ""
    about = f" về việc {lower_first(vb.subject)}" if vb.subject else ""
    return f"Thực hiện {cited}{when}{by}{about}, {who} báo cáo kết quả như sau:"


def _closing(sub: Submission, campaign: Campaign) -> str:
    who = frame.issuer_name(sub.reporting_unit, sub.source.facts.don_vi)
    whose = "của đơn vị" if len(sub.expected) <= 1 else "của Mặt trận các cấp"   # a commune lists only itself
    return f"Trên đây là báo cáo kết quả thực hiện của {who}; danh sách {PAGE} {whose} chi tiết tại Phụ lục kèm theo."


def _ratio(part: int, whole: int) -> str:
    return phan_tram(part / whole) if whole else ""


def _figure(f: LevelFigures) -> dict:
    return {
        "ten": f.title, "phai_co": f.expected, "co_trang": f.with_page, "dung_mau": f.on_pattern,
        "co_lanh_dao": f.with_leader, "co_van_hanh": f.with_operator,
        "ti_le_trang": _ratio(f.with_page, f.expected), "ti_le_dung_mau": _ratio(f.on_pattern, f.with_page),
    }


def _records_by_unit(sub: Submission) -> dict[tuple[int, str], Record]:
    """Return each unit's first record."""
    out: dict[tuple[int, str], Record] = {}
    for r in sub.records:
        if r.unit is not None:
            out.setdefault((r.unit.level, r.unit.code), r)
    return out


def _results(sub: Submission, campaign: Campaign) -> list[dict]:
    """Return section I's blocks: one numbered item per level, then the plan (facts)."""
    blocks, first = [], _records_by_unit(sub)
    for n, fig in enumerate(sub.figures, start=1):
        level = next((lv for lv in campaign.levels if lv.code == fig.level), None)
        units = [u for u in sub.expected if level is not None and u.level == level.depth]
        own = len(units) == 1 and sub.reporting_unit is not None and units[0] == sub.reporting_unit
        text = _own_page(units[0], first.get((units[0].level, units[0].code)), level) if own else _level_text(fig, units)
        blocks.append(block("doan", f"{n}. {fig.title}: ", text))
    plan = _plan(sub.source.facts)
    if plan:
        blocks.append(block("doan", f"{len(sub.figures) + 1}. Kế hoạch hoạt động: ", plan))
    return blocks


def _own_page(unit: Unit, record: Record | None, level: Level | None) -> str:
    """Return the sentence on the reporting unit's own page and people."""
    if record is None or not record.has_page:
        return f"Ủy ban MTTQ Việt Nam {unit.label} chưa lập {PAGE}."
    name = f" với tên “{record.page_name}”" if record.page_name else ""
    pattern = ""
    if record.page_name and level is not None:
        expected = level.expected_page_name(unit)
        pattern = ", đặt tên đúng mẫu chung" if record.page_name == expected else f", tên chưa đúng mẫu chung “{expected}”"
    people = []
    people.append(f"lãnh đạo phụ trách: {record.leader.name}" if record.leader.assigned else "chưa phân công lãnh đạo phụ trách")
    people.append(f"cán bộ quản lý, vận hành: {record.operator.name}" if record.operator.assigned
                  else "chưa phân công cán bộ quản lý, vận hành")
    return f"đã lập {PAGE}{name}{pattern}; {'; '.join(people)}."


def _kinds(units: list[Unit]) -> str:
    """Return the kind words of `units` in first-seen order, "xã, thị trấn"."""
    seen: list[str] = []
    for u in units:
        if u.kind not in seen:
            seen.append(u.kind)
    return ", ".join(seen) or "đơn vị"


def _level_text(fig: LevelFigures, units: list[Unit]) -> str:
    """Return a level's figures as a sentence: pages N/M and %, names on pattern, people assigned."""
    kinds = _kinds(units)
    if not fig.expected:
        return f"không có {kinds} nào phải báo cáo."
    text = (f"có {fig.with_page}/{fig.expected} {kinds} đã lập {PAGE}, đạt {_ratio(fig.with_page, fig.expected)}")
    if fig.with_page:
        text += (f"; trong đó {fig.on_pattern}/{fig.with_page} Trang đặt tên đúng mẫu chung, "
                 f"đạt {_ratio(fig.on_pattern, fig.with_page)}")
    return (text + f". Đã phân công lãnh đạo phụ trách ở {fig.with_leader}/{fig.expected} đơn vị, "
            f"cán bộ quản lý, vận hành ở {fig.with_operator}/{fig.expected} đơn vị.")


def _plan(facts: Facts) -> str:
    """Return the sentence on the activity plan and the report to the Party committee, "" when unknown."""
    made, told = facts.co_ke_hoach, facts.bao_cao_cap_uy
    if made is None and told is None:
        return ""
    parts = []
    if made is not None:
        parts.append(("đã" if made else "chưa") + " xây dựng kế hoạch hoạt động của Trang")
    if told is not None:
        parts.append("đã báo cáo Thường trực cấp ủy để tổ chức thực hiện" if told else "chưa báo cáo Thường trực cấp ủy")
    joint = " và " if len({made, told} - {None}) == 1 else ", nhưng "
    return f"Ban Thường trực {joint.join(parts)}."


def _unit_names(codes: list[str], sub: Submission) -> list[str]:
    """Return the labels of the units with these codes, in official order, each once."""
    known = {u.code: u for u in sub.expected}
    for r in sub.records:
        if r.unit is not None:
            known.setdefault(r.unit.code, r.unit)
    order = {u.code: i for i, u in enumerate(sub.expected)}
    wanted = sorted({c for c in codes if c in known}, key=lambda c: (order.get(c, len(order)), c))
    return [known[c].label for c in wanted]


def _shortcomings(sub: Submission) -> list[str]:
    """Return section II's lines: units named per finding, missing people, then a count of other errors."""
    lines = []
    for rule, what in NAMED:
        names = _unit_names([p.unit_code for p in sub.problems if p.rule == rule], sub)
        if names:
            lines.append(f"- {what} ({len(names)} đơn vị): {', '.join(names)}.")
    first = _records_by_unit(sub).values()
    for attr, what in (("leader", "lãnh đạo phụ trách"), ("operator", "cán bộ quản lý, vận hành")):
        names = _unit_names([r.unit.code for r in first if r.has_page and not getattr(r, attr).assigned], sub)
        if names:
            lines.append(f"- Chưa phân công {what} ({len(names)} đơn vị): {', '.join(names)}.")
    covered = {rule for rule, _ in NAMED} | {"NS-01", "NS-02"}
    others = [p for p in sub.problems if p.severity is Severity.ERROR and p.rule not in covered]
    if others:
        lines.append(f"- Còn {len(others)} thông tin khác cần bổ sung, sửa lại (địa chỉ liên kết, số điện thoại, "
                     f"thư điện tử, tên đơn vị) theo kết quả kiểm tra danh sách.")
    return lines
