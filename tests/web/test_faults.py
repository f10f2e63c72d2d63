"""A server killed mid-upload loses no earlier version and leaves no half record; unfinished checks resume."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time

import httpx
import pytest

from docgen.web.store import Store
from tests.web.conftest import CAMPAIGN, MUONG_NHE, SAMPLES, Clerk, make_account

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(folder, port) -> subprocess.Popen:
    log = open(folder.parent / "may-chu.log", "ab")  # noqa: SIM115 (closed below, once the server has started)
    proc = subprocess.Popen([sys.executable, "-m", "docgen", "web", "--du-lieu", str(folder), "--cong", str(port),
                             "--chien-dich", CAMPAIGN], stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    for _ in range(300):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/suc-khoe").status_code == 200:
                log.close()
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    log.close()
    raise AssertionError((folder.parent / "may-chu.log").read_text())


def _kill(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGKILL)  # the server and its worker processes, as a power cut would
    proc.wait(10)


def test_a_server_killed_mid_upload_keeps_every_earlier_version_and_no_half_one(tmp_path):
    folder, port = tmp_path / "d", _free_port()
    store = Store(folder).open()
    make_account(store, "huyen-muong-nhe", "Huyện Mường Nhé")
    proc = _start(folder, port)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", follow_redirects=True, timeout=60) as client:
            clerk = Clerk(client, "huyen-muong-nhe")
            clerk.login()
            done = clerk.upload(MUONG_NHE, SAMPLES / "muong-nhe.xlsx").headers["location"]
            page = client.get(f"/chien-dich/{CAMPAIGN}/don-vi/{MUONG_NHE}")
            csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
            cookie = client.cookies.get("docgen_phien")
        # A second upload: headers and half of a large body sent, then the power goes.
        body_head = (f'--b\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{csrf}\r\n'
                     '--b\r\nContent-Disposition: form-data; name="ma_gui"\r\n\r\nnua-chung\r\n'
                     '--b\r\nContent-Disposition: form-data; name="tep"; filename="nua.xlsx"\r\n\r\n').encode()
        total = len(body_head) + 5_000_000
        with socket.create_connection(("127.0.0.1", port)) as raw:
            raw.sendall((f"POST /chien-dich/{CAMPAIGN}/don-vi/{MUONG_NHE}/nop HTTP/1.1\r\nHost: x\r\n"
                         f"Cookie: docgen_phien={cookie}\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                         f"Content-Length: {total}\r\n\r\n").encode() + body_head + b"PK" * 1_000_000)
            time.sleep(0.5)
            _kill(proc)
    finally:
        if proc.poll() is None:
            _kill(proc)
    with sqlite3.connect(folder / "docgen.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = db.execute("SELECT id, state, form_token FROM versions").fetchall()
    assert rows == [(int(done.rsplit("/", 1)[1]), "xong", rows[0][2])]  # the earlier version, whole; no half one
    proc = _start(folder, port)  # restart: the half-received bytes are swept away
    try:
        assert not any((folder / "tam").iterdir())
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", follow_redirects=True, timeout=60) as client:
            clerk = Clerk(client, "huyen-muong-nhe")
            clerk.login()
            assert "Có 3 lỗi cần sửa" in client.get(done).text
    finally:
        _kill(proc)


def test_a_version_whose_check_was_cut_short_is_checked_at_the_next_start(tmp_path):
    from docgen.web.uploads import add_version, save_blob

    folder, port = tmp_path / "d", _free_port()
    store = Store(folder).open()
    account = make_account(store, "huyen-muong-nhe", "Huyện Mường Nhé")
    proc = _start(folder, port)  # registers the campaign
    _kill(proc)
    with open(SAMPLES / "muong-nhe.xlsx", "rb") as fh:
        sha, size, blob = save_blob(store, fh)
    version, _ = add_version(store, campaign_id=CAMPAIGN, unit_code=MUONG_NHE, account_id=account["id"],
                             file_name="muong-nhe.xlsx", size=size, sha256=sha, blob=blob, form_token="cat-ngang")
    proc = _start(folder, port)
    try:
        for _ in range(100):
            with store.connect() as db:
                row = db.execute("SELECT state, errors FROM versions WHERE id = ?", (version,)).fetchone()
            if row["state"] == "xong":
                break
            time.sleep(0.1)
        assert (row["state"], row["errors"]) == ("xong", 3)
    finally:
        _kill(proc)


def test_a_second_server_on_the_same_data_folder_is_refused(tmp_path):
    folder = tmp_path / "d"
    proc = _start(folder, _free_port())
    try:
        second = subprocess.run([sys.executable, "-m", "docgen", "web", "--du-lieu", str(folder), "--cong",
                                 str(_free_port())], capture_output=True, text=True, timeout=60)
        assert second.returncode == 2 and "đã có một trang web docgen đang chạy" in second.stderr
    finally:
        _kill(proc)
