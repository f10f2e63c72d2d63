"""Benchmark the web page on loopback (not a test: prints numbers).

Starts `docgen web` (real worker processes) on a fresh data folder, makes 50 unit
accounts, signs them in, then has all 50 upload a filled form at once (the 2022
samples, in turn) and waits for each result page. Prints p50/p95/max of
upload-to-result, checks that every upload is stored exactly once (one version per
form, bytes matching their sha256) and that every result equals `docgen kiem-tra`
on the same file.

    .venv/bin/python bench/bench_web.py [--don-vi 50]        (target: a district file shown in under 1 s)
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docgen import api  # noqa: E402
from docgen.web import accounts  # noqa: E402
from docgen.web.store import Store  # noqa: E402

CAMPAIGN = "2022-trang-cong-dong"
SAMPLES = sorted((ROOT / "data" / "mau" / "2022-dien-bien").iterdir())
PASSWORD = "mat-khau-do-tai-1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(folder: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "docgen", "web", "--du-lieu", str(folder), "--cong", str(port),
                             "--chien-dich", CAMPAIGN], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    for _ in range(600):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/suc-khoe").status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit("docgen web did not start")


def csrf(html: str, name: str = "csrf") -> str:
    return re.search(rf'name="{name}" value="([^"]+)"', html).group(1)


def sign_in(base: str, name: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=120, follow_redirects=True)
    page = client.get("/dang-nhap")
    client.post("/dang-nhap", data={"csrf": csrf(page.text), "ten": name, "mat_khau": PASSWORD, "tiep": "/"})
    return client


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--don-vi", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp:
        folder, port = Path(tmp) / "d", free_port()
        store = Store(folder).open()
        proc = start(folder, port)
        base = f"http://127.0.0.1:{port}"
        try:
            units = api.don_vi_bao_cao(CAMPAIGN)[: args.don_vi]
            for i, unit in enumerate(units):
                accounts.create(store, f"don-vi-{i:02d}", PASSWORD, unit_list="dvhc_3cap_2024", unit=unit)
            clients = [sign_in(base, f"don-vi-{i:02d}") for i in range(len(units))]
            forms = []
            for client, unit in zip(clients, units):
                page = client.get(f"/chien-dich/{CAMPAIGN}/don-vi/{unit.code}").text
                forms.append((csrf(page), csrf(page, "ma_gui")))
            times: list[float] = [0.0] * len(units)
            pages: list[str] = [""] * len(units)
            barrier = threading.Barrier(len(units))

            def one(i: int) -> None:
                client, unit, (token, form) = clients[i], units[i], forms[i]
                sample = SAMPLES[i % len(SAMPLES)]
                data = sample.read_bytes()
                barrier.wait()
                t0 = time.perf_counter()
                got = client.post(f"/chien-dich/{CAMPAIGN}/don-vi/{unit.code}/nop", data={"csrf": token, "ma_gui": form},
                                  files={"tep": (sample.name, data)})
                while "Đang kiểm tra…" in got.text:
                    time.sleep(0.05)
                    got = client.get(str(got.url))
                times[i] = time.perf_counter() - t0
                pages[i] = got.text

            threads = [threading.Thread(target=one, args=(i,)) for i in range(len(units))]
            wall = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.perf_counter() - wall
            # Single uploads one after the other: what one clerk waits for on a quiet server.
            alone = []
            for i in range(10):
                client, unit = clients[i], units[i]
                page = client.get(f"/chien-dich/{CAMPAIGN}/don-vi/{unit.code}").text
                t0 = time.perf_counter()
                client.post(f"/chien-dich/{CAMPAIGN}/don-vi/{unit.code}/nop",
                            data={"csrf": csrf(page), "ma_gui": csrf(page, "ma_gui")},
                            files={"tep": ("muong-nhe.xlsx", (ROOT / "data/mau/2022-dien-bien/muong-nhe.xlsx").read_bytes())})
                alone.append(time.perf_counter() - t0)
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(30)
        with sqlite3.connect(folder / "docgen.sqlite3") as db:
            rows = db.execute("SELECT form_token, sha256, blob, errors, file_name FROM versions WHERE id <= ?",
                              (len(units),)).fetchall()
        # A version keeps the form's token with the file's hash (a re-sent form with another file is kept).
        tokens = [r[0].split(":")[0] for r in rows]
        assert len(rows) == len(units) and sorted(tokens) == sorted(f for _, f in forms), "a version stored twice or lost"
        expected = {s.name: api.kiem_tra([s]).error_count for s in SAMPLES}
        for _, sha, blob, errors, name in rows:
            assert hashlib.sha256((folder / blob).read_bytes()).hexdigest() == sha
            assert errors == expected[name], (name, errors, expected[name])
        q = statistics.quantiles(times, n=20)
        print(f"{len(units)} đơn vị nộp cùng lúc: xong cả trong {wall:.2f} s; mỗi lần nộp → thấy kết quả: "
              f"p50 {statistics.median(times) * 1000:.0f} ms, p95 {q[18] * 1000:.0f} ms, lâu nhất {max(times) * 1000:.0f} ms")
        print(f"Một lần nộp khi máy rảnh (tệp Mường Nhé, 10 lần): p50 {statistics.median(alone) * 1000:.0f} ms, "
              f"lâu nhất {max(alone) * 1000:.0f} ms")
        print(f"Mỗi lần nộp lưu đúng một phiên bản ({len(rows)}/{len(units)}), tệp khớp sha256, "
              "số lỗi khớp docgen kiem-tra.")


if __name__ == "__main__":
    main()
