"""Login limits: attempts sent all at once, guessing from one machine, look-alike names, the password form."""

from __future__ import annotations

import concurrent.futures

import httpx

from docgen.web import sessions
from docgen.web.store import Store
from tests.web.conftest import PASSWORD, csrf_of, make_account


def test_twenty_wrong_passwords_sent_at_once_get_no_more_than_five_tries(web):
    make_account(web.store, "xa-dong-loat", "Xã Pá Mỳ")
    with httpx.Client(base_url=web.url, timeout=60) as client:
        token = csrf_of(client.get("/dang-nhap").text)

        def guess(i: int) -> int:
            return client.post("/dang-nhap", data={"csrf": token, "ten": "xa-dong-loat",
                                                    "mat_khau": f"doan-thu-{i:02d}"}).status_code

        with concurrent.futures.ThreadPoolExecutor(20) as pool:
            codes = list(pool.map(guess, range(20)))
    assert codes.count(401) == sessions.MAX_PER_NAME_ADDRESS and codes.count(429) == 15, codes


def _store(tmp_path) -> Store:
    return Store(tmp_path / "du-lieu").open()


def _fail(store: Store, name: str, address: str, times: int) -> None:
    for _ in range(times):
        wait, _stamp = sessions.login_attempt(store, name, address)
        assert wait == 0


def test_guessing_from_one_machine_does_not_lock_the_clerk_out_of_another(tmp_path):
    store = _store(tmp_path)
    _fail(store, "tinh", "10.0.0.66", sessions.MAX_PER_NAME_ADDRESS)
    assert sessions.login_attempt(store, "tinh", "10.0.0.66")[0] > 0
    assert sessions.login_attempt(store, "tinh", "10.0.0.5")[0] == 0


def test_many_machines_guessing_one_name_together_are_still_stopped(tmp_path):
    store = _store(tmp_path)
    for i in range(sessions.MAX_PER_NAME // sessions.MAX_PER_NAME_ADDRESS):
        _fail(store, "tinh", f"10.0.1.{i}", sessions.MAX_PER_NAME_ADDRESS)
    assert sessions.login_attempt(store, "tinh", "10.0.2.1")[0] > 0


def test_case_spacing_and_look_alike_letters_do_not_make_a_new_name(tmp_path):
    store = _store(tmp_path)
    variants = ["tinh", "TINH", " tinh ", "Tinh", "ｔｉｎｈ"]  # the last in full-width letters
    for name in variants:
        assert sessions.login_attempt(store, name, "10.0.0.7")[0] == 0
    assert sessions.login_attempt(store, "tInH", "10.0.0.7")[0] > 0


def test_a_good_login_takes_back_its_count_on_the_address(tmp_path):
    store = _store(tmp_path)
    for i in range(sessions.MAX_PER_ADDRESS + 5):  # an office behind one address signs in all morning
        wait, stamp = sessions.login_attempt(store, f"xa-{i}", "10.0.0.1")
        assert wait == 0, i
        sessions.login_succeeded(store, f"xa-{i}", "10.0.0.1", stamp)


def test_the_current_password_cannot_be_guessed_from_an_open_session(web, clerk):
    make_account(web.store, "xa-doan-mat-khau", "Xã Nậm Vì")
    who = clerk("xa-doan-mat-khau")
    for i in range(sessions.MAX_PER_NAME_ADDRESS):
        sent = who.client.post("/doi-mat-khau", data={"csrf": who.csrf(), "cu": f"doan-{i}-sai",
                                                      "moi": "mat-khau-moi-1", "nhac_lai": "mat-khau-moi-1"})
        assert sent.status_code == 400 and "Mật khẩu hiện tại không đúng" in sent.text
    right = who.client.post("/doi-mat-khau", data={"csrf": who.csrf(), "cu": PASSWORD,
                                                   "moi": "mat-khau-moi-1", "nhac_lai": "mat-khau-moi-1"})
    assert right.status_code == 429 and "Đăng nhập sai quá nhiều lần" in right.text
