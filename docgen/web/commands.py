"""The `docgen web` and `docgen tai-khoan` commands: arguments, one call into docgen.web, what is printed.

Passwords are read from the terminal (typed twice, not shown) or, when stdin is not
a terminal, from its first line; never from the command line, where other users and
the shell history would see them.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from docgen import DEFAULT_CAMPAIGN
from docgen.web.store import DEFAULT_DIR, Store

DATA_HELP = f"thư mục dữ liệu của trang web (mặc định: {DEFAULT_DIR}/)"


def web_arguments(p: argparse.ArgumentParser):
    """Add the arguments of `docgen web` (and its sub-commands sao-luu, khoi-phuc); return its runner."""
    p.add_argument("viec", nargs="?", choices=("sao-luu", "khoi-phuc"), metavar="VIỆC",
                   help="sao-luu: sao lưu dữ liệu (chạy được khi trang web đang chạy); "
                        "khoi-phuc: khôi phục bản sao lưu -o vào --du-lieu mới")
    p.add_argument("--du-lieu", default=DEFAULT_DIR, metavar="THƯ_MỤC", help=DATA_HELP)
    p.add_argument("--host", default="127.0.0.1",
                   help="địa chỉ nghe (mặc định 127.0.0.1: chỉ máy này; 0.0.0.0: cả mạng nội bộ)")
    p.add_argument("--cong", type=int, default=8000, metavar="CỔNG", help="cổng (mặc định 8000)")
    p.add_argument("--chien-dich", action="append", metavar="CHIẾN_DỊCH",
                   help="chỉ phục vụ chiến dịch này (mã hoặc thư mục; lặp lại được); mặc định: mọi chiến dịch trong data/chien-dich/")
    p.add_argument("-o", "--tep", metavar="TỆP.zip", help="tệp sao lưu (sao-luu: tệp mới sẽ ghi; khoi-phuc: tệp đọc)")

    def run(args) -> int:
        if args.viec:
            return _backup(args)
        from docgen.web.server import serve

        return serve(args.du_lieu, args.host, args.cong, args.chien_dich)

    return run


def _backup(args) -> int:
    """Run `web sao-luu` (write the archive -o) or `web khoi-phuc` (unpack -o into --du-lieu)."""
    from docgen.web.backup import backup, restore

    making = args.viec == "sao-luu"
    if not args.tep:
        need = "nơi ghi bản sao lưu" if making else "bản sao lưu cần khôi phục"
        print(f"Lỗi: thiếu -o TỆP.zip ({need}).", file=sys.stderr)
        return 2
    if making:
        done = backup(args.du_lieu, args.tep)
        print(f"Đã sao lưu {done.versions} lần nộp ({done.files} tệp) vào {done.path} ({done.size // 1024} KB).")
    else:
        done = restore(args.tep, args.du_lieu)
        print(f"Đã khôi phục {done.versions} lần nộp ({done.files} tệp) vào {done.path}.")
    return 0


def account_arguments(p: argparse.ArgumentParser):
    """Add the sub-commands of `docgen tai-khoan`; return its runner."""
    jobs = p.add_subparsers(dest="viec", metavar="VIỆC", required=True)
    make = jobs.add_parser("tao", help="tạo tài khoản (mật khẩu nhập từ bàn phím hoặc dòng đầu của stdin)",
                           description="Tạo tài khoản cho một đơn vị, hoặc cho tỉnh (--quan-tri).\n\nVí dụ:\n"
                           "  docgen tai-khoan tao huyen-muong-nhe --don-vi \"Huyện Mường Nhé\"",
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    make.add_argument("ten", metavar="TÊN", help="tên đăng nhập: chữ thường không dấu, số, . _ - (ví dụ huyen-muong-nhe)")
    make.add_argument("--don-vi", metavar="ĐƠN_VỊ", help="đơn vị của tài khoản, ví dụ \"Huyện Mường Nhé\"")
    make.add_argument("--quan-tri", action="store_true", help="tài khoản của tỉnh: xem mọi đơn vị, quản lý tài khoản")
    make.add_argument("--chien-dich", default=DEFAULT_CAMPAIGN, metavar="CHIẾN_DỊCH",
                      help="chiến dịch dùng để tìm đơn vị (mặc định: %(default)s)")
    change = jobs.add_parser("doi-mat-khau", help="đặt mật khẩu mới cho một tài khoản (mở lại nếu đã khóa)")
    change.add_argument("ten", metavar="TÊN")
    jobs.add_parser("danh-sach", help="liệt kê các tài khoản")
    for sub in (make, change, jobs.choices["danh-sach"]):
        sub.add_argument("--du-lieu", default=DEFAULT_DIR, metavar="THƯ_MỤC", help=DATA_HELP)

    def run(args) -> int:
        from docgen.web import accounts

        store = Store(args.du_lieu).open()
        if args.viec == "danh-sach":
            return _list(accounts.all_accounts(store), store)
        if args.viec == "tao":
            problem = accounts.name_problem(args.ten)
            if problem:
                raise accounts.AccountError(problem)
            unit_list, unit = accounts.unit_of(args.chien_dich, args.don_vi) if args.don_vi else ("", None)
            password = read_password()
            made = accounts.create(store, args.ten, password, unit_list=unit_list, unit=unit, is_admin=args.quan_tri)
            who = made["unit_name"] or "tỉnh"
            print(f"Đã tạo tài khoản «{made['name']}» ({who}{', quản trị' if made['is_admin'] else ''}).")
            return 0
        accounts.get(store, args.ten)
        accounts.set_password(store, args.ten, read_password())
        accounts.set_disabled(store, args.ten, False)
        print(f"Đã đặt mật khẩu mới cho «{args.ten}».")
        return 0

    return run


def read_password() -> str:
    """Return a password typed twice at the terminal, or the first line of stdin when it is not a terminal."""
    from docgen.web.accounts import AccountError

    if not sys.stdin.isatty():
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    first = getpass.getpass("Mật khẩu (ít nhất 8 ký tự, không hiện khi gõ): ")
    if getpass.getpass("Nhập lại mật khẩu: ") != first:
        raise AccountError("Hai lần nhập mật khẩu không giống nhau.")
    return first


def _list(rows: list[dict], store: Store) -> int:
    if not rows:
        print(f"Chưa có tài khoản nào trong {store.folder}. Tạo bằng: docgen tai-khoan tao TÊN --don-vi \"…\"")
        return 0
    print(f"{'Tên đăng nhập':<24} {'Đơn vị':<30} {'Vai trò':<10} {'Trạng thái':<10} Đăng nhập gần nhất")
    for r in rows:
        role = "quản trị" if r["is_admin"] else "đơn vị"
        state = "đã khóa" if r["disabled"] else "đổi mật khẩu" if r["must_change"] else "hoạt động"
        last = (r["last_login"] or "chưa")[:16].replace("T", " ")
        print(f"{r['name']:<24} {(r['unit_name'] or 'Tỉnh'):<30} {role:<10} {state:<10} {last}")
    print(f"Tổng cộng {len(rows)} tài khoản.")
    return 0
