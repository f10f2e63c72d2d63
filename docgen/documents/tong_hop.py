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

from docgen.aggregate.status import Status, Summary, UnitStatus
from docgen.documents import frame, phu_luc, wording
from docgen.records.form import GROUP_NUMERALS
from docgen.records.model import Facts, Severity, Submission
from docgen.values.formats import ngay_han, ngay_ngan, so_vn
from docgen.vntext import clean

# Used when the campaign has no [tong_hop] table (keys of that table, same meaning); the words come from the
# campaign's phrasebook (`[loi_van] th_kinh_gui`, `th_trich_yeu`, `th_de_xuat`).
DEFAULTS = {
    "ky_hieu": "BC-MTTQ-BTT",
    "tham_quyen": frame.AUTHORITY,
    "chuc_vu": "",
    "luu": "VP",
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


# The figures of section I.3's table, after the unit and its number of units (titles: `[loi_van] bang_cot`).
# No report date or status: those are the province's own tracking (tong-hop.xlsx), not for the Centre.
TABLE_FIGURES = ("with_page", "on_pattern", "with_both")


def settings(summary: Summary, facts: Facts | None) -> dict:
    """Return the report's settings: the province's facts over the campaign's [tong_hop], then its
    [bao_cao] subject and symbol, then DEFAULTS."""
    say = summary.campaign.phrases.say
    out = dict(DEFAULTS) | {"kinh_gui": say("th_kinh_gui"), "noi_nhan": (say("th_kinh_gui"),),
                            "trich_yeu": say("th_trich_yeu"), "de_xuat": (say("th_de_xuat"),)}
    report = summary.campaign.report  # the district reports' subject and symbol, same topic
    out.update({k: v for k, v in (("trich_yeu", report.subject), ("ky_hieu", report.symbol)) if v})
    out.update(frame.dispatch_signer(summary.campaign))
    out.update(summary.campaign.summary.values)
    if facts is not None:
        for key in ("so", "ngay", "nguoi_ky", "chuc_vu", "tham_quyen", "luu", "noi_nhan", "de_xuat"):
            value = getattr(facts, key)
            if value not in ("", (), None):
                out[key] = value
    return out


def _names(rows: list[UnitStatus]) -> str:
    return ", ".join(r.unit.label for r in rows)


def organisation_paragraphs(summary: Summary, conf: dict) -> list[Para]:
    """Return I.1: the province's own dispatch, who reported, and the plans of the level below."""
    say = summary.campaign.phrases.say
    vb = summary.campaign.directive
    lv, rows = summary.level, summary.rows
    text = ""
    if vb is not None and vb.number:
        text = say("th_chi_dao", van_ban=wording.cited(vb, by=False), cap=lv.title.lower(),
                   han=ngay_han(lv.deadline)) + " "
    top = wording.kinds(r.unit for r in rows)
    text += say("th_da_bao_cao", da_bao_cao=wording.share(summary.received, len(rows), top))
    out = [Para("doan", text)]
    missing, late = summary.with_status(Status.MISSING), summary.with_status(Status.LATE)
    if missing:
        out.append(Para("gach", say("th_chua_bao_cao", don_vi=_names(missing))))
    if late:   # named when there are any; no count of zero (issue 16), the lateness itself (issue 15)
        out.append(Para("gach", say("th_sau_han", don_vi="; ".join(
            say("th_sau_han_don_vi", don_vi=r.unit.label, ngay=ngay_ngan(r.date)) for r in late))))
    facts = [r.submission.source.facts for r in rows if r.submission]
    if any(f.co_ke_hoach is not None or f.bao_cao_cap_uy is not None for f in facts):
        plans = sum(1 for f in facts if f.co_ke_hoach)
        party = sum(1 for f in facts if f.bao_cao_cap_uy)
        out.append(Para("doan", say("th_ke_hoach", ke_hoach=wording.share(plans, len(rows), top),
                                    cap_uy=wording.share(party, len(rows), top))))
    return out


def own_paragraph(summary: Summary, own: Submission | None) -> list[Para]:
    """Return the "- Cấp tỉnh: …" line on the province's own page and people (the facts file's row)."""
    from docgen.documents.bao_cao import own_page

    level = summary.campaign.province_level
    if own is None or level is None:
        return []
    record = next((r for r in own.records if r.unit == summary.province), None)
    return [Para("gach", f"{level.title}: {own_page(summary.campaign, summary.province, record, level)}")]


def figure_paragraphs(summary: Summary) -> list[Para]:
    """Return one "- " line per level, each figure over its own denominator (checks.figures.DENOMINATOR)."""
    out = []
    for f in summary.totals:
        units = [u for r in summary.rows for u in (r.submission.expected if r.submission else ())
                 if summary.campaign.level(f.level) and u.level == summary.campaign.level(f.level).depth]
        out.append(Para("gach", f"{f.title}: {wording.level_sentence(summary.campaign, f, units)}"))
    return out


def shortfalls_of(summary: Summary, own: Submission | None = None) -> list:
    """Return the shortfalls of every received submission, level by level (checks.figures.shortfalls),
    the province's own first."""
    from dataclasses import replace

    from docgen.checks.figures import Shortfall, shortfalls

    per_level: dict[str, list] = {}
    level = summary.campaign.province_level
    if own is not None and level is not None:
        per_level["tinh"] = list(shortfalls(replace(summary.campaign, levels=(level,)), own.expected, own.records))
    for row in summary.rows:
        for sub in row.submissions:
            for fall in shortfalls(summary.campaign, sub.expected, sub.records):
                per_level.setdefault(fall.level, []).append(fall)
    out = []
    for code, falls in per_level.items():
        out.append(Shortfall(code, falls[0].title,
                             tuple(u for f in falls for u in f.not_reported), tuple(x for f in falls for x in f.no_page),
                             tuple(x for f in falls for x in f.off_pattern), tuple(x for f in falls for x in f.short_staffed)))
    return out


def shortcoming_paragraphs(summary: Summary, own: Submission | None = None, facts: Facts | None = None) -> list[Para]:
    """Return section II: the units behind every shortfall of section I, one wording per fact, then the causes
    and the date to close the gaps (the province's facts, else the campaign's default)."""
    from docgen.documents.bao_cao import causes_and_date, wrong_contacts

    say = summary.campaign.phrases.say
    above = summary.level.depth
    lines = wording.shortfall_lines(summary.campaign, shortfalls_of(summary, own), above=above)
    lines += wrong_contacts(summary.campaign, [s for r in summary.rows for s in r.submissions], above)
    missing = summary.with_status(Status.MISSING)
    if missing:
        lines.insert(0, "- " + say("th_thieu_chua_bao_cao", so=so_vn(len(missing)), cap=summary.level.title.lower(),
                                   don_vi=_names(missing)))
    if not lines:
        return [Para("doan", say("khong_co"))]
    return ([Para("gach", line.removeprefix("- ")) for line in lines]
            + [Para("doan", t) for t in causes_and_date(facts or Facts(), summary.campaign)])


def _opening(summary: Summary, conf: dict) -> str:
    """Return the opening: the Centre's dispatch the province answers (`[tong_hop] thuc_hien`), else its own."""
    say = summary.campaign.phrases.say
    us = frame.issuer_name(summary.province)
    basis = conf.get("thuc_hien") or summary.campaign.directive
    if basis is None or not basis.number:
        return say("th_mo_dau_khong", don_vi=us)
    if not conf.get("thuc_hien"):   # its own dispatch: no "Thực hiện … của X, X báo cáo" loop (GN-02)
        return say("th_mo_dau_cua_minh", don_vi=us, van_ban=wording.cited(basis, by=False))
    return say("th_mo_dau", van_ban=wording.cited(basis), don_vi=us)


def body(summary: Summary, conf: dict, own: Submission | None = None, facts: Facts | None = None) -> list[Para | Table]:
    """Return the report's body paragraphs and its table of units, sections I–III."""
    say = summary.campaign.phrases.say
    out = [Para("doan", _opening(summary, conf)), Para("muc", say("muc_ket_qua")),
           Para("muc", say("th_muc_chi_dao"))]
    out += organisation_paragraphs(summary, conf)
    out.append(Para("muc", say("th_muc_ket_qua")))
    out += own_paragraph(summary, own) + figure_paragraphs(summary)
    out.append(Para("muc", say("th_muc_tung_don_vi")))
    out.append(unit_table(summary))
    out.append(Para("doan", say("th_phu_luc")))
    out += [Para("muc", say("th_muc_danh_gia")), Para("doan", _assessment(summary, own, facts))]
    out.append(Para("muc", say("muc_ton_tai")))
    out += shortcoming_paragraphs(summary, own, facts)
    out.append(Para("muc", say("muc_de_xuat")))
    out += [Para("gach", text) for text in conf["de_xuat"]]
    out.append(Para("doan", say("th_ket_luan", don_vi=frame.issuer_name(summary.province))))
    return out


def _assessment(summary: Summary, own: Submission | None, facts: Facts | None) -> str:
    """Return I.4: the province's own words (facts sheet «Đánh giá chung»), else the results and the main gap."""
    from docgen.documents.bao_cao import assessment

    if facts is not None and clean(facts.danh_gia):
        return clean(facts.danh_gia)
    units = [u for r in summary.rows for u in (r.submission.expected if r.submission else ())]
    return assessment(summary.campaign, summary.totals, shortfalls_of(summary, own), True, units,
                      len(summary.with_status(Status.MISSING)))


def unit_table(summary: Summary) -> Table:
    """Return section I.3's table: per expected unit its number of units and figures (all its levels), and the total.

    A unit that has not reported keeps its row: its number of units from the official
    list, the other figures empty. The total row sums every column over the units
    (equal to `summary.totals`). Column titles: `[loi_van] bang_cot`; figures: TABLE_FIGURES.
    """
    phrases = summary.campaign.phrases
    rows = []
    for row in summary.rows:
        expected = so_vn(sum(f.expected for f in row.figures))
        if row.submission is None:
            rows.append((row.unit.full_name, expected, *("" for _ in TABLE_FIGURES)))
            continue
        rows.append((row.unit.full_name, expected,
                     *(so_vn(sum(getattr(f, k) for f in row.figures)) for k in TABLE_FIGURES)))
    totals = [so_vn(sum(getattr(f, k) for f in summary.totals)) for k in ("expected", *TABLE_FIGURES)]
    return Table(phrases.words("bang_cot"), tuple(rows), (phrases.say("bang_cong"), *totals))


def phu_luc_groups(summary: Summary, parent: dict, notes: list[str] | None = None) -> list[dict]:
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
    notes = notes if notes is not None else []
    blanked: list[str] = []
    top = [i for i, lv in enumerate(campaign.levels) if lv.depth == summary.level.depth][0]
    levels = campaign.levels[top:]
    groups = [{"so": GROUP_NUMERALS[0], "ten": levels[0].title, "dong": []}]
    deeper: list[list[dict]] = [[] for _ in levels[1:]]
    for row in summary.rows:
        if not row.submissions:
            groups[0]["dong"].append(phu_luc.row(row.unit.full_name, None, phu_luc.LEAVE_OUT,
                                                 words=campaign.phrases) | {"tt": "1"})
            for sub_groups in deeper:
                sub_groups.append({"so": "", "ten": campaign.phrases.say("th_chua_bao_cao_nhom",
                                                                         don_vi=row.unit.full_name), "dong": []})
            continue
        context = phu_luc.build_context(list(row.submissions), campaign, parent)
        blanked.extend(context["o_trong"])   # the districts' row clean-up is theirs, not the Centre's
        own = context["nhom"][top:]
        groups[0]["dong"].extend(own[0]["dong"])
        for sub_groups, group in zip(deeper, own[1:]):
            sub_groups.append({"so": "", "ten": row.unit.full_name, "dong": group["dong"]})
    if blanked:
        notes.append(campaign.phrases.say("pl_o_trong", don_vi=", ".join(dict.fromkeys(blanked))))
    _renumber(groups[0]["dong"])
    for i, (lv, sub_groups) in enumerate(zip(levels[1:], deeper), start=1):
        _renumber([r for g in sub_groups for r in g["dong"]])
        groups += [{"so": GROUP_NUMERALS[i], "ten": lv.title, "dong": []}, *sub_groups]
    if summary.unmatched:
        stray = [r for g in phu_luc.build_context(list(summary.unmatched), campaign, parent)["nhom"] for r in g["dong"]]
        _renumber(stray)
        groups.append({"so": "", "ten": campaign.phrases.say("th_ngoai_danh_sach"), "dong": stray})
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
        "noi_nhan": frame.cc_list(others, conf["luu"], addressees=[conf["kinh_gui"]]),
        **frame.signature(conf["tham_quyen"], conf.get("chuc_vu", ""), conf.get("nguoi_ky", ""),
                           summary.campaign.deputy_form),
    }


