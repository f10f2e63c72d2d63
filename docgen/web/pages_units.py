"""The units' pages: campaigns, the unit's page (dispatch, blank form, upload), a version's result, downloads.

Data pages answer 404 for a unit the account may not see, so a unit learns nothing
about another unit's uploads, not even that they exist.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.routing import Route

from docgen import api
from docgen.web import registry, results, uploads
from docgen.web.app import error_page, file_response, new_form_token, page, redirect, require_csrf
from docgen.web.checker import INPUT_FILE
from docgen.web.store import now

WAIT_FOR_CHECK = 20.0  # seconds an upload waits for its result before showing "being checked"
READABLE = ".xlsx,.xlsm,.docx"


def _campaign(request: Request) -> dict:
    found = registry.campaign(request.app.state.store, request.path_params["cd"])
    if found is None:
        raise HTTPException(404)
    visible = {c["id"] for c in registry.campaigns_for(request.app.state.store, request.state.account)}
    if found["id"] not in visible:
        raise HTTPException(404)
    return found


def _unit(request: Request, campaign_id: str, code: str) -> dict:
    store = request.app.state.store
    found = registry.unit(store, campaign_id, code)
    if found is None or not registry.can_see(store, request.state.account, found):
        raise HTTPException(404)
    return found


def _version(request: Request) -> tuple[dict, dict]:
    store = request.app.state.store
    version = uploads.get(store, request.path_params["id"])
    if version is None:
        raise HTTPException(404)
    return version, _unit(request, version["campaign_id"], version["unit_code"])


def _deadline_note(deadline: dt.date) -> str:
    days = (deadline - now().date()).days
    if days > 0:
        return f"còn {days} ngày"
    return "hạn là hôm nay" if days == 0 else f"đã quá hạn {-days} ngày"


async def campaigns(request: Request):
    store, account = request.app.state.store, request.state.account
    rows = []
    for c in registry.campaigns_for(store, account):
        own = None if account["is_admin"] else registry.unit(store, c["id"], account["unit_code"])
        rows.append({"campaign": c, "unit": own, "info": api.thong_tin_chien_dich(c["source"])})
    return page(request, "chien_dich.html", rows=rows, changed=request.query_params.get("da-doi-mat-khau"))


async def campaign_home(request: Request):
    campaign = _campaign(request)
    account = request.state.account
    if account["is_admin"]:
        return redirect(f"/quan-tri/chien-dich/{campaign['id']}")
    return redirect(f"/chien-dich/{campaign['id']}/don-vi/{account['unit_code']}")


async def unit_page(request: Request, message: str = "", status: int = 200):
    store = request.app.state.store
    campaign = _campaign(request)
    unit = _unit(request, campaign["id"], request.path_params["ma"])
    info = api.thong_tin_chien_dich(campaign["source"])
    below = registry.units_below(store, campaign["id"], unit["code"])
    versions = uploads.of_units(store, campaign["id"], [unit["code"]])
    below_versions = uploads.of_units(store, campaign["id"], [u["code"] for u in below])
    newest = {}
    for v in below_versions:
        newest.setdefault(v["unit_code"], v)
    deadline = dt.date.fromisoformat(unit["deadline"])
    rows = [{"unit": u, "newest": newest.get(u["code"]), "late": _late(newest.get(u["code"]), u),
             "count": sum(1 for v in below_versions if v["unit_code"] == u["code"])} for u in below]
    return page(
        request, "don_vi.html", status, campaign=campaign, info=info, unit=unit, versions=versions,
        below=rows, below_sent=sum(1 for r in rows if r["newest"]),
        below_deadline=dt.date.fromisoformat(below[0]["deadline"]) if below else None,
        deadline=deadline, deadline_note=_deadline_note(deadline),
        can_upload=registry.can_upload(store, request.state.account, unit), form_token=new_form_token(),
        message=message, accept=READABLE, max_mb=uploads.MAX_BYTES // 2**20,
    )


def _late(version: dict | None, unit: dict) -> bool:
    """Return True when a unit's newest upload came after its own deadline (by upload day)."""
    return version is not None and version["uploaded_at"][:10] > unit["deadline"]


