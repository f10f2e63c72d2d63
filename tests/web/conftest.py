"""Fixtures of the web tests: an app over a fresh data folder, accounts, signed-in clients, uploads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from docgen.web import accounts
from docgen.web.store import Store

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "mau" / "2022-dien-bien"
CAMPAIGN = "2022-trang-cong-dong"
PASSWORD = "mat-khau-thu-1"
MUONG_NHE = "96"  # Huyện Mường Nhé in dvhc_3cap_2024
CHUNG_CHAI = "3157"               # a commune of Mường Nhé


def make_account(store: Store, name: str, unit: str | None = None, admin: bool = False) -> dict:
    unit_list, reporter = accounts.unit_of(CAMPAIGN, unit) if unit else ("", None)
    return accounts.create(store, name, PASSWORD, unit_list=unit_list, unit=reporter, is_admin=admin)


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def form_token_of(html: str) -> str:
    return re.search(r'name="ma_gui" value="([^"]+)"', html).group(1)


class Clerk:
    """A signed-in browser session over the test client."""

    def __init__(self, client, name: str):
        self.client, self.name = client, name

    def login(self, password: str = PASSWORD):
        page = self.client.get("/dang-nhap")
        return self.client.post("/dang-nhap", data={"csrf": csrf_of(page.text), "ten": self.name,
                                                     "mat_khau": password, "tiep": "/"}, follow_redirects=False)

    def get(self, url: str, **kw):
        return self.client.get(url, **kw)

    def upload(self, code: str, path: Path, name: str | None = None, data: bytes | None = None, token: str = ""):
        page = self.client.get(f"/chien-dich/{CAMPAIGN}/don-vi/{code}")
        csrf = csrf_of(page.text) if page.status_code == 200 else self.csrf()
        token = token or (form_token_of(page.text) if page.status_code == 200 else "t")
        content = data if data is not None else Path(path).read_bytes()
        return self.client.post(f"/chien-dich/{CAMPAIGN}/don-vi/{code}/nop",
                                data={"csrf": csrf, "ma_gui": token},
                                files={"tep": (name or Path(path).name, content)}, follow_redirects=False)

    def csrf(self) -> str:
        return csrf_of(self.client.get("/doi-mat-khau").text)


class Server:
    """A docgen web server on a free loopback port, in a thread of this process (tasks in threads too)."""

    def __init__(self, folder: Path, campaigns: list[str]):
        import socket
        import threading

        import uvicorn

        from docgen.web.app import create_app

        self.app = create_app(folder, campaigns=campaigns, workers=2, inline=True)
        self.store: Store = self.app.state.store
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._server = uvicorn.Server(uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning"))
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        import time

        while not self._server.started:
            time.sleep(0.02)

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(10)


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    """Yield a running Server over a fresh data folder serving the 2022 campaign, with four accounts."""
    server = Server(tmp_path_factory.mktemp("du-lieu"), [CAMPAIGN])
    make_account(server.store, "tinh", admin=True)
    make_account(server.store, "huyen-muong-nhe", "Huyện Mường Nhé")
    make_account(server.store, "huyen-nam-po", "Huyện Nậm Pồ")
    make_account(server.store, "xa-chung-chai", "Xã Chung Chải")
    yield server
    server.stop()


@pytest.fixture
def clerk(web):
    """Return a function: clerk(name) → a signed-in Clerk with its own cookies."""
    import httpx

    made = []

    def sign_in(name: str) -> Clerk:
        client = httpx.Client(base_url=web.url, timeout=60, follow_redirects=True)
        made.append(client)
        who = Clerk(client, name)
        assert who.login().status_code == 303
        return who

    yield sign_in
    for client in made:
        client.close()
