"""Reports of a campaign with its own form: the unit's report and the province summary, with their Phụ lục.

Every sentence comes from the campaign (`[[bao_cao.phan]]`, `[[tong_hop.phan]]`),
its {placeholders} filled with the figures worked out over the rows; the frame
(header, number, date, Kính gửi, Nơi nhận, signature) is the ND30 frame every
document shares. The Phụ lục is the form's table (templates/phu_luc_bang.docx):
one row per expected unit in official order, rows of units not in the official
list after them, marked, and a totals row where the campaign sums a column.
Values are verbatim: escaping is the renderer's job. A value an error was raised on
(held > total, a date outside the window …) is not counted and is printed marked
"(chưa đúng)" (issue 16: nothing wrong printed as valid); while errors remain the
document is a draft.
"""

from __future__ import annotations

from dataclasses import replace

from docgen.campaigns.campaign import Campaign
from docgen.campaigns.reporting import addressee_name
import re

from docgen.campaigns.form import FACT_PLACEHOLDERS, PLACEHOLDER, Section, fill
from docgen.checks.form_check import FormRow, FormSubmission
from docgen.checks.form_figures import NONE_LEFT, WRONG, holds, pairs, wrong_columns, work_out
from docgen.documents import frame
from docgen.documents.phu_luc import headers, reference
from docgen.records.model import Facts, Severity, Unit
from docgen.values.formats import ngay_ngan, so_hieu
from docgen.vntext import clean

TYPE_NAME, TYPE = "BÁO CÁO", "Báo cáo"

# The names templates/phu_luc_bang.docx reads (the report itself is the shared frame, `frame.VARIABLES`).
VARIABLES: dict[str, str] = {
    "tieu_de": "Tiêu đề Phụ lục, chữ in hoa (PL-03): «tieu_de» của [bieu_mau] trong tệp chiến dịch.",
    "kem_theo": "Dòng tham chiếu không có ngoặc (PL-04), ví dụ «Kèm theo Báo cáo số 32/BC-MTTQ-BTT ngày 21 tháng "
    "11 năm 2026 của Ban Thường trực Ủy ban MTTQ Việt Nam xã Nà Tấu»; bản dự thảo để trống số và ngày (DR-04).",
    "cot": "Tiêu đề của từng cột theo mã cột: cot.tt «TT», cot.don_vi «Đơn vị», rồi các cột của [[bieu_mau.cot]] "
    "(tieu_de), ví dụ cot.so_khu_dan_cu = «Tổng số khu dân cư».",
    "nhom_cot": "Tiêu đề nhóm của cột theo mã cột ([[bieu_mau.cot]] nhom), ví dụ nhom_cot.tu_ngay = «Thời gian tổ "
    "chức»; rỗng với cột không thuộc nhóm.",
    "dong": "Các dòng của bảng, mỗi đơn vị một dòng theo thứ tự danh mục: dong[].tt, dong[].don_vi và ô của từng "
    "cột theo mã cột (dong[].so_khu_dan_cu …), nguyên văn.",
    "cong": "Dòng «Tổng cộng» (cùng các mã cột, cong[].don_vi = «Tổng cộng») khi có cột «cong = true»; rỗng khi không.",
    "bang": "Bảng của biểu mẫu dạng danh sách (tong-hop.xlsx dùng): tieu_de (rỗng), cot (tên các cột), dong (các "
    "dòng), cong (dòng «Tổng cộng» hoặc rỗng).",
}
DEFAULT_SYMBOL = "BC-MTTQ-BTT"
NOT_LISTED = "không có trong danh mục"


def citation(campaign: Campaign) -> str:
    """Return the directive as a report cites it: "Công văn số 230/MTTQ-BTT ngày 05/10/2026 của … về việc …"."""
    vb = campaign.directive
    if vb is None:
        return f"chỉ đạo của cấp trên về việc {campaign.title[:1].lower()}{campaign.title[1:]}"
    number = f" số {so_hieu(vb.number, vb.symbol).strip()}" if vb.number else ""   # a draft is cited unnumbered
    when = f" ngày {ngay_ngan(vb.date)}" if vb.date else ""
    by = f" của {vb.issuer}" if vb.issuer else ""
    about = f" về việc {vb.subject[:1].lower()}{vb.subject[1:]}" if vb.subject else ""
    return f"{vb.kind}{number}{when}{by}{about}"


