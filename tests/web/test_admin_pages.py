"""The province's desk (issue 13): dashboard as tong-hop counts it, the same downloads, accounts, the audit log."""

from __future__ import annotations

import io
import re

import httpx
from docx import Document
from openpyxl import load_workbook

from docgen import api
from tests.web.conftest import CAMPAIGN, MUONG_NHE, PASSWORD, SAMPLES, Clerk, csrf_of

BOARD = f"/quan-tri/chien-dich/{CAMPAIGN}"
ADMIN_GETS = ["/quan-tri", BOARD, f"{BOARD}?trang-thai=chua_nop", f"{BOARD}/tong-hop.xlsx",
              f"{BOARD}/bao-cao-tong-hop.docx", f"{BOARD}/bao-cao-tong-hop.pdf", "/quan-tri/tai-khoan",
              "/quan-tri/tai-khoan/phat/abc.xlsx", "/quan-tri/nhat-ky", f"{BOARD}/tep-moi-nhat.zip"]
ADMIN_POSTS = ["/quan-tri/tai-khoan/tao", "/quan-tri/tai-khoan/tao-hang-loat", "/quan-tri/tai-khoan/tinh/dat-lai",
               "/quan-tri/tai-khoan/tinh/khoa", "/quan-tri/tai-khoan/huyen-nam-po/mo"]


def _row(page: str, unit: str) -> str:
    """Return the dashboard's table row of `unit` (its HTML)."""
    found = re.search(rf"<tr>\s*<td>\d+</td>\s*<td><a [^>]*>{unit}</a></td>(.*?)</tr>", page, re.S)
    assert found, unit
    return found.group(1)


def _listed(page: str, unit: str) -> bool:
    return re.search(rf"<td><a [^>]*>{unit}</a></td>", page) is not None


def _by_unit(sample) -> str:
    return api.kiem_tra([sample]).submissions[0].reporting_unit.code


def test_a_unit_goes_from_not_reported_to_reported_on_time_with_its_open_errors(clerk):
    admin = clerk("tinh")
    assert "Chưa nộp" in _row(admin.get(BOARD).text, "Huyện Mường Nhé")
    clerk("huyen-muong-nhe").upload(MUONG_NHE, SAMPLES / "muong-nhe.xlsx")
    row = _row(admin.get(BOARD).text, "Huyện Mường Nhé")
    assert "Đúng hạn" in row and "còn 3 lỗi" in row and "20/03/2022" in row
    only_errors = admin.get(f"{BOARD}?trang-thai=con_loi").text
    assert _listed(only_errors, "Huyện Mường Nhé") and not _listed(only_errors, "Huyện Nậm Pồ")


def test_the_reminder_dispatch_names_the_units_behind_as_tong_hop_don_doc_does(clerk, tmp_path):
    admin = clerk("tinh")
    sent = tmp_path / "da-nop"
    sent.mkdir()
    (sent / "muong-nhe.xlsx").write_bytes((SAMPLES / "muong-nhe.xlsx").read_bytes())
    cli = api.tong_hop(sent, CAMPAIGN, tmp_path / "cli", don_doc=True)
    assert admin.get(BOARD).text.count("Công văn đôn đốc (9 đơn vị)") == 1
    reminder = admin.get(f"{BOARD}/cong-van-don-doc.docx")
    assert reminder.status_code == 200
    web_text = [p.text for p in Document(io.BytesIO(reminder.content)).paragraphs]
    assert web_text == [p.text for p in Document(cli.reminder.path).paragraphs]
    assert any("Nậm Pồ" in t for t in web_text) and not any("Mường Nhé" in t for t in web_text)


def test_the_dashboard_counts_as_tong_hop_does_on_the_same_files(clerk, web, tmp_path):
    admin = clerk("tinh")
    for sample in sorted(SAMPLES.iterdir()):
        admin.upload(_by_unit(sample), sample)
    page = admin.get(BOARD).text
    cli = api.tong_hop(SAMPLES, CAMPAIGN, tmp_path / "cli").summary
    for unit_row in cli.rows:
        assert unit_row.status.label in _row(page, unit_row.unit.full_name), unit_row.unit.full_name
    from docgen.web import dashboard

    board = dashboard.build(web.store, {"id": CAMPAIGN, "source": CAMPAIGN})
    assert [(r["code"], r["status"]) for r in board.rows] == [(r.unit.code, r.status.value) for r in cli.rows]
    assert board.totals == list(cli.totals)
    assert f"Đã nộp {cli.received}/{len(cli.rows)} đơn vị" in page


