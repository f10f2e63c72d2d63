"""The province's desk (admin accounts only): the dashboard, the summary downloads, accounts, the audit log.

Every URL here answers 403 to a unit's account.
"""

from __future__ import annotations

import hashlib
import secrets
import time

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from docgen import api
from docgen.web import accounts, dashboard, registry
from docgen.web.app import error_page, file_response, page, redirect, require_csrf
from docgen.web.checker import INPUTS
from docgen.web.passwords import one_time_password
from docgen.web.store import now

HANDOUT_SECONDS = 15 * 60  # a list of one-time passwords can be downloaded for this long, once


def _admin(request: Request) -> dict:
    account = request.state.account
    if not account["is_admin"]:
        raise HTTPException(403, "Trang này chỉ dành cho tài khoản quản trị của tỉnh.")
    return account


def _campaign(request: Request) -> dict:
    _admin(request)
    found = registry.campaign(request.app.state.store, request.path_params["cd"])
    if found is None:
        raise HTTPException(404)
    return found


async def desk(request: Request):
    _admin(request)
    store = request.app.state.store
    rows = []
    for c in registry.campaigns_for(store, request.state.account):
        board = dashboard.build(store, c)
        rows.append({"campaign": c, "info": api.thong_tin_chien_dich(c["source"]), "board": board})
    return page(request, "quan_tri.html", rows=rows)


async def campaign_board(request: Request):
    campaign = _campaign(request)
    status = request.query_params.get("trang-thai", "")
    sort = request.query_params.get("sap-xep", "thu-tu")
    status = status if status in dashboard.FILTERS else ""
    sort = sort if sort in dashboard.SORTS else "thu-tu"
    page_no = request.query_params.get("trang", "1")
    board = dashboard.build(request.app.state.store, campaign, status, sort, int(page_no) if page_no.isdigit() else 1)
    info = api.thong_tin_chien_dich(campaign["source"])
    return page(request, "bang_tong_hop.html", campaign=campaign, info=info, board=board, status=status, sort=sort,
                filters=dashboard.FILTERS, sorts=dashboard.SORTS, statuses=dashboard.STATUS_VIEW)


async def summary_file(request: Request):
    campaign = _campaign(request)
    wanted = request.path_params["tep"]
    suffix = {"tong-hop.xlsx": ".xlsx", "bao-cao-tong-hop.docx": ".docx", "bao-cao-tong-hop.pdf": ".pdf",
              "cong-van-don-doc.docx": ".docx"}.get(wanted)
    if suffix is None:
        raise HTTPException(404)
    store, checker = request.app.state.store, request.app.state.checker
    newest = dashboard.newest_versions(store, campaign["id"])
    ids = sorted(v["id"] for v in newest.values() if v["id"] is not None)
    if not ids:
        return error_page(request, 409, "Chưa đơn vị nào nộp: chưa có gì để tổng hợp.")
    from docgen.web import uploads

    versions = [uploads.get(store, i) for i in ids]
    pdf = suffix == ".pdf"
    # The reminder's new deadline counts from today: a new day makes new documents.
    stamp = hashlib.sha256(f"{ids}{now().date()}".encode()).hexdigest()[:20]
    key = f"tong-hop/{campaign['id']}/{stamp}{'-pdf' if pdf else ''}"
    try:
        files = await checker.document(key, "summary_pdf" if pdf else "summary", INPUTS, campaign["source"],
                                       inputs=versions, pdf=pdf)
    except api.DocgenError as exc:
        return error_page(request, 503, f"Chưa tạo được bản tổng hợp: {exc.message}")
    found = [f for f in files if f.name == wanted]
    if not found and wanted == "cong-van-don-doc.docx":
        return error_page(request, 409, "Mọi đơn vị đã nộp đúng hạn: không cần công văn đôn đốc.")
    if not found:
        return error_page(request, 503, "Chưa tạo được tệp này.")
    return file_response(found[0], found[0].name)


