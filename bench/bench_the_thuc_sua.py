"""Benchmark of `docgen the-thuc --sua` (a script, not a test): time to fix a ~50-page document.

    .venv/bin/python bench/bench_the_thuc_sua.py [--trang 50] [--lan 5]

Builds, with python-docx, a công văn typed in Word's default style (Calibri 11,
Letter, 2.54 cm margins, en-dash motto, "ngày 5 tháng 3", "- Lưu VT", no lines,
body left-aligned without indent) and grows its body to about `--trang` pages of
paragraphs and tables, saves it, then times the whole job as the CLI runs it
(`docgen.api.the_thuc(..., sua=True)`: read, check, fix, check the copy again,
write it atomically), and, apart, the check alone for comparison. Target: under 1 s.
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

from docx.shared import Pt  # noqa: E402

from docgen import api  # noqa: E402
from docgen.nd30 import check_file  # noqa: E402
from tests.nd30.word_default import cong_van_word_default  # noqa: E402

SENTENCE = ("Ban Thường trực Ủy ban MTTQ Việt Nam các cấp đã chủ động phối hợp với các tổ chức thành viên "
            "tuyên truyền, vận động nhân dân tham gia xây dựng và quản trị «Trang cộng đồng», bảo đảm "
            "thông tin chính xác, kịp thời, đúng định hướng. ")


def build(pages: int, path: Path) -> tuple[int, int]:
    """Write the Word-default công văn grown to about `pages` pages; return (paragraphs, table rows)."""
    doc = cong_van_word_default()
    anchor = doc.tables[-1]._tbl  # the closing table: the body grows before it
    paragraphs = rows = 0
    for page in range(pages):
        for _ in range(4):
            p = doc.add_paragraph(SENTENCE * 3)
            anchor.addprevious(p._p)
            paragraphs += 1
        if page % 4 == 2:
            t = doc.add_table(rows=12, cols=5)
            for r, row in enumerate(t.rows):
                for c, cell in enumerate(row.cells):
                    cell.paragraphs[0].add_run(f"Ô {r + 1}.{c + 1}").font.size = Pt(11)
            anchor.addprevious(t._tbl)
            rows += 12
    doc.save(path)
    return paragraphs, rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--trang", type=int, default=50, help="số trang nội dung (ước lượng)")
    ap.add_argument("--lan", type=int, default=5, help="số lần đo")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench-sua.docx"
        paragraphs, rows = build(args.trang, path)
        checks, fixes, result = [], [], None
        for _ in range(args.lan):
            start = time.perf_counter()
            check_file(path)
            checks.append(time.perf_counter() - start)
            start = time.perf_counter()
            (result,) = api.the_thuc([path], sua=True, ghi_de=True)
            fixes.append(time.perf_counter() - start)
        by_rule: dict[str, int] = {}
        for c in result.changes:
            by_rule[c.rule] = by_rule.get(c.rule, 0) + 1
        print(f"văn bản: ~{args.trang} trang nội dung, {paragraphs} đoạn, {rows} hàng bảng, "
              f"{path.stat().st_size // 1024} KB; {len(result.before)} mục trước khi sửa")
        print(f"the-thuc (chỉ kiểm tra): trung vị {statistics.median(checks):.3f} s")
        print(f"the-thuc --sua (đọc, kiểm tra, sửa, kiểm tra lại, ghi): trung vị {statistics.median(fixes):.3f} s, "
              f"nhanh nhất {min(fixes):.3f} s ({args.lan} lần); gấp {statistics.median(fixes) / statistics.median(checks):.1f} "
              f"lần kiểm tra")
        print(f"đã sửa {len(result.changes)} chỗ: " + ", ".join(f"{r} {n}" for r, n in sorted(by_rule.items())))
        print(f"còn lại: {', '.join(f.rule for f in result.findings) or 'không'}")


if __name__ == "__main__":
    main()
