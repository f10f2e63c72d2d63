"""The units' side in a real browser: Debian's headless Chromium, with JavaScript off and on, PC and phone."""

from __future__ import annotations

import pytest
from docx import Document

from tests.web.browser import chromium, wait_css, wait_for_file, wait_url
from tests.web.conftest import CAMPAIGN, MUONG_NHE, PASSWORD, SAMPLES

pytestmark = [pytest.mark.chromium, pytest.mark.slow]


def _sign_in(driver, url: str, name: str) -> None:
    from selenium.webdriver.common.by import By

    driver.get(f"{url}/dang-nhap")
    driver.find_element(By.ID, "ten").send_keys(name)
    driver.find_element(By.ID, "mat_khau").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form.bieu-mau button[type=submit]").click()
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 30).until(lambda d: "/dang-nhap" not in d.current_url)


def test_a_district_uploads_the_messy_sample_sees_the_bad_cell_and_opens_its_report(web, tmp_path):
    from selenium.webdriver.common.by import By

    driver = chromium(tmp_path, javascript=False)  # every step works without JavaScript
    try:
        _sign_in(driver, web.url, "huyen-muong-nhe")
        assert "Các đợt báo cáo" in driver.find_element(By.TAG_NAME, "h1").text
        driver.find_element(By.LINK_TEXT, "Nộp danh sách, xem kết quả").click()
        wait_url(driver, "/don-vi/")
        assert driver.find_element(By.TAG_NAME, "h1").text == "Huyện Mường Nhé"
        driver.find_element(By.ID, "tep").send_keys(str(SAMPLES / "muong-nhe.xlsx"))
        driver.find_element(By.CSS_SELECTOR, "form.nop button[type=submit]").click()
        assert "Có 3 lỗi cần sửa" in wait_css(driver, "section.hop-loi h2").text
        bad = driver.find_element(By.ID, "o-f12")
        assert bad.get_attribute("class") == "loi" and bad.text == "0912 345"
        assert "SDT-01" in bad.get_attribute("title")
        driver.save_screenshot(str(tmp_path / "ket-qua.png"))
        driver.find_element(By.LINK_TEXT, "Tải báo cáo (Word)").click()
        report = wait_for_file(tmp_path, ".docx")
        assert report.name == "bao-cao-ket-qua-huyen-muong-nhe.docx"
        text = "\n".join(p.text for p in Document(report).paragraphs).upper()
        assert "MƯỜNG NHÉ" in text
    finally:
        driver.quit()


def test_on_a_phone_the_upload_form_and_the_result_fit_the_screen(web, tmp_path):
    from selenium.webdriver.common.by import By

    driver = chromium(tmp_path, phone=True)
    try:
        _sign_in(driver, web.url, "huyen-muong-nhe")
        driver.get(f"{web.url}/chien-dich/{CAMPAIGN}/don-vi/{MUONG_NHE}")
        width = driver.execute_script("return document.documentElement.clientWidth")
        scroll = driver.execute_script("return document.documentElement.scrollWidth")
        assert width <= 400 and scroll <= width              # nothing wider than the phone but the tables' own scroll
        assert driver.find_element(By.ID, "tep").is_displayed()
        assert driver.find_element(By.CSS_SELECTOR, ".chi-khi-js").is_displayed()  # the drag-and-drop hint, with JS
        driver.save_screenshot(str(tmp_path / "dien-thoai.png"))
    finally:
        driver.quit()


def test_the_province_sees_a_unit_report_on_time_and_opens_the_summary(web, tmp_path):
    import httpx
    from selenium.webdriver.common.by import By

    from tests.web.conftest import Clerk

    driver = chromium(tmp_path)
    try:
        _sign_in(driver, web.url, "tinh")
        driver.get(f"{web.url}/quan-tri/chien-dich/{CAMPAIGN}?trang-thai=chua_nop")
        row = driver.find_element(By.XPATH, "//tr[td/a[text()='Huyện Mường Chà']]")
        assert "Chưa nộp" in row.text
        with httpx.Client(base_url=web.url, follow_redirects=True, timeout=60) as client:
            admin_as_clerk = Clerk(client, "tinh")
            admin_as_clerk.login()
            admin_as_clerk.upload("97", SAMPLES / "muong-cha.xlsx")   # the province uploads what the unit e-mailed
        driver.get(f"{web.url}/quan-tri/chien-dich/{CAMPAIGN}")
        row = driver.find_element(By.XPATH, "//tr[td/a[text()='Huyện Mường Chà']]")
        assert "Đúng hạn" in row.text and "21/03/2022" in row.text
        driver.save_screenshot(str(tmp_path / "bang-tinh-hinh.png"))
        driver.find_element(By.LINK_TEXT, "Báo cáo tổng hợp (Word)").click()
        report = wait_for_file(tmp_path, ".docx")
        doc = Document(report)
        cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
        assert report.name == "bao-cao-tong-hop.docx" and any("Mường Chà" in c for c in cells)
    finally:
        driver.quit()


