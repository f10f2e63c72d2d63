"""A unit's account reaches only its own unit (a district also its communes); every other URL is closed."""

from __future__ import annotations

import httpx
import pytest

from tests.web.conftest import CAMPAIGN, CHUNG_CHAI, MUONG_NHE, PASSWORD, SAMPLES, Clerk, csrf_of

UNIT_PAGE = f"/chien-dich/{CAMPAIGN}/don-vi/{{code}}"


@pytest.fixture(scope="module")
def uploads(web):
    """Return {unit code: version URL}: Mường Nhé's upload and its commune Chung Chải's own."""
    out = {}
    for name, code in (("huyen-muong-nhe", MUONG_NHE), ("xa-chung-chai", CHUNG_CHAI)):
        with httpx.Client(base_url=web.url, follow_redirects=True, timeout=60) as client:
            who = Clerk(client, name)
            who.login()
            out[code] = who.upload(code, SAMPLES / "muong-nhe.xlsx").headers["location"]
    return out


def _urls_of(code: str, version: str) -> list[str]:
    unit = UNIT_PAGE.format(code=code)
    return [unit, f"{unit}/bieu-mau.xlsx", version, f"{version}/tep", f"{version}/bao-cao.docx",
            f"{version}/bao-cao.pdf"]


def test_another_district_reaches_none_of_mường_nhé_s_urls(clerk, uploads):
    nam_po = clerk("huyen-nam-po")
    for url in _urls_of(MUONG_NHE, uploads[MUONG_NHE]) + _urls_of(CHUNG_CHAI, uploads[CHUNG_CHAI]):
        got = nam_po.get(url)
        assert got.status_code == 404, url
        assert "Mường Nhé" not in got.text and "muong-nhe" not in got.text.replace("huyen-nam-po", "")


def test_another_district_cannot_upload_for_mường_nhé(clerk, web):
    nam_po = clerk("huyen-nam-po")
    sent = nam_po.client.post(f"{UNIT_PAGE.format(code=MUONG_NHE)}/nop", data={"csrf": nam_po.csrf(), "ma_gui": "x"},
                              files={"tep": ("a.xlsx", b"PK")}, follow_redirects=False)
    assert sent.status_code == 404
    with web.store.connect() as db:
        assert db.execute("SELECT count(*) FROM versions WHERE form_token = 'x'").fetchone()[0] == 0


def test_a_district_sees_its_communes_uploads_but_uploads_only_for_itself(clerk, uploads):
    muong_nhe = clerk("huyen-muong-nhe")
    own = muong_nhe.get(UNIT_PAGE.format(code=MUONG_NHE)).text
    assert "Các đơn vị báo cáo cho Huyện Mường Nhé" in own and "Xã Chung Chải" in own
    unit, _, version, original, report, _ = _urls_of(CHUNG_CHAI, uploads[CHUNG_CHAI])
    for url in (unit, version, original, report):
        assert muong_nhe.get(url).status_code == 200, url
    commune_page = muong_nhe.get(UNIT_PAGE.format(code=CHUNG_CHAI)).text
    assert 'type="file"' not in commune_page
    sent = muong_nhe.client.post(f"{UNIT_PAGE.format(code=CHUNG_CHAI)}/nop",
                                 data={"csrf": muong_nhe.csrf(), "ma_gui": "y"}, files={"tep": ("a.xlsx", b"PK")},
                                 follow_redirects=False)
    assert sent.status_code == 403


def test_a_commune_sees_neither_its_district_nor_another_commune(clerk, uploads):
    chung_chai = clerk("xa-chung-chai")
    for url in _urls_of(MUONG_NHE, uploads[MUONG_NHE]):
        assert chung_chai.get(url).status_code == 404, url
    assert chung_chai.get(UNIT_PAGE.format(code="3160")).status_code == 404   # Xã Mường Nhé, a sibling
    assert chung_chai.get(uploads[CHUNG_CHAI]).status_code == 200


def test_a_unit_sees_only_the_campaigns_of_its_own_unit_list(clerk):
    muong_nhe = clerk("huyen-muong-nhe")
    page = muong_nhe.get("/chien-dich").text
    assert CAMPAIGN in page
    assert muong_nhe.get("/chien-dich/2026-ra-soat-trang-cong-dong").status_code == 404


