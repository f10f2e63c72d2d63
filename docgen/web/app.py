"""The Starlette application: sessions, CSRF, security headers, body limit, Vietnamese error pages.

`create_app(folder)` opens the data folder (migrations), registers the campaigns and
starts the worker pool at startup. Pages live in pages_*.py; every one of them calls
`docgen.api` (through checker.py's tasks) for anything about records or documents.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
import time
import secrets
from pathlib import Path
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from docgen import __version__, api
from docgen.web import sessions
from docgen.web.checker import Checker
from docgen.web.pool import WorkerPool, default_size
from docgen.web.store import VN, Store, now
from docgen.web.uploads import MAX_BYTES

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=str(HERE / "templates"))


def _ngay(value) -> str:
    """Return a date (or ISO text) as dd/mm/yyyy."""
    if not value:
        return ""
    day = dt.date.fromisoformat(str(value)[:10]) if isinstance(value, str) else value
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def _gio(value) -> str:
    """Return an ISO time as "HH:MM dd/mm/yyyy" in Vietnam time."""
    if not value:
        return ""
    moment = dt.datetime.fromisoformat(value).astimezone(VN)
    return f"{moment:%H:%M} {_ngay(moment.date())}"


def _kb(size: int) -> str:
    return f"{size / 2**20:.1f} MB".replace(".", ",") if size >= 2**20 else f"{max(1, round(size / 1024))} KB"


templates.env.filters.update(ngay=_ngay, gio=_gio, kb=_kb)
ERRORS = {
    400: ("Yêu cầu không hợp lệ", "Trang không hiểu yêu cầu này. Hãy quay lại và thử lại."),
    403: ("Không được phép", "Tài khoản của bạn không được xem hoặc làm việc này."),
    409: ("Chưa làm được", "Việc này chưa làm được lúc này."),
    429: ("Chờ một chút", "Tài khoản này đã gửi quá nhiều yêu cầu; hãy chờ ít phút rồi thử lại."),
    404: ("Không tìm thấy", "Không có trang này, hoặc bạn không được xem nó."),
    405: ("Không được phép", "Trang này không nhận yêu cầu kiểu này."),
    413: ("Tệp quá lớn", f"Tệp gửi lên lớn hơn {MAX_BYTES // 2**20} MB. Tệp danh sách thường chỉ vài chục KB: "
                         "hãy xóa hình ảnh, trang tính thừa rồi gửi lại."),
    503: ("Chưa làm được", "Việc này chưa làm được lúc này. Hãy thử lại sau ít phút."),
    500: ("Lỗi chương trình", "docgen gặp lỗi chương trình. Dữ liệu đã gửi không mất; hãy thử lại hoặc báo văn phòng tỉnh."),
}
CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'; object-src 'none'")


class BodyTooLarge(Exception):
    pass


class Guard:
    """ASGI middleware: request bodies over the limit are refused (413); security headers on every response,
    and a Server-Timing header (the server's time until the response starts, for bench/)."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope["headers"]).get(b"content-length")
        if length and length.isdigit() and int(length) > self.limit:
            response = error_page(Request(scope), 413)
            return await response(scope, receive, send)
        seen, started = 0, time.perf_counter()

        async def counted():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise BodyTooLarge()
            return message

        async def headed(message):
            if message["type"] == "http.response.start":
                spent = (time.perf_counter() - started) * 1000
                extra = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                         (b"referrer-policy", b"same-origin"), (b"x-frame-options", b"DENY"),
                         (b"server-timing", f"app;dur={spent:.1f}".encode())]
                headers = list(message.get("headers", []))
                if not scope["path"].startswith("/tai-nguyen/") and not any(k == b"cache-control" for k, _ in headers):
                    # Pages and files hold names, phone numbers, passwords: nothing kept in the browser's cache
                    # of a shared office PC once the clerk has signed out.
                    extra.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers + extra}
            await send(message)

        await self.app(scope, counted, headed)


def error_page(request: Request, status: int, message: str = "") -> HTMLResponse:
    title, text = ERRORS.get(status, ERRORS[500])
    return templates.TemplateResponse(
        request, "loi.html", {"title": title, "text": message or text, "account": getattr(request.state, "account", None),
                              "csrf": getattr(request.state, "csrf", ""), "status": status},
        status_code=status)


async def _http_error(request: Request, exc: HTTPException) -> Response:
    if exc.status_code in (301, 302, 303):
        return RedirectResponse(exc.headers["location"], exc.status_code)
    return error_page(request, exc.status_code, exc.detail if isinstance(exc.detail, str) and
                      exc.detail not in ("Not Found", "Method Not Allowed", "Forbidden", "Bad Request") else "")


