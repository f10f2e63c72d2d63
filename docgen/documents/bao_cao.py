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
from docgen.checks.figures import first_records, shortfalls, staffed
from docgen.documents import frame, wording
from docgen.documents.frame import block
from docgen.records.model import Facts, LevelFigures, Record, Submission, Unit
from docgen.values.formats import ngay_han, phan_tram
from docgen.vntext import clean, lower_first

TYPE_NAME, TYPE = "BÁO CÁO", "Báo cáo"
DEFAULT_SYMBOL = "BC-MTTQ-BTT"
PAGE = wording.PAGE
RESULTS, SHORTCOMINGS, PROPOSALS = "I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ", "III. ĐỀ XUẤT, KIẾN NGHỊ"
CLOSE_GAPS_DAYS = 15   # default: gaps closed this many days after the report (`[bao_cao] khac_phuc_sau_ngay`)

VARIABLES: dict[str, str] = {
    **frame.VARIABLES,
    "loai": "Tên loại văn bản viết thường, «Báo cáo» (dùng trong dòng «Kèm theo …» của Phụ lục, PL-05).",
    "don_vi": "Đơn vị báo cáo, tên đầy đủ, ví dụ «Huyện Mường Nhé».",
    "so_lieu": "Số liệu từng cấp (mục I): mỗi cấp có ten («Cấp xã»), phai_co (số đơn vị phải có), co_trang, "
    "dung_mau, co_lanh_dao, co_van_hanh (số), ti_le_trang («90,9%»), ti_le_dung_mau.",
    "ton_tai": "Các dòng tồn tại, hạn chế (mục II), mỗi dòng một chuỗi «- …».",
    "de_xuat": "Các đề xuất, kiến nghị (mục III), mỗi dòng một chuỗi.",
}


