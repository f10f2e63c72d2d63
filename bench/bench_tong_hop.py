"""Benchmark `docgen tong-hop` over a synthetic national folder (not a test: prints numbers).

Builds, in a temporary folder, a one-"province" unit list holding every district
and commune of data/dvhc_3cap_2024.csv (district names made unique by adding their
province where two share a name), a campaign over it (the 2022 one, re-pointed),
and one filled .xlsx submission per district (Phụ lục form + "Thông tin" sheet,
as a clerk would send it; a few late, a few without a page). Then runs
`docgen.api.tong_hop` in a fresh process and prints its wall time and peak RSS.

    .venv/bin/python bench/bench_tong_hop.py [--giu THƯ_MỤC]   (target: well under 30 s, 300 MB)
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docgen.records.form import COLUMNS, FACT_FIELDS, FACTS_SHEET  # noqa: E402

LIST_NAME = "bench_toan_quoc"
PROVINCE = "Toàn Quốc"


def write_unit_list(folder: Path) -> None:
    """Write the one-province national list (codes kept; duplicate district names get their province)."""
    with (ROOT / "data" / "dvhc_3cap_2024.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    names = {(r["ma_huyen"], r["ten_huyen"]) for r in rows}
    twice = {n for n, k in Counter(n for _, n in names).items() if k > 1}
    with (folder / f"{LIST_NAME}.csv").open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["ma_tinh", "ten_tinh", "ma_huyen", "ten_huyen", "ma_xa", "ten_xa"])
        for r in rows:
            district = r["ten_huyen"]
            if district in twice:
                bare = r["ten_tinh"].removeprefix("Tỉnh ").removeprefix("Thành phố ")
                district = f"{district} {bare}"
            out.writerow(["00", f"Tỉnh {PROVINCE}", r["ma_huyen"], district, r["ma_xa"], r["ten_xa"]])


def write_campaign(folder: Path) -> Path:
    """Write the 2022 campaign re-pointed at the national list; return its folder."""
    text = (ROOT / "data" / "chien-dich" / "2022-trang-cong-dong" / "chien-dich.toml").read_text(encoding="utf-8")
    text = text.replace('danh_muc = "dvhc_3cap_2024"', f'danh_muc = "{LIST_NAME}"')
    text = text.replace('tinh = "Điện Biên"', f'tinh = "{PROVINCE}"', 1)
    camp = folder / "chien-dich"
    camp.mkdir()
    (camp / "chien-dich.toml").write_text(text, encoding="utf-8")
    return camp


def _person_cells(code: str) -> list[str]:
    tail = int(code) % 1000
    return [f"Nguyễn Văn {code}", f"0912 {tail:03d} {tail:03d}", f"ld{code}@gmail.com",
            f"Trần Thị {code}", f"0969 {tail:03d} {tail:03d}", f"vh{code}@gmail.com"]


def write_submission(path: Path, campaign, district, day: dt.date) -> int:
    """Write one district's filled form; return the number of unit rows written."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    ws.append([f"ỦY BAN MTTQ VIỆT NAM {district.label.upper()}"])
    ws.append(["DANH SÁCH “Trang cộng đồng” Mặt trận các cấp"])
    ws.append([])
    ws.append([c.group or c.header for c in COLUMNS])
    ws.append([c.header if c.group else "" for c in COLUMNS])
    for i, c in enumerate(COLUMNS, start=1):
        if not c.group:
            ws.merge_cells(start_row=4, start_column=i, end_row=5, end_column=i)
    ws.merge_cells("E4:G4")
    ws.merge_cells("H4:J4")
    n = 0
    for numeral, level in zip(("I", "II"), campaign.levels):
        ws.append([numeral, level.title])
        units = [district] if level.depth == district.level else campaign.units.children(district)
        for k, unit in enumerate(units, start=1):
            has_page = int(unit.code) % 23 != 0
            name = level.expected_page_name(unit) if has_page else ""
            link = f"https://www.facebook.com/mattran{unit.code}" if has_page else ""
            ws.append(["" if level.depth == district.level else k, unit.full_name, name, link, *_person_cells(unit.code)])
            n += 1
    facts = wb.create_sheet(FACTS_SHEET)
    values = {"don_vi": district.full_name, "ngay": day, "nguoi_ky": "Lò Văn A", "chuc_vu": "CHỦ TỊCH",
              "tham_quyen": "TM. BAN THƯỜNG TRỰC", "co_ke_hoach": "Có", "bao_cao_cap_uy": "Có"}
    for field in FACT_FIELDS:
        facts.append([field.label, values.get(field.key)])
    wb.save(path)
    return n


def build(folder: Path) -> tuple[Path, Path, int, int]:
    """Write list, campaign and submissions under `folder`; return (inputs, campaign, files, rows)."""
    import docgen.records.units as units_mod
    from docgen.campaigns.campaign import load_campaign  # binds the real data/ (templates) first

    write_unit_list(folder)
    units_mod.DATA_DIR = folder  # only the unit list is read from the bench folder

    camp = write_campaign(folder)
    campaign = load_campaign(camp)
    inputs = folder / "nop"
    inputs.mkdir()
    rows = 0
    districts = campaign.units.children(campaign.province)
    for i, d in enumerate(districts):
        day = dt.date(2022, 4, 2) if i % 50 == 7 else dt.date(2022, 3, 20 + i % 10)
        rows += write_submission(inputs / f"{d.code}.xlsx", campaign, d, day)
    return inputs, camp, len(districts), rows


def measure(inputs: str, camp: str, out: str, data_dir: str) -> None:
    """Run tong_hop once in this process; print a JSON line with time and peak RSS."""
    import docgen.campaigns.campaign  # noqa: F401  (binds the real data/ for templates first)
    import docgen.records.units as units_mod
    from docgen import api

    units_mod.DATA_DIR = Path(data_dir)

    start = time.perf_counter()
    result = api.tong_hop(inputs, camp, out, ghi_de=True)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    s = result.summary
    print(json.dumps({"seconds": round(seconds, 2), "peak_mb": round(peak_mb), "units": len(s.rows),
                      "received": s.received, "records": s.records,
                      "sizes_kb": [p.stat().st_size // 1024 for p in result.written]}))


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--do":
        measure(*sys.argv[2:6])
        return
    keep = sys.argv[2] if len(sys.argv) > 2 and sys.argv[1] == "--giu" else None
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        inputs, camp, files, rows = build(folder)
        print(f"Đã tạo {files} tệp báo cáo cấp huyện, {rows} dòng đơn vị, trong {time.perf_counter() - t0:.1f} s.")
        proc = subprocess.run(
            [sys.executable, __file__, "--do", str(inputs), str(camp), str(folder / "ra"), str(folder)],
            capture_output=True, text=True,
        )
        if proc.returncode != 0:
            print(proc.stdout, proc.stderr)
            raise SystemExit(proc.returncode)
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        print(f"tong-hop: {r['seconds']} s, bộ nhớ đỉnh {r['peak_mb']} MB "
              f"(mục tiêu < 30 s, < 300 MB); {r['received']}/{r['units']} đơn vị đã nộp, {r['records']} bản ghi; "
              f"tệp ra (KB): {r['sizes_kb']}")


if __name__ == "__main__":
    main()
