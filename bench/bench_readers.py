"""Time the readers on a 50,000-row form and on the shipped samples; prints numbers, asserts nothing.

Run `python bench/bench_readers.py [ROWS]`. It compares the strategy docgen uses (the workbook opened
read-only without openpyxl's size scan, the table's sheet streamed once by lxml with openpyxl's cell
values, merged areas in the same pass: docgen/readers/sheetxml.py) with openpyxl's own ways: read-only
iteration (no merged areas), its sheet parser (what docgen used before), and its normal mode (slowest,
needed for merged areas otherwise), so the choice in docgen/readers/xlsx.py stays measured.
"""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402
from openpyxl.worksheet._reader import WorkSheetParser  # noqa: E402

from docgen.readers import find_inputs, read_source  # noqa: E402
from docgen.readers.sheetxml import SheetParser, open_workbook  # noqa: E402


def build(path: Path, rows: int) -> None:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Phụ lục")
    ws.append(["DANH SÁCH"])
    ws.append(["TT", "Đơn vị", "Tên Trang", "Địa chỉ liên kết", "Lãnh đạo phụ trách", None, None,
               "Cán bộ quản lý, vận hành", None, None])
    ws.append([None] * 4 + ["Họ và tên", "Số điện thoại", "Địa chỉ hộp thư điện tử"] * 2)
    ws.append(["I", "Cấp xã"])
    for i in range(1, rows + 1):
        ws.append([i, f"Xã Số {i}", f"Mặt trận Số {i} (huyện A, tỉnh B)", f"https://www.facebook.com/x{i}",
                   "Lò Văn A", "0912 000 101", "a@gmail.com", "Lò Thị B", 912000102, "b@gmail.com"])
    wb.save(path)


def timed(label: str, fn) -> object:
    gc.collect()   # garbage left by the previous step (openpyxl's normal mode makes cycles) is not billed here
    start = time.perf_counter()
    result = fn()
    print(f"{label:<58} {time.perf_counter() - start:7.2f} s")
    return result


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lon.xlsx"
        timed(f"tạo tệp {rows:,} dòng (openpyxl write-only)", lambda: build(path, rows))
        print(f"kích thước tệp: {path.stat().st_size / 1e6:.1f} MB")

        def plain_read_only():
            wb = openpyxl.load_workbook(path, read_only=True)
            n = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
            wb.close()
            return n

        def openpyxl_parser():
            wb = openpyxl.load_workbook(path, read_only=True)
            ws = wb.worksheets[0]
            with ws._get_source() as src:
                n = sum(1 for _ in WorkSheetParser(src, ws._shared_strings).parse())
            wb.close()
            return n

        def docgen_parser():
            wb = open_workbook(path, data_only=False)
            ws = wb.worksheets[0]
            with ws._get_source() as src:
                n = sum(1 for _ in SheetParser(src, ws._shared_strings).rows())
            wb.close()
            return n

        def normal_mode():
            wb = openpyxl.load_workbook(path)
            return sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))

        timed("openpyxl read-only, chỉ duyệt giá trị (mốc so sánh)", plain_read_only)
        timed("openpyxl: bộ phân tích trang tính (cách đọc cũ)", openpyxl_parser)
        timed("docgen: sheetxml.SheetParser (cùng giá trị, có ô gộp)", docgen_parser)
        timed("openpyxl chế độ thường (có ô gộp) — không dùng", normal_mode)
        source = timed("docgen read_source (đủ RawRow, vị trí ô, ghi chú)", lambda: read_source(path))
        print(f"số dòng đọc được: {len(source.table.rows):,}")
    samples = find_inputs([ROOT / "data" / "mau" / "2022-dien-bien", ROOT / "data" / "mau" / "2026-dien-bien"])
    timed(f"đọc {len(samples)} tệp mẫu trong data/mau", lambda: [read_source(p) for p in samples])


if __name__ == "__main__":
    main()
