"""Command line: each command parses its arguments, calls one `docgen.api` function, prints.

Exit codes: 0 done and clean, 1 done with errors found, 2 input that cannot be used.
"""

from __future__ import annotations

import argparse
import sys

from docgen.errors import DocgenError

COMMANDS: dict[str, "callable"] = {}


def command(name: str, help: str, example: str):
    """Register a command: `fn(parser)` adds arguments and returns the runner `run(args) -> int`."""

    def deco(fn):
        COMMANDS[name] = (fn, help, example)
        return fn

    return deco


def _utf8_console() -> None:
    # A Vietnamese Windows console defaults to cp1258/cp437: force UTF-8 so no message is lost.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="docgen",
        description="Kiểm tra dữ liệu «Trang cộng đồng» của Mặt trận các cấp và soạn văn bản theo Nghị định 30/2020/NĐ-CP.",
    )
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    for name, (fn, help_, example) in COMMANDS.items():
        p = sub.add_parser(
            name,
            help=help_,
            description=f"{help_}\n\nVí dụ:\n  {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.set_defaults(_run=fn(p))
    return parser


# --- kiem-tra ---


@command(
    "kiem-tra",
    help="Kiểm tra các tệp danh sách «Trang cộng đồng» (.xlsx, .docx): lỗi, cảnh báo và số liệu từng cấp.",
    example="docgen kiem-tra data/mau/2022-dien-bien",
)
def _kiem_tra(p: argparse.ArgumentParser):
    p.add_argument("nguon", nargs="+", metavar="TỆP_HOẶC_THƯ_MỤC", help="tệp .xlsx/.docx của đơn vị, hoặc thư mục chứa chúng")
    p.add_argument("--chien-dich", metavar="CHIẾN_DỊCH", default="2022-trang-cong-dong",
                   help="mã chiến dịch trong data/chien-dich/ hoặc đường dẫn thư mục (mặc định: %(default)s)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON cho máy đọc (xem docs/kiem-tra.md)")

    def run(args) -> int:
        import json
        from pathlib import Path

        from docgen import api

        res = api.kiem_tra([Path(n) for n in args.nguon], chien_dich=args.chien_dich)
        if args.json:
            print(json.dumps(res.to_dict(), ensure_ascii=False, indent=2))
            for u in res.unusable:
                print(f"Lỗi: {u.path}: {u.message}", file=sys.stderr)
        else:
            print(_kiem_tra_text(res))
        return res.exit_code

    return run


def _kiem_tra_text(res) -> str:
    """Return the readable report of `kiem_tra`: problems grouped by file, then the figures."""
    from pathlib import Path

    from docgen.checks import SEVERITY_WORDS
    from docgen.checks.figures import describe

    lines = [f"Chiến dịch: {res.campaign_id}"]
    for sub in res.submissions:
        unit = sub.reporting_unit.full_name if sub.reporting_unit else "(không rõ đơn vị)"
        errors = len(sub.errors)
        lines += ["", f"== {sub.source.path} — {unit}: {len(sub.records)} dòng, {errors} lỗi, "
                      f"{len(sub.problems) - errors} cảnh báo"]
        where = [" › ".join(x for x in (p.location.sheet, p.location.cell) if x) or p.location.file for p in sub.problems]
        width = max([len("Vị trí"), *map(len, where)])
        if sub.problems:
            lines.append(f"  {'Quy tắc':<7}  {'Mức':<8}  {'Vị trí':<{width}}  Nội dung")
        for p, w in zip(sub.problems, where):
            lines.append(f"  {p.rule:<7}  {SEVERITY_WORDS[p.severity]:<8}  {w:<{width}}  {p.message}")
            if p.fix:
                lines.append(f"  {'':<7}  {'':<8}  {'':<{width}}  → Cách sửa: {p.fix}")
        lines.append("  Số liệu:")
        lines += [f"    {describe(f)}" for f in sub.figures]
    if res.unusable:
        lines += ["", "Không dùng được:"]
        lines += [f"  {u.path}: {u.message}" + (f" ({u.location})" if u.location and u.location != Path(u.path).name else "")
                  for u in res.unusable]
    lines += ["", f"Tổng cộng: {len(res.submissions)} tệp đã kiểm tra, {res.error_count} lỗi, {res.warning_count} cảnh báo"
                  + (f"; {len(res.unusable)} tệp không dùng được." if res.unusable else ".")]
    return "\n".join(lines)


# --- end kiem-tra ---

# --- bao-cao ---


@command(
    "bao-cao",
    help="Soạn báo cáo kết quả (kèm Phụ lục danh sách «Trang cộng đồng») theo Nghị định 30 cho từng tệp dữ liệu.",
    example="docgen bao-cao data/mau/2022-dien-bien -o out/ --pdf",
)
def _bao_cao(p: argparse.ArgumentParser):
    p.add_argument("nguon", nargs="+", metavar="TỆP_HOẶC_THƯ_MỤC", help="tệp .xlsx/.docx của đơn vị, hoặc thư mục chứa chúng")
    p.add_argument("-o", "--ra", metavar="THƯ_MỤC", required=True, help="thư mục ghi kết quả: THƯ_MỤC/<đơn-vị>/bao-cao-ket-qua.docx")
    p.add_argument("--chien-dich", metavar="CHIẾN_DỊCH", default="2022-trang-cong-dong",
                   help="mã chiến dịch trong data/chien-dich/ hoặc đường dẫn thư mục (mặc định: %(default)s)")
    p.add_argument("--pdf", action="store_true", help="xuất thêm bản PDF (cần LibreOffice)")
    p.add_argument("--ghi-de", action="store_true", help="ghi đè tệp đã có")
    p.add_argument("--chat", action="store_true", help="chặt chẽ: không soạn báo cáo cho tệp còn lỗi, liệt kê các lỗi")
    p.add_argument("--phu-luc-rieng", action="store_true", help="ghi thêm Phụ lục thành tệp riêng phu-luc.docx")

    def run(args) -> int:
        from docgen import api

        res = api.bao_cao(args.nguon, args.ra, chien_dich=args.chien_dich, pdf=args.pdf, ghi_de=args.ghi_de,
                          chat=args.chat, phu_luc_rieng=args.phu_luc_rieng, progress=_progress_bar())
        _print_bao_cao(res)
        return res.exit_code

    return run


def _progress_bar():
    """Return a progress callback drawing a text bar on stderr (nothing for a single file)."""
    tty = sys.stderr.isatty()

    def show(done: int, total: int, name: str) -> None:
        if total < 2:
            return
        width = 24
        filled = width * done // total
        line = f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name}"
        if tty:
            print(f"\r{line[:78]:<78}", end="" if done < total else "\n", file=sys.stderr, flush=True)
        elif done < total:
            print(line, file=sys.stderr)

    return show


