"""Convert .docx files to PDF with LibreOffice: one headless process for the whole batch."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from docgen.errors import DocgenError

# Seconds allowed per file (plus a start-up allowance) before giving up on LibreOffice.
SECONDS_PER_FILE = 60
STARTUP_SECONDS = 120


class PdfError(DocgenError):
    """PDF conversion that cannot run or failed."""


def find_soffice() -> str | None:
    """Return the LibreOffice command (`soffice`), or None when it is not installed."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    for candidate in (r"C:\Program Files\LibreOffice\program\soffice.exe",
                      r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
                      "/Applications/LibreOffice.app/Contents/MacOS/soffice"):
        if os.path.isfile(candidate):
            return candidate
    return None


def to_pdf(docx_files: list[Path]) -> dict[Path, bytes]:
    """Return the PDF bytes of each .docx, converted by ONE LibreOffice process.

    Files may share a name (bao-cao-ket-qua.docx in several folders): each is
    copied under a unique name into a private folder first. LibreOffice runs
    with its own throw-away profile, so an open LibreOffice window does not
    interfere. A file LibreOffice could not convert is absent from the result.
    Raises `PdfError` (Vietnamese) when LibreOffice is missing or converted nothing.
    """
    if not docx_files:
        return {}
    soffice = find_soffice()
    if soffice is None:
        raise PdfError("Không tìm thấy LibreOffice (lệnh soffice) để xuất PDF. Cài LibreOffice "
                       "(https://www.libreoffice.org) hoặc bỏ tùy chọn --pdf; các tệp .docx vẫn được ghi.")
    with tempfile.TemporaryDirectory(prefix="docgen-pdf-") as tmp:
        work = Path(tmp)
        names = {}
        for i, src in enumerate(docx_files):
            local = work / f"{i:05d}.docx"
            shutil.copyfile(src, local)
            names[src] = local
        profile = (work / "profile").as_uri()
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nologo",
               "--convert-to", "pdf", "--outdir", str(work / "pdf"), *map(str, names.values())]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True,
                                  timeout=STARTUP_SECONDS + SECONDS_PER_FILE * len(names))
        except subprocess.TimeoutExpired:
            raise PdfError("LibreOffice không xuất xong PDF trong thời gian cho phép.") from None
        except OSError as exc:
            raise PdfError(f"Không chạy được LibreOffice ({soffice}): {exc.strerror}.") from exc
        out = {}
        for src, local in names.items():
            pdf = work / "pdf" / (local.stem + ".pdf")
            if pdf.is_file():
                out[src] = pdf.read_bytes()
        if not out:
            detail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or [""]
            raise PdfError(f"LibreOffice không xuất được tệp PDF nào. {detail[0]}".strip())
        return out
