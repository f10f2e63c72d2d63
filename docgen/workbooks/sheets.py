"""Lay a `FormPlan` out as an openpyxl workbook: the Phụ lục form, "Thông tin" and "Hướng dẫn".

The form's columns, header texts, hints and the "Thông tin" rows come from the campaign's
`[bieu_mau]` (campaign.form), so the workbook, the readers and the Word appendix stay in step.
"""

from __future__ import annotations

from dataclasses import replace

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from docgen.campaigns.campaign import Campaign
from docgen.campaigns.reporting import addressee_name
from docgen.records.form import FACTS_SHEET
from docgen.values.formats import ngay_han, ngay_ngan
from docgen.workbooks.plan import FormPlan
from docgen.xlsxcell import choice_list, put

FORM_SHEET = "Phụ lục"
GUIDE_SHEET = "Hướng dẫn"
HEADER_ROW = 6            # first of the two header rows
FIRST_DATA_ROW = HEADER_ROW + 2
LOCKED_KEYS = frozenset({"tt", "don_vi"})   # pre-filled from the official list

_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="top", wrap_text=True)
_BOLD = Font(bold=True)
_GROUP_FILL = PatternFill("solid", fgColor="F2F2F2")
_OPEN = Protection(locked=False)
_FIELD_WORDS = {"ten": "tên đơn vị", "don_vi": "loại và tên đơn vị",
                "cap_tren": "tên đơn vị cấp trên", "tinh": "tên tỉnh"}


def columns_of(campaign: Campaign) -> tuple:
    """Return the Phụ lục table's columns as the campaign declares them, TT and Đơn vị first."""
    return campaign.columns


def build(plan: FormPlan, campaign: Campaign) -> Workbook:
    """Return the workbook for `plan`: form sheet first (active), then facts, then instructions."""
    wb = Workbook()
    form = wb.active
    form.title = FORM_SHEET
    columns = columns_of(campaign)
    if not campaign.pages:   # the campaign's own title under the agency line
        plan = replace(plan, titles=(plan.titles[0], campaign.form.title, campaign.title))
    last = _form_sheet(form, plan, columns)
    _facts_sheet(wb.create_sheet(FACTS_SHEET), plan, campaign)
    _guide_sheet(wb.create_sheet(GUIDE_SHEET), plan, campaign)
    _print_setup(form, last, len(columns))
    for sheet in (wb[FACTS_SHEET], wb[GUIDE_SHEET]):
        _fit_width(sheet)
    return wb


def _form_sheet(ws: Worksheet, plan: FormPlan, columns) -> int:
    """Write titles, the two-row header and the unit rows; return the last table row."""
    ncol = len(columns)
    last_col = get_column_letter(ncol)
    for i, col in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = col.width
    put(ws["A1"], plan.titles[0])
    ws.merge_cells("A1:D1")
    for row, text in ((3, plan.titles[1]), (4, plan.titles[2])):
        put(ws.cell(row, 1), text)
        ws.merge_cells(f"A{row}:{last_col}{row}")
    for row in (1, 3, 4):
        ws.cell(row, 1).font = Font(bold=True, size=14 if row == 3 else 12)
        ws.cell(row, 1).alignment = Alignment(horizontal="center")
    _header(ws, columns)
    row = FIRST_DATA_ROW
    for group in plan.groups:
        _group_row(ws, row, group.numeral, group.level.title, len(columns))
        row += 1
        for n, unit in enumerate(group.units, start=1):
            _unit_row(ws, row, n, unit.full_name, columns)
            row += 1
    last = row - 1
    note = f"Ghi chú: cách ghi từng cột xem ở trang «{GUIDE_SHEET}», hoặc bấm vào ô để xem gợi ý."
    put(ws.cell(row + 1, 1), note).font = Font(italic=True)
    _hints(ws, last, columns)
    ws.freeze_panes = ws.cell(FIRST_DATA_ROW, 3)
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    return last


def _header(ws: Worksheet, columns) -> None:
    """Write the two header rows, merging single headers down and group headers across."""
    top, sub = HEADER_ROW, HEADER_ROW + 1
    i = 1
    while i <= len(columns):
        col = columns[i - 1]
        if not col.group:
            put(ws.cell(top, i), col.header)
            ws.merge_cells(start_row=top, start_column=i, end_row=sub, end_column=i)
            i += 1
            continue
        span = sum(1 for c in columns if c.group == col.group)
        put(ws.cell(top, i), col.group)
        ws.merge_cells(start_row=top, start_column=i, end_row=top, end_column=i + span - 1)
        for j in range(span):
            put(ws.cell(sub, i + j), columns[i - 1 + j].header)
        i += span
    for row in (top, sub):
        ws.row_dimensions[row].height = 32
        for c in range(1, len(columns) + 1):
            cell = ws.cell(row, c)
            cell.font, cell.alignment, cell.border = _BOLD, _CENTER, _BORDER