async def _too_large(request: Request, exc: BodyTooLarge) -> Response:
    return error_page(request, 413)


async def _server_error(request: Request, exc: Exception) -> Response:
    import traceback

    print(f"docgen web: lỗi chương trình ở {request.method} {request.url.path}:", file=sys.stderr)
    traceback.print_exception(exc, file=sys.stderr)
    return error_page(request, 500)


def page(request: Request, template: str, status_code: int = 200, /, **context) -> HTMLResponse:
    """Return the page `template` with the signed-in account, its CSRF token and `context`."""
    context.setdefault("account", request.state.account)
    context.setdefault("csrf", request.state.csrf)
    context["docgen_version"] = __version__
    return templates.TemplateResponse(request, template, context, status_code=status_code)


def file_response(path: Path, download_name: str) -> FileResponse:
    """Return the file as a download under `download_name` (UTF-8 name for Vietnamese letters)."""
    ascii_name = download_name.encode("ascii", "replace").decode().replace("?", "_").replace('"', "")
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(download_name)}"
    return FileResponse(path, headers={"content-disposition": disposition})


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


class Auth:
    """ASGI middleware: reads the session cookie into request.state.account / .csrf; forces a password change."""

    OPEN = ("/dang-nhap", "/tai-nguyen/", "/suc-khoe", "/favicon.ico")

    def __init__(self, app, store: Store):
        self.app, self.store = app, store
        self.key = store.secret_key()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        request = Request(scope)
        account, csrf = None, ""
        token = sessions.unsign(self.key, request.cookies.get(sessions.COOKIE, ""))
        if token:
            found = sessions.lookup(self.store, token)
            if found:
                account, csrf = found
        scope.setdefault("state", {})
        scope["state"].update(account=account, csrf=csrf, token=token)
        path = scope["path"]
        if not path.startswith(self.OPEN):
            if account is None:
                target = "/dang-nhap" + (f"?tiep={quote(path)}" if path not in ("/", "") else "")
                return await redirect(target)(scope, receive, send)
            if account["must_change"] and path not in ("/doi-mat-khau", "/dang-xuat"):
                return await redirect("/doi-mat-khau")(scope, receive, send)
        await self.app(scope, receive, send)


def require_csrf(request: Request, form) -> None:
    """Raise 403 unless the form's token is the session's (or, before login, the signed login cookie's)."""
    expected = request.state.csrf
    if not expected:
        key = request.app.state.store.secret_key()
        expected = sessions.unsign(key, request.cookies.get(sessions.LOGIN_COOKIE, "")) or ""
    if not sessions.csrf_ok(expected, form.get("csrf")):
        raise HTTPException(403, "Biểu mẫu đã hết hạn hoặc không hợp lệ. Hãy tải lại trang rồi gửi lại.")


def new_form_token() -> str:
    return secrets.token_urlsafe(16)


def create_app(folder: str | Path, campaigns: list[str] | None = None, workers: int | None = None,
               inline: bool = False, office_url: str = "") -> Starlette:
    """Return the web application over the data folder `folder`.

    `campaigns`: ids or folders to serve (default: every campaign shipped in data/chien-dich/);
    `workers`: worker processes (default one per core); `inline`: run tasks in threads (tests);
    `office_url`: the address the units use ("" when the server listens on this machine only).
    """
    from docgen.web import pages_admin, pages_auth, pages_units
    from docgen.web.registry import register

    store = Store(folder).open()
    pool = WorkerPool(workers or default_size(), inline=inline)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        store.clear_temp()
        ids, failures = register(store, campaigns if campaigns is not None else api.chien_dich_co_san())
        app.state.campaign_ids, app.state.campaign_failures = ids, failures
        for failure in failures:
            print(f"docgen web: bỏ qua {failure}", flush=True)
        await pool.start()
        app.state.checker.resume()
        try:
            yield
        finally:
            pool.close()

    routes = [*pages_auth.routes(), *pages_units.routes(), *pages_admin.routes(),
              Mount("/tai-nguyen", StaticFiles(directory=str(HERE / "static")), name="static")]
    app = Starlette(
        routes=routes, lifespan=lifespan,
        exception_handlers={HTTPException: _http_error, BodyTooLarge: _too_large, Exception: _server_error},
    )
    app.state.store, app.state.pool = store, pool
    app.state.checker = Checker(store, pool)
    app.state.office_url = office_url
    app.state.sending = {}  # account id → uploads being received now (uploads.MAX_AT_ONCE)
    app.state.handouts = {}  # one-time password lists waiting for their single download
    app.state.started = now().strftime("%Y%m%d-%H%M%S")
    app.add_middleware(Auth, store=store)
    app.add_middleware(Guard, limit=MAX_BYTES + 256 * 1024)
    return app