def _columns(campaign: Campaign) -> list[str]:
    cols = campaign.form.columns
    return ["TT", "Đơn vị"] + [f"{c.group} – {c.header[:1].lower()}{c.header[1:]}" if c.group else c.header
                                for c in cols]


def table_rows(campaign: Campaign, rows: tuple[FormRow, ...], expected: tuple[Unit, ...]) -> tuple[list, list]:
    """Return (rows, totals row or []) of the form's table: expected units in order, then rows not in the list."""
    cols = campaign.form.columns
    by_code: dict[str, FormRow] = {}
    for r in rows:
        if r.unit is not None:
            by_code.setdefault(r.unit.code, r)
    out, n = [], 0
    for unit in expected:
        n += 1
        row = by_code.get(unit.code)
        if row is None:   # one wording per fact: the campaign's «Chưa báo cáo» in the first cell, if it writes one
            missing = campaign.phrases.texts.get("pl_o_chua_bao_cao", "")
            out.append([str(n), unit.full_name, missing] + [""] * (len(cols) - 1))
            continue
        out.append([str(n), unit.full_name] + [row.texts.get(c.key, "") for c in cols])
    placed = {id(by_code[u.code]) for u in expected if u.code in by_code}
    for r in rows:
        if id(r) not in placed:
            label = r.name if r.unit is not None else f"{r.unit_text} ({NOT_LISTED})"
            out.append(["", label] + [r.texts.get(c.key, "") for c in cols])
    if not campaign.form.has_totals:
        return out, []
    counted = [by_code[u.code] for u in expected if u.code in by_code]
    totals = ["", "Tổng cộng"]
    for c in cols:
        totals.append(_total(c, counted) if c.summed else "")
    return out, totals


def _total(column, rows) -> str:
    """Return a column's total over its valid values, naming the units whose wrong value it leaves out;
    when every value is wrong (a unit's own table), what the cells held, marked."""
    values = [r.values[column.key] for r in rows if r.values.get(column.key) is not None]
    wrong = [r for r in rows if column.key in wrong_columns(r)]
    if not wrong:
        return column.kind.write(sum(values, 0))
    if not values:
        held = [v for r in wrong if isinstance(v := r.raw.get(column.key), (int, float)) and not isinstance(v, bool)]
        return f"{column.kind.write(sum(held, 0))} ({WRONG})" if held else ""
    return f"{column.kind.write(sum(values, 0))} (chưa tính {', '.join(r.unit.label if r.unit else r.unit_text for r in wrong)})"


def counted_rows(rows: tuple[FormRow, ...], problems) -> tuple[FormRow, ...]:
    """Return `rows` with every value an error names (by its cell) out of the figures and marked in print.

    >>> from docgen.errors import Location
    >>> from docgen.records.model import Problem
    >>> row = FormRow(Location("a.xlsx", "Phụ lục", "9"), "Xã A", None, {"n": 16}, {"n": "16"}, {"n": "D9"})
    >>> bad = Problem("BM-05", Severity.ERROR, "…", Location("a.xlsx", "Phụ lục", "D9"))
    >>> r = counted_rows((row,), [bad])[0]
    >>> r.values, r.texts
    ({'n': None}, {'n': '16 (chưa đúng)'})
    """
    bad = {(p.location.file, p.location.sheet, p.location.cell) for p in problems
           if p.severity is Severity.ERROR and p.location.cell}
    out = []
    for r in rows:
        keys = [k for k, c in r.cells.items() if (r.location.file, r.location.sheet, c) in bad]
        if keys:
            texts = {k: f"{r.texts.get(k, '')} ({WRONG})".strip() for k in keys}
            r = replace(r, values={**r.values, **dict.fromkeys(keys)}, texts={**r.texts, **texts})
        out.append(r)
    return tuple(out)


def _mark(campaign: Campaign, draft: str) -> str:
    return (frame.SAMPLE_MARK if campaign.sample else frame.DRAFT_MARK) if draft else ""


PAIR = re.compile(r"\{([a-z_][a-z0-9_]*)\}/\{([a-z_][a-z0-9_]*)\}")   # "{a}/{b}": both over the same rows
NOTE = "_chua_tinh:"   # values key prefix: the note of a figure that leaves out wrong values