def _print_bao_cao(res) -> None:
    """Print what `bao_cao` wrote and refused, in Vietnamese."""
    from docgen.records.model import Severity

    for w in res.written:
        errors = sum(p.severity is Severity.ERROR for p in w.problems)
        warnings = len(w.problems) - errors
        note = f" — {errors} lỗi, {warnings} cảnh báo (ghi ở mục II của báo cáo)" if w.problems else ""
        print(f"{w.unit}: {', '.join(str(f) for f in w.files)}{note}")
        for n in w.notes:
            print(f"  Lưu ý: {n.location}: {n.message}")
        _print_nd30(w.format_checks)
    for r in res.refused:
        print(f"Không soạn: {r.source}: {r.message}", file=sys.stderr)
        for e in r.errors:
            print(f"  [{e.rule}] {e.location}: {e.message}", file=sys.stderr)
    if res.pdf_error:
        print(f"Lỗi PDF: {res.pdf_error}", file=sys.stderr)
    print(f"Đã ghi {len(res.written)} báo cáo; không soạn {len(res.refused)} tệp.")
    _print_nd30_total([c for w in res.written for c in w.format_checks])


ND30_CLEAN = "Thể thức (NĐ 30/2020): không có lỗi"


def _print_nd30(checks) -> None:
    """Print the ND30 check of each written .docx under it: one clean line, or the `docgen the-thuc` findings."""
    for c in checks:
        if c.clean:
            print(f"  {ND30_CLEAN}" + (f" ({c.path.name})" if len(checks) > 1 else ""))
        else:
            print("  Thể thức (NĐ 30/2020): ", end="")
            _print_the_thuc(c)  # the same wording as `docgen the-thuc`: rule ID, place, message


