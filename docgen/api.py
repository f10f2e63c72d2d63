"""The library's jobs, one function each; `docgen.cli` calls exactly one per command.

Imports are inside the functions so that `import docgen.api` stays cheap and a
job's dependencies load only when it runs.
"""

from __future__ import annotations

import os
from pathlib import Path

from docgen import DEFAULT_CAMPAIGN
from docgen.errors import DocgenError  # noqa: F401  (callers catch api.DocgenError: every library error)


def where_said(problems: int, fixed: int, listed: bool = True) -> str:
    """Return where a unit's report says its data problems, as `docgen bao-cao` tells it (jobs.bao_cao.where_said)."""
    from docgen.jobs.bao_cao import where_said as said

    return said(problems, fixed, listed)


def kiem_tra(paths: list[Path], chien_dich: str = DEFAULT_CAMPAIGN, tra_lai: Path | None = None,
             ghi_de: bool = False):
    """Return a `KiemTraResult`: every submission under `paths` read and checked under a campaign.

    `paths` are files or folders (folders are searched for .xlsx/.docx by
    `docgen.readers.find_inputs`). An input that cannot be read is listed in
    `unusable` with its Vietnamese message; the others are still checked.
    With `tra_lai` (a folder), each checked input is also returned to its unit
    there (`returned`): `<name>-ghi-chu.xlsx|docx`, its own file with every problem
    marked and listed, and `<name>-da-chuan-hoa.…` when docgen normalised values;
    existing files are kept unless `ghi_de`. Raises CampaignError when the
    campaign cannot be loaded, InputError when `tra_lai` is a folder the inputs
    are read from.
    """
    from dataclasses import replace

    from docgen.campaigns.campaign import load_campaign
    from docgen.checks.result import KiemTraResult, Unusable, check_files
    from docgen.errors import DocgenError
    from docgen.readers import find_inputs

    campaign = load_campaign(chien_dich)
    if not campaign.pages:   # a campaign with its own form: its own checks
        from docgen.jobs.form_jobs import check_files as check_form

        if tra_lai is not None:
            from docgen.jobs.tra_lai import check_folder

            check_folder(Path(tra_lai), [Path(p) for p in paths])
        return check_form(paths, campaign, tra_lai, ghi_de)
    if tra_lai is not None:
        from docgen.jobs.tra_lai import check_folder

        check_folder(Path(tra_lai), [Path(p) for p in paths])
    files, unusable = [], []
    for path in paths:
        try:
            files.extend(find_inputs([Path(path)]))
        except DocgenError as exc:
            unusable.append(Unusable.from_error(str(path), exc))
    # The same file named twice (itself and its folder) is checked once, where first named.
    by_path = {}
    for f in files:
        by_path.setdefault(os.path.realpath(f), f)   # realpath: a looping shortcut is not an error here
    submissions, failed = check_files(list(by_path.values()), campaign)
    unusable += [Unusable.from_error(path, exc) for path, exc in failed]
    result = KiemTraResult(campaign.id, tuple(submissions), tuple(unusable), checked_under=campaign)
    if tra_lai is None:
        return result
    from docgen.jobs.tra_lai import return_all

    return replace(result, returned=return_all(submissions, campaign, Path(tra_lai), ghi_de))


def bao_cao(paths, out_dir, chien_dich=DEFAULT_CAMPAIGN, pdf=False, ghi_de=False, chat=False,
            phu_luc_rieng=False, progress=None, ban_ky=False):
    """Return a `BaoCaoResult`: one result report (with its Phụ lục) per submission under `paths`.

    Writes OUT/<slug>/bao-cao-ket-qua-<slug>.docx (and phu-luc-<slug>.docx when `phu_luc_rieng`,
    and a .pdf of each when `pdf`, all converted by one LibreOffice process).
    A submission with errors still gets its report (its problems appear in
    section II) unless `chat` (strict): then it is refused with its errors. While
    errors remain it is written as a draft («DỰ THẢO», number and date blank)
    unless `ban_ky` asks for the copy to sign (`Written.draft` says why).
    Unusable inputs and files that would be overwritten (without `ghi_de`) are
    refused; the others are still written. `progress(done, total, name)` is
    called before each input. Every .docx written is checked against ND30
    (`Written.format_checks`; `exit_code` 1 when one breaks a MUST rule).
    Raises CampaignError for an unknown campaign.
    """
    from docgen.campaigns.campaign import load_campaign
    from docgen.jobs import bao_cao as job

    campaign = load_campaign(chien_dich)
    if not campaign.pages:
        from docgen.jobs.form_jobs import write_reports

        return write_reports([Path(p) for p in paths], Path(out_dir), campaign, overwrite=ghi_de, strict=chat,
                             pdf=pdf, signed=ban_ky, appendix_alone=phu_luc_rieng)
    return job.run(paths, out_dir, campaign, pdf=pdf, overwrite=ghi_de, strict=chat,
                   appendix_alone=phu_luc_rieng, progress=progress, signed=ban_ky)


