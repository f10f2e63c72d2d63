"""Benchmark the province's dashboard on a synthetic national campaign (not a test: prints numbers).

Builds a one-"province" list holding all 3,321 communes of data/dvhc_2cap_2025.csv
(as bench_tong_hop.py does for the 2024 list), a two-level campaign over it, and a data
folder where 3,000 communes have checked versions (some late, some with errors, some
with several versions) and 321 have none. Serves it on loopback and prints the
dashboard's server time (Server-Timing) over repeated requests, next to the 2022
province's 10 districts.

    .venv/bin/python bench/bench_web_dashboard.py            (target: under 300 ms for the national list)
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from docgen.campaigns.campaign import load_campaign  # noqa: E402  (binds the real data/ first)

LIST_NAME = "bench_toan_quoc_2cap"
PROVINCE = "Toàn Quốc"
PASSWORD = "mat-khau-do-tai-1"


def build(folder: Path) -> Path:
    """Write the national list and campaign into `folder`; return the campaign folder."""
    with (ROOT / "data" / "dvhc_2cap_2025.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    with (folder / f"{LIST_NAME}.csv").open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["ma_tinh", "ten_tinh", "ma_xa", "ten_xa"])
        for r in rows:
            out.writerow(["00", f"Tỉnh {PROVINCE}", r["ma_xa"], r["ten_xa"]])
    text = (ROOT / "data" / "chien-dich" / "2026-ra-soat-trang-cong-dong" / "chien-dich.toml").read_text(encoding="utf-8")
    text = text.replace('danh_muc = "dvhc_2cap_2025"', f'danh_muc = "{LIST_NAME}"')
    text = text.replace('tinh = "Điện Biên"', f'tinh = "{PROVINCE}"', 1)
    text = text.replace('id = "2026-ra-soat-trang-cong-dong"', 'id = "toan-quoc"')
    camp = folder / "toan-quoc"
    camp.mkdir()
    (camp / "chien-dich.toml").write_text(text, encoding="utf-8")
    return camp


def fill(store, campaign_id: str, account_id: int, deadline: dt.date) -> int:
    """Insert checked versions for 3,000 of the units (as the checker stores them); return how many."""
    with store.connect() as db:
        codes = [r[0] for r in db.execute("SELECT code FROM units WHERE campaign_id = ? ORDER BY ord", (campaign_id,))]
    rows = []
    for i, code in enumerate(codes[:3000]):
        day = deadline - dt.timedelta(days=5) if i % 7 else deadline + dt.timedelta(days=3)
        errors = 2 if i % 11 == 0 else 0
        figures = [{"level": "xa", "title": "Cấp xã", "expected": 1, "present": 1, "with_page": 1,
                    "on_pattern": int(i % 13 != 0), "with_leader": 1, "with_operator": 1, "with_both": 1}]
        for n in range(1 + (i % 17 == 0)):
            rows.append((campaign_id, code, account_id, f"{day.isoformat()}T09:00:00+07:00", f"{code}.xlsx", 9000,
                         "0" * 64, "tep/00/0", f"{code}-{n}", "xong", "{}", 1, errors, 1, day.isoformat(), "thong_tin",
                         code, json.dumps(figures)))
    with store.transaction() as db:
        db.executemany(
            "INSERT INTO versions (campaign_id, unit_code, account_id, uploaded_at, file_name, size, sha256, blob,"
            " form_token, state, result, usable, errors, warnings, report_date, date_source, file_unit, figures)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len({r[1] for r in rows})


def fill_one(store, account_id: int) -> None:
    """Add one more version to the first unit, as an upload would."""
    with store.transaction() as db:
        db.execute("INSERT INTO versions (campaign_id, unit_code, account_id, uploaded_at, file_name, size, sha256,"
                   " blob, state, result, usable, errors, warnings, figures) SELECT campaign_id, unit_code, account_id,"
                   " uploaded_at, file_name, size, sha256, blob, state, result, usable, errors, warnings, figures"
                   " FROM versions WHERE id = 1")


def timed(client: httpx.Client, url: str, times: int = 15) -> tuple[float, float, int]:
    """Return (median server ms, median wall ms, rows shown) of `times` requests for `url`."""
    server, wall, shown = [], [], 0
    for _ in range(times):
        t0 = time.perf_counter()
        got = client.get(url)
        wall.append((time.perf_counter() - t0) * 1000)
        server.append(float(re.search(r"dur=([\d.]+)", got.headers["server-timing"]).group(1)))
        shown = len(re.findall(r'<td><a href="/chien-dich/', got.text))
    return statistics.median(server), statistics.median(wall), shown


def main() -> None:
    from docgen.records import units as units_mod
    from docgen.web import accounts
    from web.conftest import Server

    with tempfile.TemporaryDirectory(prefix="bench-bang-") as tmp:
        tmp = Path(tmp)
        camp = build(tmp)
        real = units_mod.DATA_DIR
        units_mod.DATA_DIR = tmp  # only the unit list is read from the bench folder
        try:
            deadline = load_campaign(camp).top_level.deadline
            server = Server(tmp / "du-lieu", [str(camp)])
            try:
                admin = accounts.create(server.store, "tinh", PASSWORD, is_admin=True)
                reported = fill(server.store, "toan-quoc", admin["id"], deadline)
                with httpx.Client(base_url=server.url, timeout=120, follow_redirects=True) as client:
                    page = client.get("/dang-nhap").text
                    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
                    client.post("/dang-nhap", data={"csrf": token, "ten": "tinh", "mat_khau": PASSWORD})
                    full = timed(client, "/quan-tri/chien-dich/toan-quoc")
                    fresh = []
                    for _ in range(7):  # a version arrives before each view: nothing cached
                        fill_one(server.store, admin["id"])
                        fresh.append(timed(client, "/quan-tri/chien-dich/toan-quoc", 1)[0])
                    late = timed(client, "/quan-tri/chien-dich/toan-quoc?trang-thai=tre_han&sap-xep=loi")
            finally:
                server.stop()
        finally:
            units_mod.DATA_DIR = real
        units_mod.load.cache_clear()
        server = Server(tmp / "du-lieu-2022", ["2022-trang-cong-dong"])
        try:
            accounts.create(server.store, "tinh", PASSWORD, is_admin=True)
            with httpx.Client(base_url=server.url, timeout=120, follow_redirects=True) as client:
                page = client.get("/dang-nhap").text
                token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
                client.post("/dang-nhap", data={"csrf": token, "ten": "tinh", "mat_khau": PASSWORD})
                small = timed(client, "/quan-tri/chien-dich/2022-trang-cong-dong")
        finally:
            server.stop()
    print(f"Bảng tình hình toàn quốc (3321 xã, {reported} đã nộp; trang {full[2]} dòng): "
          f"ngay sau một lần nộp mới (tính lại cả 3321 xã) máy chủ {statistics.median(fresh):.0f} ms "
          f"(lâu nhất {max(fresh):.0f} ms); xem lại khi chưa có gì mới {full[0]:.0f} ms (trọn yêu cầu {full[1]:.0f} ms)")
    print(f"  lọc «trễ hạn», xếp theo số lỗi ({late[2]} xã): máy chủ {late[0]:.0f} ms")
    print(f"Bảng tình hình tỉnh Điện Biên 2022 ({small[2]} huyện): máy chủ {small[0]:.0f} ms; "
          f"toàn quốc / một tỉnh = {full[0] / small[0]:.1f}×")


if __name__ == "__main__":
    main()
