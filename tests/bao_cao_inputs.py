"""Filled district submissions (.xlsx) built in code for the `bao-cao` tests.

The blank collection workbook comes from `docgen bieu-mau` (docgen.api.bieu_mau);
`filled_workbook` types into it what a district clerk would: a page and two people
per unit (one commune left empty, so the gap shows), and the "Thông tin" facts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import openpyxl

SPECIAL_NAME = "Mặt trận A & B <C>"


@dataclass(frozen=True)
class Filled:
    path: Path
    rows: list[list[str]]          # expected Phụ lục data rows (TT … vh_email), group rows included
    with_page: int                 # communes with a page
    communes: int


def filled_workbook(folder: Path, district: str = "Mường Nhé", *, leave_empty: int = 3, date=dt.date(2022, 3, 5),
                    so: str = "5", deputy: bool = False, special: str = SPECIAL_NAME) -> Filled:
    """Return a filled submission for `district` written in `folder` (one commune, by index, left empty)."""
    from docgen import api

    blank_dir = folder / ".blank"
    [blank] = api.bieu_mau("2022-trang-cong-dong", blank_dir, district, ghi_de=True)
    wb = openpyxl.load_workbook(blank)
    ws = wb["Phụ lục"]
    rows: list[list[str]] = []
    communes = with_page = 0
    group = ""
    for r in range(1, ws.max_row + 1):
        tt, unit = ws.cell(r, 1).value, ws.cell(r, 2).value
        if tt in ("I", "II"):
            group = tt
            rows.append([tt, unit])
            continue
        if not isinstance(tt, int) or not unit:
            continue
        code = f"{r:03d}"
        empty = group == "II" and tt == leave_empty
        page = "" if empty else (special if group == "I" else f"Mặt trận {unit.split(' ', 1)[1]} (huyện {district}, tỉnh Điện Biên)")
        values = ["", "", ""] if empty else [page, f"https://www.facebook.com/mattran{code}", f"Lò Văn Lãnh {code}"]
        people = [] if empty else [f"0912 345 {code}", f"lanh{code}@gmail.com", f"Quàng Thị Vận {code}",
                                   f"0969 123 {code}", f"van{code}@gmail.com"]
        for c, v in enumerate(values + people, start=3):
            ws.cell(r, c).value = v or None
        rows.append([str(tt), unit, *(values + people or [""] * 5)] if not empty else [str(tt), unit] + [""] * 8)
        if group == "II":
            communes += 1
            with_page += 0 if empty else 1
    info = wb["Thông tin"]
    facts = {"Số báo cáo": so, "Ngày báo cáo": dt.datetime.combine(date, dt.time()) if date else None,
             "Người ký": "Giàng A Dình", "Chức vụ người ký": "PHÓ CHỦ TỊCH" if deputy else "CHỦ TỊCH",
             "Thẩm quyền ký": "KT. CHỦ TỊCH" if deputy else "TM. BAN THƯỜNG TRỰC",
             "Nơi nhận": "BTT Ủy ban MTTQ VN tỉnh\nThường trực Huyện ủy", "Lưu": "VP",
             "Đã xây dựng kế hoạch hoạt động": "Có", "Đã báo cáo Thường trực cấp ủy": "Có",
             "Đề xuất, kiến nghị": "Tập huấn quản trị Trang cho cán bộ cấp xã"}
    for r in range(1, info.max_row + 1):
        label = info.cell(r, 1).value
        if label in facts:
            info.cell(r, 2).value = facts[label]
    out = folder / f"{district.lower().replace(' ', '-')}.xlsx"
    wb.save(out)
    return Filled(out, rows, with_page, communes)
