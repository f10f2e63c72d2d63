"""Benchmark: read and check a synthetic national submission (all 10,051 communes of dvhc_3cap_2024).

    python bench/bench_kiem_tra.py [--moi-tinh-mot-tep] [--giu THƯ_MỤC]

Default: ONE Phụ lục workbook for the whole country — all 691 district-level
units under "I. Cấp huyện", all 10,051 communes under "II. Cấp xã", page names
on pattern, a few values to normalise (Excel-number phones, mobile links). It
times reading it (`docgen.readers.read_source`) and checking it
(`docgen.checks.check_source`): the rows are split by province, since a
submission belongs to one province, and each part is checked under the 2022
campaign moved to that province. `--moi-tinh-mot-tep` writes one workbook per
province instead (63 files: adds the cost of opening each file).

Prints wall-clock and CPU seconds; the goal is well under 2 s for reading +
checking. Not a test: nothing is asserted about time.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # noqa: E402

from docgen.campaigns.campaign import Campaign, load_campaign  # noqa: E402
from docgen.records.form import COLUMNS, FACTS_SHEET  # noqa: E402
from docgen.records.model import Facts, Source, Unit  # noqa: E402


def province_campaign(base: Campaign, province: Unit) -> Campaign:
    """Return the 2022 campaign's rules applied to another province."""
    return dataclasses.replace(base, province_name=province.name)


def unit_row(i: int, unit: Unit, campaign: Campaign) -> list[object]:
    """Return the ten form values of one unit (every 50th with an Excel-number phone, every 70th a mobile link)."""
    name = campaign.level_at(unit.level).expected_page_name(unit)
    link = f"https://www.facebook.com/mattran.{unit.level}.{unit.code}"
    if i % 70 == 3:
        link = f"m.facebook.com/mattran.{unit.level}.{unit.code}"
    phone = 912000000 + i if i % 50 == 7 else f"0912 {i // 1000 % 1000:03d} {i % 1000:03d}"
    return [i, unit.full_name, name, link,
            f"Lò Văn Lãnh {unit.code}", phone, f"lanhdao{unit.code}@gmail.com",
            f"Quàng Thị Vận {unit.code}", f"0987 {i // 1000 % 1000:03d} {i % 1000:03d}", f"vanhanh{unit.code}@gmail.com"]


def write_form(path: Path, title: str, don_vi: str, groups: list[tuple[str, list[Unit]]], campaign: Campaign) -> list[Unit]:
    """Write one workbook in the Phụ lục layout; return its units in row order."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Phụ lục")
    ws.append([f"ỦY BAN MTTQ VIỆT NAM {title.upper()}"])
    ws.append(["DANH SÁCH “Trang cộng đồng” Mặt trận các cấp"])
    ws.append([])
    ws.append([c.group or c.header for c in COLUMNS])
    ws.append([c.header if c.group else None for c in COLUMNS])
    order = []
    for numeral, (label, units) in zip(("I", "II", "III"), groups):
        ws.append([numeral, label])
        for unit in units:
            order.append(unit)
            ws.append(unit_row(len(order), unit, province_campaign(campaign, unit.ancestors()[-1])))
    wb.create_sheet(FACTS_SHEET).append(["Đơn vị báo cáo", don_vi])
    wb.save(path)
    return order


def build_national(folder: Path, campaign: Campaign) -> tuple[list[Path], list[Unit]]:
    """Write the single national workbook; return it and its units in row order."""
    units = campaign.units
    groups = [(lv.title, units.units[lv.depth]) for lv in campaign.levels]
    order = write_form(folder / "toan-quoc.xlsx", "các tỉnh, thành phố", "", groups, campaign)
    return [folder / "toan-quoc.xlsx"], order


def build_per_province(folder: Path, campaign: Campaign) -> tuple[list[Path], list[Unit]]:
    """Write one workbook per province; return them and every unit in row order."""
    paths, order = [], []
    for p in campaign.units.provinces():
        below = campaign.units.descendants(p)
        groups = [(lv.title, [u for u in below if u.level == lv.depth]) for lv in campaign.levels]
        order += write_form(folder / f"{p.code}.xlsx", p.label, p.full_name, groups, campaign)
        paths.append(folder / f"{p.code}.xlsx")
    return paths, order


def by_province(sources: list[Source], order: list[Unit]) -> list[tuple[Source, Unit]]:
    """Return each source's rows split into one source per province (data rows follow `order`)."""
    out: dict[str, tuple[Source, Unit, list]] = {}
    units = iter(order)
    for source in sources:
        for row in source.table.rows:
            if not row.text("ten_trang"):
                continue   # a group row ("I", "Cấp huyện")
            province = next(units).ancestors()[-1]
            out.setdefault((source.path, province.code), (source, province, []))[2].append(row)
    return [
        (dataclasses.replace(src, table=dataclasses.replace(src.table, rows=tuple(rows)),
                             facts=Facts(don_vi=prov.full_name)), prov)
        for src, prov, rows in out.values()
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moi-tinh-mot-tep", action="store_true", help="mỗi tỉnh một tệp (63 tệp) thay vì một tệp")
    parser.add_argument("--giu", metavar="THƯ_MỤC", help="ghi các tệp vào THƯ_MỤC và giữ lại")
    args = parser.parse_args(argv)

    # Start-up, once per run in real use too, timed apart: the readers' and checks' imports
    # (openpyxl, lxml, python-docx, phonenumbers …) and the official unit list.
    started = time.perf_counter()
    from docgen.checks import check_source
    from docgen.readers import docx, read_source, sniff, xlsx  # noqa: F401  (read_source imports these lazily)

    base = load_campaign()
    base.units
    started = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.giu) if args.giu else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        build = build_per_province if args.moi_tinh_mot_tep else build_national
        paths, order = build(folder, base)

        wall, cpu = time.perf_counter(), time.process_time()
        sources = [read_source(path) for path in paths]
        read = time.perf_counter() - wall, time.process_time() - cpu

        wall, cpu = time.perf_counter(), time.process_time()
        subs = [check_source(src, province_campaign(base, prov)) for src, prov in by_province(sources, order)]
        checked = time.perf_counter() - wall, time.process_time() - cpu

    rows = sum(len(s.records) for s in subs)
    communes = sum(f.present for s in subs for f in s.figures if f.level == "xa")
    errors = sum(len(s.errors) for s in subs)
    warnings = sum(len(s.problems) for s in subs) - errors
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    print(f"Máy: {os.cpu_count()} CPU, tải trung bình 1/5/15 phút {load} (máy dùng chung: xem cả thời gian CPU).")
    print(f"Dữ liệu: {len(paths)} tệp, {rows} dòng đơn vị, {communes} xã có mặt (danh mục: 10051).")
    print(f"Khởi động:      {started:.3f} s  (nạp thư viện và danh mục đơn vị, một lần mỗi lần chạy; không tính dưới đây)")
    print(f"Đọc:            {read[0]:.3f} s  (CPU {read[1]:.3f} s)")
    print(f"Kiểm tra:       {checked[0]:.3f} s  (CPU {checked[1]:.3f} s; {errors} lỗi, {warnings} cảnh báo)")
    print(f"Đọc + kiểm tra: {read[0] + checked[0]:.3f} s  (CPU {read[1] + checked[1]:.3f} s; mục tiêu: dưới 2 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
