"""The `bao-cao` job: each submission → its result report with the Phụ lục, written under OUT/<slug>/.

`run` reads and checks every input, renders each report (cong_van.docx frame +
phu_luc.docx appendix in one file, the appendix alone on request), writes them
atomically, then converts all of them to PDF with one LibreOffice process.
An unusable input or a file that would be overwritten is reported and skipped;
the others are still written. Every .docx written is checked against ND30
(`nd30_check`): the findings are reported, the files stay as written.

A batch of PARALLEL_FROM inputs or more is read, checked, rendered and
ND30-checked ahead in worker processes (one per core, forked, in input order);
this process still names, writes and reports each in order, so the result is
the same as one input after the other.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from docgen.errors import DocgenError, Location, internal_error
from docgen.jobs.nd30_check import FormatCheck, check_written, not_ready
from docgen.records.model import Problem, Submission

# Each file carries its unit's slug, so a clerk can attach it as it is: bao-cao-ket-qua-huyen-muong-nhe.docx.
REPORT_FILE = "bao-cao-ket-qua-{slug}.docx"
APPENDIX_FILE = "phu-luc-{slug}.docx"
REPORT_TEMPLATE = "cong_van.docx"
APPENDIX_TEMPLATE = "phu_luc.docx"

Progress = Callable[[int, int, str], None]
PARALLEL_FROM = 24  # inputs; for fewer, starting the workers costs more than they save
MAX_WORKERS = 4


@dataclass(frozen=True)
class Written:
    """A report written: its input, the unit's name, the files, the data problems and render notes.

    `format_checks` holds the ND30 check of each .docx in `files`, in their order.
    """

    source: Path
    unit: str
    files: tuple[Path, ...]
    problems: tuple[Problem, ...] = ()
    notes: tuple[Problem, ...] = ()
    format_checks: tuple[FormatCheck, ...] = ()
    draft: str = ""   # why the report was written as a draft (frame.draft_reason), "" for the copy to sign
    listed_in_report: bool = True   # the problems are listed in the report's section II (a page campaign's)


def where_said(problems: int, fixed: int, listed: bool = True) -> str:
    """Return where a report says its data problems, as the command line and the web page both tell a clerk.

    Section II lists what is left to fix, never the values docgen already put right (SDT-02, LK-03 …);
    "" when the report lists none of them (a campaign with its own form, or no problem left to list).

    >>> where_said(6, 3), where_said(1, 1), where_said(2, 0, listed=False)
    ('ghi ở mục II của báo cáo; 3 giá trị đã tự đưa về dạng chuẩn', '1 giá trị đã tự đưa về dạng chuẩn, không cần ghi vào báo cáo', '')
    """
    if not listed:
        return ""
    if fixed == problems:
        return f"{fixed} giá trị đã tự đưa về dạng chuẩn, không cần ghi vào báo cáo"
    return "ghi ở mục II của báo cáo" + (f"; {fixed} giá trị đã tự đưa về dạng chuẩn" if fixed else "")


@dataclass(frozen=True)
class Refused:
    """An input not written: why (Vietnamese), and the errors behind it when strict (`--chat`)."""

    source: Path
    message: str
    errors: tuple[Problem, ...] = ()
    strict: bool = False


@dataclass(frozen=True)
class BaoCaoResult:
    """What `bao_cao` did: reports written, inputs refused, and the PDF problem if any."""

    written: tuple[Written, ...] = ()
    refused: tuple[Refused, ...] = ()
    pdf_error: str = ""

    @property
    def exit_code(self) -> int:
        """Return 2 for an unusable input or a PDF failure, 1 for a refusal or an ND30 error, else 0.

        1: an input refused as strict (`--chat`), or a written document breaks a
        MUST rule of ND30 (not ready to sign; the file stays written).
        """
        if self.pdf_error or any(not r.strict for r in self.refused):
            return 2
        return 1 if self.refused or not_ready(c for w in self.written for c in w.format_checks) else 0


@dataclass
class _Batch:
    out_dir: Path
    overwrite: bool
    written: list[Written] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    slugs: set[str] = field(default_factory=set)


def run(paths, out_dir, campaign, pdf=False, overwrite=False, strict=False, appendix_alone=False,
        progress: Progress | None = None, workers: int | None = None, signed: bool = False) -> BaoCaoResult:
    """Return the result of writing one report per submission found under `paths` into `out_dir`.

    A report whose data still has errors is written as a draft unless `signed` (`--ban-ky`).

    `workers`: processes that prepare the inputs ahead (None: one per core, for a
    batch of PARALLEL_FROM inputs or more; 1: everything in this process).
    """
    batch = _Batch(Path(out_dir), overwrite)
    inputs = _find(paths, batch)
    with _Ahead(inputs, campaign, strict, appendix_alone, workers, signed) as ahead:
        for i, path in enumerate(inputs):
            if progress:
                progress(i, len(inputs), path.name)
            ready = ahead.next()
            try:
                _one(path, campaign, batch, pdf, strict, appendix_alone, ready, signed)
            except DocgenError as exc:
                batch.refused.append(Refused(path, str(exc)))
            except Exception as exc:  # a bug met on one input: the others are still written
                batch.refused.append(Refused(path, str(internal_error(exc, Location(path.name)))))
    if progress and inputs:
        progress(len(inputs), len(inputs), "")
    pdf_error = _pdfs(batch) if pdf else ""
    return BaoCaoResult(tuple(batch.written), tuple(batch.refused), pdf_error)


@dataclass(frozen=True)
class _Ready:
    """An input prepared by a worker: the checked submission, or why it could not be read (`error`),
    its rendered documents or why they could not be (`render_error`), and their ND30 checks."""

    sub: Submission | None = None
    error: str = ""
    rendered: tuple | None = None
    render_error: str = ""
    checks: tuple[FormatCheck, ...] = ()


_WORKER: tuple = ()  # (campaign, strict, appendix_alone, signed) in a worker process


def _start_worker(campaign, strict: bool, appendix_alone: bool, signed: bool = False) -> None:
    global _WORKER
    _WORKER = (campaign, strict, appendix_alone, signed)


def _prepare(path: Path) -> _Ready:
    """In a worker: read, check, render and ND30-check one input (what `_one` would do, but writing)."""
    from docgen.checks import check_source
    from docgen.jobs.nd30_check import check_one
    from docgen.readers import read_source

    campaign, strict, appendix_alone, signed = _WORKER
    try:
        sub = check_source(read_source(path, campaign.form), campaign)
    except DocgenError as exc:
        return _Ready(error=str(exc))
    except Exception as exc:  # a bug met on one input: reported for it, the others go on
        return _Ready(error=str(internal_error(exc, Location(path.name))))
    if (strict and sub.errors) or sub.reporting_unit is None:
        return _Ready(sub)
    try:
        rendered = render_submission(sub, campaign, appendix_alone, signed)
    except DocgenError as exc:
        return _Ready(sub, render_error=str(exc))
    except Exception as exc:
        return _Ready(sub, render_error=str(internal_error(exc, Location(path.name))))
    names = (REPORT_FILE, APPENDIX_FILE)
    checks = tuple(check_one(Path(name.format(slug="")), data) for name, data in zip(names, rendered[:2])
                   if data is not None)
    return _Ready(sub, rendered=rendered, checks=checks)


class _Ahead:
    """The inputs prepared ahead by worker processes, in order; `next()` is None when there are none."""

    def __init__(self, inputs: list[Path], campaign, strict: bool, appendix_alone: bool, workers: int | None,
                 signed: bool = False):
        import multiprocessing as mp

        n = min(os.cpu_count() or 1, MAX_WORKERS) if workers is None else workers
        self.pool = None
        self.results: Iterator[_Ready] | None = None
        if n < 2 or (workers is None and len(inputs) < PARALLEL_FROM) or len(inputs) < 2 \
                or "fork" not in mp.get_all_start_methods():
            return  # forked workers share this process's campaign and unit lists (no pickling, no reload)
        self.pool = mp.get_context("fork").Pool(min(n, len(inputs)), _start_worker,
                                                (campaign, strict, appendix_alone, signed))
        self.results = self.pool.imap(_prepare, inputs, chunksize=2)

    def next(self) -> _Ready | None:
        return next(self.results) if self.results is not None else None

    def __enter__(self) -> "_Ahead":
        return self

    def __exit__(self, kind, *_) -> None:
        if self.pool is not None:
            if kind is None:
                self.pool.close()
            else:
                self.pool.terminate()
            self.pool.join()


def _find(paths, batch: _Batch) -> list[Path]:
    """Return the input files under each path; a path that cannot be used is refused, not fatal."""
    from docgen.readers import find_inputs

    found: list[Path] = []
    for p in paths:
        p = Path(p)
        try:
            if not p.exists():
                raise DocgenError("Không có tệp hoặc thư mục này.", Location(str(p)))
            more = list(find_inputs([p]))
            if not more:
                raise DocgenError("Không có tệp dữ liệu nào (.xlsx hoặc .docx) ở đây.", Location(str(p)))
        except DocgenError as exc:
            batch.refused.append(Refused(p, str(exc)))
            continue
        found.extend(Path(f) for f in more if Path(f) not in found)
    return found


def _one(path: Path, campaign, batch: _Batch, pdf: bool, strict: bool, appendix_alone: bool,
         ready: _Ready | None = None, signed: bool = False) -> None:
    """Read, check, render and write one input (raises DocgenError when it cannot be used).

    `ready` is the input as a worker prepared it (read, checked, rendered, ND30-checked):
    then only the naming, writing and reporting are done here, in the same order.
    """
    from docgen.checks import check_source
    from docgen.readers import read_source
    from docgen.output import write_bytes

    if ready is not None and ready.error:
        raise DocgenError(ready.error)
    sub = ready.sub if ready is not None else check_source(read_source(path, campaign.form), campaign)
    if strict and sub.errors:
        batch.refused.append(Refused(path, f"{len(sub.errors)} lỗi phải sửa trước khi ký (--chat).",
                                     sub.errors, strict=True))
        return
    if sub.reporting_unit is None:   # no report for a unit the file does not establish (checks.run.attributed)
        unknown = next((p for p in sub.errors if p.rule == "DV-01"), None)
        raise DocgenError(unknown.message if unknown else "Không xác định được đơn vị báo cáo: không soạn báo cáo.",
                          unknown.location if unknown else None)
    _reports(sub, campaign)
    unit_slug = _unique_slug(sub, path, batch.slugs)
    folder = batch.out_dir / unit_slug
    names = [REPORT_FILE] + ([APPENDIX_FILE] if appendix_alone else [])
    targets = [folder / name.format(slug=unit_slug) for name in names]
    _check_free(targets + ([t.with_suffix(".pdf") for t in targets] if pdf else []), batch.overwrite)
    if ready is None:
        report, appendix, notes = render_submission(sub, campaign, appendix_alone, signed)
    elif ready.render_error:
        raise DocgenError(ready.render_error)
    else:
        report, appendix, notes = ready.rendered
    files = [write_bytes(targets[0], report, batch.overwrite)]
    written = {files[0]: report}
    if appendix is not None:
        files.append(write_bytes(targets[1], appendix, batch.overwrite))
        written[files[1]] = appendix
    checks = check_written(files, written) if ready is None else \
        tuple(replace(c, path=f) for f, c in zip(files, ready.checks))
    from docgen.documents.frame import draft_reason

    draft = draft_reason(len(sub.errors), sub.source.facts.nguoi_ky, campaign.draft_cause, signed)
    batch.written.append(Written(path, _unit_name(sub, path), tuple(files), sub.problems, notes, checks, draft))


def _reports(sub: Submission, campaign) -> None:
    """Raise DocgenError when the submission's unit is no reporting unit of the campaign (a province's own list:
    the province sums its units up with `tong-hop`, it does not report to itself)."""
    from docgen.campaigns.reporting import line_for

    unit = sub.reporting_unit
    if line_for(campaign, unit) is None:
        levels = ", ".join(lv.title.lower() for lv in campaign.levels)
        raise DocgenError(f"{unit.full_name} không phải đơn vị báo cáo của chiến dịch {campaign.id} (các cấp báo cáo: "
                          f"{levels}): không soạn báo cáo gửi chính mình. Tổng hợp danh sách của các đơn vị bằng "
                          "«docgen tong-hop».")


def render_submission(sub: Submission, campaign, appendix_alone: bool = False, signed: bool = False
                      ) -> tuple[bytes, bytes | None, tuple[Problem, ...]]:
    """Return (report with its Phụ lục, the Phụ lục alone or None, render notes) as .docx bytes."""
    from docgen.documents import bao_cao, phu_luc
    from docgen.errors import TemplateError
    from docgen.render.compose import compose, compose_templates
    from docgen.render.engine import render

    report_ctx = bao_cao.build_context(sub, campaign, signed)
    appendix_ctx = _own_names(phu_luc.build_context([sub], campaign, report_ctx), report_ctx)
    report_tpl = _read(campaign.template(REPORT_TEMPLATE))
    appendix_tpl = phu_luc.template(campaign, APPENDIX_TEMPLATE)
    alone = render(appendix_tpl, appendix_ctx, APPENDIX_TEMPLATE, light=True).to_bytes() if appendix_alone else None
    if any(report_ctx[k] != appendix_ctx[k] for k in report_ctx.keys() & appendix_ctx.keys()):
        both = compose(render(report_tpl, report_ctx, REPORT_TEMPLATE), render(appendix_tpl, appendix_ctx, APPENDIX_TEMPLATE))
        return both.to_bytes(), alone, _dedupe(both.notes)
    try:  # no clash between the two contexts: compose the templates once (cached), render once
        both = render(compose_templates(report_tpl, appendix_tpl), {**report_ctx, **appendix_ctx},
                      f"{REPORT_TEMPLATE} + {APPENDIX_TEMPLATE}", light=True)
    except TemplateError:
        render(report_tpl, report_ctx, REPORT_TEMPLATE)  # name the template at fault
        render(appendix_tpl, appendix_ctx, APPENDIX_TEMPLATE)
        raise
    return both.to_bytes(), alone, _dedupe(both.notes)


def _own_names(appendix_ctx: dict, report_ctx: dict) -> dict:
    """Return the appendix context with each name the Phụ lục can use but was not given set blank.

    Without this, a name of both documents (say an edited report template that
    sets `bieu_mau_don_vi`, the blank form's unit line) would show the report's
    value in the appendix when both are rendered in one pass.

    >>> _own_names({"tieu_de": "DANH SÁCH"}, {"bieu_mau_don_vi": "Huyện Mường Nhé"})["bieu_mau_don_vi"]
    ''
    """
    from docgen.documents import phu_luc

    names = {re.split(r"[.\[]", key)[0] for key in phu_luc.VARIABLES}
    return {**{k: "" for k in (names - appendix_ctx.keys()) & report_ctx.keys()}, **appendix_ctx}


def _read(path: Path) -> bytes:
    """Return a template's bytes, checked to be a .docx (TemplateError when it cannot be used)."""
    from docgen.render.engine import template_bytes

    return template_bytes(Path(path))


def _dedupe(notes: tuple[Problem, ...]) -> tuple[Problem, ...]:
    """Return notes without repeats (the same value can appear in both documents)."""
    seen, out = set(), []
    for n in notes:
        key = (n.rule, n.message)
        if key not in seen:
            seen.add(key)
            out.append(n)
    return tuple(out)


def _unit_name(sub: Submission, path: Path) -> str:
    """Return the reporting unit's full name, else the facts' name, else the file name."""
    if sub.reporting_unit is not None:
        return sub.reporting_unit.full_name
    return sub.source.facts.don_vi or path.stem


def _unique_slug(sub: Submission, path: Path, taken: set[str]) -> str:
    """Return the output folder name of the submission, made unique within the batch."""
    from docgen.output import slug

    base = slug(_unit_name(sub, path))
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name


def _check_free(paths: list[Path], overwrite: bool) -> None:
    from docgen.output import check_free

    for p in paths:
        check_free(p, overwrite)


def _pdfs(batch: _Batch) -> str:
    """Convert every written .docx to PDF beside it; return the error message, or "" when all went well."""
    return add_pdfs(batch.written, batch.overwrite)


def add_pdfs(written: list[Written], overwrite: bool) -> str:
    """Convert the .docx of every `written` report to PDF beside it (one LibreOffice), adding the PDFs to its
    files in place; return the error message, or "" when all went well."""
    from docgen.output import write_bytes
    from docgen.render.pdf import to_pdf

    docs = [f for w in written for f in w.files]
    try:
        pdfs = to_pdf(docs)
    except DocgenError as exc:
        return str(exc)
    missing = [d for d in docs if d not in pdfs]
    for w_index, w in enumerate(written):
        made = tuple(write_bytes(f.with_suffix(".pdf"), pdfs[f], overwrite) for f in w.files if f in pdfs)
        written[w_index] = replace(w, files=w.files + made)
    if missing:
        return "LibreOffice không xuất được PDF cho: " + ", ".join(str(m) for m in missing) + "."
    return ""
