"""Command line: each command parses its arguments, calls one `docgen.api` function, prints.

Exit codes: 0 done and clean, 1 done with errors found, 2 input that cannot be used.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from docgen import DEFAULT_CAMPAIGN, __version__, console
from docgen.errors import DocgenError, os_reason, parser_reason
from docgen.terminal import GuardedOutput, Parser, Stopped, stop_on_signals

COMMANDS: dict[str, "callable"] = {}


def command(name: str, help: str, example: str):
    """Register a command: `fn(parser)` adds arguments and returns the runner `run(args) -> int`."""

    def deco(fn):
        COMMANDS[name] = (fn, help, example)
        return fn

    return deco


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="docgen",
        description="Kiểm tra dữ liệu các đơn vị Mặt trận báo cáo theo biểu mẫu của chiến dịch (danh sách «Trang cộng đồng», "
                    "Ngày hội, nhóm Zalo …) và soạn văn bản theo Nghị định 30/2020/NĐ-CP.",
    )
    parser.add_argument("--version", action="version", version=f"docgen {__version__}",
                        help="in số phiên bản của docgen rồi thoát")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", title="các lệnh")
    for name, (fn, help_, example) in COMMANDS.items():
        p = sub.add_parser(name, help=help_, description=f"{help_}\n\nVí dụ:\n  {example}")
        p.set_defaults(_run=fn(p), _parser=p)
    return parser


def _add_sources(p: argparse.ArgumentParser) -> None:
    p.add_argument("nguon", nargs="+", metavar="TỆP_HOẶC_THƯ_MỤC", help="tệp .xlsx/.docx của đơn vị, hoặc thư mục chứa chúng")


def _add_campaign(p: argparse.ArgumentParser, option: bool = False) -> None:
    """Add the campaign: a positional CHIẾN_DỊCH, or with `option` a --chien-dich defaulting to the 2022 one."""
    where = "mã chiến dịch trong data/chien-dich/ hoặc đường dẫn thư mục"
    if option:
        p.add_argument("--chien-dich", metavar="CHIẾN_DỊCH", default=DEFAULT_CAMPAIGN,
                       help=f"{where} (mặc định: %(default)s)")
    else:
        p.add_argument("chien_dich", metavar="CHIẾN_DỊCH", help=where)


FLAGS = {"--pdf": "xuất thêm bản PDF (cần LibreOffice)", "--ghi-de": "ghi đè tệp đã có"}


def _add_flags(p: argparse.ArgumentParser, *names: str) -> None:
    for name in names:
        p.add_argument(name, action="store_true", help=FLAGS[name])


@command(
    "kiem-tra",
    help="Kiểm tra các tệp đơn vị gửi theo biểu mẫu của chiến dịch (.xlsx, .docx): lỗi, cảnh báo và số liệu từng cấp.",
    example="docgen kiem-tra data/mau/2022-dien-bien",
)
def _kiem_tra(p: argparse.ArgumentParser):
    _add_sources(p)
    _add_campaign(p, option=True)
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON cho máy đọc (xem docs/kiem-tra.md)")
    p.add_argument("--tra-lai", metavar="THƯ_MỤC",
                   help="ghi vào THƯ_MỤC, cho mỗi tệp, bản trả lại đơn vị: <tên>-ghi-chu (ô có vấn đề tô màu, có "
                        "ghi chú, thêm trang «Vấn đề cần sửa») và <tên>-da-chuan-hoa (các giá trị đã chuẩn hóa)")
    _add_flags(p, "--ghi-de")

    def run(args) -> int:
        from docgen import api

        res = api.kiem_tra([Path(n) for n in args.nguon], chien_dich=args.chien_dich,
                           tra_lai=Path(args.tra_lai) if args.tra_lai else None, ghi_de=args.ghi_de)
        console.print_kiem_tra(res, as_json=args.json)
        return res.exit_code

    return run


@command(
    "bao-cao",
    help="Soạn báo cáo kết quả (kèm Phụ lục theo biểu mẫu của chiến dịch) theo Nghị định 30 cho từng tệp dữ liệu.",
    example="docgen bao-cao data/mau/2022-dien-bien -o out/",
)
def _bao_cao(p: argparse.ArgumentParser):
    _add_sources(p)
    p.add_argument("-o", "--ra", metavar="THƯ_MỤC", required=True, help="thư mục ghi kết quả: THƯ_MỤC/<đơn-vị>/bao-cao-ket-qua-<đơn-vị>.docx")
    _add_campaign(p, option=True)
    _add_flags(p, "--pdf", "--ghi-de")
    p.add_argument("--chat", action="store_true", help="chặt chẽ: không soạn báo cáo cho tệp còn lỗi, liệt kê các lỗi")
    p.add_argument("--phu-luc-rieng", action="store_true", help="ghi thêm Phụ lục thành tệp riêng phu-luc-<đơn-vị>.docx")
    p.add_argument("--ban-ky", action="store_true",
                   help="soạn bản trình ký (có số, ngày) cả khi dữ liệu còn lỗi; mặc định tệp còn lỗi được soạn "
                        "thành bản dự thảo (dấu «DỰ THẢO», để trống số và ngày)")

    def run(args) -> int:
        from docgen import api

        res = api.bao_cao(args.nguon, args.ra, chien_dich=args.chien_dich, pdf=args.pdf, ghi_de=args.ghi_de,
                          chat=args.chat, phu_luc_rieng=args.phu_luc_rieng, progress=console.progress_bar(),
                          ban_ky=args.ban_ky)
        console.print_bao_cao(res)
        return res.exit_code

    return run


@command(
    "cong-van",
    help="Soạn công văn chỉ đạo của tỉnh cho một chiến dịch (thể thức Nghị định 30), kèm Phụ lục biểu mẫu trống.",
    example="docgen cong-van 2022-trang-cong-dong -o ket-qua/",
)
def _cong_van(p: argparse.ArgumentParser):
    _add_campaign(p)
    p.add_argument("-o", "--ra", dest="out", required=True, metavar="THƯ_MỤC",
                   help="thư mục ghi kết quả (tệp ghi vào THƯ_MỤC/<mã chiến dịch>/cong-van.docx)")
    _add_flags(p, "--ghi-de", "--pdf")

    def run(args) -> int:
        from docgen import api

        res = api.cong_van(args.chien_dich, args.out, ghi_de=args.ghi_de, pdf=args.pdf)
        console.print_written(res.written, res.format_checks)
        return res.exit_code

    return run


@command(
    "bieu-mau",
    help="Tạo biểu mẫu Excel (theo biểu mẫu của chiến dịch) để từng đơn vị của chiến dịch điền.",
    example="docgen bieu-mau 2022-trang-cong-dong --cap xa --thuoc \"Huyện Mường Nhé\" -o ra/",
)
def _bieu_mau(p: argparse.ArgumentParser):
    _add_campaign(p)
    p.add_argument("--don-vi", metavar="ĐƠN_VỊ", help="chỉ tạo biểu mẫu của một đơn vị (ghi tên có hoặc không kèm «Huyện», «Xã»)")
    p.add_argument("--cap", metavar="MÃ_CẤP", help="biểu mẫu cho các đơn vị của cấp này (mã «ma» của [[cap]], ví dụ xa); "
                   "mặc định: các đơn vị báo cáo thẳng về tỉnh")
    p.add_argument("--thuoc", metavar="ĐƠN_VỊ", help="chỉ các đơn vị trực thuộc đơn vị này, ví dụ «Huyện Mường Nhé»")
    p.add_argument("-o", "--ra", metavar="THƯ_MỤC", required=True, help="thư mục ghi các tệp .xlsx")
    _add_flags(p, "--ghi-de")

    def run(args) -> int:
        from docgen import api

        paths = api.bieu_mau(args.chien_dich, Path(args.ra), args.don_vi, args.ghi_de, args.cap, args.thuoc)
        console.print_written(paths)
        print(f"Tổng cộng {len(paths)} biểu mẫu.")
        return 0

    return run


@command(
    "mau",
    help="Công cụ cho mẫu văn bản .docx: «mau kiem-tra» soát lỗi Jinja, thẻ bị tách, biến không có.",
    example="docgen mau kiem-tra templates/cong_van.docx --loai cong-van",
)
def _mau(p: argparse.ArgumentParser):
    tools = p.add_subparsers(dest="mau_lenh", metavar="VIỆC", required=True, title="các việc")
    check = tools.add_parser(
        "kiem-tra",
        help="kiểm tra một mẫu .docx trước khi dùng",
        description="Kiểm tra một mẫu .docx: cú pháp Jinja, thẻ bị Word tách, biến và bộ lọc không có, "
        "lệnh bị chặn vì an toàn — ở thân văn bản, bảng, đầu trang và chân trang.\n\n"
        "Ví dụ:\n  docgen mau kiem-tra templates/cong_van.docx --loai cong-van",
    )
    check.set_defaults(_parser=check)
    check.add_argument("mau", metavar="MẪU.docx", help="tệp mẫu Word")
    from docgen.api import TEMPLATE_KINDS

    check.add_argument("--loai", choices=tuple(TEMPLATE_KINDS),
                       help="loại văn bản của mẫu (mặc định: đoán theo tên tệp)")

    def run(args) -> int:
        from docgen import api

        findings = api.mau_kiem_tra(Path(args.mau), args.loai)
        console.print_template_findings(findings, Path(args.mau).name)
        return 1 if findings else 0

    return run


@command(
    "chien-dich",
    help="Soạn chiến dịch mới: «moi» chép từ chiến dịch cũ, «kiem-tra» soát cả tệp chiến dịch, "
         "«xem-thu» ghi công văn, biểu mẫu và báo cáo mẫu để xem trước.",
    example="docgen chien-dich kiem-tra 2026-ngay-hoi-dai-doan-ket",
)
def _chien_dich(p: argparse.ArgumentParser):
    jobs = p.add_subparsers(dest="chien_dich_lenh", metavar="VIỆC", required=True, title="các việc")
    new = jobs.add_parser("moi", help="chép một chiến dịch có sẵn thành chiến dịch mới (số, ngày, người ký để trống)")
    new.add_argument("ma", metavar="MÃ", help="mã chiến dịch mới: chữ thường không dấu, số, gạch ngang")
    new.add_argument("--tu", required=True, metavar="MÃ_CŨ", help="chiến dịch dùng làm gốc")
    new.add_argument("--thu-muc", metavar="THƯ_MỤC", help="nơi tạo thư mục chiến dịch (mặc định: data/chien-dich/)")
    check = jobs.add_parser("kiem-tra", help="kiểm tra cả tệp chiến dịch (mọi khóa, mọi chỗ điền, mẫu Word riêng)")
    check.add_argument("ma", metavar="MÃ", help="mã chiến dịch hoặc đường dẫn thư mục")
    look = jobs.add_parser("xem-thu", help="ghi công văn, biểu mẫu trống và báo cáo mẫu từ dữ liệu tạo sẵn")
    look.add_argument("ma", metavar="MÃ", help="mã chiến dịch hoặc đường dẫn thư mục")
    look.add_argument("-o", "--ra", dest="out", required=True, metavar="THƯ_MỤC", help="thư mục ghi kết quả")
    look.add_argument("--ghi-de", action="store_true", help="cho phép thay tệp đã có")
    for sub in (new, check, look):
        sub.set_defaults(_parser=sub)

    def run(args) -> int:
        from docgen import api

        if args.chien_dich_lenh == "moi":
            folder = api.chien_dich_moi(args.ma, args.tu, args.thu_muc)
            console.print_new_campaign(folder)
            return 0
        if args.chien_dich_lenh == "kiem-tra":
            lines, findings = api.chien_dich_kiem_tra(args.ma)
            console.print_campaign_outline(lines, findings)
            return 2 if findings else 0
        console.print_preview(api.chien_dich_xem_thu(args.ma, Path(args.out), args.ghi_de))
        return 0

    return run


@command(
    "the-thuc",
    help="Kiểm tra thể thức văn bản Word (.docx) theo Nghị định 30/2020/NĐ-CP: lề, phông, số trang, "
         "Quốc hiệu, số và ký hiệu, ngày tháng, Nơi nhận, chữ ký, phụ lục; với --sua ghi bản đã sửa "
         "những lỗi sửa được tự động.",
    example="docgen the-thuc ket-qua/2022-trang-cong-dong/cong-van.docx --tat-ca",
)
def _the_thuc(p: argparse.ArgumentParser):
    p.add_argument("tep", nargs="+", metavar="TỆP.docx",
                   help="văn bản cần kiểm tra (một hoặc nhiều tệp; thư mục: mọi tệp .docx trong đó)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.add_argument("--tat-ca", action="store_true", help="in cả các mục thông tin (mức INFO)")
    p.add_argument("--sua", action="store_true",
                   help="ghi bản đã sửa các lỗi sửa được tự động (lề, phông, cỡ chữ, Tiêu ngữ, ngày tháng…) "
                        "thành <tên>-da-sua.docx, không động vào tệp gốc; in những gì đã sửa và những gì còn "
                        "cần người soạn sửa")
    p.add_argument("-o", "--ra", dest="out", metavar="TỆP_RA.docx|THƯ_MỤC",
                   help="nơi ghi bản đã sửa (cùng --sua): một tệp .docx khi sửa một văn bản, hoặc một thư mục")
    p.add_argument("--html", metavar="BÁO_CÁO.html",
                   help="ghi thêm báo cáo HTML: trang văn bản, lỗi ghi ngay bên cạnh đoạn có lỗi")
    _add_flags(p, "--ghi-de")

    def run(args) -> int:
        from docgen import api

        if args.out and not args.sua:
            console.print_usage_error("-o/--ra chỉ dùng cùng --sua (nơi ghi bản đã sửa).")
            return 2
        results = api.the_thuc(args.tep, include_info=args.tat_ca, sua=args.sua, out=args.out,
                               ghi_de=args.ghi_de, html=args.html)
        console.print_the_thuc(results, as_json=args.json, html=args.html)
        if any(r.error for r in results):
            return 2
        return 1 if any(r.errors for r in results) else 0

    return run


@command(
    "tong-hop",
    help="Tổng hợp báo cáo của các đơn vị cấp dưới: ai đã nộp, đúng hạn hay trễ hạn, ai chưa nộp; "
    "ghi bảng tổng hợp .xlsx và báo cáo tổng hợp của tỉnh kèm Phụ lục các cấp.",
    example="docgen tong-hop data/mau/2022-dien-bien --chien-dich 2022-trang-cong-dong -o ket-qua/",
)
def _tong_hop(p: argparse.ArgumentParser):
    p.add_argument("folder", metavar="THƯ_MỤC", help="thư mục chứa các tệp báo cáo (.xlsx, .docx) của cấp dưới")
    p.add_argument("--chien-dich", default=DEFAULT_CAMPAIGN, metavar="CHIẾN_DỊCH",
                   help="mã chiến dịch trong data/chien-dich/ hoặc đường dẫn thư mục chiến dịch")
    p.add_argument("-o", "--ra", dest="out", required=True, metavar="THƯ_MỤC_RA", help="thư mục ghi kết quả")
    p.add_argument("--thong-tin", metavar="TỆP",
                   help="tệp của tỉnh: trang «Thông tin» (người ký, số, ngày, đề xuất…) và trang «Phụ lục» có dòng của "
                        "chính tỉnh, ví dụ data/mau/2022-dien-bien-tinh/thong-tin-tinh-dien-bien.xlsx")
    p.add_argument("--ban-ky", action="store_true",
                   help="soạn bản trình ký cả khi dữ liệu các đơn vị còn lỗi (mặc định: bản dự thảo)")
    p.add_argument("--don-doc", action="store_true",
                   help="ghi thêm cong-van-don-doc.docx: công văn đôn đốc các đơn vị chưa báo cáo hoặc báo cáo trễ hạn")
    p.add_argument("--han-moi", metavar="NGÀY",
                   help="hạn mới trong công văn đôn đốc, ví dụ 15/4/2022 (mặc định: theo chiến dịch, hoặc 7 ngày sau hôm nay)")
    p.add_argument("--don-vi", metavar="ĐƠN_VỊ",
                   help="tổng hợp ở đơn vị này (ví dụ «Huyện Mường Nhé») từ tệp của các đơn vị báo cáo cho nó: ghi danh "
                   "sách và báo cáo của đơn vị để gửi lên (mặc định: tổng hợp của tỉnh)")
    _add_flags(p, "--ghi-de")

    def run(args) -> int:
        from docgen import api

        result = api.tong_hop(args.folder, args.chien_dich, args.out, ghi_de=args.ghi_de, thong_tin=args.thong_tin,
                              don_doc=args.don_doc, han_moi=args.han_moi, don_vi=args.don_vi, ban_ky=args.ban_ky)
        console.print_tong_hop(result)
        return result.exit_code

    return run


@command(
    "web",
    help="Chạy trang web trong mạng nội bộ: đơn vị nộp danh sách và xem lỗi ngay, tỉnh theo dõi và tải tổng hợp "
    "(«docgen web --du-lieu THƯ_MỤC» rồi mở http://127.0.0.1:8000); «docgen web sao-luu» sao lưu dữ liệu.",
    example="docgen web sao-luu --du-lieu docgen-du-lieu/ -o sao-luu.zip",
)
def _web(p: argparse.ArgumentParser):
    from docgen.web.commands import web_arguments

    return web_arguments(p)


@command(
    "tai-khoan",
    help="Quản lý tài khoản của trang web: «tao» (tạo), «doi-mat-khau», «danh-sach»; mật khẩu nhập từ bàn phím.",
    example="docgen tai-khoan danh-sach --du-lieu docgen-du-lieu/",
)
def _tai_khoan(p: argparse.ArgumentParser):
    from docgen.web.commands import account_arguments

    return account_arguments(p)


def main(argv: list[str] | None = None) -> int:
    """Run docgen with `argv` (default: sys.argv[1:]) and return the exit code.

    Whatever happens, the clerk reads Vietnamese and no traceback: an input
    problem is exit 2 with the message; a closed output (`| head`) ends quietly
    with the command's own code, a full one with a message and 2; Ctrl+C or
    SIGTERM stop the run (temp files removed) with 2.
    """
    console.use_utf8()
    out = sys.stdout = GuardedOutput(sys.stdout) if not isinstance(sys.stdout, GuardedOutput) else sys.stdout
    restore = stop_on_signals()
    try:
        code = _run(argv)
    except (KeyboardInterrupt, Stopped):
        _say("Đã dừng theo yêu cầu; các tệp đang ghi dở đã được xóa.")
        code = 2
    finally:
        restore()
        out.flush()
        sys.stdout = out.inner
    if out.failure is not None and not out.reader_left:
        _say(f"Lỗi: không in được kết quả: {os_reason(out.failure)}.")
        return 2
    return code


def _run(argv: list[str] | None) -> int:
    parser = build_parser()
    try:
        args, extra = parser.parse_known_args(argv)
        if extra:
            getattr(args, "_parser", parser).error(f"unrecognized arguments: {' '.join(extra)}")
    except SystemExit as exc:  # argparse: --help is 0, bad usage is 2
        return int(exc.code or 0)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    try:
        return args._run(args)
    except DocgenError as exc:
        _say(f"Lỗi: {exc}")
        return 2
    except OSError as exc:
        where = f" «{exc.filename}»" if getattr(exc, "filename", None) else ""
        _say(f"Lỗi: không thực hiện được với{where}: {os_reason(exc)}.")
        return 2
    except (RecursionError, MemoryError) as exc:
        _say(f"Lỗi: dữ liệu quá lớn hoặc lồng nhau quá sâu để xử lý ({parser_reason(exc)}).")
        return 2


def _say(text: str) -> None:
    """Print a line on stderr; a closed stderr is ignored (nobody is left to read it)."""
    try:
        print(text, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass