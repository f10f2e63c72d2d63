"""The jobs of a campaign with its own form (`[bieu_mau]`): check the files, write the reports, the summary.

Same commands, same outputs as a page campaign's: `kiem-tra` lists each file's
problems by rule and cell, `bao-cao` writes OUT/<slug>/bao-cao-ket-qua-<slug>.docx
(report + Phụ lục, ND30-checked), `tong-hop` writes the province's summary with
its Phụ lục of every unit and a totals row, and tong-hop.xlsx. One unreadable
file never stops the others.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from docgen.campaigns.campaign import Campaign
from docgen.checks.form_check import FormSubmission, check_form_file
from docgen.checks.result import Unusable
from docgen.documents import form_report
from docgen.errors import DocgenError, Location, internal_error
from docgen.jobs.bao_cao import APPENDIX_FILE, REPORT_FILE, BaoCaoResult, Refused, Written, add_pdfs
from docgen.jobs.nd30_check import FormatCheck, check_one, not_ready
from docgen.output import check_free, slug, write_bytes
from docgen.records.model import Problem, Severity

SUMMARY_FILE = "bao-cao-tong-hop.docx"
SUMMARY_BOOK = "tong-hop.xlsx"
APPENDIX_TEMPLATE = "phu_luc_bang.docx"
REPORT_TEMPLATE = "cong_van.docx"


@dataclass(frozen=True)
class FormCheckResult:
    """What `kiem-tra` found in the files of a form campaign."""

    campaign: Campaign
    submissions: tuple[FormSubmission, ...] = ()
    unusable: tuple[Unusable, ...] = ()
    returned: tuple = ()     # checks.result.Returned per file with --tra-lai, as for a page campaign

    @property
    def exit_code(self) -> int:
        """Return 2 when a file could not be read or returned, 1 when a file has an error, else 0."""
        if self.unusable or any(r.error for r in self.returned):
            return 2
        return 1 if any(s.errors for s in self.submissions) else 0

    def to_dict(self) -> dict:
        """Return `kiem-tra --json`'s shape (docs/kiem-tra.md); a file's "figures" are the campaign's own."""
        from docgen.checks.form_figures import work_out
        from docgen.checks.result import problem_dict

        campaign = self.campaign
        errors = sum(len(s.errors) for s in self.submissions)
        files = [{
            "path": s.path,
            "reporting_unit": {"code": s.reporting_unit.code, "name": s.reporting_unit.full_name}
            if s.reporting_unit else None,
            "rows": len(s.rows),
            "errors": len(s.errors),
            "warnings": len(s.problems) - len(s.errors),
            "problems": [problem_dict(p) for p in s.problems],
            "figures": [{"key": f.key, "title": f.title, "text": f.text}
                        for f in work_out(campaign, s.rows, s.expected).values()],
        } for s in self.submissions]
        out = {"campaign": campaign.id, "exit_code": self.exit_code,
               "totals": {"files": len(files), "errors": errors,
                          "warnings": sum(f["warnings"] for f in files), "unusable": len(self.unusable)},
               "files": files,
               "unusable": [{"path": u.path, "message": u.message, "location": u.location} for u in self.unusable]}
        if self.returned:
            out["tra_lai"] = [r.to_dict() for r in self.returned]
        return out


@dataclass(frozen=True)
class FormSummaryResult:
    """What `tong-hop` computed and wrote for a form campaign."""

    figures: dict            # key → text as the report prints it ("4.198.600.000", "98,5%")
    titles: dict             # key → the figure's name ("Kinh phí vận động (đồng)")
    missing: tuple[str, ...]
    problems: tuple[Problem, ...]
    written: tuple[Path, ...]
    format_checks: tuple[FormatCheck, ...] = ()
    unusable: tuple[Unusable, ...] = ()
    draft: str = ""          # why the summary is a draft (form_report.summary_draft), "" for the copy to sign
    reminder: object = None  # jobs.tong_hop.Reminded with --don-doc: whom it went to, or that nobody needed it

    @property
    def exit_code(self) -> int:
        if not_ready(self.format_checks):
            return 1
        return 1 if self.unusable or any(p.severity is Severity.ERROR for p in self.problems) else 0


def _inputs(paths) -> list[Path]:
    from docgen.readers import find_inputs

    return find_inputs([Path(p) for p in paths])


def check_all(paths, campaign: Campaign) -> tuple[list[FormSubmission], list[Unusable]]:
    """Return every file's checked submission, and the files that could not be used (with why)."""
    subs, unusable = [], []
    for path in paths:
        try:
            subs.append(check_form_file(path, campaign))
        except DocgenError as exc:
            unusable.append(Unusable.from_error(str(path), exc))
        except Exception as exc:  # a bug met on one file: the others are still checked
            unusable.append(Unusable.from_error(str(path), internal_error(exc, Location(Path(path).name))))
    return subs, unusable


