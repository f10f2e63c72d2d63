"""`docgen the-thuc` through cli.main: exit codes 0/1/2, rule IDs, exact Vietnamese text, --json, --tat-ca."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.nd30 import nd30_docs as d

from docgen import cli


@pytest.fixture
def clean(tmp_path) -> Path:
    path = tmp_path / "nd30-clean.docx"
    d.cong_van().save(path)
    return path


@pytest.fixture
def bad_date(tmp_path) -> Path:
    path = tmp_path / "nd30-ngay-khong-dem-0.docx"
    d.cong_van(date="Điện Biên, ngày 5 tháng 3 năm 2022").save(path)
    return path


def test_a_clean_document_exits_0_and_says_so(clean, capsys):
    assert cli.main(["the-thuc", str(clean)]) == 0
    assert capsys.readouterr().out == f"{clean} (công văn): đúng thể thức ND30, không có lỗi.\n"


def test_a_violation_exits_1_with_rule_where_and_vietnamese_message(bad_date, capsys):
    assert cli.main(["the-thuc", str(bad_date)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{bad_date} (công văn): 1 lỗi, 0 cảnh báo"
    assert out[1] == "  lỗi DT-04 · bảng 1, hàng 2, cột 2 «Điện Biên, ngày 5 tháng 3…»"
    assert out[2] == ("      Số 0 ở ngày, tháng: «ngày 5 tháng 3»; yêu cầu: ngày dưới 10 và tháng 1, 2 có số 0 "
                      "phía trước (05, 01, 02); tháng 3–12 không có.")


def test_warnings_alone_exit_0(tmp_path, capsys):
    doc = d.cong_van()
    d.set_text(d.para(doc, "CỘNG HÒA"), "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    path = tmp_path / "nd30-hoa.docx"
    doc.save(path)
    assert cli.main(["the-thuc", str(path)]) == 0
    assert "cảnh báo QH-02" in capsys.readouterr().out


def test_info_is_hidden_unless_tat_ca(tmp_path, capsys):
    path = tmp_path / "nd30-bao-cao.docx"
    d.bao_cao().save(path)
    assert cli.main(["the-thuc", str(path)]) == 0
    assert "PG-04" not in capsys.readouterr().out
    assert cli.main(["the-thuc", str(path), "--tat-ca"]) == 0
    out = capsys.readouterr().out
    assert "thông tin PG-04 · phần 2" in out and "section" not in out.replace(str(tmp_path), "")   # Word's Vietnamese name of a section


@pytest.mark.parametrize("content", [b"khong phai docx", b"PK\x03\x04\x14\x00 hong"])
def test_an_unreadable_file_exits_2_without_traceback(tmp_path, clean, capsys, content):
    bad = tmp_path / "hong.docx"
    bad.write_bytes(content)
    assert cli.main(["the-thuc", str(clean), str(bad)]) == 2
    captured = capsys.readouterr()
    assert f"{bad}: không đọc được: " in captured.out
    assert "Traceback" not in captured.out + captured.err


def test_a_missing_file_exits_2(tmp_path, capsys):
    assert cli.main(["the-thuc", str(tmp_path / "khong-co.docx")]) == 2
    assert "không tìm thấy tệp" in capsys.readouterr().out


def test_json_lists_each_file_with_its_findings(clean, bad_date, capsys):
    assert cli.main(["the-thuc", str(clean), str(bad_date), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [x["file"] for x in data] == [str(clean), str(bad_date)]
    assert data[0] == {"file": str(clean), "kind": "công văn", "readable": True, "error": "",
                       "errors": 0, "warnings": 0, "findings": []}
    (f,) = data[1]["findings"]
    assert f["rule"] == "DT-04" and f["level"] == "MUST" and f["severity"] == "lỗi"
    assert set(f) == {"rule", "level", "severity", "message", "where"}


def bad_document():
    """Return the clean công văn with ten of the mistakes clerks make."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: F401
    from docx.shared import Mm, RGBColor

    doc = d.cong_van(date="Điện Biên, ngày 5 tháng 3 năm 2022")
    doc.sections[0].left_margin = Mm(25)
    doc.sections[0].different_first_page_header_footer = False
    d.para(doc, "Báo cáo kết quả").runs[0].font.name = "Arial"
    d.para(doc, "Đề nghị các đơn vị").runs[0].font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)
    d.set_text(d.para(doc, "Độc lập"), "Độc lập – Tự do – Hạnh phúc")
    nn = d.para(doc, "Nơi nhận").runs[0]
    nn.bold = nn.italic = False
    d.set_text(d.para(doc, "CHỦ TỊCH"), "Chủ tịch")
    first = d.para(doc, "- Như trên")
    first._p.getparent().remove(first._p)
    d.set_text(d.para(doc, "- Lưu"), "- Lưu: VT, BTT")
    return doc


