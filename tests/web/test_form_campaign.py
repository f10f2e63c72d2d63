"""The web app runs a campaign with its own form (the 2026 festival, `[bieu_mau]`) as it runs a page campaign.

A commune uploads its festival workbook and sees its problems by rule and cell, its figures, and takes back
its own file marked; the province's dashboard shows who sent, who is late and who has errors, and hands out
the summary (Word), tong-hop.xlsx and the reminder — each made by the `docgen.api` function the command
line uses (`api.kiem_tra_tep`, `api.kiem_tra(tra_lai=…)`, `api.tong_hop(don_doc=True)`). In Chromium.
"""

from __future__ import annotations

import httpx
import pytest
from docx import Document
from openpyxl import load_workbook

from docgen import api
from docgen.web import accounts
from tests.web.browser import chromium, wait_css, wait_for_file
from tests.web.conftest import PASSWORD, ROOT, Clerk, Server
from tests.web.test_browser import _sign_in

pytestmark = [pytest.mark.chromium, pytest.mark.slow]

FESTIVAL = "2026-ngay-hoi-dai-doan-ket"
SAMPLES = ROOT / "data" / "mau" / FESTIVAL
THANH_NUA, MUONG_PHANG, MUONG_CHA = "Xã Thanh Nưa", "Xã Mường Phăng", "Xã Mường Chà"


def _account(server: Server, name: str, unit: str | None = None) -> None:
    unit_list, reporter = accounts.unit_of(FESTIVAL, unit) if unit else ("", None)
    accounts.create(server.store, name, PASSWORD, unit_list=unit_list, unit=reporter, is_admin=unit is None)


@pytest.fixture(scope="module")
def festival(tmp_path_factory):
    """Yield a running Server of the festival campaign with the province's account and Thanh Nưa's."""
    server = Server(tmp_path_factory.mktemp("du-lieu-ngay-hoi"), [FESTIVAL])
    _account(server, "tinh")
    _account(server, "xa-thanh-nua", THANH_NUA)
    yield server
    server.stop()


def _code(name: str) -> str:
    return api.tim_don_vi(FESTIVAL, name).code


def test_a_commune_sees_its_mistake_by_rule_and_cell_and_takes_its_file_back_marked(festival, tmp_path):
    from selenium.webdriver.common.by import By

    driver = chromium(tmp_path, javascript=False)
    try:
        _sign_in(driver, festival.url, "xa-thanh-nua")
        driver.get(f"{festival.url}/chien-dich/{FESTIVAL}/don-vi/{_code(THANH_NUA)}")
        assert driver.find_element(By.TAG_NAME, "h1").text == THANH_NUA
        driver.find_element(By.ID, "tep").send_keys(str(SAMPLES / "ngay-hoi-xa-thanh-nua.xlsx"))
        driver.find_element(By.CSS_SELECTOR, "form.nop button[type=submit]").click()
        assert "Có 1 lỗi cần sửa" in wait_css(driver, "section.hop-loi h2").text
        said = driver.find_element(By.CSS_SELECTOR, "p.noi-ghi").text   # a form campaign's report lists no problem
        assert said == "1 lỗi, 0 cảnh báo: báo cáo không ghi các lỗi này; xem trong «Tệp đã đánh dấu lỗi»."
        bad = driver.find_element(By.ID, "o-d9")     # «Số khu dân cư đã tổ chức» 16 > 14
        assert bad.get_attribute("class") == "loi" and bad.text == "16" and "BM-05" in bad.get_attribute("title")
        problem = driver.find_element(By.CSS_SELECTOR, "ul.van-de li.muc-loi")
        assert "BM-05" in problem.text and "D9" in problem.text and "→ Cách sửa:" in problem.text
        figures = driver.find_element(By.CSS_SELECTOR, "table.so-lieu").text
        assert "Tổng số khu dân cư" in figures and "Kinh phí vận động (đồng)" in figures
        driver.save_screenshot(str(tmp_path / "ket-qua-ngay-hoi.png"))
        driver.find_element(By.LINK_TEXT, "Tệp đã đánh dấu lỗi").click()
        marked = wait_for_file(tmp_path, ".xlsx")
        cell = load_workbook(marked)["Phụ lục"]["D9"]
        assert cell.value == 16 and "[BM-05] Lỗi" in cell.comment.text
        driver.find_element(By.LINK_TEXT, "Tải báo cáo (Word)").click()
        report = wait_for_file(tmp_path, ".docx")
        assert report.name == "bao-cao-ket-qua-xa-thanh-nua.docx"
        assert "THANH NƯA" in "\n".join(p.text for p in Document(report).paragraphs).upper()
    finally:
        driver.quit()