def _print_nd30_total(checks) -> None:
    """Print, when a written document breaks a MUST rule of ND30, why the exit code is 1."""
    from docgen.jobs.nd30_check import not_ready

    bad = [c for c in checks if not_ready([c])]
    if bad:
        print(f"Thể thức: {len(bad)} văn bản có lỗi theo NĐ 30/2020 nên chưa trình ký được; tệp đã ghi vẫn giữ "
              "nguyên. Sửa mẫu văn bản (.docx) rồi soạn lại, hoặc sửa trực tiếp tệp trong Word.")


# --- end bao-cao ---

# --- cong-van ---


@command(
    "cong-van",
    help="Soạn công văn chỉ đạo của tỉnh cho một chiến dịch (thể thức Nghị định 30), kèm Phụ lục biểu mẫu trống.",
    example="docgen cong-van 2022-trang-cong-dong -o ket-qua/",
)
def _cong_van(p: argparse.ArgumentParser):
    p.add_argument("chien_dich", metavar="CHIẾN_DỊCH", help="mã chiến dịch trong data/chien-dich/ hoặc đường dẫn thư mục")
    p.add_argument("-o", "--ra", dest="out", required=True, metavar="THƯ_MỤC",
                   help="thư mục ghi kết quả (tệp ghi vào THƯ_MỤC/<mã chiến dịch>/cong-van.docx)")
    p.add_argument("--ghi-de", action="store_true", help="ghi đè tệp đã có")
    p.add_argument("--pdf", action="store_true", help="xuất thêm bản PDF (cần LibreOffice)")

    def run(args) -> int:
        from docgen import api

        res = api.cong_van(args.chien_dich, args.out, ghi_de=args.ghi_de, pdf=args.pdf)
        for path in res.written:
            print(f"Đã ghi {path}")
        _print_nd30(res.format_checks)
        _print_nd30_total(res.format_checks)
        return res.exit_code

    return run


# --- end cong-van ---

# --- bieu-mau ---


@command(
    "bieu-mau",
    help="Tạo biểu mẫu Excel thu thập danh sách «Trang cộng đồng» cho từng đơn vị của chiến dịch.",
    example="docgen bieu-mau 2022-trang-cong-dong --don-vi \"Mường Nhé\" -o ra/",
)
def _bieu_mau(p: argparse.ArgumentParser):
    p.add_argument("chien_dich", metavar="CHIẾN_DỊCH", help="mã chiến dịch trong data/chien-dich/ hoặc đường dẫn thư mục")
    p.add_argument("--don-vi", metavar="ĐƠN_VỊ", help="chỉ tạo biểu mẫu của một đơn vị (ghi tên có hoặc không kèm «Huyện»)")
    p.add_argument("-o", "--ra", metavar="THƯ_MỤC", required=True, help="thư mục ghi các tệp .xlsx")
    p.add_argument("--ghi-de", action="store_true", help="ghi đè tệp đã có")

    def run(args) -> int:
        from pathlib import Path

        from docgen import api

        paths = api.bieu_mau(args.chien_dich, Path(args.ra), args.don_vi, args.ghi_de)
        for path in paths:
            print(f"Đã ghi {path}")
        print(f"Tổng cộng {len(paths)} biểu mẫu.")
        return 0

    return run


# --- end bieu-mau ---

# --- mau ---