def test_without_signing_in_every_page_leads_to_the_login(web, uploads):
    with httpx.Client(base_url=web.url) as anonymous:
        for url in ["/", "/chien-dich", *_urls_of(MUONG_NHE, uploads[MUONG_NHE])]:
            got = anonymous.get(url)
            assert got.status_code == 303 and got.headers["location"].startswith("/dang-nhap"), url
        assert anonymous.post(f"{UNIT_PAGE.format(code=MUONG_NHE)}/nop").status_code == 303


def test_a_form_without_its_csrf_token_is_refused(clerk, web):
    muong_nhe = clerk("huyen-muong-nhe")
    nam_po = clerk("huyen-nam-po")
    for token in ("", "sai", nam_po.csrf()):
        sent = muong_nhe.client.post(f"{UNIT_PAGE.format(code=MUONG_NHE)}/nop", data={"csrf": token, "ma_gui": "z"},
                                     files={"tep": ("a.xlsx", b"PK")}, follow_redirects=False)
        assert sent.status_code == 403 and "Biểu mẫu đã hết hạn" in sent.text
    assert muong_nhe.client.post("/dang-xuat", data={}).status_code == 403


def test_the_session_cookie_is_signed_httponly_samesite_and_expires(web):
    with httpx.Client(base_url=web.url) as client:
        page = client.get("/dang-nhap")
        sent = client.post("/dang-nhap", data={"csrf": csrf_of(page.text), "ten": "huyen-nam-po",
                                                "mat_khau": PASSWORD})
        cookie = next(v for k, v in sent.headers.multi_items() if k == "set-cookie" and v.startswith("docgen_phien="))
        assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Max-Age=36000" in cookie
        value = cookie.split(";")[0].split("=", 1)[1]
        token, signature = value.rsplit(".", 1)
        client.cookies.set("docgen_phien", f"{token}.{'0' * len(signature)}")
        assert client.get("/chien-dich").status_code == 303                    # a forged signature opens nothing


def test_logins_are_rate_limited_per_name(web):
    from tests.web.conftest import make_account

    make_account(web.store, "xa-thu-khoa", "Xã Sín Thầu")
    with httpx.Client(base_url=web.url) as client:
        def attempt(password):
            page = client.get("/dang-nhap")
            return client.post("/dang-nhap", data={"csrf": csrf_of(page.text), "ten": "xa-thu-khoa",
                                                    "mat_khau": password})
        for _ in range(5):
            assert attempt("sai-mat-khau").status_code == 401
        locked = attempt(PASSWORD)
        assert locked.status_code == 429 and "Đăng nhập sai quá nhiều lần" in locked.text


def test_a_disabled_account_loses_its_session_at_once(web, clerk):
    from docgen.web import accounts
    from tests.web.conftest import make_account

    make_account(web.store, "xa-se-khoa", "Xã Sen Thượng")
    who = clerk("xa-se-khoa")
    assert who.get("/chien-dich").status_code == 200
    accounts.set_disabled(web.store, "xa-se-khoa", True)
    assert who.client.get("/chien-dich", follow_redirects=False).status_code == 303
    assert who.login().status_code == 401


def test_every_form_of_the_site_refuses_a_post_without_its_csrf_token(clerk, web):
    from starlette.routing import Route

    admin = clerk("tinh")
    params = {"cd": CAMPAIGN, "ma": MUONG_NHE, "ten": "huyen-nam-po", "viec": "khoa"}
    posts = [r.path.format(**params) for r in web.app.routes if isinstance(r, Route) and "POST" in (r.methods or ())]
    assert len(posts) >= 7 and "/dang-xuat" in posts
    for url in posts:
        for token in (None, "gia-mao"):
            data = {"chien_dich": CAMPAIGN, "don_vi": MUONG_NHE, **({"csrf": token} if token else {})}
            sent = admin.client.post(url, data=data, follow_redirects=False)
            assert sent.status_code == 403, (url, token)
    with web.store.connect() as db:
        assert db.execute("SELECT disabled FROM accounts WHERE name = 'huyen-nam-po'").fetchone()[0] == 0


def test_signed_in_pages_and_files_are_not_kept_in_the_browser_cache(clerk, uploads):
    muong_nhe = clerk("huyen-muong-nhe")
    version = uploads[MUONG_NHE]
    for url in ("/chien-dich", version, f"{version}/tep", f"{version}/bao-cao.docx", "/dang-nhap"):
        assert muong_nhe.get(url).headers.get("cache-control") == "no-store", url
    assert muong_nhe.get("/tai-nguyen/kieu.css").headers.get("cache-control") != "no-store"