async def newest_files(request: Request):
    """Return a .zip of the newest version of every unit (for `docgen tong-hop` on the office PC)."""
    import asyncio
    import io
    import zipfile

    campaign = _campaign(request)
    store = request.app.state.store
    from docgen.web import uploads

    versions = [uploads.get(store, v["id"]) for v in dashboard.newest_versions(store, campaign["id"]).values()
                if v["id"] is not None]

    def pack() -> bytes:
        out, names = io.BytesIO(), set()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for v in versions:
                name = v["file_name"] if v["file_name"] not in names else f"{v['unit_code']}-{v['id']}-{v['file_name']}"
                names.add(name)
                info = zipfile.ZipInfo(name, date_time=_zip_time(v["uploaded_at"]))
                zf.writestr(info, (store.folder / v["blob"]).read_bytes(), zipfile.ZIP_DEFLATED)
        return out.getvalue()

    data = await asyncio.to_thread(pack)
    return Response(data, media_type="application/zip",
                    headers={"content-disposition": f'attachment; filename="{campaign["id"]}-moi-nhat.zip"'})


def _zip_time(iso: str) -> tuple:
    import datetime as dt

    moment = dt.datetime.fromisoformat(iso)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


async def accounts_page(request: Request, shown: dict | None = None, message: str = "", status_code: int = 200):
    _admin(request)
    store = request.app.state.store
    campaigns = registry.campaigns_for(store, request.state.account)
    with store.connect() as db:
        log = [dict(r) for r in db.execute("SELECT * FROM audit ORDER BY id DESC LIMIT 50")]
        units = {c["id"]: [dict(r) for r in db.execute("SELECT code, name, level_title FROM units WHERE campaign_id = ?"
                                                        " ORDER BY ord", (c["id"],))] for c in campaigns}
    return page(request, "tai_khoan.html", status_code, accounts=accounts.all_accounts(store), campaigns=campaigns,
                units=units, log=log, shown=shown, message=message, address=_units_address(request))


def _units_address(request: Request) -> str:
    """Return the address to give the units: the server's on the office network, else the one this page was
    opened at unless that is this machine's own (127.0.0.1 means nothing on a unit's PC); "" when unknown."""
    if request.app.state.office_url:
        return request.app.state.office_url
    host = request.url.hostname or ""
    return "" if host in ("localhost", "::1") or host.startswith("127.") else str(request.base_url)


async def _form(request: Request):
    form = await request.form()
    require_csrf(request, form)
    return form


def _reporter(campaign: dict, code: str):
    return next((u for u in api.don_vi_bao_cao(campaign["source"]) if u.code == code), None)


async def create_account(request: Request):
    admin = _admin(request)
    form = await _form(request)
    store = request.app.state.store
    campaign = registry.campaign(store, str(form.get("chien_dich", "")))
    unit = _reporter(campaign, str(form.get("don_vi", ""))) if campaign else None
    if unit is None:
        return await accounts_page(request, message="Hãy chọn chiến dịch và đơn vị.", status_code=400)
    name = str(form.get("ten", "")).strip() or accounts.login_name_for(unit.name)
    password = one_time_password()
    try:
        accounts.create(store, name, password, unit_list=campaign["unit_list"], unit=unit, must_change=True, by=admin)
    except accounts.AccountError as exc:
        return await accounts_page(request, message=exc.message, status_code=400)
    return await accounts_page(request, shown={"title": f"Đã tạo tài khoản cho {unit.name}",
                                               "rows": [(unit.name, name, password)]})


