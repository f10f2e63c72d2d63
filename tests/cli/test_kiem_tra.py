"""`docgen kiem-tra` through cli.main: exit codes 0/1/2, rule IDs, cells, exact Vietnamese wording."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from docgen import cli
from docgen.campaigns.campaign import load_campaign
from docgen.records.form import FACTS_SHEET
from tests.forms import COLUMNS

from tests.checks.checks_factory import clean_rows, spoil

MN = "Huyện Mường Nhé"
FIRST = 6   # sheet row of the first group row ("I"): title rows 1–3, header rows 4–5


def write_form(path: Path, rows: list[tuple[int, dict]], don_vi: str = MN, groups=("Cấp huyện", "Cấp xã")) -> Path:
    """Write a Phụ lục workbook as a clerk would: titles, two-row header, group rows, data, a facts sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    ws.append([f"ỦY BAN MTTQ VIỆT NAM {don_vi.upper()}"])
    ws.append(["DANH SÁCH “Trang cộng đồng”"])
    ws.append([])
    ws.append([c.group or c.header for c in COLUMNS])
    ws.append([c.header if c.group else None for c in COLUMNS])
    current = None
    for group, values in rows:
        if group != current:
            ws.append([("I", "II", "III")[group], groups[group]])
            current = group
        ws.append([values.get(c.key) for c in COLUMNS])
    info = wb.create_sheet(FACTS_SHEET)
    info.append(["Đơn vị báo cáo", don_vi])
    wb.save(path)
    return path


def sheet_row(rows: list[tuple[int, dict]], unit_name: str) -> int:
    """Return the sheet row of `unit_name` in a workbook written by `write_form`."""
    n, current = FIRST, None
    for group, values in rows:
        if group != current:
            n, current = n + 1, group
        if values["don_vi"] == unit_name:
            return n
        n += 1
    raise KeyError(unit_name)


@pytest.fixture(scope="module")
def campaign():
    return load_campaign()


