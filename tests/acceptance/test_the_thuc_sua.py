"""A clerk's job: a công văn typed in Word's default style is corrected by `docgen the-thuc --sua`; what only a
person can put right is said, and the corrected copy opens and prints as an ND30 document."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from docgen import cli
from docgen.nd30 import RULES, Level, check_file
from tests.nd30.word_default import cong_van_word_default


@pytest.fixture
def word_default(tmp_path) -> Path:
    path = tmp_path / "cong-van-word.docx"
    cong_van_word_default().save(path)
    return path


def test_a_document_in_words_default_style_keeps_only_what_needs_a_person(word_default, capsys):
    before = {f.rule for f in check_file(word_default) if f.level != Level.INFO}
    assert {"PG-01", "PG-07", "FN-01", "TN-02", "DT-04", "NN-04", "AG-06", "TN-04", "BD-02"} <= before
    assert cli.main(["the-thuc", str(word_default), "--sua"]) == 1
    out = capsys.readouterr().out
    fixed = word_default.with_name("cong-van-word-da-sua.docx")
    left = [f for f in check_file(fixed) if f.level != Level.INFO]
    assert [f.rule for f in left] == ["NN-03"]  # the missing "- Như trên;": a line only a person may add
    assert not RULES["NN-03"].fixable
    assert "  Còn 1 lỗi, 0 cảnh báo cần người soạn sửa trong Word:\n  lỗi NN-03 · bảng 2, hàng 1, cột 1" in out
    for rule in ("PG-01", "FN-01", "TN-02", "DT-04", "NN-04"):
        assert f"  đã sửa {rule} · " in out


@pytest.mark.slow
@pytest.mark.soffice
def test_the_corrected_copy_opens_in_libreoffice_and_prints_on_a4(word_default, tmp_path, capsys):
    assert cli.main(["the-thuc", str(word_default), "--sua"]) == 1
    fixed = word_default.with_name("cong-van-word-da-sua.docx")
    subprocess.run([shutil.which("soffice"), "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(fixed)],
                   capture_output=True, timeout=180)
    pdf = tmp_path / "pdf" / "cong-van-word-da-sua.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    for line in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "Điện Biên, ngày 05 tháng 3 năm 2024", "- Lưu: VT.", "thực hiện./."):
        assert line in text
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "(A4)" in info