def _group_row(ws: Worksheet, row: int, numeral: str, title: str, ncol: int) -> None:
    """Write a group row ("I | Cấp huyện"), shaded and locked."""
    for c in range(1, ncol + 1):
        cell = ws.cell(row, c)
        cell.border, cell.fill, cell.font = _BORDER, _GROUP_FILL, _BOLD
    put(ws.cell(row, 1), numeral).alignment = _CENTER
    put(ws.cell(row, 2), title)


def _unit_row(ws: Worksheet, row: int, number: int, name: str, columns) -> None:
    """Write a unit's row: number and official name locked, the data cells open (phones as text, a kind's format)."""
    for c, col in enumerate(columns, start=1):
        cell = ws.cell(row, c)
        cell.border, cell.alignment = _BORDER, _WRAP
        if col.key not in LOCKED_KEYS:   # each kind its cell format: "@" keeps a phone number's leading 0
            cell.protection = _OPEN
            cell.number_format = col.kind.excel_format
    put(ws.cell(row, 1), number).alignment = _CENTER
    put(ws.cell(row, 2), name)


def _hints(ws: Worksheet, last: int, columns) -> None:
    """Attach each column's hint as an Excel input message over the table's rows (a list where it has choices)."""
    for c, col in enumerate(columns, start=1):
        letter = get_column_letter(c)
        title = col.header if not col.group else hint_title(col.group, col.header)
        choices = col.choices or getattr(col.kind, "choices", ())
        dv = DataValidation(showInputMessage=True, promptTitle=short(title, 32), prompt=short(col.hint, 255),
                            type="list" if choices else None, formula1=choice_list(choices), allow_blank=True,
                            showErrorMessage=bool(choices), errorTitle="Giá trị không có trong danh sách" if choices
                            else None, error=f"Chọn một trong: {', '.join(choices)}." if choices else None)
        dv.add(f"{letter}{FIRST_DATA_ROW}:{letter}{last}")
        ws.add_data_validation(dv)


# The signature facts as the campaign's one form asks for them (Campaign.deputy_form).
SIGNATURE_HINTS = {
    "tm": ("Ghi TM. BAN THƯỜNG TRỰC, cả khi cấp phó ký (chức vụ ghi PHÓ CHỦ TỊCH), như Công văn của tỉnh.",
           ("TM. BAN THƯỜNG TRỰC",)),
    "kt": ("TM. BAN THƯỜNG TRỰC; cấp phó ký thay: KT. CHỦ TỊCH (chức vụ ghi PHÓ CHỦ TỊCH).",
           ("TM. BAN THƯỜNG TRỰC", "KT. CHỦ TỊCH")),
}


def _facts_sheet(ws: Worksheet, plan: FormPlan, campaign: Campaign) -> None:
    """Write one labelled row per fact (label | value | hint), Đơn vị báo cáo pre-filled; the signature
    hint and choices are the campaign's one form (`SIGNATURE_HINTS`)."""
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 48
    ws.column_dimensions["C"].width = 70
    for row, field in enumerate(campaign.form.facts, start=1):
        put(ws.cell(row, 1), field.label).font = _BOLD
        value = put(ws.cell(row, 2), plan.owner.full_name if field.key == "don_vi" else None)
        value.protection, value.alignment = _OPEN, _WRAP
        value.border = _BORDER
        if field.key == "so":
            value.number_format = "@"
        if field.key == "ngay":
            value.number_format = "dd/mm/yyyy"
        hint, choices = field.hint, field.choices or None
        if field.key == "tham_quyen":
            hint, choices = SIGNATURE_HINTS[campaign.deputy_form]
        put(ws.cell(row, 3), hint).alignment = _WRAP
        dv = DataValidation(
            type="list" if choices else None,
            formula1=choice_list(choices),
            allow_blank=True,
            showInputMessage=True,
            showErrorMessage=bool(choices),
            promptTitle=short(field.label, 32),
            prompt=short(hint, 255),
            errorTitle="Giá trị không có trong danh sách" if choices else None,
            error=f"Nên chọn một trong: {', '.join(choices)}." if choices else None,
            # Có/Không admits nothing else; a title or authority outside the list is asked about, not refused.
            errorStyle="stop" if set(choices or ()) == {"Có", "Không"} else "warning",
        )
        dv.add(value.coordinate)
        ws.add_data_validation(dv)
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