async def upload(request: Request):
    store, account = request.app.state.store, request.state.account
    campaign = _campaign(request)
    unit = _unit(request, campaign["id"], request.path_params["ma"])
    if not registry.can_upload(store, account, unit):
        raise HTTPException(403, "Tài khoản của bạn chỉ nộp được danh sách của chính đơn vị mình.")
    refused = _over_limit(request, account)
    if refused:
        return error_page(request, 429, refused)
    sending = request.app.state.sending
    sending[account["id"]] = sending.get(account["id"], 0) + 1
    try:
        return await _receive(request, campaign, unit)
    finally:
        sending[account["id"]] -= 1


def _over_limit(request: Request, account: dict) -> str:
    """Return why the account may not upload now (Vietnamese), or "": uploads.MAX_AT_ONCE and the quotas."""
    if request.app.state.sending.get(account["id"], 0) >= uploads.MAX_AT_ONCE:
        return (f"Tài khoản này đang gửi {uploads.MAX_AT_ONCE} tệp cùng lúc. Hãy chờ các tệp đó kiểm tra xong "
                "rồi nộp tiếp.")
    if account["is_admin"]:
        return ""
    count, size = uploads.sent_lately(request.app.state.store, account["id"])
    if count >= uploads.MAX_PER_HOUR:
        return (f"Tài khoản này đã nộp {count} lần trong một giờ qua, mức tối đa. Hãy chờ rồi nộp lại; "
                "các lần nộp trước vẫn được lưu đủ.")
    if size >= uploads.MAX_BYTES_PER_DAY:
        return (f"Tài khoản này đã nộp {size // 2**20} MB trong 24 giờ qua, mức tối đa. Tệp danh sách thường "
                "chỉ vài chục KB; nếu cần nộp thêm, hãy báo văn phòng tỉnh.")
    return ""


async def _receive(request: Request, campaign: dict, unit: dict):
    """Keep the uploaded file as a new version, start its check, and show its result (or "being checked")."""
    store, checker, account = request.app.state.store, request.app.state.checker, request.state.account
    async with request.form(max_files=1, max_fields=8) as form:
        require_csrf(request, form)
        sent = form.get("tep")
        if sent is None or isinstance(sent, str) or not sent.filename:
            return await unit_page(request, "Chưa chọn tệp: bấm «Chọn tệp» hoặc kéo tệp vào ô rồi bấm «Nộp».", 400)
        started = time.perf_counter()
        try:
            sha, size, blob = await asyncio.to_thread(uploads.save_blob, store, sent.file)
        except uploads.TooLarge:
            return error_page(request, 413)
        if size == 0:
            return await unit_page(request, "Tệp đã chọn trống (0 byte). Hãy chọn đúng tệp danh sách.", 400)
        version_id, new = uploads.add_version(
            store, campaign_id=campaign["id"], unit_code=unit["code"], account_id=account["id"],
            file_name=uploads.safe_name(sent.filename), size=size, sha256=sha, blob=blob,
            form_token=str(form.get("ma_gui", "")))
    task = checker.submit(version_id)
    if new:
        try:
            await asyncio.wait_for(asyncio.shield(task), WAIT_FOR_CHECK - (time.perf_counter() - started))
        except asyncio.TimeoutError:
            pass
    return redirect(f"/phien-ban/{version_id}")


async def version_page(request: Request):
    store = request.app.state.store
    version, unit = _version(request)
    campaign = registry.campaign(store, version["campaign_id"])
    all_versions = uploads.of_units(store, campaign["id"], [unit["code"]])
    number = sum(1 for v in all_versions if v["id"] <= version["id"])
    view = results.build(version["result"]) if version["state"] == "xong" else None
    return page(
        request, "phien_ban.html", version=version, unit=unit, campaign=campaign, view=view, number=number,
        newest=all_versions[0], figure_columns=results.figure_columns(api.ten_so_lieu(campaign["source"])) if view and not view.own_figures else (),
        can_upload=registry.can_upload(store, request.state.account, unit), form_token=new_form_token(),
        accept=READABLE, max_mb=uploads.MAX_BYTES // 2**20,
    )


async def original_file(request: Request):
    version, _ = _version(request)
    return file_response(request.app.state.store.folder / version["blob"], version["file_name"])