def build_context(sub: Submission, campaign: Campaign, signed: bool = False) -> dict:
    """Return the report's template context (templates/cong_van.docx with `loai_van_ban` "BÁO CÁO").

    Everything comes from `sub` (records, problems, figures, facts) and the
    campaign's `[bao_cao]` and `[van_ban]` tables; missing optional facts leave
    their sentence out rather than guess. While errors remain the report is a
    draft (`frame.draft_reason`): marked, number and date blank; `signed` asks
    for the copy to sign anyway (`--ban-ky`).
    """
    facts = sub.source.facts
    draft = frame.draft_reason(len(sub.errors), facts.nguoi_ky, campaign.sample, signed)
    facts = frame.draft_facts(facts, draft)
    unit = sub.reporting_unit
    settings = campaign.report
    chu_quan, ban_hanh = frame.header(unit, facts.don_vi)
    year = facts.ngay.year if facts.ngay else campaign.top_level.deadline.year
    kinh_gui = frame.recipients([addressee_name(campaign, unit)] if unit is not None else [])
    figures = [_figure(f) for f in sub.figures]
    shortcomings = _shortcomings(sub, campaign)
    proposals = [f"- {clean(p).removeprefix('- ')}" for p in facts.de_xuat if clean(p)]
    gaps = [block("gach", "", t) for t in shortcomings] + [block("doan", "", t) for t in causes_and_date(facts, campaign)] \
        if shortcomings else [block("doan", "", "Không có.")]
    body = frame.close_body(
        [block("doan", "", _opening(sub, campaign))]
        + [block("muc", RESULTS)] + _results(sub, campaign)
        + [block("muc", SHORTCOMINGS)] + gaps
        + [block("muc", PROPOSALS)] + [block("gach", "", t) for t in proposals or ["Không có."]]
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
        "du_thao": (frame.SAMPLE_MARK if campaign.sample else frame.DRAFT_MARK) if draft else "",
        "noi_dung": body,
        "noi_nhan": frame.cc_list(facts.noi_nhan, facts.luu, as_said=bool(kinh_gui), addressees=kinh_gui),
        **frame.signature(facts.tham_quyen, facts.chuc_vu, facts.nguoi_ky, campaign.deputy_form),
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
    return f"Thực hiện {wording.cited(vb)}, {who} báo cáo kết quả như sau:"


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


def _results(sub: Submission, campaign: Campaign) -> list[dict]:
    """Return section I's blocks: the organisation of the work, one numbered item per level, the assessment."""
    blocks, first = [], first_records(sub.records)
    n = 1
    organised = _organisation(sub, campaign)
    if organised:
        blocks.append(block("doan", f"{n}. Công tác chỉ đạo, triển khai: ", organised))
        n += 1
    for fig in sub.figures:
        level = next((lv for lv in campaign.levels if lv.code == fig.level), None)
        units = [u for u in sub.expected if level is not None and u.level == level.depth]
        own = len(units) == 1 and sub.reporting_unit is not None and units[0] == sub.reporting_unit
        text = own_page(units[0], first.get((units[0].level, units[0].code)), level) if own \
            else wording.level_sentence(fig, units)
        blocks.append(block("doan", f"{n}. {fig.title}: ", text))
        n += 1
    blocks.append(block("doan", f"{n}. Đánh giá chung: ", _assessment(sub)))
    return blocks


def own_page(unit: Unit, record: Record | None, level: Level | None) -> str:
    """Return the sentence on the reporting unit's own page and people."""
    if record is None or not record.has_page:
        note = f" ({record.page_note})" if record is not None and record.page_note else ""
        return f"Ủy ban MTTQ Việt Nam {unit.label} chưa lập {PAGE}{note}."
    name = f" với tên “{record.page_name}”" if record.page_name else ""
    pattern = ""
    if record.page_name and level is not None:
        expected = level.expected_page_name(unit)
        pattern = ", đặt tên đúng mẫu chung" if record.page_name == expected else f", tên chưa đúng mẫu chung “{expected}”"
    lead, run = record.leader, record.operator
    if level is not None and not staffed(record, level) and lead.assigned and run.assigned:
        people = (f"đồng chí {lead.name} kiêm cả lãnh đạo phụ trách và cán bộ quản lý, vận hành, chưa phân công "
                  f"đủ hai người theo yêu cầu")
    else:
        people = "; ".join((
            f"lãnh đạo phụ trách: đồng chí {lead.name}" if lead.assigned else "chưa phân công lãnh đạo phụ trách",
            f"cán bộ quản lý, vận hành: đồng chí {run.name}" if run.assigned
            else "chưa phân công cán bộ quản lý, vận hành"))
    return f"đã lập {PAGE}{name}{pattern}; {people}."


def _below(sub: Submission) -> str:
    """Return the kind words of the units below the reporting unit, "các xã, thị trấn"; "" when none."""
    units = [u for u in sub.expected if u != sub.reporting_unit]
    return f"các {wording.kinds(units)}" if units else ""


def _organisation(sub: Submission, campaign: Campaign) -> str:
    """Return how the unit organised the work: its guidance to the level below, its plan, the level below's plans."""
    facts, below = sub.source.facts, _below(sub)
    parts = []
    if below:
        what = f"đã ban hành {clean(facts.huong_dan).rstrip('.')}" if clean(facts.huong_dan) else "đã triển khai"
        parts.append(f"Ban Thường trực {what} hướng dẫn Mặt trận {below} rà soát, thành lập, đặt tên {PAGE} theo mẫu chung "
                     f"và phân công cán bộ phụ trách.")
    plan = _plan(facts)
    if plan:
        parts.append(plan)
    if below and clean(facts.ke_hoach_cap_duoi):
        parts.append(f"Có {clean(facts.ke_hoach_cap_duoi)} Mặt trận {below.removeprefix('các ')} đã xây dựng kế "
                     f"hoạch hoạt động của Trang và báo cáo Thường trực cấp ủy.")
    return " ".join(parts)


def _assessment(sub: Submission) -> str:
    """Return the overall assessment: the unit's own words, or one drawn from the figures."""
    facts = sub.source.facts
    if clean(facts.danh_gia):
        return clean(facts.danh_gia)
    expected = sum(f.expected for f in sub.figures)
    pages = sum(f.with_page for f in sub.figures)
    done = sum(f.with_both for f in sub.figures)
    who = "Mặt trận các cấp đã" if _below(sub) else "Ban Thường trực đã"
    text = (f"{who} quan tâm triển khai; {wording.share(pages, expected, 'đơn vị')} đã lập {PAGE}, "
            f"{wording.share(done, pages, 'Trang')} đã phân công đủ lãnh đạo phụ trách và cán bộ quản lý, vận hành")
    gaps = pages < expected or done < pages or any(f.on_pattern < f.with_page for f in sub.figures)
    return text + ("; còn một số tồn tại nêu tại mục II." if gaps else "; đạt yêu cầu đề ra.")


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


def _wrong_contacts(sub: Submission) -> list[str]:
    """Return the line naming units whose contact details are still wrong (values the Phụ lục leaves out)."""
    items = []
    for r in first_records(sub.records).values():
        wrong = [wording.CELL_WORDS[k] for k in r.invalid if k in wording.CELL_WORDS]
        if wrong:
            items.append(wording.named(r.unit, ", ".join(wrong)))
    return [f"- {wording.WRONG_CONTACT} ({len(items)} đơn vị): {', '.join(items)}."] if items else []


def _shortcomings(sub: Submission, campaign: Campaign) -> list[str]:
    """Return section II's lines: the units behind every shortfall of section I, one wording per fact."""
    falls = list(shortfalls(campaign, sub.expected, sub.records))
    return wording.shortfall_lines(falls) + _wrong_contacts(sub)


def causes_and_date(facts: Facts, campaign: Campaign) -> list[str]:
    """Return the causes (facts) and the date by which the gaps will be closed (facts, else the default)."""
    out = [f"Nguyên nhân: {clean(facts.nguyen_nhan).rstrip('.')}."] if clean(facts.nguyen_nhan) else []
    when = facts.han_khac_phuc or _default_close_date(facts, campaign)
    if when is not None:
        out.append(f"Ban Thường trực tiếp tục đôn đốc, hướng dẫn các đơn vị khắc phục các tồn tại, hạn chế nêu trên, "
                   f"hoàn thành trước ngày {ngay_han(when)}.")
    return out


def _default_close_date(facts: Facts, campaign: Campaign):
    import datetime as dt

    days = campaign.report.close_gaps_days
    start = facts.ngay or campaign.top_level.deadline
    return start + dt.timedelta(days=int(days)) if days else None