def _year(summary: Summary, conf: dict) -> int:
    day = conf.get("ngay")
    return day.year if isinstance(day, dt.date) else summary.level.deadline.year


def appendix(summary: Summary, parent: dict, own: Submission | None = None) -> dict:
    """Return the Phụ lục's context: title with the province, "(Kèm theo …)" line, consolidated groups."""
    title = summary.campaign.report.appendix_title
    notes: list[str] = []
    groups = phu_luc_groups(summary, parent, notes)
    level = summary.campaign.province_level
    if own is not None and level is not None:   # the province's own row heads the list: "I. Cấp tỉnh"
        record = next((r for r in own.records if r.unit == summary.province), None)
        row = phu_luc.row(summary.province.full_name, record, phu_luc.wrong_rows(summary.campaign),
                          level.expected_page_name(summary.province), summary.campaign.phrases) | {"tt": "1"}
        for g in groups:
            if g["so"] in GROUP_NUMERALS[:-1]:
                g["so"] = GROUP_NUMERALS[GROUP_NUMERALS.index(g["so"]) + 1]
        groups = [{"so": GROUP_NUMERALS[0], "ten": level.title, "dong": [row]}] + groups
    return {"tieu_de": f"{title} {summary.province.label}".upper(), "kem_theo": phu_luc.reference(parent),
            "nhom": groups, "ghi_chu": notes, **phu_luc.headers(summary.campaign)}