def check_files(paths, campaign: Campaign, tra_lai: Path | None = None, overwrite: bool = False) -> FormCheckResult:
    """Return every file under `paths` checked; with `tra_lai`, each also returned to its unit there (annotated,
    and normalised where docgen normalised values: `jobs.tra_lai`, the page campaigns' `kiem-tra --tra-lai`)."""
    files, unusable = [], []
    for p in paths:
        try:
            files += _inputs([p])
        except DocgenError as exc:
            unusable.append(Unusable.from_error(str(p), exc))
    subs, more = check_all(list(dict.fromkeys(files)), campaign)
    returned = ()
    if tra_lai is not None:
        from docgen.jobs.tra_lai import return_forms

        returned = return_forms(subs, Path(tra_lai), overwrite)
    return FormCheckResult(campaign, tuple(subs), tuple(unusable + more), returned)


def render_pair(campaign: Campaign, context: dict, appendix_alone: bool = False
                ) -> tuple[bytes, tuple[Problem, ...]] | tuple[bytes, tuple[Problem, ...], bytes]:
    """Return the report (ND30 frame) with its Phụ lục in a landscape section, as .docx bytes, and render notes.

    With `appendix_alone`, also the Phụ lục as a document of its own (`bao-cao --phu-luc-rieng`), third.
    """
    from docgen.documents import phu_luc
    from docgen.render.compose import compose
    from docgen.render.engine import render

    main = render(campaign.template(REPORT_TEMPLATE), context["khung"], REPORT_TEMPLATE)
    annex = render(phu_luc.template(campaign, APPENDIX_TEMPLATE), context["phu_luc"], APPENDIX_TEMPLATE)
    alone = annex.to_bytes() if appendix_alone else None   # before compose, which takes the annex in
    both = compose(main, annex)
    notes = tuple(main.notes) + tuple(annex.notes)
    return (both.to_bytes(), notes, alone) if appendix_alone else (both.to_bytes(), notes)


def write_reports(paths, out_dir: Path, campaign: Campaign, overwrite: bool = False, strict: bool = False,
                  pdf: bool = False, signed: bool = False, appendix_alone: bool = False) -> BaoCaoResult:
    """Return the reports written, one per file under `paths`, into OUT/<slug>/ (see module doc).

    With `appendix_alone`, each Phụ lục is also written alone as OUT/<slug>/phu-luc-<slug>.docx, ND30-checked
    like the report (the page campaigns' `--phu-luc-rieng`).
    """
    written, refused = [], []
    try:
        files = _inputs(paths)
    except DocgenError as exc:
        return BaoCaoResult((), (Refused(Path(str(paths[0])), exc.message),))
    subs, unusable = check_all(files, campaign)
    refused += [Refused(Path(u.path), u.message) for u in unusable]
    taken: set[str] = set()
    for sub in subs:
        source = Path(sub.source)
        if sub.reporting_unit is None:
            refused.append(Refused(source, "Không xác định được đơn vị báo cáo (ghi «Đơn vị báo cáo» ở trang "
                                           "«Thông tin»)."))
            continue
        if strict and sub.errors:
            refused.append(Refused(source, "Tệp còn lỗi: sửa rồi soạn lại.", sub.errors, strict=True))
            continue
        name = slug(sub.reporting_unit.full_name)
        while name in taken:
            name += "-2"
        taken.add(name)
        targets = [Path(out_dir) / name / f.format(slug=name)
                   for f in (REPORT_FILE,) + ((APPENDIX_FILE,) if appendix_alone else ())]
        try:
            for target in targets:
                check_free(target, overwrite)
            context = form_report.report_context(sub, campaign, signed)
            data, notes, *alone = render_pair(campaign, context, appendix_alone)
            contents = [data] + [a for a in alone if a is not None]
            for target, content in zip(targets, contents):
                write_bytes(target, content, overwrite)
        except DocgenError as exc:
            refused.append(Refused(source, exc.message))
            continue
        written.append(Written(source, sub.reporting_unit.full_name, tuple(targets), sub.problems, notes,
                               tuple(check_one(t, c) for t, c in zip(targets, contents)), context["draft"],
                               listed_in_report=False))
    pdf_error = add_pdfs(written, overwrite) if pdf and written else ""
    return BaoCaoResult(tuple(written), tuple(refused), pdf_error)


