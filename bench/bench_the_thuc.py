"""Benchmark of `docgen the-thuc` (a script, not a test): time to check a ~40-page document.

    .venv/bin/python bench/bench_the_thuc.py [--trang 40] [--lan 5]

Builds, with python-docx, a báo cáo laid out to ND30 (header table, title, Kính
gửi, body of numbered sections with justified paragraphs, a body table every few
pages, Nơi nhận and signature, a landscape appendix table), saves it, then times
`docgen.nd30.check_file` on it (opening the package included). Target: well under 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "nd30"))

import nd30_docs as d  # noqa: E402
from docx.shared import Cm, Pt  # noqa: E402

from docgen.nd30 import Level, check_file  # noqa: E402

SENTENCE = ("Ban Thường trực Ủy ban MTTQ Việt Nam các cấp đã chủ động phối hợp với các tổ chức thành viên "
            "tuyên truyền, vận động nhân dân tham gia xây dựng và quản trị «Trang cộng đồng», bảo đảm "
            "thông tin chính xác, kịp thời, đúng định hướng. ")


def build(pages: int, path: Path) -> tuple[int, int]:
    """Write a report of about `pages` pages to `path`; return (paragraphs, table rows)."""
    doc = d.bao_cao()
    anchor = d.para(doc, "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên báo cáo")._p
    paragraphs = rows = 0
    for page in range(pages):
        if page % 3 == 0:
            head = d.add(doc, f"{page // 3 + 1}. Kết quả thực hiện nhiệm vụ {page // 3 + 1}", 14, bold=True,
                         align=d.BOTH, before=6, first_line=Cm(1.27))
            anchor.addprevious(head._p)
        for _ in range(4):
            p = d.add(doc, SENTENCE * 3, 14, align=d.BOTH, before=6, first_line=Cm(1.27))
            anchor.addprevious(p._p)
            paragraphs += 1
        if page % 4 == 2:
            t = doc.add_table(rows=12, cols=5)
            for r, row in enumerate(t.rows):
                for c, cell in enumerate(row.cells):
                    cell.paragraphs[0].add_run(f"Ô {r + 1}.{c + 1}").font.size = Pt(13)
            anchor.addprevious(t._tbl)
            rows += 12
    appendix = doc.tables[-1]
    for i in range(120):
        cells = appendix.add_row().cells
        for c, text in enumerate((str(i + 2), f"Xã {i + 2}", f"fb.com/xa{i + 2}")):
            cells[c].paragraphs[0].add_run(text).font.size = Pt(12)
        rows += 1
    doc.save(path)
    return paragraphs, rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--trang", type=int, default=40, help="số trang nội dung (ước lượng)")
    ap.add_argument("--lan", type=int, default=5, help="số lần đo")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench-the-thuc.docx"
        paragraphs, rows = build(args.trang, path)
        times, findings = [], []
        for _ in range(args.lan):
            start = time.perf_counter()
            findings = check_file(path)
            times.append(time.perf_counter() - start)
        errors = sum(f.level == Level.MUST for f in findings)
        print(f"văn bản: ~{args.trang} trang nội dung, {paragraphs} đoạn, {rows} hàng bảng, "
              f"{path.stat().st_size // 1024} KB")
        print(f"the-thuc: trung vị {statistics.median(times):.3f} s, nhanh nhất {min(times):.3f} s "
              f"({args.lan} lần); {errors} lỗi, {len(findings) - errors} mục khác")


if __name__ == "__main__":
    main()
