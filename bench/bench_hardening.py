"""Benchmark of hostile and huge inputs (a script, not a test): peak memory and time of each, in a fresh process.

    .venv/bin/python bench/bench_hardening.py [--tim-kiem TEN] [--docgen THU_MUC_MA_NGUON_KHAC]

Builds, from the shipped samples: decompression bombs (an .xlsx whose sheet
unpacks to 1 GB, a .docx whose body unpacks to 1 GB, a .docx whose image
unpacks to 3 GB, the same with the limits raised so that docgen must go
through them), a billion-laughs DOCTYPE, a row of two million cells, and a
sheet of 100,000 rows, a workbook whose styles unpack to 21 MB; then runs the command a clerk would (`kiem-tra`,
`the-thuc`) on each in its own Python process and prints its exit code, peak
resident memory (the process's own, LibreOffice is not involved) and time.
Targets (issue 9, docs/gioi-han.md): every input of 20 MB or less under 500 MB;
the 100,000-row sheet well under the 817 MB it took before.
`--docgen DIR` runs another checkout (e.g. main before this work) for comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fuzz import hostile as h  # noqa: E402

SAMPLES = ROOT / "data" / "mau" / "2022-dien-bien"
RAISED = {"DOCGEN_MAX_PART_MB": "5000", "DOCGEN_MAX_TOTAL_MB": "5000", "DOCGEN_MAX_RATIO": "100000000"}
CHILD = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from docgen.cli import main
start = time.perf_counter()
try:
    code = main(sys.argv[3:])
except BaseException as exc:   # a traceback: the run failed
    code = f"{type(exc).__name__}"
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
json.dump({"code": code, "mb": rss / 1024, "s": time.perf_counter() - start}, open(sys.argv[2], "w"))
"""


def hundred_thousand_rows(path: Path, rows: int = 100_000) -> None:
    """Write Mường Nhé's form with `rows` data rows (its own rows repeated), as a program would write it."""
    from openpyxl import Workbook, load_workbook

    sample = list(load_workbook(SAMPLES / "muong-nhe.xlsx")["Phụ lục"].iter_rows(values_only=True))
    head, data = sample[:10], [r for r in sample[10:] if r[1]]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Phụ lục")
    for r in head:
        ws.append(r)
    for i in range(rows):
        ws.append([i + 1, *data[i % len(data)][1:]])
    wb.save(path)


def cases(folder: Path) -> list[tuple[str, list[str], Path, dict]]:
    """Return (name, command, input, extra environment) of each case, the inputs written into `folder`."""
    x, d = (SAMPLES / "muong-nhe.xlsx").read_bytes(), (SAMPLES / "dien-bien-dong.docx").read_bytes()
    made = {
        "xlsx-sheet-1gb.xlsx": h.bomb(x, h.SHEET, 1024),
        "docx-body-1gb.docx": h.bomb(d, h.BODY, 1024),
        "docx-media-3gb.docx": h.with_media(d, "word/media/image1.png", 3072),
        "xlsx-laughs.xlsx": h.with_doctype(x, h.SHEET),
        "xlsx-row-2m-cells.xlsx": h.huge_row(x, 2_000_000),
        "xlsx-styles-21mb.xlsx": h.padded(x, "xl/styles.xml", b"</cellXfs>",
                                          b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>' * 1000, 400),
    }
    for name, data in made.items():
        (folder / name).write_bytes(data)
    hundred_thousand_rows(folder / "xlsx-100000-rows.xlsx")
    return [
        ("bom .xlsx: trang tính 1 GB", ["kiem-tra"], folder / "xlsx-sheet-1gb.xlsx", {}),
        ("bom .docx: thân văn bản 1 GB", ["kiem-tra"], folder / "docx-body-1gb.docx", {}),
        ("bom .docx: ảnh 3 GB (the-thuc)", ["the-thuc"], folder / "docx-media-3gb.docx", {}),
        ("bom .docx: ảnh 3 GB, giới hạn nâng", ["the-thuc"], folder / "docx-media-3gb.docx", RAISED),
        ("bom .xlsx: 1 GB, giới hạn nâng", ["kiem-tra"], folder / "xlsx-sheet-1gb.xlsx", RAISED),
        ("DOCTYPE billion laughs", ["kiem-tra"], folder / "xlsx-laughs.xlsx", {}),
        ("một dòng 2 triệu ô", ["kiem-tra"], folder / "xlsx-row-2m-cells.xlsx", {}),
        ("bảng kiểu 21 MB, tỉ lệ nén nâng", ["kiem-tra"], folder / "xlsx-styles-21mb.xlsx", {"DOCGEN_MAX_RATIO": "100000"}),
        ("100.000 dòng (kiem-tra)", ["kiem-tra"], folder / "xlsx-100000-rows.xlsx", {"DOCGEN_MAX_RATIO": "1000"}),
        ("100.000 dòng (kiem-tra --json)", ["kiem-tra", "--json"], folder / "xlsx-100000-rows.xlsx",
         {"DOCGEN_MAX_RATIO": "1000"}),
    ]


def run(source: Path, command: list[str], path: Path, env: dict) -> dict:
    """Return the exit code, peak MB and seconds of one docgen run in a fresh process (its output discarded)."""
    with tempfile.NamedTemporaryFile(suffix=".json") as result:
        args = [sys.executable, "-c", CHILD, str(source), result.name, command[0], str(path), *command[1:]]
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, **env})
        return json.loads(Path(result.name).read_text() or "{}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tim-kiem", default="", help="chỉ chạy các trường hợp có chữ này trong tên")
    parser.add_argument("--docgen", type=Path, help="thư mục mã nguồn docgen khác để so sánh (ví dụ bản main cũ)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        todo = [c for c in cases(folder) if args.tim_kiem in c[0]]
        sizes = {c[2]: c[2].stat().st_size / 2**20 for c in todo}
        print(f"Dựng {len(todo)} đầu vào: {time.perf_counter() - t:.1f} s\n")
        heads = f"{'trường hợp':38} {'tệp MB':>7} {'mã':>4} {'đỉnh MB':>8} {'giây':>6}"
        print(heads + (f"   | trước: {'mã':>4} {'đỉnh MB':>8} {'giây':>6}  tỉ lệ bộ nhớ" if args.docgen else ""))
        for name, command, path, env in todo:
            ours = run(ROOT, command, path, env)
            line = f"{name:38} {sizes[path]:7.1f} {ours['code']!s:>4} {ours['mb']:8.0f} {ours['s']:6.1f}"
            if args.docgen:
                theirs = run(args.docgen, command, path, env)
                ratio = theirs["mb"] / ours["mb"] if ours["mb"] else 0
                line += f"   |        {theirs['code']!s:>4} {theirs['mb']:8.0f} {theirs['s']:6.1f}  {ratio:5.1f}×"
            print(line)


if __name__ == "__main__":
    main()
