"""Accounts: a login costs the same whether the name exists, has its own password or a one-time one."""

from __future__ import annotations

import hashlib

from docgen.web import accounts, passwords
from docgen.web.store import Store
from tests.web.conftest import CAMPAIGN


def test_a_login_checks_the_same_hashes_for_an_unknown_a_normal_and_a_one_time_account(tmp_path, monkeypatch):
    store = Store(tmp_path / "du-lieu").open()
    unit_list, unit = accounts.unit_of(CAMPAIGN, "Huyện Nậm Pồ")
    accounts.create(store, "huyen-nam-po", "mat-khau-rieng", unit_list=unit_list, unit=unit)
    unit_list, unit = accounts.unit_of(CAMPAIGN, "Huyện Mường Chà")
    accounts.create(store, "huyen-muong-cha", passwords.one_time_password(), unit_list=unit_list, unit=unit,
                    must_change=True)
    costs: list[int] = []
    real = hashlib.scrypt

    def counted(password, **kw):
        costs.append(kw["n"])
        return real(password, **kw)

    monkeypatch.setattr(passwords.hashlib, "scrypt", counted)
    spent = {}
    for name in ("khong-co-ai", "huyen-nam-po", "huyen-muong-cha"):
        costs.clear()
        assert accounts.authenticate(store, name, "doan-sai-mat-khau") is None
        spent[name] = sorted(costs)
    assert spent["khong-co-ai"] == spent["huyen-nam-po"] == spent["huyen-muong-cha"], spent
