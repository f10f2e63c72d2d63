"""Debian's headless Chromium through selenium, with the flags every browser test uses."""

from __future__ import annotations

import tempfile
from pathlib import Path

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=vi")


def chromium(downloads: Path, width: int = 1366, height: int = 768, javascript: bool = True, phone: bool = False):
    """Return a selenium driver of /usr/bin/chromium with a fresh profile, saving downloads into `downloads`."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='chromium-')}")
    options.add_argument(f"--window-size={width},{height}")
    prefs = {"download.default_directory": str(downloads), "download.prompt_for_download": False,
             "intl.accept_languages": "vi-VN,vi"}
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    options.add_experimental_option("prefs", prefs)
    if phone:
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 390, "height": 844,
                                                                                "pixelRatio": 2.0}})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def wait_for_file(folder: Path, suffix: str, seconds: float = 30) -> Path:
    """Return the first finished download ending in `suffix` in `folder`, waiting up to `seconds`."""
    import time

    end = time.time() + seconds
    while time.time() < end:
        done = [p for p in folder.glob(f"*{suffix}")]
        if done:
            return done[0]
        time.sleep(0.1)
    raise AssertionError(f"không tải được tệp {suffix} về {folder}: {list(folder.iterdir())}")


def wait_css(driver, css: str, seconds: float = 30):
    """Return the element matching `css` once the page shows it (after a click that loads a page)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds).until(ec.presence_of_element_located((By.CSS_SELECTOR, css)))


def wait_url(driver, part: str, seconds: float = 30) -> None:
    """Wait until the address contains `part`."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, seconds).until(lambda d: part in d.current_url)