def test_the_summary_downloads_are_the_command_line_s_documents(clerk, tmp_path):
    admin = clerk("tinh")
    for sample in sorted(SAMPLES.iterdir()):
        admin.upload(_by_unit(sample), sample)
    cli = api.tong_hop(SAMPLES, CAMPAIGN, tmp_path / "cli", don_doc=True)
    assert cli.reminder.path is None                       # every district on time: no reminder, here as there
    nobody = admin.get(f"{BOARD}/cong-van-don-doc.docx")
    assert nobody.status_code == 409 and "không cần công văn đôn đốc" in nobody.text
    report = admin.get(f"{BOARD}/bao-cao-tong-hop.docx")
    assert report.status_code == 200 and "bao-cao-tong-hop.docx" in report.headers["content-disposition"]
    web_doc, cli_doc = Document(io.BytesIO(report.content)), Document(tmp_path / "cli" / "bao-cao-tong-hop.docx")
    assert [p.text for p in web_doc.paragraphs] == [p.text for p in cli_doc.paragraphs]
    assert [[c.text for c in r.cells] for t in web_doc.tables for r in t.rows] == \
           [[c.text for c in r.cells] for t in cli_doc.tables for r in t.rows]
    import zipfile

    with zipfile.ZipFile(io.BytesIO(admin.get(f"{BOARD}/tep-moi-nhat.zip").content)) as zf:
        assert sorted(zf.namelist()) == sorted(p.name for p in SAMPLES.iterdir())
        assert zf.read("muong-nhe.xlsx") == (SAMPLES / "muong-nhe.xlsx").read_bytes()
    book = admin.get(f"{BOARD}/tong-hop.xlsx")
    web_ws, cli_ws = load_workbook(io.BytesIO(book.content)), load_workbook(tmp_path / "cli" / "tong-hop.xlsx")
    for name in cli_ws.sheetnames:
        assert [[c.value for c in r] for r in web_ws[name].iter_rows()] == \
               [[c.value for c in r] for r in cli_ws[name].iter_rows()], name


def test_a_unit_account_reaches_no_admin_url(clerk):
    for name in ("huyen-muong-nhe", "xa-chung-chai"):
        unit = clerk(name)
        for url in ADMIN_GETS:
            got = unit.get(url)
            assert got.status_code == 403, (name, url)
            assert "chỉ dành cho tài khoản quản trị" in got.text
        for url in ADMIN_POSTS:
            got = unit.client.post(url, data={"csrf": unit.csrf(), "chien_dich": CAMPAIGN, "don_vi": MUONG_NHE},
                                   follow_redirects=False)
            assert got.status_code == 403, (name, url)


def test_an_admin_creates_an_account_whose_password_shows_once_and_must_be_changed(clerk, web):
    admin = clerk("tinh")
    page = admin.get("/quan-tri/tai-khoan").text
    made = admin.client.post("/quan-tri/tai-khoan/tao", data={"csrf": csrf_of(page), "chien_dich": CAMPAIGN,
                                                              "don_vi": "3160", "ten": ""})
    assert made.status_code == 200 and "Đã tạo tài khoản cho Xã Mường Nhé" in made.text
    password = re.search(r'<code class="mat-khau">([^<]+)</code>', made.text).group(1)
    assert password not in admin.get("/quan-tri/tai-khoan").text                  # shown once
    with httpx.Client(base_url=web.url, follow_redirects=False) as client:
        first = Clerk(client, "xa-muong-nhe").login(password)
        assert first.status_code == 303 and first.headers["location"] == "/doi-mat-khau"
        assert client.get("/chien-dich").headers["location"] == "/doi-mat-khau"     # nothing else until changed
        form = client.get("/doi-mat-khau").text
        changed = client.post("/doi-mat-khau", data={"csrf": csrf_of(form), "cu": password, "moi": PASSWORD,
                                                     "nhac_lai": PASSWORD})
        assert changed.status_code == 303 and client.get("/chien-dich").status_code == 200
    log = admin.get("/quan-tri/nhat-ky").text
    assert "Tạo tài khoản" in log and "xa-muong-nhe (Xã Mường Nhé)" in log and "tinh" in log