def run(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main(["kiem-tra", *map(str, argv)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_a_clean_submission_exits_0_and_prints_the_figures(tmp_path, capsys, campaign):
    path = write_form(tmp_path / "muong-nhe.xlsx", clean_rows(campaign, MN))
    code, out, _ = run(capsys, path)
    assert code == 0
    assert f"== {path} — Huyện Mường Nhé: 12 dòng, 0 lỗi, 0 cảnh báo" in out
    assert ("Cấp xã: 11/11 đơn vị có trong danh sách; 11/11 đơn vị có Trang; 11/11 Trang đặt tên đúng mẫu; "
            "11/11 Trang đủ lãnh đạo phụ trách và cán bộ vận hành.") in out
    assert out.rstrip().endswith("Tổng cộng: 1 tệp đã kiểm tra, 0 lỗi, 0 cảnh báo.")


def test_an_error_exits_1_and_is_listed_with_rule_severity_cell_message_and_fix(tmp_path, capsys, campaign):
    rows = spoil(clean_rows(campaign, MN), "Xã Chung Chải", ten_trang="Mặt trận xã Chung Chải")
    path = write_form(tmp_path / "muong-nhe.xlsx", rows)
    code, out, _ = run(capsys, path)
    assert code == 1
    cell = f"C{sheet_row(rows, 'Xã Chung Chải')}"
    line = next(x for x in out.splitlines() if "TT-01" in x)
    assert line.split() [:5] == ["TT-01", "lỗi", "Phụ", "lục", "›"] and f"› {cell} " in line
    assert line.endswith("Tên Trang «Mặt trận xã Chung Chải» của xã Chung Chải không đúng mẫu; "
                         "theo mẫu phải là «Mặt trận Chung Chải (huyện Mường Nhé, tỉnh Điện Biên)».")
    assert "→ Cách sửa: Mặt trận Chung Chải (huyện Mường Nhé, tỉnh Điện Biên)" in out


def test_warnings_alone_exit_0(tmp_path, capsys, campaign):
    rows = spoil(clean_rows(campaign, MN), "Xã Chung Chải", ld_sdt=912000101, lien_ket="m.facebook.com/x")
    code, out, _ = run(capsys, write_form(tmp_path / "a.xlsx", rows))
    assert code == 0
    assert "SDT-02   cảnh báo" in out and "LK-03    cảnh báo" in out


def test_json_gives_the_same_findings_and_the_documented_shape(tmp_path, capsys, campaign):
    rows = spoil(clean_rows(campaign, MN), "Xã Chung Chải", ten_trang="Mặt trận xã Chung Chải", vh_email="a@gmail")
    path = write_form(tmp_path / "muong-nhe.xlsx", rows)
    code, out, _ = run(capsys, path, "--json")
    data = json.loads(out)
    assert code == 1 and data["exit_code"] == 1
    assert data["campaign"] == "2022-trang-cong-dong"
    assert data["totals"] == {"files": 1, "errors": 2, "warnings": 0, "unusable": 0}
    f = data["files"][0]
    assert f["path"] == str(path) and f["reporting_unit"] == {"code": "96", "name": MN} and f["rows"] == 12
    r = sheet_row(rows, "Xã Chung Chải")
    assert [(p["rule"], p["severity"], p["severity_text"], p["cell"]) for p in f["problems"]] == [
        ("TT-01", "loi", "lỗi", f"C{r}"), ("EM-01", "loi", "lỗi", f"J{r}")]
    assert f["problems"][0]["location"] == f"muong-nhe.xlsx › Phụ lục › C{r}"
    assert f["figures"][1] == {"level": "xa", "title": "Cấp xã", "expected": 11, "present": 11, "with_page": 11,
                               "on_pattern": 10, "with_leader": 11, "with_operator": 11, "with_both": 11}
    assert data["unusable"] == []


def test_an_unusable_input_exits_2_and_the_others_are_still_checked(tmp_path, capsys, campaign):
    folder = tmp_path / "nop"
    folder.mkdir()
    write_form(folder / "a-muong-nhe.xlsx", clean_rows(campaign, MN))
    (folder / "b-hong.xlsx").write_text("TT;Đơn vị\n1;Xã Chung Chải\n", encoding="utf-8")
    code, out, _ = run(capsys, folder)
    assert code == 2
    assert "Huyện Mường Nhé: 12 dòng, 0 lỗi" in out
    unusable = out.split("Không dùng được:")[1]
    assert "b-hong.xlsx" in unusable
    assert out.rstrip().endswith("1 tệp không dùng được.")


def test_an_unusable_input_in_json_is_listed_with_its_message(tmp_path, capsys, campaign):
    bad = tmp_path / "rong.xlsx"
    bad.write_bytes(b"")
    code, out, err = run(capsys, bad, "--json")
    data = json.loads(out)
    assert code == 2 and data["exit_code"] == 2 and data["files"] == []
    assert data["unusable"][0]["path"] == str(bad) and data["unusable"][0]["message"]
    assert f"Lỗi: {bad}:" in err


def test_a_path_that_does_not_exist_exits_2(tmp_path, capsys):
    code, out, _ = run(capsys, tmp_path / "khong-co.xlsx")
    assert code == 2 and "Không có tệp hoặc thư mục" in out


def test_an_unknown_campaign_exits_2_with_a_message(tmp_path, capsys, campaign):
    path = write_form(tmp_path / "a.xlsx", clean_rows(campaign, MN))
    code, _, err = run(capsys, path, "--chien-dich", "khong-co")
    assert code == 2 and err.startswith("Lỗi: Không tìm thấy chiến dịch «khong-co».")


def test_a_two_level_campaign_is_named_by_its_folder(two_level_folder, tmp_path, capsys):
    folder = two_level_folder
    two = load_campaign(folder)
    rows = clean_rows(two, "Tỉnh Điện Biên")[1:]
    path = write_form(tmp_path / "dien-bien.xlsx", rows, "Tỉnh Điện Biên", groups=("Cấp xã",))
    code, out, _ = run(capsys, path, "--chien-dich", folder)
    assert code == 1
    assert "Chiến dịch: thu-2026" in out and "Cấp xã: 44/45 đơn vị" in out
    assert [x.split()[0] for x in out.splitlines() if x.startswith("  DV-")] == ["DV-02"]


def test_help_ends_with_an_example_that_runs_on_data(capsys):
    assert cli.main(["kiem-tra", "--help"]) == 0
    assert "docgen kiem-tra data/mau/2022-dien-bien" in capsys.readouterr().out


def test_a_file_named_twice_is_checked_once(tmp_path, capsys, campaign):
    path = write_form(tmp_path / "a.xlsx", clean_rows(campaign, MN))
    code, out, _ = run(capsys, tmp_path, path)
    assert code == 0 and out.count("== ") == 1


def test_tra_lai_prints_what_it_returned_to_each_unit(tmp_path, capsys):
    sample = Path(__file__).resolve().parents[2] / "data" / "mau" / "2022-dien-bien"
    code, out, err = run(capsys, str(sample / "nam-po.xlsx"), str(sample / "dien-bien.xlsx"),
                         "--tra-lai", str(tmp_path))
    assert code == 0 and err == ""
    assert out.endswith(
        f"Trả lại cho đơn vị (thư mục {tmp_path}):\n"
        "  nam-po.xlsx → nam-po-ghi-chu.xlsx (1 vấn đề), nam-po-da-chuan-hoa.xlsx (1 ô đã chuẩn hóa)\n"
        "  dien-bien.xlsx → dien-bien-ghi-chu.xlsx (không có vấn đề)\n"
        "Đã ghi 3 tệp.\n")
    code, out, _ = run(capsys, str(sample / "nam-po.xlsx"), "--tra-lai", str(tmp_path), "--json")
    assert code == 2
    assert json.loads(out)["tra_lai"] == [{"path": str(sample / "nam-po.xlsx"), "files": [], "problems": 1,
                                           "changes": 0, "error": f"Tệp «{tmp_path / 'nam-po-ghi-chu.xlsx'}» đã có; "
                                           "không ghi đè. Thêm --ghi-de để thay tệp cũ."}]