def pair_keys(sections: tuple[Section, ...]) -> list[tuple[str, str]]:
    return [m.groups() for s in sections for line in s.lines for m in PAIR.finditer(line)]


def _with_notes(line: str, text: str, values: dict[str, str]) -> str:
    """Return `text` with, before its final stop, what the figures it prints leave out ("chưa tính xã A: …")."""
    notes = list(dict.fromkeys(n for k in PLACEHOLDER.findall(line) if (n := values.get(NOTE + k))))
    if not notes:
        return text
    stop = text[-1] if text[-1:] in ".;:" else ""
    return f"{text[:len(text) - len(stop)]} ({'; '.join(notes)}){stop}"


def body(sections: tuple[Section, ...], values: dict[str, str], table: dict, rows=()) -> list[dict]:
    """Return the body blocks: each section's heading, its paragraphs ("- " lines as bullets), its table if asked.

    A "{a}/{b}" pair is printed over the rows both count (`values["a/b"]`); a line printing a figure
    that leaves out a wrong value names the unit left out (issue 16: no figure silently partial).
    """
    out, numeral = [], 0
    for s in sections:
        if s.condition is not None and not any(holds(s.condition, r) for r in rows):
            continue   # khi: no row of this report meets the part's condition
        lines = [line for line in s.lines if not _blank_fact(line, values)]
        if s.lines and not lines and not s.table:
            continue   # every line prints a fact the unit left blank: no empty heading
        title, numeral = _renumbered(s.title, numeral)
        if title:
            out.append(frame.block("muc", title))
        for line in lines:
            if line.strip() == "{de_xuat}":
                items = values.get("de_xuat_dong") or ["Không có."]
                out += [frame.block("gach", "", f"- {x}") for x in items]
                continue
            paired = PAIR.sub(lambda m: values.get(f"{m[1]}/{m[2]}", m[0]), line)
            text = _with_notes(line, fill(paired, values), values)
            out.append(frame.block("gach" if text.startswith(("- ", "+ ")) else "doan", "", text))
        if s.table:
            out.append(table)
    return frame.close_body(out)


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
_NUMBERED = re.compile(r"^(X|IX|VIII|VII|VI|V|IV|III|II|I)\. ")


def _blank_fact(line: str, values: dict) -> bool:
    """True when `line` prints a «Thông tin» fact ({danh_gia} …) the unit left blank."""
    return any(k in FACT_PLACEHOLDERS and not values.get(k) for k in PLACEHOLDER.findall(line))


def _renumbered(title: str, numeral: int) -> tuple[str, int]:
    """Return a "II. …" heading numbered after the headings printed so far (a part left out leaves no gap).

    >>> _renumbered("III. ĐỀ XUẤT", 1), _renumbered("Mở đầu", 1)
    (('II. ĐỀ XUẤT', 2), ('Mở đầu', 1))
    """
    m = _NUMBERED.match(title)
    if not m or numeral >= len(ROMAN):
        return title, numeral
    return f"{ROMAN[numeral]}. {title[m.end():]}", numeral + 1


def fact_values(facts: Facts | None) -> dict[str, str]:
    """Return the «Thông tin» facts the report text may print ({danh_gia}, {nguyen_nhan}, {han_khac_phuc}),
    "" when blank; a sentence's own full stop follows, so a typed final stop is dropped."""
    if facts is None:
        return dict.fromkeys(FACT_PLACEHOLDERS, "")
    return {"danh_gia": clean(facts.danh_gia).rstrip("."), "nguyen_nhan": clean(facts.nguyen_nhan).rstrip("."),
            "han_khac_phuc": ngay_ngan(facts.han_khac_phuc) if facts.han_khac_phuc else ""}


def late(campaign: Campaign, subs) -> list[tuple[FormSubmission, object]]:
    """Return (submission, its date) of each submission dated after its level's deadline, in their order.

    The date is the report's own («Ngày báo cáo» of the facts), else the file's.
    """
    out = []
    for s in subs:
        level = campaign.level_at(s.reporting_unit.level) if s.reporting_unit is not None else None
        day = s.facts.ngay or s.file_date
        if level is not None and day is not None and day > level.deadline:
            out.append((s, day))
    return out


