"""`docgen web` tells the address the units use, and trusts no X-Forwarded-For header."""

from __future__ import annotations

import socket

from docgen.web import server


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(tmp_path, monkeypatch, host: str) -> dict:
    import uvicorn

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw, app=app))
    assert server.serve(str(tmp_path / "du-lieu"), host, _free_port(), []) == 0
    return seen


def test_serving_the_office_network_prints_the_address_to_give_the_units(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(server, "lan_address", lambda: "192.168.1.20")
    seen = _serve(tmp_path, monkeypatch, "0.0.0.0")
    out = capsys.readouterr().out
    port = seen["port"]
    assert f"Các máy khác trong mạng nội bộ vào: http://192.168.1.20:{port}/" in out
    assert seen["app"].state.office_url == f"http://192.168.1.20:{port}/"
    assert seen["proxy_headers"] is False  # the login limits count the real address


def test_serving_this_machine_only_says_how_to_open_it_to_the_units(tmp_path, monkeypatch, capsys):
    seen = _serve(tmp_path, monkeypatch, "127.0.0.1")
    assert "docgen web --host 0.0.0.0" in capsys.readouterr().out
    assert seen["app"].state.office_url == ""


def test_the_office_address_is_this_machine_s_own_on_the_network():
    found = server.lan_address()
    assert found == "" or not found.startswith("127.")
    assert server.office_url("127.0.0.1", 8000) == "" and server.office_url("10.1.2.3", 81) == "http://10.1.2.3:81/"
