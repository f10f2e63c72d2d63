"""What the worker processes run: each task calls the `docgen.api` function the command line calls.

Arguments and results are plain values (text, paths as text, dicts), so they cross
process boundaries. A task raises api.DocgenError for what the clerk must be told.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docgen import api


def warm() -> None:
    """Check a blank workbook once, so that the first upload is as fast as the others (modules loaded)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="docgen-khoi-dong-") as folder:
        campaign = api.chien_dich_co_san()[0]
        first = api.don_vi_bao_cao(campaign)[0].name
        for book in api.bieu_mau(campaign, Path(folder), first):
            api.kiem_tra_tep(book, campaign)


def check(path: str, campaign: str, uploaded: str) -> dict:
    """Return `api.kiem_tra_tep` of an uploaded file (its upload date stands in for a missing report date)."""
    return api.kiem_tra_tep(Path(path), campaign, dt.date.fromisoformat(uploaded))


def report(out_dir: str, path: str, campaign: str, pdf: bool) -> list[str]:
    """Return the files of the unit's report (+ PDF) written by `api.bao_cao` into `out_dir`."""
    result = api.bao_cao([Path(path)], Path(out_dir), chien_dich=campaign, pdf=pdf, ghi_de=True)
    if result.refused:
        raise api.DocgenError(result.refused[0].message)
    if pdf and result.pdf_error:
        raise api.DocgenError(result.pdf_error)
    return [str(f) for w in result.written for f in w.files]


def dispatch(out_dir: str, campaign: str, pdf: bool) -> list[str]:
    """Return the files of the campaign's dispatch (+ PDF) written by `api.cong_van`."""
    return [str(p) for p in api.cong_van(campaign, Path(out_dir), ghi_de=True, pdf=pdf).written]


def workbook(out_dir: str, campaign: str, unit_name: str) -> list[str]:
    """Return the collection workbook of one unit written by `api.bieu_mau`."""
    return [str(p) for p in api.bieu_mau(campaign, Path(out_dir), unit_name, ghi_de=True)]


def returns(out_dir: str, path: str, campaign: str) -> list[str]:
    """Return the unit's own file annotated (and normalised, when docgen normalised values): `kiem-tra --tra-lai`."""
    result = api.kiem_tra([Path(path)], campaign, tra_lai=Path(out_dir), ghi_de=True)
    if result.unusable:
        raise api.DocgenError(result.unusable[0].message)
    failed = [r.error for r in result.returned if r.error]
    if failed:
        raise api.DocgenError(failed[0])
    return [f for r in result.returned for f in r.files]


def summary(out_dir: str, folder: str, campaign: str) -> list[str]:
    """Return the files of `api.tong_hop` with the reminder dispatch (tong-hop.xlsx, bao-cao-tong-hop.docx,
    cong-van-don-doc.docx when a unit is missing or late): the command line's `tong-hop --don-doc`."""
    return [str(p) for p in api.tong_hop(Path(folder), campaign, Path(out_dir), ghi_de=True, don_doc=True).written]


def summary_pdf(out_dir: str, folder: str, campaign: str) -> list[str]:
    """Return the summary files plus the PDF of the report (LibreOffice, as `tong-hop` and `bao-cao --pdf` use)."""
    written = summary(out_dir, folder, campaign)
    report = [Path(p) for p in written if Path(p).name == "bao-cao-tong-hop.docx"]
    return written + [str(p) for p in api.pdf_tu_docx(report)]