def draft_reason(summary: Summary, facts: Facts | None, signed: bool = False) -> str:
    """Return why the summary is a draft ("" for the copy to sign): no facts file (no number, date, signer),
    errors left in the units' data, a placeholder signer or a sample campaign (`frame.draft_reason`)."""
    errors = sum(1 for p in summary.all_problems if p.severity is Severity.ERROR)
    return frame.summary_draft_reason(errors, facts, summary.campaign.draft_cause, signed)


def build_context(summary: Summary, facts: Facts | None = None, own: Submission | None = None,
                  signed: bool = False) -> dict:
    """Return the report's contexts: "khung" for the ND30 frame template, "phu_luc" for the appendix.

    `own` is the province's own row (jobs.tong_hop.province_row): the "Cấp tỉnh" line and Phụ lục group.
    While `draft_reason` gives one, the report is a draft: marked, number and date blank.
    """
    draft = draft_reason(summary, facts, signed)
    if facts is not None:
        facts = frame.draft_facts(facts, draft)
    conf = settings(summary, facts)
    khung = {**header(summary, conf), "noi_dung": frame.close_body([p.as_dict() for p in body(summary, conf, own, facts)]),
             "du_thao": (frame.SAMPLE_MARK if summary.campaign.sample else frame.DRAFT_MARK) if draft else ""}
    return {"khung": khung, "phu_luc": appendix(summary, khung, own)}