def test_an_admin_resets_and_disables_an_account_and_the_log_says_so(clerk, web):
    admin = clerk("tinh")
    nam_po = clerk("huyen-nam-po")
    page = admin.get("/quan-tri/tai-khoan").text
    reset = admin.client.post("/quan-tri/tai-khoan/huyen-nam-po/dat-lai", data={"csrf": csrf_of(page)})
    assert "Mật khẩu mới của «huyen-nam-po»" in reset.text
    assert nam_po.client.get("/chien-dich", follow_redirects=False).status_code == 303   # the old session ended
    admin.client.post("/quan-tri/tai-khoan/huyen-nam-po/khoa", data={"csrf": csrf_of(page)})
    assert "đã khóa" in admin.get("/quan-tri/tai-khoan").text
    admin.client.post("/quan-tri/tai-khoan/huyen-nam-po/mo", data={"csrf": csrf_of(page)})
    assert admin.client.post("/quan-tri/tai-khoan/tinh/khoa", data={"csrf": csrf_of(page)}).status_code == 400
    log = admin.get("/quan-tri/nhat-ky").text
    for action in ("Đặt lại mật khẩu", "Khóa tài khoản", "Mở lại tài khoản"):
        assert action in log
    from docgen.web import accounts
    from tests.web.conftest import PASSWORD as P

    accounts.set_password(web.store, "huyen-nam-po", P)


def test_bulk_accounts_for_every_unit_come_as_a_one_time_excel_list(clerk):
    admin = clerk("tinh")
    page = admin.get("/quan-tri/tai-khoan").text
    made = admin.client.post("/quan-tri/tai-khoan/tao-hang-loat", data={"csrf": csrf_of(page), "chien_dich": CAMPAIGN,
                                                                        "cap": "tren"})
    assert "Đã tạo 8 tài khoản" in made.text   # 10 districts, two of which already have an account
    link = re.search(r'href="(/quan-tri/tai-khoan/phat/[^"]+\.xlsx)"', made.text).group(1)
    sheet = load_workbook(io.BytesIO(admin.get(link).content)).active
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=4)]
    assert len(rows) == 8 and {r[0] for r in rows} >= {"Huyện Tủa Chùa", "Thị xã Mường Lay"}
    assert all(re.fullmatch(r"[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}", r[2]) for r in rows)
    assert admin.get(link).status_code == 404                                # the list downloads once
    with httpx.Client(base_url=admin.client.base_url, follow_redirects=False) as client:
        name, password = rows[0][1], rows[0][2]
        assert Clerk(client, name).login(password).headers["location"] == "/doi-mat-khau"
    again = admin.client.post("/quan-tri/tai-khoan/tao-hang-loat", data={"csrf": csrf_of(page), "chien_dich": CAMPAIGN})
    assert "Mọi đơn vị đã có tài khoản" in again.text
    assert "Tạo hàng loạt tài khoản" in admin.get("/quan-tri/nhat-ky").text


def test_the_accounts_list_gives_the_units_the_office_address_never_this_machine_s(clerk, web, monkeypatch):
    admin = clerk("tinh")
    page = admin.get("/quan-tri/tai-khoan").text       # the test server listens on 127.0.0.1 only
    assert "Trang web đang chỉ mở cho máy này" in page and "docgen web --host 0.0.0.0" in page
    monkeypatch.setattr(web.app.state, "office_url", "http://192.168.1.20:8000/")
    page = admin.get("/quan-tri/tai-khoan").text
    assert "Địa chỉ gửi cho các đơn vị" in page and "http://192.168.1.20:8000/" in page
    made = admin.client.post("/quan-tri/tai-khoan/tao-hang-loat", data={"csrf": csrf_of(page), "chien_dich": CAMPAIGN,
                                                                        "cap": "tat-ca"})
    link = re.search(r'href="(/quan-tri/tai-khoan/phat/[^"]+\.xlsx)"', made.text).group(1)
    sheet = load_workbook(io.BytesIO(admin.get(link).content)).active
    addresses = {r[3] for r in sheet.iter_rows(min_row=4, values_only=True)}
    assert addresses == {"http://192.168.1.20:8000/"}


def test_a_file_of_another_unit_is_flagged_on_the_desk(clerk):
    admin = clerk("tinh")
    admin.upload("97", SAMPLES / "nam-po.xlsx")          # sent for Huyện Mường Chà, but Nậm Pồ's own list
    row = _row(admin.get(BOARD).text, "Huyện Mường Chà")
    assert "tệp ghi đơn vị khác: Huyện Nậm Pồ" in row
    assert _listed(admin.get(f"{BOARD}?trang-thai=con_loi").text, "Huyện Mường Chà")