def test_a_deliberately_bad_document_lists_every_deviation(tmp_path, capsys):
    path = tmp_path / "nd30-van-ban-sai.docx"
    bad_document().save(path)
    assert cli.main(["the-thuc", str(path)]) == 1
    out = capsys.readouterr().out
    rules = [line.split()[1] for line in out.splitlines()[1:] if line.startswith("  lỗi")]
    assert rules == ["PG-07", "FN-01", "FN-04", "PN-04", "TN-02", "DT-04", "SG-04", "NN-01", "NN-03", "NN-04"]


def test_locations_name_sections_as_word_does_in_vietnamese(tmp_path, capsys):
    path = tmp_path / "nd30-van-ban-sai.docx"
    bad_document().save(path)
    assert cli.main(["the-thuc", str(path)]) == 1
    out = capsys.readouterr().out
    assert "lỗi PG-07 · phần 1\n" in out and "lỗi PN-04 · đầu trang (các trang), phần 1 «2»" in out
    assert cli.main(["the-thuc", str(path), "--sua", "-o", str(tmp_path / "da-sua.docx")]) == 1   # NN-03 stays
    out = capsys.readouterr().out
    assert "đã sửa PG-07 · phần 1\n" in out and "section" not in out.replace(str(tmp_path), "")


def test_a_file_named_twice_is_fixed_once_and_the_clerk_is_told(tmp_path, capsys):
    path = tmp_path / "nd30-van-ban-sai.docx"
    bad_document().save(path)
    other_spelling = tmp_path / "." / path.name   # the same file, named another way
    assert cli.main(["the-thuc", str(path), str(other_spelling), "--sua"]) == 1
    out = capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.glob("*.docx")) == ["nd30-van-ban-sai-da-sua.docx", "nd30-van-ban-sai.docx"]
    assert out.count("bản đã sửa:") == 1 and "Đã sửa" not in out   # one file: no count line of several
    assert "  Tệp này được nêu 2 lần trong lệnh; chỉ sửa một lần.\n" in out
    assert cli.main(["the-thuc", str(path), str(path), "--json"]) == 1
    (only,) = json.loads(capsys.readouterr().out)
    assert only["named"] == 2 and only["errors"] == 10


def test_help_ends_with_an_example_on_what_cong_van_writes(capsys):
    assert cli.main(["the-thuc", "--help"]) == 0
    out = capsys.readouterr().out
    assert "docgen the-thuc ket-qua/2022-trang-cong-dong/cong-van.docx --tat-ca" in out
    assert "--json" in out and "--tat-ca" in out