async def version_report(request: Request):
    version, _ = _version(request)
    pdf = _kind(request)
    if version["state"] != "xong" or not version["usable"]:
        raise HTTPException(404, "Tệp này chưa kiểm tra xong hoặc không đọc được, nên chưa có báo cáo.")
    source = registry.campaign(request.app.state.store, version["campaign_id"])["source"]
    key = f"phien-ban/{version['id']}/bao-cao{'-pdf' if pdf else ''}"
    return await _serve_document(request, key, ".pdf" if pdf else ".docx", "report", INPUT_FILE, source, pdf,
                                 inputs=[version], pdf=pdf)


async def returned_copy(request: Request):
    """Return the unit's own file with the problems marked (ghi-chu) or with docgen's normalisations (da-chuan-hoa)."""
    version, _ = _version(request)
    kind = request.path_params["ban"]
    if kind not in ("ghi-chu", "da-chuan-hoa"):
        raise HTTPException(404)
    if version["state"] != "xong" or not version["usable"]:
        raise HTTPException(404, "Tệp này chưa kiểm tra xong hoặc không đọc được.")
    source = registry.campaign(request.app.state.store, version["campaign_id"])["source"]
    try:
        files = await request.app.state.checker.document(f"phien-ban/{version['id']}/tra-lai", "returns", INPUT_FILE,
                                                         source, inputs=[version])
    except api.DocgenError as exc:
        return error_page(request, 503, f"Chưa tạo được bản trả lại: {exc.message}")
    found = [f for f in files if f.stem.endswith(f"-{kind}")]
    if not found:
        return error_page(request, 404, "docgen không chuẩn hóa giá trị nào trong tệp này, nên không có bản đã chuẩn hóa.")
    return file_response(found[0], found[0].name)


async def dispatch(request: Request):
    campaign = _campaign(request)
    pdf = _kind(request)
    key = f"chien-dich/{campaign['id']}/{request.app.state.started}/cong-van{'-pdf' if pdf else ''}"
    return await _serve_document(request, key, ".pdf" if pdf else ".docx", "dispatch", campaign["source"], pdf,
                                 pdf=pdf)


async def workbook(request: Request):
    campaign = _campaign(request)
    unit = _unit(request, campaign["id"], request.path_params["ma"])
    key = f"chien-dich/{campaign['id']}/{request.app.state.started}/bieu-mau/{unit['code']}"
    return await _serve_document(request, key, ".xlsx", "workbook", campaign["source"], unit["name"])


def _kind(request: Request) -> bool:
    """Return True for a .pdf URL, False for .docx; 404 for anything else."""
    kind = request.path_params["loai"]
    if kind not in ("docx", "pdf"):
        raise HTTPException(404)
    return kind == "pdf"


async def _serve_document(request: Request, key: str, suffix: str, task: str, *args, inputs=(), pdf=False):
    try:
        files = await request.app.state.checker.document(key, task, *args, inputs=list(inputs), pdf=pdf)
    except api.DocgenError as exc:
        return error_page(request, 503, f"Chưa tạo được văn bản: {exc.message}")
    wanted = [f for f in files if f.suffix == suffix]
    if not wanted:
        return error_page(request, 503, "Chưa tạo được văn bản này.")
    return file_response(wanted[0], Path(wanted[0]).name)


def routes() -> list[Route]:
    return [
        Route("/chien-dich", campaigns),
        Route("/chien-dich/{cd}", campaign_home),
        Route("/chien-dich/{cd}/cong-van.{loai:str}", dispatch),
        Route("/chien-dich/{cd}/don-vi/{ma}", unit_page, methods=["GET"]),
        Route("/chien-dich/{cd}/don-vi/{ma}/bieu-mau.xlsx", workbook),
        Route("/chien-dich/{cd}/don-vi/{ma}/nop", upload, methods=["POST"]),
        Route("/phien-ban/{id:int}", version_page),
        Route("/phien-ban/{id:int}/tep", original_file),
        Route("/phien-ban/{id:int}/bao-cao.{loai:str}", version_report),
        Route("/phien-ban/{id:int}/{ban}", returned_copy),
    ]
