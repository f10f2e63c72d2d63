"""`docgen bao-cao` through cli.main: exit codes, what is printed, what is refused."""

from __future__ import annotations

import io
import re
import shutil

import docx
import pytest
from tests.bao_cao_inputs import filled_workbook
from tests.edited_campaign import FOUND, edited_campaign

from docgen.campaigns.campaign import CAMPAIGNS_DIR, DEFAULT_CAMPAIGN, FILE_NAME
from docgen.cli import main
from docgen.records.units import DATA_DIR


def malicious_campaign(folder):
    """Return a copy of the 2022 campaign whose own cong_van.docx tries to reach Python internals."""
    folder.mkdir()
    shutil.copyfile(CAMPAIGNS_DIR / DEFAULT_CAMPAIGN / FILE_NAME, folder / FILE_NAME)
    template = docx.Document(str(DATA_DIR.parent / "templates" / "cong_van.docx"))
    template.add_paragraph("{{ ''.__class__.__mro__[1].__subclasses__() }}")
    template.save(str(folder / "cong_van.docx"))
    return folder


def test_a_single_file_is_written_and_summarised(tmp_path, capsys):
    filled = filled_workbook(tmp_path, "Mường Nhé")
    out = tmp_path / "ra"
    assert main(["bao-cao", str(filled.path), "-o", str(out)]) == 0
    stdout = capsys.readouterr().out
    target = out / "huyen-muong-nhe" / "bao-cao-ket-qua-huyen-muong-nhe.docx"
    first = stdout.splitlines()[0]
    assert first.startswith(f"Huyện Mường Nhé: {target} — 1 lỗi, ") and first.endswith(" cảnh báo (ghi ở mục II của báo cáo)")
    assert stdout.splitlines()[1] == "  Thể thức (NĐ 30/2020): không có lỗi"  # the shipped templates meet ND30
    assert stdout.splitlines()[-1] == "Đã ghi 1 báo cáo."   # nothing refused: not «không soạn 0 tệp»
    assert target.is_file()


