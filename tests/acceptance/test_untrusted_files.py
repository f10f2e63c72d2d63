"""The province runs docgen on whatever units send back: a stranger's file is reported, never credited wrongly,
never allowed to stop the others, whatever its name."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import openpyxl
import pytest

from docgen.cli import main
from tests.fuzz import hostile as h

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "mau" / "2022-dien-bien"
LAI_CHAU = ["Huyện Mường Tè", "Xã Ka Lăng", "Xã Thu Lũm", "Xã Pa Ủ", "Xã Mù Cả", "Xã Tá Bạ", "Xã Bum Tở"]


def another_provinces_file(path: Path) -> Path:
    """Write a Mường Tè (Lai Châu) list on Mường Nhé's form, without the facts sheet."""
    wb = openpyxl.load_workbook(SAMPLES / "muong-nhe.xlsx")
    ws = wb["Phụ lục"]
    names = iter(LAI_CHAU * 3)
    for row in ws.iter_rows(min_row=9):
        if row[1].value and not str(row[1].value).startswith("Cấp"):
            row[1].value = next(names)
    del wb["Thông tin"]
    wb.save(path)
    return path


@pytest.fixture
def folder(tmp_path) -> Path:
    src = tmp_path / "vao"
    src.mkdir()
    shutil.copy(SAMPLES / "muong-nhe.xlsx", src)
    another_provinces_file(src / "lai-chau.xlsx")
    return src


def test_a_file_from_another_province_is_credited_to_no_unit(folder, capsys):
    assert main(["kiem-tra", str(folder), "--json"]) == 1
    files = {Path(f["path"]).name: f for f in json.loads(capsys.readouterr().out)["files"]}
    assert files["lai-chau.xlsx"]["reporting_unit"] is None
    assert files["muong-nhe.xlsx"]["reporting_unit"] == {"code": "96", "name": "Huyện Mường Nhé"}
    first = files["lai-chau.xlsx"]["problems"][0]
    assert first["rule"] == "DV-01" and "Không xác định được đơn vị báo cáo thuộc tỉnh Điện Biên" in first["message"]


def test_no_report_is_written_for_a_unit_the_file_does_not_establish(folder, tmp_path, capsys):
    assert main(["bao-cao", str(folder), "-o", str(tmp_path / "ra")]) == 2
    err = capsys.readouterr().err
    assert "lai-chau.xlsx" in err and "không soạn báo cáo cho tệp này" in err
    assert [p.name for p in (tmp_path / "ra").iterdir()] == ["huyen-muong-nhe"]
    assert not list((tmp_path / "ra").rglob("*tinh-dien-bien*"))


def test_the_province_summary_does_not_count_it_for_any_district(folder, tmp_path, capsys):
    main(["tong-hop", str(folder), "-o", str(tmp_path / "ra")])
    assert "Đã nộp 1/10" in capsys.readouterr().out
    book = openpyxl.load_workbook(tmp_path / "ra" / "tong-hop.xlsx")
    problems = [r for r in book["Vấn đề"].iter_rows(values_only=True) if "lai-chau.xlsx" in str(r)]
    assert any("TH-05" in str(r) for r in problems)
    kept = [r for r in book["Danh sách Trang"].iter_rows(values_only=True) if "lai-chau.xlsx" in str(r)]
    assert len(kept) == 11 and {r[3] for r in kept} >= set(LAI_CHAU)   # every row kept (11 read), credited to no unit


def test_the_provinces_own_list_is_still_credited_to_the_province(tmp_path, capsys):
    from tests.acceptance.province_list import province_list

    sample = province_list(tmp_path / "dien-bien.xlsx")
    assert main(["kiem-tra", str(sample), "--chien-dich", "2026-ra-soat-trang-cong-dong"]) == 0
    assert "Tỉnh Điện Biên: 45 dòng" in capsys.readouterr().out


def test_a_broken_file_in_the_folder_does_not_stop_the_reports_of_the_others(tmp_path, capsys):
    src = tmp_path / "vao"
    shutil.copytree(SAMPLES, src)
    data = (SAMPLES / "muong-nhe.xlsx").read_bytes()
    (src / "a-cat-cut.xlsx").write_bytes(h.truncated_part(data, h.SHEET, 0.5))
    (src / "b-bom.xlsx").write_bytes(h.bomb(data, h.SHEET, 1024))
    (src / "c-doctype.docx").write_bytes(h.with_doctype((SAMPLES / "dien-bien-dong.docx").read_bytes(), h.BODY))
    assert main(["bao-cao", str(src), "-o", str(tmp_path / "ra")]) == 2
    err = capsys.readouterr().err
    assert len(list((tmp_path / "ra").rglob("bao-cao-ket-qua-*.docx"))) == 10
    assert err.count("Không soạn:") == 3 and "Traceback" not in err


@pytest.mark.skipif(os.name != "posix", reason="tên tệp dạng byte chỉ có trên Linux/macOS")
def test_names_that_are_not_utf8_or_hold_a_newline_are_shown_with_replacement_characters(tmp_path, capsys):
    src = tmp_path / "vao"
    src.mkdir()
    shutil.copy(SAMPLES / "muong-nhe.xlsx", os.path.join(os.fsencode(src), b"M\xfd\xf6ng-nh\xe9.xlsx"))
    shutil.copy(SAMPLES / "tua-chua.xlsx", src / "tua\nchua.xlsx")
    assert main(["kiem-tra", str(src)]) == 1
    out = capsys.readouterr().out
    assert "M\ufffd\ufffdng-nh\ufffd.xlsx — Huyện Mường Nhé" in out and "tua\ufffdchua.xlsx — Huyện Tủa Chùa" in out
    assert main(["kiem-tra", str(src), "--json"]) == 1
    json.loads(capsys.readouterr().out)   # still valid JSON
    assert main(["tong-hop", str(src), "-o", str(tmp_path / "ra")]) in (0, 1)
    assert (tmp_path / "ra" / "bao-cao-tong-hop.docx").is_file()
