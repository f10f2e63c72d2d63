"""The edge of a run: Vietnamese parser errors with the command's usage, a closed or full output, signals, OS errors."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from docgen.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "mau" / "2022-dien-bien"
DOCGEN = [sys.executable, "-m", "docgen"]


@pytest.mark.parametrize("argv, usage, words", [
    (["kiem-tra"], "Cách dùng: docgen kiem-tra", "docgen kiem-tra: lỗi: thiếu đối số bắt buộc: TỆP_HOẶC_THƯ_MỤC"),
    (["kiem-tra", "x", "--bogus"], "Cách dùng: docgen kiem-tra", "docgen kiem-tra: lỗi: không hiểu đối số: --bogus"),
    (["bao-cao", "x"], "Cách dùng: docgen bao-cao", "lỗi: thiếu đối số bắt buộc: -o/--ra"),
    (["kiem-tr"], "Cách dùng: docgen", "không có lựa chọn «kiem-tr»; chọn một trong: 'kiem-tra'"),
    (["mau", "kiem-tra", "a.docx", "--loai", "xx"], "Cách dùng: docgen mau kiem-tra", "--loai: không có lựa chọn «xx»"),
    (["the-thuc", "a.docx", "--chien-dich"], "Cách dùng: docgen the-thuc", "không hiểu đối số: --chien-dich"),
    (["tong-hop", "x", "-o"], "Cách dùng: docgen tong-hop", "-o/--ra: cần một giá trị ngay sau"),
])
def test_the_parsers_own_errors_are_vietnamese_under_the_commands_usage(capsys, argv, usage, words):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(usage) and words in err
    assert not any(english in err for english in ("usage:", "error:", "required", "unrecognized", "invalid choice"))


def test_a_mistyped_command_gets_a_suggestion(capsys):
    main(["kiem-tr"])
    assert "Có phải ý bạn là «kiem-tra»?" in capsys.readouterr().err


def test_help_is_vietnamese(capsys):
    assert main(["kiem-tra", "--help"]) == 0
    out = capsys.readouterr().out
    assert "Cách dùng:" in out and "đối số:" in out and "tùy chọn:" in out and "in trợ giúp này rồi thoát" in out


def test_a_reader_that_goes_away_ends_the_run_quietly_with_its_own_exit_code(tmp_path):
    import shutil

    for i in range(8):   # more output than a pipe holds, so the writer does meet the closed end
        shutil.copytree(SAMPLES, tmp_path / f"lan-{i}")
    folders = [str(tmp_path / f"lan-{i}") for i in range(8)]
    proc = subprocess.Popen([*DOCGEN, "kiem-tra", *folders, "--json"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT)
    first = proc.stdout.readline()
    proc.stdout.close()   # `| head -1`
    with proc.stderr:
        err = proc.stderr.read().decode()
    assert proc.wait() == 1 and first.startswith(b"{") and err == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="cần /dev/full")
def test_a_full_output_is_said_in_vietnamese_with_exit_2():
    with open("/dev/full", "w") as full:
        proc = subprocess.run([*DOCGEN, "kiem-tra", str(SAMPLES), "--json"], stdout=full, stderr=subprocess.PIPE,
                              cwd=ROOT)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "không in được kết quả: ổ đĩa đã đầy" in err and "Traceback" not in err


def test_an_output_folder_that_is_a_file_is_explained_without_english(tmp_path, capsys):
    blocker = tmp_path / "ra"
    blocker.write_text("x")
    assert main(["bao-cao", str(SAMPLES / "muong-nhe.xlsx"), "-o", str(blocker / "sub")]) == 2
    err = capsys.readouterr().err
    assert "một phần của đường dẫn là tệp chứ không phải thư mục" in err
    assert "Not a directory" not in err and "Errno" not in err


@pytest.mark.skipif(os.name != "posix", reason="tín hiệu POSIX")
def test_sigterm_during_pdf_removes_the_temp_folder_and_libreoffice(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    marker = tmp_path / "soffice.pid"
    (bin_dir / "soffice").write_text(f"#!/bin/sh\necho $$ > {marker}\nsleep 60 & wait\n")
    (bin_dir / "soffice").chmod(0o755)
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "TMPDIR": str(temp)}
    proc = subprocess.Popen([*DOCGEN, "bao-cao", str(SAMPLES / "muong-nhe.xlsx"), "-o", str(tmp_path / "ra"), "--pdf"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env)
    for _ in range(300):
        if marker.exists() and marker.read_text().strip():
            break
        time.sleep(0.1)
    assert list(temp.glob("docgen-pdf-*")), "LibreOffice should be running on the copies"
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 2 and "Đã dừng theo yêu cầu" in err.decode() and "Traceback" not in err.decode()
    assert list(temp.iterdir()) == []   # no copy of the reports (names, phone numbers) left behind
    pid = int(marker.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