# Shorter words for an input message's title, which Excel cuts at 32 characters (issue 16: «Số điện thoạ»).
_SHORTER = {"Lãnh đạo phụ trách": "Lãnh đạo", "Cán bộ quản lý, vận hành": "Cán bộ vận hành",
            "Địa chỉ hộp thư điện tử": "Thư điện tử"}
TITLE_LIMIT = 32


def hint_title(group: str, header: str) -> str:
    """Return "<group>: <header>" within Excel's 32 characters, in whole words that still say whose and what.

    >>> hint_title("Lãnh đạo phụ trách", "Họ và tên"), hint_title("Lãnh đạo phụ trách", "Số điện thoại")
    ('Lãnh đạo phụ trách: Họ và tên', 'Lãnh đạo: Số điện thoại')
    >>> hint_title("Cán bộ quản lý, vận hành", "Địa chỉ hộp thư điện tử")
    'Cán bộ vận hành: Thư điện tử'
    """
    g, h = _SHORTER.get(group, group), _SHORTER.get(header, header)
    for title in (f"{group}: {header}", f"{g}: {header}", f"{g}: {h}"):
        if len(title) <= TITLE_LIMIT:
            return title
    return short(f"{g}: {h}", TITLE_LIMIT)


def short(text: str, limit: int) -> str:
    """Return `text` cut to `limit` characters at a word's end (Excel's limits on input messages).

    >>> short("Lãnh đạo phụ trách: Số điện thoại", 32), short("Ngắn", 32)
    ('Lãnh đạo phụ trách: Số điện', 'Ngắn')
    """
    if len(text) <= limit:
        return text
    cut = text[:limit + 1].rsplit(" ", 1)[0] if " " in text[:limit + 1] else text[:limit]
    return cut.rstrip(" ,:;-")


def _pattern_words(pattern: str) -> str:
    """Return a naming pattern as the dispatch spells it: quoted parts joined by "+".

    >>> _pattern_words("Mặt trận {ten} ({cap_tren}, {tinh})")
    '“Mặt trận” + “tên đơn vị” + “tên đơn vị cấp trên” + “tên tỉnh”'
    """
    import string

    parts = []
    for literal, field, _, _ in string.Formatter().parse(pattern):
        if literal.strip(" (),;-"):
            parts.append(literal.strip(" (),;-"))
        if field:
            parts.append(_FIELD_WORDS.get(field, field))
    return " + ".join(f"“{p}”" for p in parts)


def _opening_lines(campaign: Campaign, what: str) -> list[str]:
    lines = [f"HƯỚNG DẪN GHI BIỂU MẪU «{what}»", f"Nội dung: {campaign.title}."]
    vb = campaign.directive
    if vb is not None and vb.number:
        when = f" ngày {ngay_ngan(vb.date)}" if vb.date else ""
        lines.append(f"Căn cứ {vb.kind} số {vb.number}/{vb.symbol}{when} của {vb.issuer}.")
    return lines


def form_guide_lines(plan: FormPlan, campaign: Campaign) -> list[str]:
    """Return the instruction sheet's lines of a campaign's own form: each column's header and hint."""
    lines = _opening_lines(campaign, campaign.form.title) + [
        "",
        f"1. Trang «{FORM_SHEET}»: mỗi dòng là một đơn vị. Cột TT và Đơn vị đã ghi sẵn theo danh mục "
        "đơn vị hành chính chính thức: không sửa, không xóa, không chèn dòng.",
        "2. Ghi từng cột như sau (bấm vào một ô để xem gợi ý):",
    ]
    for col in campaign.form.columns:
        head = f"{col.group} – {col.header}" if col.group else col.header
        must = " Bắt buộc." if col.required else ""
        lines.append(f"- {head}: {col.hint or col.kind.name}{must}")
    lines += [f"3. Trang «{FACTS_SHEET}»: ghi số, ngày báo cáo, người ký, chức vụ, thẩm quyền ký (chọn trong danh "
              "sách), nơi nhận và đề xuất (mỗi mục một dòng trong ô, xuống dòng bằng Alt+Enter).", "", "Hạn báo cáo:"]
    lines += [f"- {lv.title}: trước ngày {ngay_han(lv.deadline)}." for lv in plan.levels]
    return lines