@command(
    "mau",
    help="Công cụ cho mẫu văn bản .docx: «mau kiem-tra» soát lỗi Jinja, thẻ bị tách, biến không có.",
    example="docgen mau kiem-tra templates/cong_van.docx --loai cong-van",
)
def _mau(p: argparse.ArgumentParser):
    tools = p.add_subparsers(dest="mau_lenh", metavar="VIỆC", required=True)
    check = tools.add_parser(
        "kiem-tra",
        help="kiểm tra một mẫu .docx trước khi dùng",
        description="Kiểm tra một mẫu .docx: cú pháp Jinja, thẻ bị Word tách, biến và bộ lọc không có, "
        "lệnh bị chặn vì an toàn — ở thân văn bản, bảng, đầu trang và chân trang.\n\n"
        "Ví dụ:\n  docgen mau kiem-tra templates/cong_van.docx --loai cong-van",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("mau", metavar="MẪU.docx", help="tệp mẫu Word")
    from docgen.api import TEMPLATE_KINDS

    check.add_argument("--loai", choices=tuple(TEMPLATE_KINDS),
                       help="loại văn bản của mẫu (mặc định: đoán theo tên tệp)")

    def run(args) -> int:
        from pathlib import Path

        from docgen import api

        findings = api.mau_kiem_tra(Path(args.mau), args.loai)
        for f in findings:
            print(f"{f.location}: [{f.rule}] {f.message}")
            if f.fix:
                print(f"    Cách sửa: {f.fix}")
        if not findings:
            print(f"{Path(args.mau).name}: mẫu không có lỗi.")
            return 0
        print(f"{len(findings)} lỗi trong mẫu.")
        return 1

    return run


# --- end mau ---

# --- the-thuc ---


@command(
    "the-thuc",
    help="Kiểm tra thể thức văn bản Word (.docx) theo Nghị định 30/2020/NĐ-CP: lề, phông, số trang, "
         "Quốc hiệu, số và ký hiệu, ngày tháng, Nơi nhận, chữ ký, phụ lục.",
    example="docgen the-thuc ket-qua/2022-trang-cong-dong/cong-van.docx --tat-ca",
)
def _the_thuc(p: argparse.ArgumentParser):
    p.add_argument("tep", nargs="+", metavar="TỆP.docx",
                   help="văn bản cần kiểm tra (một hoặc nhiều tệp; thư mục: mọi tệp .docx trong đó)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.add_argument("--tat-ca", action="store_true", help="in cả các mục thông tin (mức INFO)")

    def run(args) -> int:
        from docgen import api

        results = api.the_thuc(args.tep, include_info=args.tat_ca)
        if args.json:
            import json

            print(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2))
        else:
            for r in results:
                _print_the_thuc(r)
            if len(results) > 1:
                bad = sum(1 for r in results if r.errors)
                unread = sum(1 for r in results if r.error)
                print(f"Đã kiểm tra {len(results)} tệp: {len(results) - bad - unread} đúng thể thức, "
                      f"{bad} có lỗi, {unread} không đọc được.")
        if any(r.error for r in results):
            return 2
        return 1 if any(r.errors for r in results) else 0

    return run


def _print_the_thuc(r) -> None:
    if r.error:
        print(f"{r.path}: không đọc được: {r.error}")
        return
    if not r.findings:
        print(f"{r.path} ({r.kind}): đúng thể thức ND30, không có lỗi.")
        return
    print(f"{r.path} ({r.kind}): {len(r.errors)} lỗi, {len(r.warnings)} cảnh báo")
    for f in r.findings:
        print(f"  {f.level.label} {f.rule} · {f.where}")
        print(f"      {f.message}")


# --- end the-thuc ---

# --- tong-hop ---


@command(
    "tong-hop",
    help="Tổng hợp báo cáo của các đơn vị cấp dưới: ai đã nộp, đúng hạn hay trễ hạn, ai chưa nộp; "
    "ghi bảng tổng hợp .xlsx và báo cáo tổng hợp của tỉnh kèm Phụ lục các cấp.",
    example="docgen tong-hop data/mau/2022-dien-bien --chien-dich 2022-trang-cong-dong -o ket-qua/",
)
def _tong_hop(p: argparse.ArgumentParser):
    p.add_argument("folder", metavar="THƯ_MỤC", help="thư mục chứa các tệp báo cáo (.xlsx, .docx) của cấp dưới")
    p.add_argument("--chien-dich", default="2022-trang-cong-dong", metavar="CHIẾN_DỊCH",
                   help="mã chiến dịch trong data/chien-dich/ hoặc đường dẫn thư mục chiến dịch")
    p.add_argument("-o", "--ra", dest="out", required=True, metavar="THƯ_MỤC_RA", help="thư mục ghi kết quả")
    p.add_argument("--thong-tin", metavar="TỆP", help="tệp «Thông tin» của tỉnh (người ký, số, ngày, đề xuất…)")
    p.add_argument("--ghi-de", action="store_true", help="ghi đè tệp đã có")

    def run(args) -> int:
        from docgen import api

        result = api.tong_hop(args.folder, args.chien_dich, args.out, ghi_de=args.ghi_de, thong_tin=args.thong_tin)
        print(_tong_hop_text(result.summary))
        print("Đã ghi:")
        for path in result.written:
            print(f"  {path}")
        _print_nd30(result.format_checks)
        _print_nd30_total(result.format_checks)
        if not args.thong_tin:
            print("Báo cáo là bản dự thảo (chưa có số, ngày, người ký): thêm --thong-tin TỆP có trang «Thông tin» "
                  "của tỉnh để điền.")
        return result.exit_code

    return run


def _tong_hop_text(summary) -> str:
    """Return the per-unit status table and totals a clerk reads on the console."""
    from docgen.aggregate.status import Status, fmt_date, pct, severity_counts
    from docgen.render.filters import phan_tram

    lv = summary.level
    lines = [
        f"Tổng hợp: {summary.campaign.title} — {summary.province.label}, {lv.title.lower()} "
        f"(hạn {fmt_date(lv.deadline)})",
        f"Đã nộp {summary.received}/{len(summary.rows)}: {summary.count(Status.ON_TIME)} đúng hạn, "
        f"{summary.count(Status.LATE)} trễ hạn, {summary.count(Status.UNDATED)} không rõ ngày, "
        f"{summary.count(Status.MISSING)} chưa nộp.",
        "",
    ]
    width = max(len(r.unit.full_name) for r in summary.rows) if summary.rows else 10
    for i, row in enumerate(summary.rows, start=1):
        date = fmt_date(row.date) if row.date else ""
        note = f" ({row.date_note})" if row.date_note else ""
        pages = "; ".join(f"{f.title.lower()} {f.with_page}/{f.expected} có Trang" for f in row.figures)
        pages = pages if row.submission else ""
        lines.append(f"{i:>3}. {row.unit.full_name:<{width}}  {row.status.label:<9} {date:<10}{note}  {pages}".rstrip())
    lines.append("")
    for f in summary.totals:
        share = pct(f.with_page, f.expected)
        lines.append(
            f"Toàn {summary.province.label}, {f.title.lower()}: {f.with_page}/{f.expected} có Trang"
            + (f" ({phan_tram(share / 100)})" if share is not None else "")
            + f", {f.on_pattern} tên đúng mẫu, {f.with_both} đủ lãnh đạo và cán bộ vận hành."
        )
    errors, warnings = severity_counts(summary.all_problems)
    lines.append(f"Vấn đề: {errors} lỗi, {warnings} cảnh báo (xem trang tính «Vấn đề»).")
    for bad in summary.unusable:
        lines.append(f"Tệp không dùng được: {bad.path}: {bad.reason}")
    return "\n".join(lines)

# --- end tong-hop ---


def main(argv: list[str] | None = None) -> int:
    """Run docgen with `argv` (default: sys.argv[1:]) and return the exit code."""
    _utf8_console()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help is 0, bad usage is 2
        return int(exc.code or 0)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    try:
        return args._run(args)
    except DocgenError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return 2