def cong_van(chien_dich: str | Path, out_dir: str | Path, ghi_de: bool = False, pdf: bool = False):
    """Return a `CongVanResult`: the campaign's dispatch OUT/<campaign-id>/cong-van.docx (+ .pdf), ND30-checked.

    The công văn (ND30 frame, templates/cong_van.docx or the campaign's own) is
    followed by the blank Phụ lục form in its own landscape section. The written
    .docx is checked against ND30 (`format_checks`; `exit_code` 1 when it breaks a
    MUST rule). Refuses to overwrite unless `ghi_de`. Raises CampaignError (by key)
    for a faulty campaign file, TemplateError for a faulty template, OutputError
    for a file it may not write.
    """
    from docgen.campaigns.campaign import load_campaign
    from docgen.jobs import cong_van as job

    return job.run(load_campaign(chien_dich), Path(out_dir), overwrite=ghi_de, pdf=pdf)


def bieu_mau(chien_dich: str | Path, out_dir: Path, don_vi: str | None = None, ghi_de: bool = False,
             cap: str | None = None, thuoc: str | None = None) -> list[Path]:
    """Return the collection workbooks written into `out_dir` for the campaign `chien_dich`.

    One .xlsx per reporting unit of the levels that report to the province (the
    districts of 2022, the 45 communes of the two-level 2026 review), each headed
    with that unit's Front and holding the rows its own submission holds (`gom`);
    `cap` ("xa") chooses another level, `thuoc` ("Huyện Mường Nhé") only its units
    under that unit, `don_vi` one unit by name. Raises CampaignError / InputError
    (unknown level or unit, files that exist without `ghi_de`).
    """
    from docgen.campaigns.campaign import load_campaign
    from docgen.workbooks import write_workbooks

    return write_workbooks(load_campaign(chien_dich), Path(out_dir), don_vi, ghi_de, cap, thuoc)


# Document kinds a template can be written for: kind → (name in messages, modules whose VARIABLES it gets).
TEMPLATE_KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "bao-cao": ("báo cáo", ("frame", "bao_cao")),
    "phu-luc": ("phụ lục", ("phu_luc",)),
    "cong-van": ("công văn", ("frame", "cong_van")),
    "phu-luc-bang": ("phụ lục theo biểu mẫu riêng của chiến dịch", ("form_report",)),
}


