"""Build reader fixtures in code: form workbooks and Word forms with the variations clerks make."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import openpyxl

from tests.forms import COLUMNS, FACT_FIELDS

DISTRICT = ["Huyện Mường Nhé", "Mặt trận Mường Nhé (tỉnh Điện Biên)", "https://www.facebook.com/mattranhuyenmuongnhe",
            "Lò Văn Thắng", "0912 111 222", "thanglv@gmail.com", "Quàng Thị Mai", "0988 333 444", "maiqt@gmail.com"]


def commune(i: int, name: str = "Chung Chải") -> list:
    """Return a clean commune row numbered `i`."""
    return [i, f"Xã {name}", f"Mặt trận {name} (huyện Mường Nhé, tỉnh Điện Biên)",
            f"https://www.facebook.com/mattran{i}", f"Giàng A Páo {i}", f"0912 000 {100 + i}", f"pao{i}@gmail.com",
            f"Sùng Thị Dợ {i}", f"0977 000 {100 + i}", f"do{i}@gmail.com"]


def standard_rows() -> list[list]:
    """Return the body of a small clean form: I, the district on its own row, II, three communes."""
    return [["I", "Cấp huyện"], [None, *DISTRICT], ["II", "Cấp xã"], commune(1), commune(2, "Sín Thầu"),
            commune(3, "Pá Mỳ")]


def header_cells(breaks: bool = False, rename: dict[str, str] | None = None) -> tuple[list, list]:
    """Return the two header rows of the form (group names over the person columns)."""
    rename = rename or {}
    top, sub = [], []
    for i, col in enumerate(COLUMNS):
        text = rename.get(col.header if not col.group else f"{col.group}/{col.header}", col.header)
        if breaks:
            text = text.replace(" liên", "\nliên").replace("Số điện", "Số\nđiện")
        if not col.group:
            top.append(text)
            sub.append(None)
        else:
            first = i == 0 or COLUMNS[i - 1].group != col.group
            top.append(rename.get(col.group, col.group) if first else None)
            sub.append(text)
    return top, sub


def write_form(path: Path, body: list[list], *, sheet: str = "Phụ lục", title_rows: int = 4, first_col: int = 1,
               breaks: bool = False, rename: dict[str, str] | None = None, facts: list[tuple] | None = None,
               facts_sheet: str = "Thông tin", before: tuple[str, ...] = (), after: tuple[str, ...] = (),
               merge_header: bool = True) -> tuple[Path, int]:
    """Write a form workbook; return the path and the sheet row of the first body row."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name in before:
        wb.create_sheet(name)["A1"] = "Trang tính khác"
    ws = wb.create_sheet(sheet)
    for r in range(1, title_rows + 1):
        ws.cell(r, first_col, ("ỦY BAN MTTQ VIỆT NAM HUYỆN MƯỜNG NHÉ", None, "DANH SÁCH", "“Trang cộng đồng”")[(r - 1) % 4])
    h = title_rows + 1
    top, sub = header_cells(breaks, rename)
    for i, (a, b) in enumerate(zip(top, sub)):
        ws.cell(h, first_col + i, a)
        ws.cell(h + 1, first_col + i, b)
    if merge_header:
        for i, col in enumerate(COLUMNS):
            c = first_col + i
            if not col.group:
                ws.merge_cells(start_row=h, start_column=c, end_row=h + 1, end_column=c)
            elif i == 0 or COLUMNS[i - 1].group != col.group:
                ws.merge_cells(start_row=h, start_column=c, end_row=h, end_column=c + 2)
    for r, values in enumerate(body, start=h + 2):
        for i, v in enumerate(values):
            if v is not None:
                ws.cell(r, first_col + i, v)
    for name in after:
        wb.create_sheet(name)["A1"] = "Ghi chú"
    if facts is not None:
        fs = wb.create_sheet(facts_sheet)
        for r, row in enumerate(facts, start=1):
            for c, v in enumerate(row, start=1):
                fs.cell(r, c, v)
    wb.save(path)
    return path, h + 2


def patch_xlsx(path: Path, old: bytes, new: bytes, member: str = "") -> Path:
    """Replace bytes inside the workbook's XML (to plant what openpyxl will not write)."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/") and (not member or item.filename.endswith(member)):
                data = data.replace(old, new)
            out.writestr(item, data)
    tmp.replace(path)
    return path


def all_facts() -> list[tuple]:
    """Return a complete "Thông tin" sheet's rows."""
    import datetime as dt

    values = {"don_vi": "Huyện Mường Nhé", "so": 15, "ngay": dt.datetime(2022, 3, 20), "nguoi_ky": "Lò Văn Thắng",
              "chuc_vu": "CHỦ TỊCH", "tham_quyen": "TM. BAN THƯỜNG TRỰC",
              "noi_nhan": "- BTT Ủy ban MTTQ Việt Nam tỉnh (b/c);\n- Thường trực Huyện ủy (b/c);", "luu": "VP",
              "co_ke_hoach": "Có", "bao_cao_cap_uy": "Không", "de_xuat": "Tập huấn quản trị Trang.",
              "huong_dan": "Công văn số 12/MTTQ-BTT ngày 01/3/2022", "ke_hoach_cap_duoi": "9/11",
              "danh_gia": "Triển khai nghiêm túc.", "nguyen_nhan": "Cán bộ kiêm nhiệm",
              "han_khac_phuc": "15/4/2022"}
    return [("THÔNG TIN BÁO CÁO", None)] + [(f.label, values[f.key]) for f in FACT_FIELDS]


def docx_form(doc: docx.document.Document, body: list[list]) -> None:
    """Add the form table (two-row merged header) with `body` rows to a Word document."""
    table = doc.add_table(rows=2, cols=10)
    top, sub = header_cells()
    for i, col in enumerate(COLUMNS):
        if not col.group:
            table.cell(0, i).merge(table.cell(1, i)).text = top[i]
        else:
            if top[i]:
                table.cell(0, i).merge(table.cell(0, i + 2)).text = top[i]
            table.cell(1, i).text = sub[i]
    for values in body:
        cells = table.add_row().cells
        for i, v in enumerate(values):
            cells[i].text = "" if v is None else str(v)