def guide_lines(plan: FormPlan, campaign: Campaign) -> list[str]:
    """Return the instruction sheet's lines, in Vietnamese."""
    if not campaign.pages:
        return form_guide_lines(plan, campaign)
    lines = _opening_lines(campaign, "TRANG CỘNG ĐỒNG") + [""]
    steps = [f"Trang «{FORM_SHEET}»: mỗi dòng là một đơn vị. Cột TT và Đơn vị đã ghi sẵn theo danh mục "
             "đơn vị hành chính chính thức: không sửa, không xóa, không chèn dòng.", *_page_steps(campaign),
             f"Trang «{FACTS_SHEET}»: ghi số, ngày báo cáo, người ký, chức vụ, thẩm quyền ký (chọn trong danh sách), "
             "nơi nhận và đề xuất (mỗi mục một dòng trong ô, xuống dòng bằng Alt+Enter)."]
    lines += [f"{n}. {step}" for n, step in enumerate(steps, start=1)]
    lines += [
        "",
        "Cách đặt tên Trang:",
    ]
    for group in plan.groups:
        level = group.level
        line = f"- {level.title}: {_pattern_words(level.page_pattern)}"
        if level.example:
            line += f". Ví dụ: {level.example}"
        lines.append(line + ".")
        if group.units:
            lines.append(f"  Tên đúng mẫu của {group.units[0].label}: {level.expected_page_name(group.units[0])}.")
    lines += ["", "Hạn báo cáo:"]
    lines += [f"- {_sender(group, plan)}: trước ngày {ngay_han(group.level.deadline)}, gửi "
              f"{_receiver(group, plan, campaign)}." for group in plan.groups]
    return lines


def _page_steps(campaign: Campaign) -> list[str]:
    """Return the steps of a list of pages that name its columns, as the campaign's form calls them."""
    cols = [c for c in campaign.columns if c.key not in LOCKED_KEYS]
    single = [c.header for c in cols if not c.group]
    groups = list(dict.fromkeys(c.group for c in cols if c.group))
    subs = list(dict.fromkeys(c.header for c in cols if c.group))
    steps = [f"Với mỗi đơn vị, ghi {', '.join(single)}"
             + (f", rồi {', '.join(subs)} của {' và của '.join(groups)}" if groups else "")
             + ". Bấm vào một ô để xem cách ghi."]
    if any(c.kind.key == "dien_thoai" for c in cols):
        steps.append("Số điện thoại: gõ đủ số 0 ở đầu, ví dụ 0912 345 678 (các ô này đã định dạng văn bản, "
                     "không mất số 0).")
    name, link = campaign.form.column("ten_trang"), campaign.form.column("lien_ket")
    steps.append(campaign.phrases.say("hd_chua_lap", ten_trang=name.header, lien_ket=link.header))
    return steps


def _sender(group, plan) -> str:
    """Return who sends a group's rows: the owner itself ("Huyện Mường Nhé"), or its units of a lower level."""
    return plan.owner.full_name if group.units == (plan.owner,) else group.level.title


def _receiver(group, plan, campaign: Campaign) -> str:
    """Return the body a group's units report to: the province's Front, or (lower levels) the owner's."""
    unit = group.units[0] if group.units else plan.owner
    return addressee_name(campaign, unit)


def _guide_sheet(ws: Worksheet, plan: FormPlan, campaign: Campaign) -> None:
    ws.column_dimensions["A"].width = 110
    for row, text in enumerate(guide_lines(plan, campaign), start=1):
        cell = put(ws.cell(row, 1), text or None)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if row == 1 or text.endswith(":") and not text.startswith("-"):
            cell.font = _BOLD


def _fit_width(ws: Worksheet, orientation: str = "landscape") -> None:
    """A4 in `orientation`, every column on one page wide (labels and values print side by side)."""
    ws.page_setup.orientation = orientation
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _print_setup(ws: Worksheet, last: int, ncol: int) -> None:
    """Landscape A4, fit to one page wide, header rows repeated on every page."""
    _fit_width(ws)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW + 1}"
    ws.print_area = f"A1:{get_column_letter(ncol)}{last}"
    ws.page_margins.left = ws.page_margins.right = 0.4