def left_out_notes(campaign: Campaign, figures, rows) -> dict[str, str]:
    """Return, by NOTE + figure key, "chưa tính xã A: số khu dân cư đã tổ chức chưa đúng" for each figure
    that leaves out a unit's wrong value while other units count (a unit's own report marks it instead)."""
    headers = {c.key: c.header[:1].lower() + c.header[1:] for c in campaign.form.columns}
    wrong_rows = sum(1 for r in rows if wrong_columns(r))
    out = {}
    for key, f in figures.items():
        if f.left_out and (len(rows) > wrong_rows or len(f.left_out) < len(rows)):
            said = [f"{unit}: {', '.join(headers.get(c, c) for c in cols)} {WRONG}" for unit, cols in f.left_out]
            out[NOTE + key] = "chưa tính " + "; ".join(said)
    return out


def _values(campaign: Campaign, rows, expected, issuer: str, proposals, subs=(), unit: Unit | None = None,
            facts: Facts | None = None) -> dict:
    figures = work_out(campaign, rows, expected)
    values = {k: f.text for k, f in figures.items()}
    values |= pairs(campaign, rows, pair_keys(campaign.report_sections + campaign.summary_sections))
    values |= left_out_notes(campaign, figures, rows)
    lv = campaign.top_level
    tardy = [f"{s.reporting_unit.label} (ngày {ngay_ngan(day)})" for s, day in late(campaign, subs)]
    values |= {"don_vi": issuer, "van_ban": citation(campaign), "han": ngay_ngan(lv.deadline),
               "de_xuat": "; ".join(proposals), "de_xuat_dong": list(proposals),
               "tre_han": ", ".join(tardy) or NONE_LEFT, "loai_don_vi": unit.kind if unit is not None else ""}
    return values | fact_values(facts)


def report_context(sub: FormSubmission, campaign: Campaign, signed: bool = False) -> dict:
    """Return the unit report's contexts: "khung" (templates/cong_van.docx), "phu_luc" (phu_luc_bang.docx)
    and "draft" (why it is a draft, `frame.draft_reason`; "" for the copy to sign, which `signed` asks for)."""
    draft = frame.draft_reason(len(sub.errors), sub.facts.nguoi_ky, campaign.draft_cause, signed)
    facts, unit, settings = frame.draft_facts(sub.facts, draft), sub.reporting_unit, campaign.report
    shown = counted_rows(sub.rows, sub.problems)
    issuer = frame.issuer_name(unit, facts.don_vi)
    kinh_gui = frame.recipients([addressee_name(campaign, unit)] if unit is not None else [])
    proposals = [clean(p) for p in facts.de_xuat if clean(p)]
    values = _values(campaign, shown, sub.expected, issuer, proposals, unit=unit, facts=sub.facts)
    rows, totals = table_rows(campaign, shown, sub.expected)
    table = frame.table(_columns(campaign), rows, totals)
    chu_quan, ban_hanh = frame.header(unit, facts.don_vi)
    year = facts.ngay.year if facts.ngay else campaign.top_level.deadline.year
    khung = {
        "co_quan_chu_quan": chu_quan,
        "co_quan_ban_hanh": ban_hanh,
        "co_quan": issuer,
        **frame.number_and_date(facts.so, settings.symbol or DEFAULT_SYMBOL, facts.ngay, year,
                                frame.place(unit, facts.don_vi)),
        "loai_van_ban": TYPE_NAME,
        "loai": TYPE,
        "trich_yeu": clean(settings.subject) or f"Kết quả {campaign.title[:1].lower()}{campaign.title[1:]}",
        "kinh_gui": kinh_gui,
        "du_thao": _mark(campaign, draft),
        "noi_dung": body(campaign.report_sections, values, table, shown),
        "noi_nhan": frame.cc_list(facts.noi_nhan, facts.luu, as_said=bool(kinh_gui)),
        **frame.signature(facts.tham_quyen, facts.chuc_vu, facts.nguoi_ky),
    }
    return {"khung": khung, "phu_luc": appendix(campaign, khung, rows, totals), "draft": draft}


def appendix(campaign: Campaign, parent: dict, rows: list, totals: list, suffix: str = "") -> dict:
    """Return the Phụ lục's context (templates/phu_luc_bang.docx, its table fitted to the declared columns by
    `phu_luc.template`): the headers, the rows by column key under "dong", the totals row under "cong"."""
    title = f"{campaign.form.title} {suffix}".strip().upper()
    keys = [c.key for c in campaign.columns]
    return {"tieu_de": title, "kem_theo": reference(parent), **headers(campaign),
            "dong": [dict(zip(keys, r)) for r in rows], "cong": [dict(zip(keys, totals))] if totals else [],
            "bang": frame.table(_columns(campaign), rows, totals)}