def test_an_existing_report_is_not_overwritten_without_ghi_de(tmp_path, capsys):
    filled = filled_workbook(tmp_path, "Mường Nhé")
    out = tmp_path / "ra"
    assert main(["bao-cao", str(filled.path), "-o", str(out)]) == 0
    target = out / "huyen-muong-nhe" / "bao-cao-ket-qua-huyen-muong-nhe.docx"
    target.write_bytes(b"ban cu")
    capsys.readouterr()
    assert main(["bao-cao", str(filled.path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"Không soạn: {filled.path}: {target}: Tệp «{target}» đã có; không ghi đè. Thêm --ghi-de để thay tệp cũ." in err
    assert target.read_bytes() == b"ban cu"
    assert main(["bao-cao", str(filled.path), "-o", str(out), "--ghi-de"]) == 0
    assert docx.Document(io.BytesIO(target.read_bytes())).tables


def test_chat_refuses_a_file_with_errors_and_lists_them(tmp_path, capsys):
    filled = filled_workbook(tmp_path, "Mường Nhé")
    assert main(["bao-cao", str(filled.path), "-o", str(tmp_path / "ra"), "--chat"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"Không soạn: {filled.path}: 1 lỗi phải sửa trước khi ký (--chat)."
    assert err[1].startswith("  [TT-01] ") and "«Mặt trận A & B <C>»" in err[1]
    assert not (tmp_path / "ra" / "huyen-muong-nhe").exists()


def test_chat_writes_a_clean_file(tmp_path):
    filled = filled_workbook(tmp_path, "Mường Nhé", special="Mặt trận Mường Nhé (tỉnh Điện Biên)")
    assert main(["bao-cao", str(filled.path), "-o", str(tmp_path / "ra"), "--chat"]) == 0


def test_an_unusable_input_gives_2_and_the_others_are_still_written(tmp_path, capsys):
    good = filled_workbook(tmp_path, "Mường Nhé")
    bad = tmp_path / "hong.xlsx"
    bad.write_text("không phải Excel")
    missing = tmp_path / "khong-co.xlsx"
    out = tmp_path / "ra"
    assert main(["bao-cao", str(missing), str(bad), str(good.path), "-o", str(out)]) == 2
    captured = capsys.readouterr()
    assert f"Không soạn: {missing}: {missing}: Không có tệp hoặc thư mục này." in captured.err
    assert f"Không soạn: {bad}:" in captured.err
    assert (out / "huyen-muong-nhe" / "bao-cao-ket-qua-huyen-muong-nhe.docx").is_file()
    assert captured.out.splitlines()[-1] == "Đã ghi 1 báo cáo; không soạn 2 tệp."


def test_a_campaign_template_that_breaks_the_sandbox_is_refused(tmp_path, capsys):
    filled = filled_workbook(tmp_path, "Mường Nhé")
    campaign = malicious_campaign(tmp_path / "cd")
    assert main(["bao-cao", str(filled.path), "-o", str(tmp_path / "ra"), "--chien-dich", str(campaign)]) == 2
    err = capsys.readouterr().err
    assert "Mẫu «cong_van.docx» dùng lệnh bị chặn vì lý do an toàn" in err
    assert not (tmp_path / "ra" / "huyen-muong-nhe" / "bao-cao-ket-qua-huyen-muong-nhe.docx").exists()


@pytest.mark.parametrize("rule", sorted(FOUND))
def test_a_campaign_template_that_breaks_nd30_is_written_reported_and_exits_1(tmp_path, capsys, rule):
    filled = filled_workbook(tmp_path, "Mường Nhé", special="Mặt trận Mường Nhé (tỉnh Điện Biên)")
    campaign = edited_campaign(tmp_path / "cd", rule)
    out = tmp_path / "ra"
    assert main(["bao-cao", str(filled.path), "-o", str(out), "--chien-dich", str(campaign)]) == 1
    lines = capsys.readouterr().out.splitlines()
    target = out / "huyen-muong-nhe" / "bao-cao-ket-qua-huyen-muong-nhe.docx"
    assert lines[0].startswith(f"Huyện Mường Nhé: {target}")
    assert re.fullmatch(rf"  Thể thức \(NĐ 30/2020\): {re.escape(str(target))} \(báo cáo\): \d+ lỗi, 0 cảnh báo", lines[1])
    assert lines[2].startswith(f"  lỗi {rule} · ")  # rule ID and place, as `docgen the-thuc` prints them
    assert lines[3] == f"      {FOUND[rule]}"
    assert lines[-1].startswith("Thể thức: 1 văn bản có lỗi theo NĐ 30/2020 nên chưa trình ký được")
    assert target.is_file() and docx.Document(str(target)).tables  # written all the same


def test_a_batch_shows_progress_on_stderr(tmp_path, capsys):
    folder = tmp_path / "vao"
    folder.mkdir()
    filled_workbook(folder, "Mường Nhé")
    filled_workbook(folder, "Tủa Chùa")
    assert main(["bao-cao", str(folder), "-o", str(tmp_path / "ra")]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("[") and err[0].endswith("0/2 mường-nhé.xlsx")
    assert err[1].endswith("1/2 tủa-chùa.xlsx")


def test_help_ends_with_an_example(capsys):
    assert main(["bao-cao", "--help"]) == 0
    assert "Ví dụ:\n  docgen bao-cao data/mau/2022-dien-bien -o out/" in capsys.readouterr().out


def test_pdf_without_libreoffice_still_writes_the_docx_and_says_why(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("docgen.render.pdf.find_soffice", lambda: None)
    filled = filled_workbook(tmp_path, "Mường Nhé")
    assert main(["bao-cao", str(filled.path), "-o", str(tmp_path / "ra"), "--pdf"]) == 2
    assert "Lỗi PDF: Không tìm thấy LibreOffice (lệnh soffice) để xuất PDF." in capsys.readouterr().err
    assert (tmp_path / "ra" / "huyen-muong-nhe" / "bao-cao-ket-qua-huyen-muong-nhe.docx").is_file()


def test_values_docgen_put_right_are_not_promised_in_section_ii(tmp_path, capsys):
    """ĐBP's only warning is a phone docgen rewrote (SDT-02): section II says «Không có.», so the command line
    must not say the warning is «ghi ở mục II»; Mường Nhé's errors are there, its three rewritten values are not."""
    sample = DATA_DIR / "mau" / "2022-dien-bien"
    assert main(["bao-cao", str(sample / "dien-bien-phu.xlsx"), str(sample / "muong-nhe.xlsx"), "-o",
                 str(tmp_path)]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if " — " in line]
    dbp = next(line for line in lines if line.startswith("Thành phố Điện Biên Phủ"))
    assert dbp.endswith("— 0 lỗi, 1 cảnh báo (1 giá trị đã tự đưa về dạng chuẩn, không cần ghi vào báo cáo; "
                        "xem bằng docgen kiem-tra)")
    report = docx.Document(next(tmp_path.glob("thanh-pho-dien-bien-phu/*.docx")))
    texts = [p.text for p in report.paragraphs]
    assert texts[texts.index("II. TỒN TẠI, HẠN CHẾ") + 1] == "Không có."
    nhe = next(line for line in lines if line.startswith("Huyện Mường Nhé"))
    assert nhe.endswith("(ghi ở mục II của báo cáo; 3 giá trị đã tự đưa về dạng chuẩn)")
