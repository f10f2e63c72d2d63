"""Convert .docx files to PDF with LibreOffice: one headless process for the whole batch."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from docgen.errors import DocgenError, os_reason
from docgen.limits import current, env_name

# Seconds allowed for LibreOffice to start, on top of `limits.pdf_seconds` per file.
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
        per_file = current().pdf_seconds
        stderr = _run(cmd, STARTUP_SECONDS + per_file * len(names), soffice)
        out = {}
        for src, local in names.items():
            pdf = work / "pdf" / (local.stem + ".pdf")
            if pdf.is_file():
                out[src] = pdf.read_bytes()
        if not out:
            detail = stderr.strip().splitlines()[-1:] or [""]
            raise PdfError(f"LibreOffice không xuất được tệp PDF nào. {detail[0]}".strip())
        return out


def _run(cmd: list[str], seconds: float, soffice: str) -> str:
    """Run LibreOffice in its own process group; return its output. Whatever stops the wait (the time limit,
    Ctrl+C, SIGTERM) ends the whole group, so no LibreOffice process is left writing into the temp folder."""
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace",
                                **_own_group())
    except OSError as exc:
        raise PdfError(f"Không chạy được LibreOffice ({soffice}): {os_reason(exc)}.") from exc
    try:
        out, _ = proc.communicate(timeout=seconds)
        return out or ""
    except subprocess.TimeoutExpired:
        _end(proc)
        raise PdfError(f"LibreOffice không xuất xong PDF trong {seconds:g} giây nên đã bị dừng; các tệp .docx vẫn "
                       f"được ghi. Thử lại với ít tệp hơn, hoặc tăng thời gian cho mỗi tệp bằng biến môi trường "
                       f"{env_name('pdf_seconds')} (hiện {current().pdf_seconds:g} giây).") from None
    except BaseException:
        _end(proc)
        raise


def _own_group() -> dict:
    if os.name == "posix":
        return {"start_new_session": True}
    return {"creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)}


def _end(proc: subprocess.Popen) -> None:
    """Stop LibreOffice and every process it started, then reap it."""
    try:
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    except OSError:
        pass
    try:
        proc.communicate(timeout=10)   # reaps it and closes its pipe
    except (subprocess.TimeoutExpired, OSError, ValueError):
        pass
