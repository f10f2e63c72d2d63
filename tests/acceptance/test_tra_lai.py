"""The province clerk returns each unit its own file with the problems marked: `docgen kiem-tra … --tra-lai DIR`.

On the 2022 Điện Biên sample, the annotated copies carry exactly the problems
`kiem-tra --json` lists, cell by cell; the normalised copies differ from the
inputs only in the values docgen normalised, every cell compared; read back with
kiem-tra, the annotated copies give the same problems and the normalised ones no
normalisation left, the errors still there. Both open in LibreOffice.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from docgen import cli
from docgen.records.units import DATA_DIR

from tests.returns.returns_factory import excel_like, load, package_errors, word_with_mistakes

SAMPLE = DATA_DIR / "mau" / "2022-dien-bien"
RED, YELLOW = "FFFFC7CE", "FFFFEB9C"
LIST = "Vấn đề cần sửa"


def kiem_tra_json(capsys, *argv) -> tuple[int, dict]:
    code = cli.main(["kiem-tra", *map(str, argv), "--json"])
    return code, json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def returned(tmp_path_factory):
    """Run `kiem-tra SAMPLE --json --tra-lai OUT` once; return (exit code, JSON, OUT)."""
    out = tmp_path_factory.mktemp("tra-lai")
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = cli.main(["kiem-tra", str(SAMPLE), "--json", "--tra-lai", str(out)])
    return code, json.loads(buf.getvalue()), out


def files(result: dict) -> list[tuple[dict, dict]]:
    """Return (file entry, its tra_lai entry) pairs of the JSON output."""
    by_path = {r["path"]: r for r in result["tra_lai"]}
    return [(f, by_path[f["path"]]) for f in result["files"]]


def test_every_input_is_returned_and_only_files_with_normalised_values_get_a_normalised_copy(returned):
    code, result, out = returned
    assert code == 1 and result["exit_code"] == 1
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        [f"{Path(f['path']).stem}-ghi-chu{Path(f['path']).suffix}" for f in result["files"]]
        + [f"{Path(f['path']).stem}-da-chuan-hoa{Path(f['path']).suffix}" for f in result["files"]
           if any(p["normalised"] for p in f["problems"])])
    assert "muong-nhe-da-chuan-hoa.xlsx" in names and "tuan-giao-da-chuan-hoa.xlsx" not in names


def test_the_annotated_copies_carry_exactly_the_problems_kiem_tra_lists_cell_by_cell(returned):
    _, result, _ = returned
    checked = 0
    for entry, back in files(result):
        annotated = Path(back["files"][0])
        if annotated.suffix != ".xlsx":
            continue
        book = load(annotated)
        expected: dict[tuple[str, str], list[str]] = {}
        for p in entry["problems"]:
            if p["cell"]:
                assert re.fullmatch(r"[A-Z]+\d+", p["cell"]), p["cell"]
                expected.setdefault((p["sheet"], p["cell"]), []).append(p["rule"])
        noted: dict[tuple[str, str], list[str]] = {}
        filled = set()
        for ws in book.worksheets:
            if ws.title == LIST:
                continue
            for row in ws.iter_rows():
                for cell in row:
                    if cell.comment is not None:
                        noted[(ws.title, cell.coordinate)] = re.findall(r"\[([A-Z]+-\d+)\]", cell.comment.text)
                    if cell.fill.fgColor.rgb in (RED, YELLOW):
                        filled.add((ws.title, cell.coordinate))
        assert noted == expected, annotated.name
        assert filled == set(expected), annotated.name
        for (sheet, ref), rules in expected.items():
            errors = any(p["severity"] == "loi" for p in entry["problems"] if (p["sheet"], p["cell"]) == (sheet, ref))
            assert book[sheet][ref].fill.fgColor.rgb == (RED if errors else YELLOW)
        listed = list(book[LIST].iter_rows(min_row=4, values_only=True))
        problems = entry["problems"]
        if problems:
            assert [(r[2], r[4]) for r in listed] == [(p["rule"], p["message"]) for p in problems]
        else:
            assert listed[0][0].startswith("Không có vấn đề nào")
        checked += 1
    assert checked == 9


def test_the_normalised_copies_differ_from_the_inputs_only_in_normalised_values(returned):
    _, result, _ = returned
    compared = 0
    for entry, back in files(result):
        if len(back["files"]) < 2:
            continue
        source, normalised = load(entry["path"]), load(back["files"][1])
        fixes = {(p["sheet"], p["cell"]): p["fix"] for p in entry["problems"] if p["normalised"]}
        assert source.sheetnames == normalised.sheetnames
        for ws in source.worksheets:
            new = normalised[ws.title]
            assert (new.max_row, new.max_column) == (ws.max_row, ws.max_column)
            for row in ws.iter_rows():
                for cell in row:
                    want = fixes.get((ws.title, cell.coordinate), cell.value)
                    assert new[cell.coordinate].value == want, (back["files"][1], cell.coordinate)
                    compared += 1
    assert compared > 1000


def test_read_back_the_annotated_copy_has_the_same_problems_and_the_normalised_copy_only_the_errors(returned, capsys):
    _, result, out = returned
    code, again = kiem_tra_json(capsys, *sorted(out.glob("*-ghi-chu.*")))
    key = lambda p: (p["rule"], p["sheet"], p["cell"], p["message"])  # noqa: E731
    stem = lambda path: Path(path).stem.split("-ghi-chu")[0].split("-da-chuan-hoa")[0]  # noqa: E731
    before = {stem(f["path"]): [key(p) for p in f["problems"]] for f in result["files"]}
    assert {stem(f["path"]): [key(p) for p in f["problems"]] for f in again["files"]} == before
    code, normalised = kiem_tra_json(capsys, *sorted(out.glob("*-da-chuan-hoa.*")))
    left = {stem(f["path"]): [key(p) for p in f["problems"] if not p["normalised"]] for f in result["files"]}
    assert len(normalised["files"]) == 4
    for f in normalised["files"]:
        assert not any(p["normalised"] for p in f["problems"])
        assert [key(p) for p in f["problems"]] == left[stem(f["path"])]


def test_the_annotated_and_normalised_workbooks_are_valid_packages(returned):
    _, _, out = returned
    for path in sorted(out.glob("*.xlsx")):
        assert package_errors(path.read_bytes()) == [], path.name


def test_a_word_submission_is_returned_with_comments_and_passes_the_schema_check(tmp_path, capsys, ooxml_check):
    inputs = tmp_path / "nop"
    inputs.mkdir()
    (inputs / "dien-bien-dong.docx").write_bytes(word_with_mistakes())
    out = tmp_path / "tra-lai"
    code, result = kiem_tra_json(capsys, inputs, "--tra-lai", out)
    assert code == 1 and result["tra_lai"][0]["changes"] == 3
    ooxml_check(out / "dien-bien-dong-ghi-chu.docx", out / "dien-bien-dong-da-chuan-hoa.docx")
    _, again = kiem_tra_json(capsys, out / "dien-bien-dong-da-chuan-hoa.docx")
    assert [p["rule"] for p in again["files"][0]["problems"]] == ["TT-01", "SDT-01", "DV-02"]


def test_existing_copies_are_kept_without_ghi_de_and_the_other_files_still_returned(tmp_path, capsys):
    inputs = tmp_path / "nop"
    inputs.mkdir()
    for name in ("muong-nhe.xlsx", "nam-po.xlsx"):
        shutil.copy2(SAMPLE / name, inputs / name)
    (inputs / "hong.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    out = tmp_path / "tra-lai"
    out.mkdir()
    (out / "muong-nhe-ghi-chu.xlsx").write_bytes(b"the clerk's own file")
    assert cli.main(["kiem-tra", str(inputs), "--tra-lai", str(out)]) == 2
    text = capsys.readouterr().out
    assert (out / "muong-nhe-ghi-chu.xlsx").read_bytes() == b"the clerk's own file"
    assert not (out / "muong-nhe-da-chuan-hoa.xlsx").exists()
    assert "muong-nhe.xlsx: không trả lại được: Tệp «" in text and "Thêm --ghi-de để thay tệp cũ." in text
    assert "nam-po.xlsx → nam-po-ghi-chu.xlsx (1 vấn đề), nam-po-da-chuan-hoa.xlsx (1 ô đã chuẩn hóa)" in text
    assert "hong.xlsx" in text and not (out / "hong-ghi-chu.xlsx").exists()
    assert cli.main(["kiem-tra", str(inputs), "--tra-lai", str(out), "--ghi-de"]) == 2   # hong.xlsx stays unusable
    assert (out / "muong-nhe-ghi-chu.xlsx").read_bytes().startswith(b"PK")


def test_the_returned_folder_must_not_be_the_input_folder(tmp_path, capsys):
    shutil.copy2(SAMPLE / "nam-po.xlsx", tmp_path / "nam-po.xlsx")
    assert cli.main(["kiem-tra", str(tmp_path), "--tra-lai", str(tmp_path)]) == 2
    assert "Thư mục trả lại (--tra-lai) phải khác thư mục chứa tệp của các đơn vị" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nam-po.xlsx"]


@pytest.mark.soffice
@pytest.mark.slow
def test_libreoffice_opens_the_returned_files_with_their_notes_and_list(tmp_path, capsys):
    inputs = tmp_path / "nop"
    inputs.mkdir()
    (inputs / "muong-nhe.xlsx").write_bytes(excel_like())
    (inputs / "dien-bien-dong.docx").write_bytes(word_with_mistakes())
    out = tmp_path / "tra-lai"
    cli.main(["kiem-tra", str(inputs), "--tra-lai", str(out)])
    capsys.readouterr()
    copies = sorted(out.iterdir())
    again = tmp_path / "lo"
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(again), *map(str, copies)],
                   check=True, capture_output=True, timeout=240)
    for copy in copies:
        text = subprocess.run(["pdftotext", str(again / f"{copy.stem}.pdf"), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert ("VẤN ĐỀ CẦN SỬA" in text) == ("ghi-chu" in copy.stem), copy.name
        assert "Mường" in text
    for kind in ("xlsx", "docx"):
        subprocess.run(["soffice", "--headless", "--convert-to", kind, "--outdir", str(again / "x"),
                        str(out / f"{'muong-nhe' if kind == 'xlsx' else 'dien-bien-dong'}-ghi-chu.{kind}")],
                       check=True, capture_output=True, timeout=240)
    comments = list(docx.Document(str(again / "x" / "dien-bien-dong-ghi-chu.docx")).comments)
    assert len(comments) == 5 and all(c.author == "docgen" for c in comments)
    sheet = load(again / "x" / "muong-nhe-ghi-chu.xlsx")["Phụ lục"]
    notes = {c.coordinate: c.comment.text for row in sheet.iter_rows() for c in row if c.comment}
    assert set(notes) == {"A1", "F12", "C13", "I15", "D19", "B20"} and "[SDT-01]" in notes["F12"]
