"""Issue-9 leftovers: what docgen says about odd cells and files is what a clerk typed or can act on.

An Excel date serial no date has is quoted as the number typed (not openpyxl's «#VALUE!»), a TRUE cell
as «Có» (not «True»), 400 tables nested in each other are «lồng nhau quá sâu» (not "invalid XML"), and a
summary is never written into the units' own folder, where the next run would read it back as a report.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import docx
import openpyxl

from docgen.cli import main

MAU = Path(__file__).resolve().parents[2] / "data" / "mau"
FESTIVAL = "2026-ngay-hoi-dai-doan-ket"


def test_a_date_serial_out_of_range_is_quoted_as_typed_and_true_as_co(tmp_path, capsys):
    book = tmp_path / "muong-ang.xlsx"
    wb = openpyxl.load_workbook(MAU / "2022-dien-bien" / "muong-ang.xlsx")
    ws = wb["Phụ lục"]
    ws["G11"].value = True                 # leader's phone of Thị trấn Mường Ảng
    ws["H12"].value, ws["H12"].number_format = 3_000_000, "dd/mm/yyyy"   # past 31/12/9999
    wb.save(book)
    assert main(["kiem-tra", str(book)]) == 1
    said = capsys.readouterr().out
    assert "«3000000» không phải địa chỉ thư điện tử" in said and "«Có»" in said
    assert "#VALUE!" not in said and "True" not in said


def test_true_in_a_form_campaign_s_number_and_date_cells_reads_co(tmp_path, capsys):
    book = tmp_path / "ngay-hoi-xa-bung-lao.xlsx"
    wb = openpyxl.load_workbook(MAU / FESTIVAL / "ngay-hoi-xa-bung-lao.xlsx")
    wb["Phụ lục"]["C9"].value = True       # Tổng số khu dân cư
    wb["Phụ lục"]["E9"].value = True       # Thời gian tổ chức – từ ngày
    wb.save(book)
    assert main(["kiem-tra", str(book), "--chien-dich", FESTIVAL]) == 1
    said = capsys.readouterr().out
    assert "C9: Ô «Tổng số khu dân cư» ghi «Có»: ô phải là số nguyên" in said
    assert "E9: Ô «Thời gian tổ chức – Từ ngày» ghi «Có»" in said
    assert "True" not in said


def _nested(path: Path, depth: int) -> Path:
    base = tmp = path.with_suffix(".base.docx")
    document = docx.Document()
    document.add_paragraph("x")
    document.save(tmp)
    with zipfile.ZipFile(base) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    nest = "<w:tbl><w:tr><w:tc>" * depth + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * depth
    parts["word/document.xml"] = parts["word/document.xml"].decode().replace("<w:body>", "<w:body>" + nest, 1).encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def test_400_nested_tables_are_said_to_nest_too_deep_not_to_be_broken_xml(tmp_path, capsys):
    word = _nested(tmp_path / "long-nhau.docx", 400)
    assert main(["the-thuc", str(word)]) == 2
    said = capsys.readouterr().out
    assert "lồng nhau quá sâu" in said and "bảng lồng trong bảng" in said
    assert "XML không hợp lệ" not in said and "bị hỏng" not in said
    assert main(["kiem-tra", str(word)]) == 2
    said = capsys.readouterr().out
    assert "lồng nhau quá sâu" in said and "XML không hợp lệ" not in said


def test_a_summary_is_not_written_into_the_units_folder(tmp_path, capsys):
    folder = tmp_path / "bao-cao-cac-huyen"
    shutil.copytree(MAU / "2022-dien-bien", folder)
    before = sorted(p.name for p in folder.iterdir())
    assert main(["tong-hop", str(folder), "-o", str(folder)]) == 2
    said = capsys.readouterr()
    assert "chính thư mục báo cáo của các đơn vị" in said.out + said.err
    assert sorted(p.name for p in folder.iterdir()) == before
    assert main(["tong-hop", str(folder), "-o", str(folder / "tong-hop")]) == 1   # a subfolder is not read back
    capsys.readouterr()
    assert main(["kiem-tra", str(folder)]) == 1
    said = capsys.readouterr().out
    assert "Tổng cộng: 10 tệp đã kiểm tra" in said and "tong-hop.xlsx" not in said