def template_variables(loai: str) -> dict[str, str]:
    """Return every name a template of kind `loai` can use, with its description (from the modules' VARIABLES).

    Raises TemplateError for an unknown kind or when none of its modules exists yet.
    """
    import importlib

    from docgen.errors import TemplateError

    if loai not in TEMPLATE_KINDS:
        raise TemplateError(f"Không có loại văn bản «{loai}»; chọn một trong: {', '.join(TEMPLATE_KINDS)}.")
    names: dict[str, str] = {}
    found = False
    for module in TEMPLATE_KINDS[loai][1]:
        try:
            mod = importlib.import_module(f"docgen.documents.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"docgen.documents.{module}":
                raise
            continue
        found = True
        names.update(getattr(mod, "VARIABLES", {}))
    if not found:
        raise TemplateError(f"Chưa có mô tả dữ liệu cho loại văn bản «{loai}».")
    return names


def guess_template_kind(template: Path) -> str | None:
    """Return the document kind a template's file name suggests ("bao_cao_huyen.docx" → "bao-cao"), else None.

    >>> guess_template_kind(Path("mau/Phu_luc moi.docx")), guess_template_kind(Path("x.docx"))
    ('phu-luc', None)
    """
    from docgen.output import slug

    name = slug(Path(template).stem)
    hits = [(name.find(kind), -len(kind), kind) for kind in TEMPLATE_KINDS if kind in name]
    return min(hits)[2] if hits else None   # the longest kind named first: "phu-luc-bang" before "phu-luc"


def mau_kiem_tra(template: Path, loai: str | None = None) -> list:
    """Return the findings (model.Problem, rule IDs MAU-01…06) of a .docx template for document kind `loai`.

    `loai` is "bao-cao", "phu-luc" or "cong-van", guessed from the file name when
    None. An empty list means the template is clean. Raises TemplateError when the
    file is not a .docx or the kind cannot be told.
    """
    from docgen.errors import Location, TemplateError
    from docgen.render.lint import lint_template

    template = Path(template)
    kind = loai or guess_template_kind(template)
    if kind is None:
        raise TemplateError(
            f"Không đoán được loại văn bản từ tên tệp; thêm --loai {'|'.join(TEMPLATE_KINDS)}.", Location(template.name)
        )
    names = template_variables(kind)
    return lint_template(template, names, TEMPLATE_KINDS[kind][0])


def the_thuc(paths, include_info: bool = False, sua: bool = False, out: str | Path | None = None,
             ghi_de: bool = False, html: str | Path | None = None):
    """Return one `FileResult` per .docx in `paths`: its ND30 findings (rule ID, level, message, where).

    A folder stands for every .docx under it (Word's "~$" lock files left out).
    INFO findings are left out unless `include_info`. A file that is not a
    readable .docx gets a FileResult with `error` set; the others are still checked.

    With `sua`, each file's corrected copy is written (never over the file itself;
    beside it as "<name>-da-sua.docx", or as `out`: a .docx for one file, else a
    folder) with what is safe to fix fixed (docs/the-thuc.md lists the fixes);
    its FileResult then says what was changed and what is left for a person.
    Nothing is written over an existing file unless `ghi_de`. `html` names a
    report to write: each page with its findings beside the paragraph they concern.
    Raises OutputError when the report may not be written.
    """
    from docgen.jobs.the_thuc import the_thuc as job

    return job(paths, include_info, sua, Path(out) if out else None, ghi_de, Path(html) if html else None)


def _not_in_the_units_folder(folder: Path, out_dir: Path) -> None:
    """Refuse a summary written into the very folder of the units' files: every later run there
    (kiem-tra, bao-cao, tong-hop with another -o) would read the summary back as a unit's report."""
    import os

    from docgen.errors import InputError, Location

    if folder.is_dir() and os.path.realpath(out_dir) == os.path.realpath(folder):
        raise InputError("Không ghi kết quả tổng hợp vào chính thư mục báo cáo của các đơn vị: lần chạy sau, "
                         "docgen sẽ đọc lại tệp tổng hợp như báo cáo của một đơn vị. Chọn thư mục khác, ví dụ "
                         f"-o {folder.name or 'thu-muc'}-tong-hop/ hoặc một thư mục con như -o {folder / 'tong-hop'}/.",
                         Location(str(out_dir)))


def tong_hop(folder: str | Path, chien_dich: str | Path, out_dir: str | Path, ghi_de: bool = False,
             thong_tin: str | Path | None = None, don_doc: bool = False, han_moi=None, don_vi: str | None = None,
             ban_ky: bool = False):
    """Return a `TongHopResult`: the province's summary of every submission in `folder`, written to `out_dir`.

    Reads and checks each submission (an unusable file is reported, not fatal),
    computes per unit of the campaign's top level (districts in 2022, communes in
    the two-level 2026 campaign) on time / late / not received with the figures,
    and writes `tong-hop.xlsx` and the province's report `bao-cao-tong-hop.docx`
    (with the consolidated Phụ lục). `thong_tin` is an optional .xlsx with the
    province's own "Thông tin" sheet (number, date, signer, recipients, proposals) and,
    on its "Phụ lục" sheet, the province's own row. While errors remain in the units'
    data the report is a draft unless `ban_ky` (`TongHopResult.draft` says why).
    The report is checked against ND30 (`format_checks`; `exit_code` 1 when it
    breaks a MUST rule). With `don_doc`, also `cong-van-don-doc.docx`: the reminder
    dispatch to the units that have not reported or reported late, with the new
    deadline `han_moi` (a date, or text such as "15/4/2022"; default: the
    campaign's `[don_doc]`); `reminder.path` is None when every unit reported on
    time. Refuses to overwrite unless `ghi_de`. Raises DocgenError for a folder
    with no submission, an unknown campaign, a date it cannot read or a file it may not write.

    With `don_vi` ("Huyện Mường Nhé"), the compilation is that unit's, over the files
    of the units reporting to it (its communes in 2022, `gui_ve`): `tong-hop-<slug>.xlsx`
    (who sent, on time or late, against their deadline), its own list
    `danh-sach-<slug>.xlsx` (its workbook with every row filled, its own row and facts
    from its own file in the folder) and its report `bao-cao-ket-qua-<slug>.docx`;
    `compiled` is its submission as checked. Not with `don_doc`/`thong_tin`.
    """
    from docgen.campaigns.campaign import load_campaign
    from docgen.errors import InputError
    from docgen.jobs import tong_hop as job
    from docgen.readers.facts import parse_date

    campaign = load_campaign(chien_dich)
    _not_in_the_units_folder(Path(folder), Path(out_dir))
    if don_vi:
        from docgen.campaigns.reporting import find_unit
        from docgen.jobs.compile_unit import run_unit

        unit = find_unit(campaign, don_vi)
        if unit is None:
            raise InputError(f"Không có đơn vị «{don_vi}» trong chiến dịch {campaign.id} ({campaign.province.full_name}).")
        if unit.level > 0:
            if don_doc or thong_tin or not campaign.pages:
                raise InputError("--don-vi chỉ tổng hợp danh sách và báo cáo của đơn vị; --don-doc, --thong-tin "
                                 "và chiến dịch có biểu mẫu riêng chưa dùng được cùng --don-vi.")
            return run_unit(Path(folder), campaign, unit, Path(out_dir), overwrite=ghi_de)
    deadline = parse_date(han_moi) if han_moi not in (None, "") else None
    if han_moi not in (None, "") and deadline is None:
        raise InputError(f"Không hiểu ngày «{han_moi}» của --han-moi: ghi dạng ngày/tháng/năm, ví dụ 15/4/2022.")
    if not campaign.pages:
        from docgen.jobs.form_jobs import write_summary

        return write_summary(Path(folder), campaign, Path(out_dir), overwrite=ghi_de,
                             facts_file=Path(thong_tin) if thong_tin else None, signed=ban_ky, reminder=don_doc,
                             new_deadline=deadline)
    return job.run(Path(folder), campaign, Path(out_dir), overwrite=ghi_de,
                   facts_file=Path(thong_tin) if thong_tin else None, reminder=don_doc, new_deadline=deadline,
                   signed=ban_ky)




def chien_dich_moi(ma: str, tu: str | Path, thu_muc: str | Path | None = None) -> Path:
    """Return the folder of a new campaign `ma`, copied from campaign `tu` with number, date and signer blanked.

    Written under data/chien-dich/ (or `thu_muc`). Raises CampaignError for a bad id or unknown `tu`,
    OutputError when the folder exists.
    """
    from docgen.jobs.chien_dich import copy_campaign

    return copy_campaign(ma, tu, Path(thu_muc) if thu_muc else None)


def chien_dich_kiem_tra(chien_dich: str | Path):
    """Return (outline lines, template findings) of a campaign folder, checked whole.

    Raises CampaignError naming the key and line of the first mistake in the file; the campaign's own
    Word templates are checked like `mau kiem-tra` (their findings returned, rule IDs MAU-…).
    """
    from docgen.jobs.chien_dich import outline, own_templates

    found = outline(chien_dich)
    findings = []
    for template in own_templates(found.campaign):
        findings += mau_kiem_tra(template)
    return found.lines, findings


def chien_dich_xem_thu(chien_dich: str | Path, out_dir: str | Path, ghi_de: bool = False) -> dict:
    """Write, into `out_dir`, the campaign's dispatch, its blank workbooks and a sample report from generated data.

    Returns {"cong_van": CongVanResult or None, "bieu_mau": [paths], "du_lieu": path, "bao_cao": BaoCaoResult}.
    The sample data is generated (three units filled), so the author sees the documents before sending anything.
    """
    from docgen.campaigns.campaign import load_campaign
    from docgen.jobs.chien_dich import fill_preview

    campaign = load_campaign(chien_dich)
    out = Path(out_dir)
    dispatch = cong_van(chien_dich, out, ghi_de=ghi_de) if campaign.dispatch is not None else None
    books = bieu_mau(chien_dich, out / "bieu-mau", ghi_de=ghi_de)
    data = fill_preview(books[0], campaign, out / "du-lieu-mau")
    report = bao_cao([data], out / "bao-cao-mau", chien_dich=chien_dich, ghi_de=ghi_de)
    return {"cong_van": dispatch, "bieu_mau": books, "du_lieu": data, "bao_cao": report}


def chien_dich_co_san() -> list[str]:
    """Return the ids of the campaigns shipped under data/chien-dich/, sorted."""
    from docgen.campaigns.overview import shipped_campaigns

    return shipped_campaigns()


def thong_tin_chien_dich(chien_dich: str | Path):
    """Return the `CampaignInfo` of a campaign (id, title, province, levels and deadlines, folder).

    Raises CampaignError when the campaign cannot be loaded.
    """
    from docgen.campaigns.campaign import load_campaign
    from docgen.campaigns.overview import campaign_info

    return campaign_info(load_campaign(chien_dich))


def ten_so_lieu(chien_dich: str | Path) -> dict[str, str]:
    """Return a page campaign's title of each per-level count, by `LevelFigures` field ("with_page": "có Trang").

    Raises CampaignError when the campaign cannot be loaded.
    """
    from docgen.campaigns.campaign import load_campaign
    from docgen.checks.figures import figure_titles

    return figure_titles(load_campaign(chien_dich))


def don_vi_bao_cao(chien_dich: str | Path) -> list:
    """Return every `Reporter` of a campaign in official order: code, name, level, deadline, whom it reports to.

    A unit of the top level reports to the province (`reports_to` ""), a unit of a lower
    level to its ancestor at the level above. Raises CampaignError.
    """
    from docgen.campaigns.campaign import load_campaign
    from docgen.campaigns.overview import reporters

    return reporters(load_campaign(chien_dich))


def tim_don_vi(chien_dich: str | Path, ten: str):
    """Return the `Reporter` of the campaign named `ten` (with or without its kind, either tone placement).

    Raises InputError when no reporting unit, or more than one, has that name.
    """
    from docgen.campaigns.campaign import load_campaign
    from docgen.campaigns.overview import find_reporter

    return find_reporter(load_campaign(chien_dich), ten)


def kiem_tra_tep(path: str | Path, chien_dich: str | Path = DEFAULT_CAMPAIGN, ngay_nop=None) -> dict:
    """Return one file's check as JSON-ready data: what `kiem-tra --json` says of it, plus its table as read.

    Keys: "kiem_tra" (the `--json` document of this file alone: an unusable file sits
    in its "unusable" list with kiem-tra's message), "table" (columns, and rows of
    cells with their locations; None when unusable), "records", "report_date" (the
    file's "Ngày báo cáo", else `ngay_nop`, ISO) and "date_source". Never raises for
    a bad file; raises CampaignError for a campaign that cannot be loaded.
    """
    from docgen.campaigns.campaign import load_campaign
    from docgen.jobs.check_upload import check_upload

    return check_upload(Path(path), load_campaign(chien_dich), ngay_nop)


def tien_do(chien_dich: str | Path, moi_nhat: dict[str, dict]):
    """Return the campaign's `Progress`: every unit of its top level with status, date and figures, and totals.

    `moi_nhat` maps a unit code to its newest submission as stored from `kiem_tra_tep`:
    {"report_date": ISO text or None, "date_source": "thong_tin"|"tep"|"", "figures": [...],
    "errors": int, "usable": bool}. The rules are `tong-hop`'s (on time / late against the
    level's deadline, a unit without a usable submission is not reported, totals summed
    over the units), without reading any file again. Raises CampaignError.
    """
    import datetime as dt

    from docgen.aggregate.progress import Reported, progress
    from docgen.campaigns.campaign import load_campaign

    reported = {
        code: Reported(
            date=dt.date.fromisoformat(v["report_date"]) if v.get("report_date") else None,
            from_file_date=v.get("date_source") == "tep", figures=tuple(v.get("figures") or ()),
            errors=int(v.get("errors") or 0), usable=bool(v.get("usable")),
        )
        for code, v in moi_nhat.items()
    }
    return progress(load_campaign(chien_dich), reported)


def bang_xlsx(tieu_de: str, cot: list[str], dong: list[list[str]]) -> bytes:
    """Return a one-sheet .xlsx (title row, bold header, rows) whose cells are all text, never formulas.

    For lists a clerk prints or hands out (the accounts made for the units).
    """
    from docgen.workbooks.table import table_bytes

    return table_bytes(tieu_de, cot, dong)


def pdf_tu_docx(tep: list[Path]) -> list[Path]:
    """Return the PDFs written beside the given .docx files (one LibreOffice process for all).

    Raises PdfError (Vietnamese) when LibreOffice is missing or converts none of them.
    """
    from docgen.output import write_bytes
    from docgen.render.pdf import to_pdf

    return [write_bytes(Path(src).with_suffix(".pdf"), data, True) for src, data in to_pdf([Path(p) for p in tep]).items()]
