"""Uploads: a form sent again with another file, what one account may send, ids out of range."""

from __future__ import annotations

import socket
import time

from docgen.web import uploads
from tests.web.conftest import CAMPAIGN, SAMPLES, make_account

NAM_PO = "103"
UNIT = f"/chien-dich/{CAMPAIGN}/don-vi/{NAM_PO}"


def _versions(web, account: str) -> list[tuple]:
    with web.store.connect() as db:
        return db.execute("SELECT v.id, v.file_name FROM versions v JOIN accounts a ON a.id = v.account_id"
                          " WHERE a.name = ? ORDER BY v.id", (account,)).fetchall()


def test_the_same_form_sent_again_with_another_file_is_a_new_version(clerk, web):
    """The browser's Back button shows the form as it was, with its token: the new file must not be lost."""
    make_account(web.store, "huyen-quay-lai", "Huyện Mường Chà")
    who = clerk("huyen-quay-lai")
    code = "97"  # Huyện Mường Chà
    first = who.upload(code, SAMPLES / "muong-cha.xlsx", token="trang-cu")
    again = who.upload(code, SAMPLES / "nam-po.xlsx", token="trang-cu")
    assert first.headers["location"] != again.headers["location"]
    assert [name for _, name in _versions(web, "huyen-quay-lai")] == ["muong-cha.xlsx", "nam-po.xlsx"]
    assert "nam-po.xlsx" in who.get(again.headers["location"]).text


def test_an_account_past_its_hourly_uploads_is_told_to_wait_and_nothing_is_stored(clerk, web, monkeypatch):
    make_account(web.store, "huyen-gioi-han", "Huyện Nậm Pồ")
    who = clerk("huyen-gioi-han")
    monkeypatch.setattr(uploads, "MAX_PER_HOUR", 2)
    for _ in range(2):
        assert who.upload(NAM_PO, SAMPLES / "nam-po.xlsx").status_code == 303
    refused = who.upload(NAM_PO, SAMPLES / "nam-po.xlsx")
    assert refused.status_code == 429 and "đã nộp 2 lần trong một giờ qua" in refused.text
    assert len(_versions(web, "huyen-gioi-han")) == 2
    admin = clerk("tinh")  # the province uploads for the units it received by mail: not counted
    assert admin.upload(NAM_PO, SAMPLES / "nam-po.xlsx").status_code == 303


def test_an_account_past_its_daily_bytes_is_told_to_wait(clerk, web, monkeypatch):
    make_account(web.store, "huyen-nhieu-mb", "Huyện Tủa Chùa")
    who = clerk("huyen-nhieu-mb")
    monkeypatch.setattr(uploads, "MAX_BYTES_PER_DAY", 20_000)
    assert who.upload("98", SAMPLES / "tua-chua.xlsx", data=b"x" * 20_000).status_code == 303
    refused = who.upload("98", SAMPLES / "tua-chua.xlsx")
    assert refused.status_code == 429 and "trong 24 giờ qua" in refused.text


def _start_upload(web, cookie: str, csrf: str, token: str) -> tuple[socket.socket, bytes]:
    """Send the headers and the start of an upload; return the socket and the rest of the body."""
    head = (f'--b\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{csrf}\r\n'
            f'--b\r\nContent-Disposition: form-data; name="ma_gui"\r\n\r\n{token}\r\n'
            '--b\r\nContent-Disposition: form-data; name="tep"; filename="cham.xlsx"\r\n\r\n').encode()
    rest = (SAMPLES / "nam-po.xlsx").read_bytes() + b"\r\n--b--\r\n"
    raw = socket.create_connection(("127.0.0.1", web.port))
    raw.sendall((f"POST {UNIT}/nop HTTP/1.1\r\nHost: x\r\nCookie: docgen_phien={cookie}\r\n"
                 f"Content-Type: multipart/form-data; boundary=b\r\nContent-Length: {len(head) + len(rest)}\r\n"
                 "Connection: close\r\n\r\n").encode() + head)
    return raw, rest


def test_one_account_sending_many_files_at_once_gets_two_through_at_a_time(clerk, web):
    make_account(web.store, "huyen-cung-luc", "Huyện Nậm Pồ")
    who = clerk("huyen-cung-luc")
    page = who.get(UNIT).text
    csrf = page.split('name="csrf" value="')[1].split('"')[0]
    cookie = who.client.cookies.get("docgen_phien")
    account = _account_id(web, "huyen-cung-luc")
    held = [_start_upload(web, cookie, csrf, f"cham-{i}") for i in range(uploads.MAX_AT_ONCE)]
    for _ in range(100):  # until the server counts them as being received
        if web.app.state.sending.get(account) == uploads.MAX_AT_ONCE:
            break
        time.sleep(0.05)
    third = who.upload(NAM_PO, SAMPLES / "nam-po.xlsx")
    assert third.status_code == 429 and "đang gửi 2 tệp cùng lúc" in third.text
    for raw, rest in held:
        raw.sendall(rest)
        answer = raw.recv(4096)
        raw.close()
        assert answer.startswith(b"HTTP/1.1 303"), answer[:200]
    assert len(_versions(web, "huyen-cung-luc")) == 2
    assert who.upload(NAM_PO, SAMPLES / "nam-po.xlsx").status_code == 303  # the slots are free again


def _account_id(web, name: str) -> int:
    with web.store.connect() as db:
        return db.execute("SELECT id FROM accounts WHERE name = ?", (name,)).fetchone()[0]


def test_a_version_number_beyond_any_database_integer_is_not_found(clerk):
    admin = clerk("tinh")
    for url in ("/phien-ban/99999999999999999999999", "/phien-ban/9223372036854775808/tep", "/phien-ban/0"):
        got = admin.get(url)
        assert got.status_code == 404 and "Không tìm thấy" in got.text, url