def test_back_from_the_result_the_clerk_can_send_another_file_and_it_is_kept(web, tmp_path):
    from selenium.webdriver.common.by import By

    driver = chromium(tmp_path)
    try:
        _sign_in(driver, web.url, "huyen-nam-po")
        driver.get(f"{web.url}/chien-dich/{CAMPAIGN}/don-vi/103")
        driver.find_element(By.ID, "tep").send_keys(str(SAMPLES / "muong-lay.xlsx"))   # the wrong file, first
        driver.find_element(By.CSS_SELECTOR, "form.nop button[type=submit]").click()
        wait_url(driver, "/phien-ban/")
        first = driver.current_url
        driver.back()
        wait_url(driver, "/don-vi/103")
        button = wait_css(driver, "form.nop button[type=submit]")
        assert button.is_enabled() and button.text == "Nộp và kiểm tra"
        driver.find_element(By.ID, "tep").send_keys(str(SAMPLES / "nam-po.xlsx"))
        button.click()
        wait_url(driver, "/phien-ban/")
        from selenium.webdriver.support.ui import WebDriverWait

        WebDriverWait(driver, 30).until(lambda d: d.current_url != first)
        assert "nam-po.xlsx" in driver.find_element(By.CSS_SELECTOR, ".phu-de").text
    finally:
        driver.quit()


def test_a_commune_uploads_its_own_file_and_its_district_sees_it_with_its_progress(web, tmp_path):
    """Three levels (1031): Chung Chải sends its own row to Mường Nhé; the district sees its communes' uploads."""
    from selenium.webdriver.common.by import By

    from tests.web.conftest import CHUNG_CHAI, ROOT

    driver = chromium(tmp_path, javascript=False)
    try:
        _sign_in(driver, web.url, "xa-chung-chai")
        driver.get(f"{web.url}/chien-dich/{CAMPAIGN}/don-vi/{CHUNG_CHAI}")
        assert driver.find_element(By.TAG_NAME, "h1").text == "Xã Chung Chải"
        driver.find_element(By.LINK_TEXT, "Tải biểu mẫu Excel").click()
        book = wait_for_file(tmp_path, ".xlsx")
        from openpyxl import load_workbook

        assert load_workbook(book)["Phụ lục"]["A1"].value == "ỦY BAN MTTQ VIỆT NAM XÃ CHUNG CHẢI"
        driver.find_element(By.ID, "tep").send_keys(str(ROOT / "data" / "mau" / "2022-muong-nhe-xa" / "xa-chung-chai.xlsx"))
        driver.find_element(By.CSS_SELECTOR, "form.nop button[type=submit]").click()
        assert "Có 1 lỗi cần sửa" in wait_css(driver, "section.hop-loi h2").text   # its page name off pattern
    finally:
        driver.quit()
    driver = chromium(tmp_path / "huyen", javascript=False)
    try:
        _sign_in(driver, web.url, "huyen-muong-nhe")
        driver.get(f"{web.url}/chien-dich/{CAMPAIGN}/don-vi/{MUONG_NHE}")
        progress = driver.find_element(By.CSS_SELECTOR, "p.tien-do").text
        assert progress.startswith("Đã nộp 1/11 đơn vị") and "15/03/2022" in progress
        row = next(r for r in driver.find_elements(By.CSS_SELECTOR, "table.bang tr") if "Xã Chung Chải" in r.text)
        assert "1 lỗi" in row.text or "lỗi" in row.text
        assert "Chưa nộp" in next(r for r in driver.find_elements(By.CSS_SELECTOR, "table.bang tr")
                                  if "Xã Sen Thượng" in r.text).text
    finally:
        driver.quit()
