"""The Phụ lục (appendix) of a report: every record, in official order, as the form's table.

One group per campaign level ("I. Cấp huyện", "II. Cấp xã"; the two-level 2026
campaign has only "I. Cấp xã"). Each expected unit gets its row, in official
order, even without a record (empty cells show the gap); a unit's extra records
follow its row; records of unknown or unexpected units come last in their group,
so nothing read is lost. Values are verbatim: escaping is the renderer's job.
"""

from __future__ import annotations

import datetime as dt

from docgen.campaigns.campaign import Campaign
from docgen.campaigns.form import PAGE_COLUMNS
from docgen.ooxml import column_table
from docgen.ooxml.column_table import TableColumn
from docgen.records.form import GROUP_NUMERALS
from docgen.campaigns.form import NoPageWords
from docgen.checks.figures import says_nothing
from docgen.records.model import Record, Submission
from docgen.values.formats import ngay_nd30, so_hieu
from docgen.vntext import clean, lower_first

TEMPLATE = "phu_luc.docx"
LEAVE_OUT, MARK = "bo", "danh_dau"   # `[bao_cao] hang_sai`: what a signed Phụ lục does with wrong rows

VARIABLES: dict[str, str] = {
    "tieu_de": "Tiêu đề Phụ lục, chữ in hoa (PL-03), ví dụ «DANH SÁCH “TRANG CỘNG ĐỒNG” CỦA MẶT TRẬN CÁC CẤP».",
    "kem_theo": "Dòng tham chiếu không có ngoặc (PL-04), ví dụ «Kèm theo Báo cáo số 15/BC-MTTQ-BTT ngày 05 tháng 3 "
    "năm 2022 của Ban Thường trực Ủy ban MTTQ Việt Nam huyện Mường Nhé»; bản dự thảo để trống số và ngày (DR-04).",
    "nhom": "Các nhóm dòng, mỗi cấp một nhóm: so («I», «II»), ten («Cấp huyện», «Cấp xã»), dong (các dòng).",
    "ghi_chu": "Các dòng ghi chú in nghiêng dưới bảng: dòng không đưa vào danh sách (đơn vị ngoài danh mục, ghi trùng), "
    "ô để trống vì thông tin chưa chính xác; rỗng khi không có.",
    "bieu_mau_don_vi": "Chỉ có ở biểu mẫu trống gửi kèm công văn: dòng tên đơn vị điền biểu, in trên tiêu đề, ví dụ "
    "«ỦY BAN MTTQ VIỆT NAM HUYỆN...................»; Phụ lục của báo cáo không có (không in).",
    "bieu_mau_vi_du": "Chỉ có ở biểu mẫu trống gửi kèm công văn: các dòng ví dụ in dưới bảng («* Ví dụ:», «- Tên Trang: …»); "
    "Phụ lục của báo cáo không có (không in).",
    "cot": "Tiêu đề của từng cột theo mã cột, như chiến dịch khai ([[bieu_mau.cot]] tieu_de), ví dụ cot.ten_trang "
    "= «Tên Trang».",
    "nhom_cot": "Tiêu đề nhóm của cột theo mã cột ([[bieu_mau.cot]] nhom), ví dụ nhom_cot.ld_ten = «Lãnh đạo phụ trách»; "
    "rỗng với cột không thuộc nhóm.",
    **{f"nhom[].dong[].{key}": f"Ô của cột mã «{key}» ([[bieu_mau.cot]] của chiến dịch) ở một dòng, nguyên văn "
       f"(rỗng khi đơn vị chưa có dữ liệu)." for key in PAGE_COLUMNS},
}


def reference(parent: dict) -> str:
    """Return the "(Kèm theo …)" text, without brackets, from the parent document's data (PL-04, PL-05, DR-04).

    `parent` has `loai` ("Báo cáo"; or `loai_van_ban` "BÁO CÁO"), `so`, `ky_hieu`, `ngay`
    (None in a draft), `nam` and `co_quan` — a report's own context will do.

    >>> reference({"loai": "Báo cáo", "so": "5", "ky_hieu": "BC-MTTQ-BTT", "ngay": dt.date(2022, 3, 10),
    ...            "co_quan": "Ban Thường trực Ủy ban MTTQ Việt Nam huyện Mường Nhé"})
    'Kèm theo Báo cáo số 05/BC-MTTQ-BTT ngày 10 tháng 3 năm 2022 của Ban Thường trực Ủy ban MTTQ Việt Nam huyện Mường Nhé'
    >>> reference({"loai_van_ban": "BÁO CÁO", "so": "", "ky_hieu": "BC-MTTQ-BTT", "ngay": None, "nam": 2022})
    'Kèm theo Báo cáo số      /BC-MTTQ-BTT ngày      tháng      năm 2022'
    """
    kind = parent.get("loai") or clean(parent.get("loai_van_ban", "")).capitalize() or "Văn bản"
    date: dt.date | None = parent.get("ngay")
    year = date.year if date else parent.get("nam")
    number = so_hieu(parent.get("so"), parent.get("ky_hieu", ""))
    text = f"Kèm theo {kind} số{'' if number.startswith(' ') else ' '}{number} {ngay_nd30(date, '', year)}"
    issuer = clean(parent.get("co_quan", ""))
    return f"{text} của {issuer}" if issuer else text