def test_a_folder_stands_for_every_docx_in_it(tmp_path, capsys):
    (tmp_path / "a").mkdir()
    d.cong_van().save(tmp_path / "a" / "mot.docx")
    d.bao_cao().save(tmp_path / "hai.docx")
    (tmp_path / "~$hai.docx").write_bytes(b"lock")
    assert cli.main(["the-thuc", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split(" (")[0] for line in out[:-1]] == [str(tmp_path / "a" / "mot.docx"),
                                                         str(tmp_path / "hai.docx")]
    assert out[-1] == "Đã kiểm tra 2 tệp: 2 đúng thể thức, 0 có lỗi, 0 không đọc được."


# ---- --sua: the corrected copy ------------------------------------------------------------------------------------

def test_sua_writes_the_corrected_copy_beside_the_file_and_leaves_the_original(bad_date, capsys):
    original = bad_date.read_bytes()
    assert cli.main(["the-thuc", str(bad_date), "--sua"]) == 0
    out = capsys.readouterr().out.splitlines()
    fixed = bad_date.with_name("nd30-ngay-khong-dem-0-da-sua.docx")
    assert out[0] == f"{bad_date} (công văn): đã sửa 1 chỗ; bản đã sửa: {fixed}"
    assert out[1] == "  đã sửa DT-04 · bảng 1, hàng 2, cột 2 «Điện Biên, ngày 05 tháng 3…»"
    assert out[2] == ("      Số 0 ở ngày, tháng: «Điện Biên, ngày 5 tháng 3 năm 2022» → "
                      "«Điện Biên, ngày 05 tháng 3 năm 2022»")
    assert out[3] == "  Bản đã sửa đúng thể thức ND30, không còn lỗi."
    assert bad_date.read_bytes() == original
    assert cli.main(["the-thuc", str(fixed)]) == 0


def test_sua_never_overwrites_a_file_unless_ghi_de(bad_date, capsys):
    assert cli.main(["the-thuc", str(bad_date), "--sua"]) == 0
    capsys.readouterr()
    assert cli.main(["the-thuc", str(bad_date), "--sua"]) == 2
    fixed = bad_date.with_name("nd30-ngay-khong-dem-0-da-sua.docx")
    assert capsys.readouterr().out == (f"{bad_date}: không ghi được bản sửa: Tệp «{fixed}» đã có; không ghi đè. "
                                       "Thêm --ghi-de để thay tệp cũ.\n")
    assert cli.main(["the-thuc", str(bad_date), "--sua", "--ghi-de"]) == 0


def test_sua_o_names_the_copy_and_may_not_name_the_original(bad_date, tmp_path, capsys):
    out = tmp_path / "ra" / "ban-sua.docx"
    assert cli.main(["the-thuc", str(bad_date), "--sua", "-o", str(out)]) == 0
    assert out.is_file()
    capsys.readouterr()
    assert cli.main(["the-thuc", str(bad_date), "--sua", "-o", str(bad_date), "--ghi-de"]) == 2
    assert "không được ghi đè lên tệp gốc" in capsys.readouterr().out


def test_o_without_sua_is_a_usage_error(bad_date, capsys):
    assert cli.main(["the-thuc", str(bad_date), "-o", "x.docx"]) == 2
    assert capsys.readouterr().err == "Lỗi: -o/--ra chỉ dùng cùng --sua (nơi ghi bản đã sửa).\n"


def test_sua_on_a_folder_writes_each_copy_to_o_and_skips_earlier_copies(tmp_path, capsys):
    src = tmp_path / "den"
    src.mkdir()
    d.cong_van(date="Điện Biên, ngày 5 tháng 3 năm 2022").save(src / "mot.docx")
    d.bao_cao().save(src / "hai.docx")
    d.cong_van().save(src / "cu-da-sua.docx")
    assert cli.main(["the-thuc", str(src), "--sua", "-o", str(tmp_path / "ra")]) == 0
    assert sorted(p.name for p in (tmp_path / "ra").iterdir()) == ["hai-da-sua.docx", "mot-da-sua.docx"]
    assert capsys.readouterr().out.splitlines()[-1] == \
        "Đã sửa 2 tệp; đã kiểm tra 2 tệp: 2 đúng thể thức, 0 có lỗi, 0 không đọc được."


def test_sua_says_what_is_left_for_a_person_and_exits_1(tmp_path, capsys):
    doc = d.cong_van(date="Điện Biên, ngày 5 tháng 3 năm 2022")
    first = d.para(doc, "- Như trên")
    first._p.getparent().remove(first._p)
    path = tmp_path / "nd30-thieu-nhu-tren.docx"
    doc.save(path)
    assert cli.main(["the-thuc", str(path), "--sua"]) == 1
    out = capsys.readouterr().out
    assert "  Còn 1 lỗi, 0 cảnh báo cần người soạn sửa trong Word:\n  lỗi NN-03 · " in out


def test_sua_json_gains_the_fixes(bad_date, capsys):
    assert cli.main(["the-thuc", str(bad_date), "--sua", "--json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert item["fixed_file"] == str(bad_date.with_name("nd30-ngay-khong-dem-0-da-sua.docx"))
    assert (item["errors_before"], item["errors"], item["findings"]) == (1, 0, [])
    (fix,) = item["fixes"]
    assert (fix["rule"], fix["before"], fix["after"]) == ("DT-04", "Điện Biên, ngày 5 tháng 3 năm 2022",
                                                           "Điện Biên, ngày 05 tháng 3 năm 2022")


def test_html_writes_a_self_contained_report_with_findings_beside_their_paragraph(tmp_path, capsys):
    path = tmp_path / "nd30-van-ban-sai.docx"
    bad_document().save(path)
    report = tmp_path / "bao-cao.html"
    assert cli.main(["the-thuc", str(path), "--html", str(report)]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == f"Báo cáo HTML: {report}"
    html = report.read_text(encoding="utf-8")
    assert "<script" not in html and "http://" not in html.replace('content="width', "") and "https://" not in html
    row = html[html.index("Chủ tịch</span>"):]
    row = row[:row.index("</div></div>")]
    assert "lỗi SG-04" in row  # the note stands in the same row as the paragraph it is about
    assert cli.main(["the-thuc", str(path), "--html", str(report)]) == 2  # not overwritten without --ghi-de


def test_two_files_of_the_same_name_get_two_copies_in_o(tmp_path, capsys):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        d.cong_van(date="Điện Biên, ngày 5 tháng 3 năm 2022").save(tmp_path / folder / "cong-van.docx")
    out = tmp_path / "ra"
    assert cli.main(["the-thuc", str(tmp_path / "a"), str(tmp_path / "b"), "--sua", "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["cong-van-da-sua-2.docx", "cong-van-da-sua.docx"]