def blank_appendix(campaign: Campaign, parent: dict, blank_rows: int) -> dict:
    """Return the dispatch's blank Phụ lục: the form's columns, rows numbered 1…n and one "..." row to fill in."""
    width = len(campaign.columns)
    rows = [[str(n)] + [""] * (width - 1) for n in range(1, blank_rows + 1)] + [["..."] + [""] * (width - 1)]
    return appendix(campaign, parent, rows, []) | {"tieu_de": campaign.form.title.upper()}


def summary_draft(campaign: Campaign, subs: list[FormSubmission], facts: Facts | None, signed: bool = False) -> str:
    """Return why the summary is a draft ("" for the copy to sign): errors left in the units' data, no
    facts file of the province (no number, date, signer), a placeholder signer or a sample campaign."""
    return frame.summary_draft_reason(sum(len(s.errors) for s in subs), facts, campaign.draft_cause, signed)


def summary_context(campaign: Campaign, subs: list[FormSubmission], facts: Facts | None = None,
                    signed: bool = False) -> dict:
    """Return the province summary's contexts over every submission's rows ("khung", "phu_luc", "draft")."""
    draft = summary_draft(campaign, subs, facts, signed)
    if facts is not None:
        facts = frame.draft_facts(facts, draft)
    province = campaign.province
    conf = {"kinh_gui": "Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam", "ky_hieu": campaign.report.symbol
            or DEFAULT_SYMBOL, "trich_yeu": campaign.report.subject, "tham_quyen": frame.AUTHORITY, "chuc_vu": "",
            "nguoi_ky": "", "luu": "", "noi_nhan": (), "de_xuat": (), "so": "", "ngay": None}
    conf |= frame.dispatch_signer(campaign)
    conf |= campaign.summary.values
    if facts is not None:
        conf |= {k: getattr(facts, k) for k in ("so", "ngay", "nguoi_ky", "chuc_vu", "tham_quyen", "luu",
                                                 "noi_nhan", "de_xuat") if getattr(facts, k) not in ("", (), None)}
    depths = {lv.depth for lv in campaign.levels}
    expected = tuple(u for u in campaign.units.descendants(province) if u.level in depths)
    rows = tuple(r for s in subs for r in counted_rows(s.rows, s.problems))
    issuer = frame.issuer_name(province)
    values = _values(campaign, rows, expected, issuer, [clean(p) for p in conf["de_xuat"] if clean(p)], subs,
                     province, facts)
    table_r, totals = table_rows(campaign, rows, expected)
    table = frame.table(_columns(campaign), table_r, totals)
    chu_quan, ban_hanh = frame.header(province)
    names = conf["kinh_gui"]
    kinh_gui = frame.recipients([names] if isinstance(names, str) else list(names))
    day = conf["ngay"]
    khung = {
        "co_quan_chu_quan": chu_quan,
        "co_quan_ban_hanh": ban_hanh,
        "co_quan": issuer,
        **frame.number_and_date(conf["so"], conf["ky_hieu"], day, day.year if day else
                                campaign.top_level.deadline.year, frame.place(province)),
        "loai_van_ban": TYPE_NAME,
        "loai": TYPE,
        "trich_yeu": clean(conf["trich_yeu"]) or f"Kết quả {campaign.title[:1].lower()}{campaign.title[1:]}",
        "kinh_gui": kinh_gui,
        "du_thao": _mark(campaign, draft),
        "noi_dung": body(campaign.summary_sections, values, table, rows),
        "noi_nhan": frame.cc_list([n for n in conf["noi_nhan"] if clean(n) not in names], conf["luu"],
                                  as_said=bool(kinh_gui)),
        **frame.signature(conf["tham_quyen"], conf["chuc_vu"], conf["nguoi_ky"]),
    }
    figures = work_out(campaign, rows, expected)
    return {"khung": khung, "phu_luc": appendix(campaign, khung, table_r, totals, province.label),
            "so_lieu": {k: v.text for k, v in figures.items()}, "ten_so_lieu": {k: v.title for k, v in figures.items()},
            "draft": draft}