def build_context(subs: list[Submission] | Submission, campaign: Campaign, parent: dict) -> dict:
    """Return the Phụ lục's template context (templates/phu_luc.docx): title, reference line and row groups.

    `subs` is one submission (a unit's report) or several (the province's
    consolidated list, groups numbered across all of them, in the given order).
    """
    if isinstance(subs, Submission):
        subs = [subs]
    title = campaign.report.appendix_title   # `[bao_cao] tieu_de_phu_luc`, else the default campaign's
    groups = [{"so": GROUP_NUMERALS[i], "ten": lv.title, "dong": []} for i, lv in enumerate(campaign.levels)]
    depth_index = {lv.depth: i for i, lv in enumerate(campaign.levels)}
    mode = wrong_rows(campaign)
    notes: list[str] = []
    for sub in subs:
        for i, rows in _rows(sub, campaign, depth_index, len(groups), mode, notes).items():
            groups[i]["dong"].extend(rows)
    for group in groups:
        _number(group["dong"])
    blank = [r.unit.label for s in subs for r in s.records if r.unit is not None and set(r.invalid) - {"ten_trang"}]
    cells = [campaign.phrases.say("pl_o_trong", don_vi=", ".join(dict.fromkeys(blank)))] \
        if mode == LEAVE_OUT and blank else []
    # "o_trong": the units whose cells were blanked (the province's summary notes them, not the districts' rows)
    return {"tieu_de": clean(title).upper(), "kem_theo": reference(parent), "nhom": groups, "ghi_chu": notes + cells,
            "o_trong": list(dict.fromkeys(blank)) if cells else [], **headers(campaign)}


def template(campaign: Campaign, name: str = TEMPLATE) -> bytes:
    """Return the campaign's Phụ lục template `name` (its own, else the shared one: phu_luc.docx for a page
    form, phu_luc_bang.docx for a form of its own) with the table's columns
    the declared ones (`[[bieu_mau.cot]]`, in order, grouped by `nhom`): an extra column is printed,
    a removed one leaves no empty column. Widths: the template's own for its columns, a new column's in
    proportion to its `rong`; the table keeps its width (docgen.ooxml.column_table)."""
    from docgen.render.engine import template_bytes

    return column_table.fit(template_bytes(campaign.template(name), name), table_columns(campaign), "nhom_cot")


def table_columns(campaign: Campaign) -> list[TableColumn]:
    """Return the Phụ lục table's columns as declared (`[[bieu_mau.cot]]`, TT and Đơn vị first): key, group,
    `rong`, and TT and numbers centred, text left (scripts/build_templates.py writes the templates by it)."""
    return [TableColumn(c.key, c.group, c.width, "center" if c.key == "tt" or c.kind.numeric else "left",
                        least_width(c.kind)) for c in campaign.columns]


DIGIT_TWIPS, PADDING_TWIPS = 6 * 20, 10 * 20   # a digit of 12-pt Times New Roman; a cell's left and right margins


def least_width(kind) -> int:
    """Return the twips a cell of `kind` needs to keep its value on one line (a phone, a date), else 0."""
    return kind.unbroken * DIGIT_TWIPS + PADDING_TWIPS if kind.unbroken else 0


def headers(campaign: Campaign) -> dict:
    """Return the table's header texts as the campaign declares them: "cot" and "nhom_cot" by column key."""
    return {"cot": {c.key: c.header for c in campaign.columns}, "nhom_cot": {c.key: c.group for c in campaign.columns}}


def wrong_rows(campaign: Campaign) -> str:
    """Return the campaign's choice for what a signed Phụ lục does with wrong rows and values:
    LEAVE_OUT (left out, with a note under the table) or MARK (kept, marked, unnumbered)."""
    return campaign.report.wrong_rows


