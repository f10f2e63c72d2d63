"""Run the web page with uvicorn: one process serving pages, worker processes checking files."""

from __future__ import annotations

import socket
import sys

from docgen.web.store import Store


def serve(folder: str, host: str = "127.0.0.1", port: int = 8000, campaigns: list[str] | None = None) -> int:
    """Serve the data folder `folder` at http://host:port until Ctrl+C; return the exit code."""
    import uvicorn

    from docgen.web.accounts import all_accounts
    from docgen.web.app import create_app

    store = Store(folder).open()
    lock = _lock(store)
    if lock is None:
        print(f"Lỗi: đã có một trang web docgen đang chạy với thư mục dữ liệu «{store.folder}»; "
              "mỗi thư mục dữ liệu chỉ một trang web.", file=sys.stderr)
        return 2
    if not _free(host, port):
        lock.close()
        print(f"Lỗi: cổng {port} trên {host} đang được chương trình khác dùng; chọn cổng khác bằng --cong.",
              file=sys.stderr)
        return 2
    office = office_url(host, port)
    app = create_app(folder, campaigns, office_url=office)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    print(f"docgen web: dữ liệu ở {store.folder.resolve()}")
    if not all_accounts(store):
        print("Chưa có tài khoản nào: tạo bằng «docgen tai-khoan tao TÊN --quan-tri» (tỉnh) "
              "hoặc «--don-vi \"Huyện …\"» (đơn vị).")
    print(f"Mở trình duyệt tại http://{shown}:{port}/  (dừng: Ctrl+C)", flush=True)
    if office:
        print(f"Các máy khác trong mạng nội bộ vào: {office}", flush=True)
    elif host in ("0.0.0.0", "::"):
        print("Các máy trong mạng nội bộ vào bằng địa chỉ IP của máy này, cùng cổng.", flush=True)
    else:
        print("Chỉ máy này vào được; để các đơn vị vào qua mạng nội bộ: docgen web --host 0.0.0.0", flush=True)
    # No proxy in front: an X-Forwarded-For header must not choose the address the login limits count.
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False, server_header=False,
                    proxy_headers=False)
    finally:
        lock.close()
    print("Đã dừng trang web.")
    return 0


def office_url(host: str, port: int) -> str:
    """Return the address other machines of the office network use ("http://192.168.1.20:8000/"), or "" when
    the server listens on this machine only or the address cannot be found."""
    if host not in ("0.0.0.0", "::"):
        return "" if _loopback(host) else f"http://{host}:{port}/"
    found = lan_address()
    return f"http://{found}:{port}/" if found else ""


def _loopback(host: str) -> bool:
    return host in ("localhost", "::1") or host.startswith("127.")


def lan_address() -> str:
    """Return this machine's address on the office network ("" when none): the source address of the route
    to a private address (a UDP socket sends nothing when it connects), else the host name's address."""
    for probe in ("10.255.255.255", "192.168.255.255", "172.31.255.255"):
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
                s.connect((probe, 9))
                found = s.getsockname()[0]
        except OSError:
            continue
        if not _loopback(found) and found != "0.0.0.0":
            return found
    try:
        found = socket.gethostbyname(socket.gethostname())
    except OSError:
        return ""
    return "" if _loopback(found) else found


def _lock(store: Store):
    """Return an open lock file held for as long as this server runs, or None when another server holds it."""
    handle = open(store.folder / "dang-chay.khoa", "a+")  # noqa: SIM115 (kept open while serving)
    try:
        import fcntl
    except ImportError:  # Windows: no advisory lock; the office runs one server anyway
        return handle
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return None
    return handle


def _free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True
