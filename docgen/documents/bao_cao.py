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
from docgen.values.formats import ngay_han, phan_tram, so_vn
from docgen.vntext import clean, lower_first, name_key

TYPE_NAME, TYPE = "BÁO CÁO", "Báo cáo"
DEFAULT_SYMBOL = "BC-MTTQ-BTT"

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
    draft = frame.draft_reason(len(sub.errors), facts.nguoi_ky, campaign.draft_cause, signed)
    facts = frame.draft_facts(facts, draft)
    unit = sub.reporting_unit
    settings = campaign.report
    chu_quan, ban_hanh = frame.header(unit, facts.don_vi)
    year = facts.ngay.year if facts.ngay else campaign.top_level.deadline.year
    kinh_gui = frame.recipients([addressee_name(campaign, unit)] if unit is not None else [])
    say = campaign.phrases.say
    figures = [_figure(f) for f in sub.figures]
    shortcomings = _shortcomings(sub, campaign)
    proposals = [f"- {clean(p).removeprefix('- ')}" for p in facts.de_xuat if clean(p)]
    gaps = [block("gach", "", t) for t in shortcomings] + [block("doan", "", t) for t in causes_and_date(facts, campaign)] \
        if shortcomings else [block("doan", "", say("khong_co"))]
    body = frame.close_body(
        [block("doan", "", _opening(sub, campaign))]
        + [block("muc", say("muc_ket_qua"))] + _results(sub, campaign)
        + [block("muc", say("muc_ton_tai"))] + gaps
        + [block("muc", say("muc_de_xuat"))] + [block("gach", "", t) for t in proposals or [say("khong_co")]]
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
        "trich_yeu": clean(settings.subject) or say("trich_yeu", ten_chien_dich=lower_first(campaign.title)),
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
        return campaign.phrases.say("mo_dau_khong_van_ban", ten_chien_dich=lower_first(campaign.title), don_vi=who)
    return campaign.phrases.say("mo_dau", van_ban=wording.cited(vb), don_vi=who)


def _closing(sub: Submission, campaign: Campaign) -> str:
    who = frame.issuer_name(sub.reporting_unit, sub.source.facts.don_vi)
    key = "ket_luan_mot_don_vi" if len(sub.expected) <= 1 else "ket_luan"   # a commune lists only itself
    return campaign.phrases.say(key, don_vi=who)


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
    say = campaign.phrases.say
    blocks, first = [], first_records(sub.records)
    n = 1
    organised = _organisation(sub, campaign)
    if organised:
        blocks.append(block("doan", f"{n}. {say('tieu_de_chi_dao')}: ", organised))
        n += 1
    for fig in sub.figures:
        level = next((lv for lv in campaign.levels if lv.code == fig.level), None)
        units = [u for u in sub.expected if level is not None and u.level == level.depth]
        own = len(units) == 1 and sub.reporting_unit is not None and units[0] == sub.reporting_unit
        text = own_page(campaign, units[0], first.get((units[0].level, units[0].code)), level) if own \
            else wording.level_sentence(campaign, fig, units)
        blocks.append(block("doan", f"{n}. {fig.title}: ", text))
        n += 1
    blocks.append(block("doan", f"{n}. {say('tieu_de_danh_gia')}: ", _assessment(sub, campaign)))
    return blocks


def own_page(campaign: Campaign, unit: Unit, record: Record | None, level: Level | None) -> str:
    """Return the sentence on the reporting unit's own page and people (one person in both roles said once)."""
    say = campaign.phrases.say
    if record is None or not record.has_page:
        if record is not None and record.page_note:
            return say("trang_rieng_chua_lap_ghi_chu", don_vi=unit.label, ghi_chu=record.page_note)
        return say("trang_rieng_chua_lap", don_vi=unit.label)
    name = say("trang_rieng_ten", ten_trang=record.page_name) if record.page_name else ""
    pattern = ""
    if record.page_name and level is not None:
        expected = level.expected_page_name(unit)
        pattern = say("trang_rieng_dung_mau") if record.page_name == expected \
            else say("trang_rieng_sai_mau", mau_ten=expected)
    return say("trang_rieng", ten=name, mau=pattern, nguoi=_people(campaign, record, level))


def _people(campaign: Campaign, record: Record, level: Level | None) -> str:
    """Return who leads and who runs the page; one person in both roles is named once (issue 16)."""
    say = campaign.phrases.say
    lead, run = record.leader, record.operator
    if lead.assigned and run.assigned and name_key(lead.name) == name_key(run.name):
        enough = level is None or staffed(record, level, campaign)
        return say("nguoi_kiem" if enough else "nguoi_kiem_khong_du", ten=lead.name)
    return say("nguoi_noi").join((
        say("nguoi_lanh_dao", ten=lead.name) if lead.assigned else say("nguoi_chua_lanh_dao"),
        say("nguoi_van_hanh", ten=run.name) if run.assigned else say("nguoi_chua_van_hanh")))


def _below(sub: Submission) -> list[Unit]:
    """Return the units below the reporting unit."""
    return [u for u in sub.expected if u != sub.reporting_unit]


def _organisation(sub: Submission, campaign: Campaign) -> str:
    """Return how the unit organised the work: its guidance to the level below, its plan, the level below's plans."""
    say = campaign.phrases.say
    facts, below = sub.source.facts, _below(sub)
    parts = []
    if below:
        kinds = wording.kinds(below)
        parts.append(say("chi_dao_co_van_ban", huong_dan=clean(facts.huong_dan).rstrip("."), loai_cap_duoi=kinds)
                     if clean(facts.huong_dan) else say("chi_dao", loai_cap_duoi=kinds))
    plan = _plan(facts, campaign)
    if plan:
        parts.append(plan)
    if below and clean(facts.ke_hoach_cap_duoi):
        parts.append(say("ke_hoach_cap_duoi", so=clean(facts.ke_hoach_cap_duoi), loai_cap_duoi=wording.kinds(below)))
    return " ".join(parts)


def _assessment(sub: Submission, campaign: Campaign) -> str:
    """Return the overall assessment: the unit's own words, or the results and the main gap from the figures."""
    if clean(sub.source.facts.danh_gia):
        return clean(sub.source.facts.danh_gia)
    falls = shortfalls(campaign, sub.expected, sub.records)
    return assessment(campaign, sub.figures, falls, bool(_below(sub)), sub.expected)


def assessment(campaign: Campaign, figures, falls, below: bool, units, not_reported: int = 0) -> str:
    """Return the default assessment over `figures` (all levels summed): the results, then the main gap — the
    shortfall of `falls` (plus `not_reported` units) with most units — or that the work meets the aim."""
    say = campaign.phrases.say
    total = LevelFigures("", "", *(sum(getattr(f, k) for f in figures) for k in (
        "expected", "present", "with_page", "on_pattern", "with_leader", "with_operator", "with_both")))
    who = say("chu_the_cac_cap" if below else "chu_the_don_vi")
    if not below:   # a unit that reports only its own page: no ratios of one
        if not total.with_page:
            return say("danh_gia_don_vi_chua_lap")
        text = say("danh_gia_don_vi")
    elif not total.with_page:
        return say("danh_gia_chua_co_trang", chu_the=who)
    else:
        text = say("danh_gia", chu_the=who, **wording.figure_values(campaign, total, units))
    gaps = (("han_che_chua_bao_cao", not_reported + sum(len(f.not_reported) for f in falls)),
            ("han_che_chua_lap", sum(len(f.no_page) for f in falls)),
            ("han_che_sai_mau", sum(len(f.off_pattern) for f in falls)),
            ("han_che_thieu_nguoi", sum(len(f.short_staffed) for f in falls)))
    key, n = max(gaps, key=lambda g: g[1])   # the first of the largest: the main gap
    if not n:
        return f"{text} {say('danh_gia_dat')}"
    return f"{text} {say('danh_gia_han_che', han_che=say(key, so=so_vn(n)))}"


def _plan(facts: Facts, campaign: Campaign) -> str:
    """Return the sentence on the activity plan and the report to the Party committee, "" when unknown."""
    say = campaign.phrases.say
    made, told = facts.co_ke_hoach, facts.bao_cao_cap_uy
    if made is None and told is None:
        return ""
    parts = []
    if made is not None:
        parts.append(say("ke_hoach_co" if made else "ke_hoach_chua"))
    if told is not None:
        parts.append(say("cap_uy_co" if told else "cap_uy_chua"))
    joint = say("noi_cung") if len({made, told} - {None}) == 1 else say("noi_nguoc")
    return say("ke_hoach", noi_dung=joint.join(parts))


def wrong_contacts(campaign: Campaign, subs, above: int | None = None) -> list[str]:
    """Return the line naming units whose contact details are still wrong (values the Phụ lục leaves out);
    `above` as in `wording.named` (the summary names a commune's district)."""
    say = campaign.phrases.say
    items = []
    for r in (r for sub in subs for r in first_records(sub.records).values()):
        wrong = [say(f"cot_{k}") for k in r.invalid if k in wording.CELL_KEYS]
        if wrong:
            items.append(wording.named(r.unit, ", ".join(wrong), above))
    return [f"- {say('thieu_lien_he', so=so_vn(len(items)), don_vi=', '.join(items))}"] if items else []


def _shortcomings(sub: Submission, campaign: Campaign) -> list[str]:
    """Return section II's lines: the units behind every shortfall of section I, one wording per fact."""
    falls = list(shortfalls(campaign, sub.expected, sub.records))
    return wording.shortfall_lines(campaign, falls) + wrong_contacts(campaign, [sub])


def causes_and_date(facts: Facts, campaign: Campaign) -> list[str]:
    """Return the causes (facts) and the date by which the gaps will be closed (facts, else the default)."""
    say = campaign.phrases.say
    out = [say("nguyen_nhan", nguyen_nhan=clean(facts.nguyen_nhan).rstrip("."))] if clean(facts.nguyen_nhan) else []
    when = facts.han_khac_phuc or _default_close_date(facts, campaign)
    if when is not None:
        out.append(say("khac_phuc", han=ngay_han(when)))
    return out


def _default_close_date(facts: Facts, campaign: Campaign):
    import datetime as dt

    days = campaign.report.close_gaps_days
    start = facts.ngay or campaign.top_level.deadline
    return start + dt.timedelta(days=int(days)) if days else None