def row(unit_name: str, record: Record | None, mode: str = "", expected_name: str = "", words=None,
        no_page: NoPageWords = NoPageWords()) -> dict:
    """Return one table row: a value per page column (and the record's other columns), "" where there is none;
    `tt` set later.

    With a `mode` (a report's Phụ lục), a unit without a record reads "Chưa báo cáo", a unit without
    a page "Chưa lập “Trang cộng đồng”" (with its own words, "đang xây dựng"), a name off the
    pattern is marked, and a wrong value is left out (LEAVE_OUT) or marked (MARK): never printed as valid.
    `no_page` (the campaign's words for "no page yet") says which notes add nothing and are not repeated.

    >>> row("Xã Chung Chải", None)["ten_trang"], sorted(row("X", None)) == sorted(PAGE_COLUMNS)
    ('', True)
    >>> from docgen.campaigns.campaign import load_campaign
    >>> row("Xã Chung Chải", None, LEAVE_OUT, words=load_campaign().phrases)["ten_trang"]
    'Chưa báo cáo'
    """
    if mode:
        return _judged(row(unit_name, record), record, mode, expected_name, words, no_page)
    values = {key: "" for key in PAGE_COLUMNS} | (record.cells() if record else {})
    return values | {"tt": "", "don_vi": unit_name}


def _judged(values: dict, record: Record | None, mode: str, expected_name: str, words, no_page: NoPageWords) -> dict:
    """Return a row's values as a signed Phụ lục prints them (see `row`); `expected_name` is the pattern's,
    `words` the campaign's phrasebook (`[loi_van] pl_o_*`)."""
    if record is None or says_nothing(record):
        return values | {"ten_trang": words.say("pl_o_chua_bao_cao")}
    if not record.has_page:
        note = record.page_note if record.page_note and not no_page.says_nothing(record.page_note) else ""
        values = values | {"ten_trang": words.say("pl_o_chua_lap_ghi_chu", ghi_chu=note) if note
                           else words.say("pl_o_chua_lap")}
    elif expected_name and values["ten_trang"] and values["ten_trang"] != expected_name:
        values["ten_trang"] = words.say("pl_o_sai_mau", ten_trang=values["ten_trang"])
    for key in record.invalid:
        if key != "ten_trang" and values.get(key):
            values[key] = "" if mode == LEAVE_OUT else words.say("pl_o_chua_dung", gia_tri=values[key])
    return values


def _rows(sub: Submission, campaign: Campaign, depth_index: dict[int, int], n_groups: int, mode: str = "",
          notes: list[str] | None = None) -> dict[int, list[dict]]:
    """Return the submission's rows per group index: expected units in order, then the rest.

    Extra rows of a unit (written twice) and rows of units not in the official list
    are left out with a note (LEAVE_OUT) or kept unnumbered and marked (MARK).
    """
    notes = notes if notes is not None else []
    words = campaign.phrases
    by_unit: dict[tuple[int, str], list[Record]] = {}
    for r in sub.records:
        if r.unit is not None:
            by_unit.setdefault((r.unit.level, r.unit.code), []).append(r)
    out: dict[int, list[dict]] = {i: [] for i in range(n_groups)}
    placed: set[int] = set()
    for unit in sub.expected:
        i = depth_index.get(unit.level, n_groups - 1)
        records = by_unit.get((unit.level, unit.code), [])
        level = campaign.level_at(unit.level)
        pattern = level.expected_page_name(unit) if level is not None and mode else ""
        out[i].append(row(unit.full_name, records[0] if records else None, mode, pattern, words, campaign.no_page) | {"_so": True})
        for extra in records[1:]:
            if mode == LEAVE_OUT:
                notes.append(campaign.phrases.say("pl_ghi_lap", don_vi=unit.label))
            else:
                name = words.say("pl_dong_ghi_lap", don_vi=unit.full_name) if mode == MARK else unit.full_name
                out[i].append(row(name, extra, mode, pattern, words, campaign.no_page) | {"_so": False})
        placed.update(id(r) for r in records)
    for r in sub.records:
        if id(r) in placed:
            continue
        i = depth_index.get(r.unit.level, n_groups - 1) if r.unit is not None else n_groups - 1
        name = r.unit.full_name if r.unit is not None else r.unit_text
        if mode == LEAVE_OUT:
            scope = sub.reporting_unit.label if sub.reporting_unit is not None else campaign.province.label
            notes.append(campaign.phrases.say("pl_ngoai_danh_muc", don_vi=lower_first(name), cap_tren=scope))
        elif mode == MARK:
            out[i].append(row(words.say("pl_dong_ngoai_danh_muc", don_vi=name), r, mode, words=words, no_page=campaign.no_page) | {"_so": False})
        else:
            out[i].append(row(name, r) | {"_so": True})
    return out


def _number(rows: list[dict]) -> None:
    """Number a group's rows 1, 2, 3 …; a unit's extra rows keep an empty TT."""
    n = 0
    for r in rows:
        if r.pop("_so"):
            n += 1
            r["tt"] = str(n)