def test_the_province_follows_the_festival_and_takes_the_summary_workbook_and_reminder(festival, tmp_path):
    from selenium.webdriver.common.by import By

    with httpx.Client(base_url=festival.url, follow_redirects=True, timeout=120) as client:
        office = Clerk(client, "tinh")
        assert office.login().status_code == 303
        for name, file in ((MUONG_PHANG, "ngay-hoi-xa-muong-phang.xlsx"), (MUONG_CHA, "ngay-hoi-xa-muong-cha.xlsx"),
                           (THANH_NUA, "ngay-hoi-xa-thanh-nua.xlsx")):
            page = client.get(f"/chien-dich/{FESTIVAL}/don-vi/{_code(name)}")
            from tests.web.conftest import csrf_of, form_token_of

            sent = client.post(f"/chien-dich/{FESTIVAL}/don-vi/{_code(name)}/nop",
                               data={"csrf": csrf_of(page.text), "ma_gui": form_token_of(page.text)},
                               files={"tep": (file, (SAMPLES / file).read_bytes())})
            assert sent.status_code == 200, sent.text[:300]
    driver = chromium(tmp_path)
    try:
        _sign_in(driver, festival.url, "tinh")
        driver.get(f"{festival.url}/quan-tri/chien-dich/{FESTIVAL}")
        row = lambda name: driver.find_element(By.XPATH, f"//tr[td/a[text()='{name}']]").text  # noqa: E731
        assert "Đúng hạn" in row(MUONG_PHANG) and "lỗi" not in row(MUONG_PHANG)
        assert "Trễ hạn" in row(MUONG_CHA) and "03/12/2026" in row(MUONG_CHA)
        assert "còn 1 lỗi" in row(THANH_NUA)
        assert "Chưa nộp" in row("Xã Sín Thầu")
        assert "Có Trang" not in driver.find_element(By.TAG_NAME, "main").text   # no page-list figures here
        driver.save_screenshot(str(tmp_path / "bang-ngay-hoi.png"))
        driver.find_element(By.LINK_TEXT, "Bảng tổng hợp (Excel)").click()
        book = wait_for_file(tmp_path, ".xlsx")
        ws = load_workbook(book).active
        rows = {r[1]: r for r in ws.iter_rows(values_only=True) if r and r[1]}
        assert rows[MUONG_PHANG][7] == 102_000_000     # typed "102.000.000" as text: summed as the number
        assert rows["Tổng cộng"][7] == sum(rows[n][7] for n in (MUONG_PHANG, MUONG_CHA, THANH_NUA))
        reminder_link = driver.find_element(By.PARTIAL_LINK_TEXT, "Công văn đôn đốc")
        assert "chưa nộp, trễ hạn hoặc còn lỗi" in reminder_link.text
        reminder_link.click()
        reminder = wait_for_file(tmp_path, ".docx")
        body = " ".join(" ".join(p.text for p in Document(reminder).paragraphs).split())
        assert reminder.name == "cong-van-don-doc.docx"
        assert "Sín Thầu" in body and "Mường Chà (ngày 03/12/2026)" in body and "Thanh Nưa (1 lỗi)" in body
        reminder.unlink()
        driver.find_element(By.LINK_TEXT, "Báo cáo tổng hợp (Word)").click()
        summary = wait_for_file(tmp_path, ".docx")
        cells = [c.text for t in Document(summary).tables for r in t.rows for c in r.cells]
        assert summary.name == "bao-cao-tong-hop.docx" and "102.000.000" in cells
    finally:
        driver.quit()
