"""Signing in and out, changing one's password, the start page."""

from __future__ import annotations

import asyncio
import secrets

from starlette.requests import Request
from starlette.routing import Route

from docgen.web import accounts, sessions
from docgen.web.app import page, redirect, require_csrf
from docgen.web.passwords import password_problem


def _next_url(value: str | None) -> str:
    """Return where to go after signing in: a path of this site only ("/…", never "//host")."""
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/"


def _session_cookie(response, store, token: str) -> None:
    """Set the signed session cookie: HttpOnly, SameSite=Lax, expiring with the session."""
    response.set_cookie(sessions.COOKIE, sessions.sign(store.secret_key(), token),
                        max_age=int(sessions.LIFETIME.total_seconds()), httponly=True, samesite="lax", path="/")


async def home(request: Request):
    account = request.state.account
    return redirect("/quan-tri" if account["is_admin"] else "/chien-dich")


async def login_form(request: Request, message: str = "", status: int = 200, name: str = ""):
    if request.state.account is not None and request.method == "GET":
        return redirect("/")
    key = request.app.state.store.secret_key()
    # Keep the token of an earlier login page (another tab, a favicon request) so no open form goes stale.
    token = sessions.unsign(key, request.cookies.get(sessions.LOGIN_COOKIE, "")) or secrets.token_urlsafe(24)
    response = page(request, "dang_nhap.html", status, csrf=token, message=message, name=name,
                    tiep=_next_url(request.query_params.get("tiep")))
    response.set_cookie(sessions.LOGIN_COOKIE, sessions.sign(key, token), max_age=3600, httponly=True,
                        samesite="strict")
    return response


async def login(request: Request):
    store = request.app.state.store
    form = await request.form()
    require_csrf(request, form)
    name, password = str(form.get("ten", "")).strip(), str(form.get("mat_khau", ""))
    wait, stamp = sessions.login_attempt(store, name, _address(request))
    if wait:
        return await login_form(request, _too_many(wait), 429, name)
    account = await asyncio.to_thread(accounts.authenticate, store, name, password)
    if account is None:
        return await login_form(request, "Sai tên đăng nhập hoặc mật khẩu (hoặc tài khoản đã bị khóa).", 401, name)
    sessions.login_succeeded(store, name, _address(request), stamp)
    token, _ = sessions.start(store, account["id"])
    response = redirect("/doi-mat-khau" if account["must_change"] else _next_url(str(form.get("tiep", ""))))
    _session_cookie(response, store, token)
    response.delete_cookie(sessions.LOGIN_COOKIE)
    return response


def _address(request: Request) -> str:
    return request.client.host if request.client else "?"


def _too_many(minutes: int) -> str:
    return f"Đăng nhập sai quá nhiều lần. Hãy thử lại sau {minutes} phút."


async def logout(request: Request):
    form = await request.form()
    require_csrf(request, form)
    if request.state.token:
        sessions.end(request.app.state.store, request.state.token)
    response = redirect("/dang-nhap")
    response.delete_cookie(sessions.COOKIE, path="/")
    return response


async def password_page(request: Request):
    return page(request, "doi_mat_khau.html", message="")


async def change_password(request: Request):
    store, account = request.app.state.store, request.state.account
    form = await request.form()
    require_csrf(request, form)
    old, new, again = (str(form.get(k, "")) for k in ("cu", "moi", "nhac_lai"))
    # Guessing the current password from an open session counts like guessing it at the login.
    wait, stamp = sessions.login_attempt(store, account["name"], _address(request))
    if wait:
        return page(request, "doi_mat_khau.html", 429, message=_too_many(wait))
    ok = await asyncio.to_thread(accounts.authenticate, store, account["name"], old)
    if ok is not None:
        sessions.login_succeeded(store, account["name"], _address(request), stamp)
    problem = ("Mật khẩu hiện tại không đúng." if ok is None else
               "Hai lần nhập mật khẩu mới không giống nhau." if new != again else
               "Mật khẩu mới phải khác mật khẩu cũ." if new == old else password_problem(new))
    if problem:
        return page(request, "doi_mat_khau.html", 400, message=problem)
    await asyncio.to_thread(accounts.set_password, store, account["name"], new, by=account)
    token, _ = sessions.start(store, account["id"])  # the change ended every session: open a new one here
    response = redirect("/?da-doi-mat-khau=1")
    _session_cookie(response, store, token)
    return response


async def health(request: Request):
    from starlette.responses import PlainTextResponse

    return PlainTextResponse("docgen web: đang chạy")


def routes() -> list[Route]:
    return [
        Route("/", home),
        Route("/dang-nhap", login_form, methods=["GET"]),
        Route("/dang-nhap", login, methods=["POST"]),
        Route("/dang-xuat", logout, methods=["POST"]),
        Route("/doi-mat-khau", password_page, methods=["GET"]),
        Route("/doi-mat-khau", change_password, methods=["POST"]),
        Route("/suc-khoe", health),
    ]