def write_summary(folder: Path, campaign: Campaign, out_dir: Path, overwrite: bool = False,
                  facts_file: Path | None = None, signed: bool = False, reminder: bool = False,
                  new_deadline: dt.date | None = None, today: dt.date | None = None) -> FormSummaryResult:
    """Return the province summary of every file in `folder`: report with Phụ lục and tong-hop.xlsx in `out_dir`.

    With `reminder`, also cong-van-don-doc.docx (`tong-hop --don-doc`, as for a page campaign): the reminder to
    the communes that have not reported, reported late, or whose figures still have errors, due by `new_deadline`
    (else the campaign's `[don_doc]`, else some days after `today`); nothing when nobody is behind.
    """
    from docgen.jobs.tong_hop import REMINDER_FILE, reminder_deadline
    from docgen.readers import read_facts_file

    out_dir = Path(out_dir)
    report, book = out_dir / SUMMARY_FILE, out_dir / SUMMARY_BOOK
    for path in (report, book) + ((out_dir / REMINDER_FILE,) if reminder else ()):
        check_free(path, overwrite)
    deadline = reminder_deadline(campaign, new_deadline, today) if reminder else None
    files = _inputs([folder])
    subs, unusable = check_all(files, campaign)
    facts = read_facts_file(facts_file, campaign.form) if facts_file else None
    context = form_report.summary_context(campaign, subs, facts, signed)
    data, _ = render_pair(campaign, context)
    write_bytes(report, data, overwrite)
    write_bytes(book, _workbook(context["phu_luc"]["bang"], context["phu_luc"]["tieu_de"]), overwrite)
    missing = _missing(campaign, subs)
    late = form_report.late(campaign, subs)
    problems = [p for s in subs for p in s.problems if p.rule != "DV-02"]
    from docgen.aggregate.rules import problem as summary_problem
    from docgen.values.formats import ngay_ngan

    problems += [summary_problem("TH-02", Location("(tổng hợp)"), u.code, unit=u.full_name,
                                 deadline=ngay_ngan(campaign.top_level.deadline)) for u in missing]
    for sub, day in late:
        level_deadline = campaign.level_at(sub.reporting_unit.level).deadline
        problems.append(summary_problem("TH-03", Location(sub.path), sub.reporting_unit.code,
                                        unit=sub.reporting_unit.full_name, date=ngay_ngan(day),
                                        days=(day - level_deadline).days, deadline=ngay_ngan(level_deadline)))
    written = (book, report)
    reminded = None
    if reminder:
        from docgen.jobs.tong_hop import write_reminder

        reminded = write_reminder(_behind(campaign, missing, late, subs), out_dir / REMINDER_FILE, deadline,
                                  overwrite)
        written += (reminded.path,) if reminded.path else ()
    return FormSummaryResult(context["so_lieu"], context["ten_so_lieu"], tuple(u.full_name for u in missing),
                             tuple(problems), written, tuple(check_one(p, p.read_bytes()) for p in written
                                                             if p.suffix == ".docx"),
                             tuple(unusable), context["draft"], reminded)


def _missing(campaign: Campaign, subs) -> tuple:
    """Return the units of the campaign's levels that sent no file (nor appear in another's), in official order."""
    reported = {s.reporting_unit.code for s in subs if s.reporting_unit is not None}
    depths = {lv.depth for lv in campaign.levels}
    return tuple(u for u in campaign.units.descendants(campaign.province)
                 if u.level in depths and u.code not in reported
                 and not any(r.unit is not None and r.unit.code == u.code for s in subs for r in s.rows))


def _behind(campaign: Campaign, missing, late, subs):
    """Return the `documents.don_doc.Behind` of a form campaign: missing, late, and files with errors left."""
    from docgen.aggregate.status import Status, UnitStatus
    from docgen.documents.don_doc import Behind

    order = {u.code: i for i, u in enumerate(campaign.units.descendants(campaign.province))}
    level = campaign.top_level
    rows = [UnitStatus(u, Status.MISSING, level.deadline) for u in missing]
    rows += [UnitStatus(s.reporting_unit, Status.LATE, level.deadline, day) for s, day in late]
    rows.sort(key=lambda r: order.get(r.unit.code, len(order)))
    errors = sorted(((s.reporting_unit, len(s.errors)) for s in subs if s.errors and s.reporting_unit is not None),
                    key=lambda e: order.get(e[0].code, len(order)))
    return Behind(campaign, level, tuple(rows), tuple(errors))


# A whole number Excel holds exactly (15 digits); anything else ("²⁵", 5,000 nines) stays the text it was.
_WHOLE = re.compile(r"[0-9]{1,15}")


def _workbook(table: dict, title: str) -> bytes:
    """Return tong-hop.xlsx: the Phụ lục's table, numbers as numbers where the text is one."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from docgen.xlsxcell import put

    wb = Workbook()
    ws = wb.active
    ws.title = "Tổng hợp"
    put(ws.cell(1, 1), title).font = Font(bold=True)
    for c, name in enumerate(table["cot"], start=1):
        put(ws.cell(3, c), name).font = Font(bold=True)
    for r, row in enumerate(table["dong"] + ([table["cong"]] if table["cong"] else []), start=4):
        for c, value in enumerate(row, start=1):
            number = value.replace(".", "")
            put(ws.cell(r, c), int(number) if c > 2 and _WHOLE.fullmatch(number) else value)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


__all__ = ["FormCheckResult", "FormSummaryResult", "check_files", "write_reports", "write_summary"]