async def create_for_campaign(request: Request):
    admin = _admin(request)
    form = await _form(request)
    store = request.app.state.store
    campaign = registry.campaign(store, str(form.get("chien_dich", "")))
    if campaign is None:
        return await accounts_page(request, message="Hãy chọn chiến dịch.", status_code=400)
    units = api.don_vi_bao_cao(campaign["source"])
    if form.get("cap") != "tat-ca":
        units = [u for u in units if not u.reports_to]
    import asyncio

    made = await asyncio.to_thread(accounts.create_for_units, store, campaign["unit_list"], units, admin)
    rows = [(unit.name, name, password) for unit, name, password in made]
    token = secrets.token_urlsafe(16)
    if rows:
        address = _units_address(request) or "(hỏi văn phòng tỉnh)"
        data = api.bang_xlsx(f"Tài khoản trang web docgen — {campaign['title']} (mật khẩu tạm, đổi khi đăng nhập lần đầu)",
                             ["Đơn vị", "Tên đăng nhập", "Mật khẩu tạm", "Địa chỉ trang web"],
                             [[u, n, p, address] for u, n, p in rows])
        request.app.state.handouts[token] = (admin["id"], data, time.time() + HANDOUT_SECONDS)
    title = f"Đã tạo {len(rows)} tài khoản" if rows else "Mọi đơn vị đã có tài khoản: không tạo thêm"
    return await accounts_page(request, shown={"title": title, "rows": rows, "token": token if rows else ""})


async def handout(request: Request):
    admin = _admin(request)
    token = request.path_params["token"]
    kept = request.app.state.handouts.pop(token, None)
    if kept is None or kept[0] != admin["id"] or kept[2] < time.time():
        return error_page(request, 404, "Danh sách này đã tải rồi hoặc đã hết hạn (chỉ tải được một lần, trong 15 phút). "
                                        "Đặt lại mật khẩu cho các tài khoản cần phát lại.")
    with request.app.state.store.transaction() as db:
        request.app.state.store.audit(db, admin, "Tải danh sách mật khẩu tạm", token[:6])
    return Response(kept[1], media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"content-disposition": 'attachment; filename="tai-khoan-moi.xlsx"',
                             "cache-control": "no-store"})


async def account_action(request: Request):
    admin = _admin(request)
    await _form(request)
    store, name, action = request.app.state.store, request.path_params["ten"], request.path_params["viec"]
    try:
        if action == "dat-lai":
            password = one_time_password()
            accounts.set_password(store, name, password, must_change=True, by=admin)
            who = accounts.get(store, name)
            return await accounts_page(request, shown={"title": f"Mật khẩu mới của «{name}»",
                                                       "rows": [(who["unit_name"] or "Tỉnh", name, password)]})
        if action in ("khoa", "mo"):
            accounts.set_disabled(store, name, action == "khoa", by=admin)
            return redirect("/quan-tri/tai-khoan")
    except accounts.AccountError as exc:
        return await accounts_page(request, message=exc.message, status_code=400)
    raise HTTPException(404)


async def audit_log(request: Request):
    _admin(request)
    with request.app.state.store.connect() as db:
        log = [dict(r) for r in db.execute("SELECT * FROM audit ORDER BY id DESC")]
    return page(request, "nhat_ky.html", log=log)


def routes() -> list[Route]:
    return [
        Route("/quan-tri", desk),
        Route("/quan-tri/chien-dich/{cd}", campaign_board),
        Route("/quan-tri/chien-dich/{cd}/tep-moi-nhat.zip", newest_files),
        Route("/quan-tri/chien-dich/{cd}/{tep}", summary_file),
        Route("/quan-tri/tai-khoan", accounts_page, methods=["GET"]),
        Route("/quan-tri/tai-khoan/tao", create_account, methods=["POST"]),
        Route("/quan-tri/tai-khoan/tao-hang-loat", create_for_campaign, methods=["POST"]),
        Route("/quan-tri/tai-khoan/phat/{token}.xlsx", handout),
        Route("/quan-tri/tai-khoan/{ten}/{viec}", account_action, methods=["POST"]),
        Route("/quan-tri/nhat-ky", audit_log),
    ]
