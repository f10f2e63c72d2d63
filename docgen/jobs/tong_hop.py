"""The `tong-hop` job: every submission in a folder → the province's summary (.xlsx) and report (.docx).

`run` reads and checks each input (an unusable file is reported, not fatal),
sums them up per unit of the campaign's top level (`docgen.aggregate`), and
writes `tong-hop.xlsx` and `bao-cao-tong-hop.docx` (report + consolidated Phụ
lục) atomically, refusing to overwrite unless asked. The report is then checked
against ND30 (`nd30_check`): findings are reported, the file stays as written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
import os
from pathlib import Path

from docgen.aggregate import Summary, Unusable, summarize
from docgen.campaigns.campaign import Campaign
from docgen.errors import DocgenError, InputError, Location
from docgen.jobs.nd30_check import FormatCheck, check_written, not_ready
from docgen.records.model import Facts, Severity, Submission

XLSX_FILE = "tong-hop.xlsx"
REPORT_FILE = "bao-cao-tong-hop.docx"
REMINDER_FILE = "cong-van-don-doc.docx"
REPORT_TEMPLATE = "cong_van.docx"
APPENDIX_TEMPLATE = "phu_luc.docx"


@dataclass(frozen=True)
class TongHopResult:
    """What `tong_hop` computed and wrote: the province's summary, the files, the report's ND30 check.

    `written` is in writing order; `format_checks` holds one FormatCheck per .docx written.
    """

    summary: Summary
    written: tuple[Path, ...]
    format_checks: tuple[FormatCheck, ...] = ()
    reminder: "Reminded | None" = None   # when asked for (--don-doc): whom it went to, or that nobody needed it
    draft: str = ""   # why the report is a draft (documents.tong_hop.draft_reason), "" for the copy to sign
    compiled: Submission | None = None   # --don-vi: the unit's own list compiled from the files sent to it

    @property
    def exit_code(self) -> int:
        """Return 1 when any error was found in a submission or the report breaks a MUST rule of ND30, else 0."""
        if not_ready(self.format_checks):
            return 1
        return 1 if any(p.severity is Severity.ERROR for p in self.summary.all_problems) else 0


@dataclass(frozen=True)
class Reminded:
    """The reminder dispatch asked for with --don-doc: the units it names and their new deadline.

    `path` is None (and `units` empty) when every unit reported on time: nothing was written.
    """

    units: tuple = ()
    deadline: dt.date | None = None
    path: Path | None = None
    errors: tuple = ()    # (unit, number of errors) of a form campaign's files named for their wrong figures


def run(folder: Path, campaign: Campaign, out_dir: Path, overwrite: bool = False,
        facts_file: Path | None = None, reminder: bool = False, new_deadline: dt.date | None = None,
        today: dt.date | None = None, signed: bool = False) -> TongHopResult:
    """Return the summary of every submission in `folder`, after writing the workbook and the report.

    With `reminder`, also the reminder dispatch to the units that have not reported
    or reported late (`cong-van-don-doc.docx`), due by `new_deadline` (else the
    campaign's, else some days after `today`); nothing when every unit reported on time.
    """
    from docgen.aggregate.xlsx import workbook_bytes
    from docgen.output import check_free, write_bytes

    outputs = (out_dir / XLSX_FILE, out_dir / REPORT_FILE)
    for path in outputs + ((out_dir / REMINDER_FILE,) if reminder else ()):
        check_free(path, overwrite)
    deadline = reminder_deadline(campaign, new_deadline, today) if reminder else None
    facts = province_facts(facts_file, campaign) if facts_file else None
    own = province_row(facts_file, campaign) if facts_file else None
    skip = set(outputs) | ({facts_file} if facts_file else set())
    submissions, unusable = read_all(folder, campaign, skip)
    summary = summarize(campaign, submissions, unusable)
    written = (
        write_bytes(outputs[0], workbook_bytes(summary), overwrite),
        write_bytes(outputs[1], report_bytes(summary, facts, own, signed), overwrite),
    )
    reminded = None
    if reminder:
        reminded = write_reminder(summary, out_dir / REMINDER_FILE, deadline, overwrite)
        written += (reminded.path,) if reminded.path else ()
    from docgen.documents.tong_hop import draft_reason

    return TongHopResult(summary, written, check_written(written), reminded, draft_reason(summary, facts, signed))


def reminder_deadline(campaign: Campaign, given: dt.date | None, today: dt.date | None = None) -> dt.date:
    """Return the reminder's new deadline (`Reminder.deadline`); InputError when it is not after the missed one."""
    deadline = campaign.reminder.deadline(today or dt.date.today(), campaign.top_level.deadline, given)
    if deadline <= campaign.top_level.deadline:
        from docgen.values.formats import ngay_ngan

        raise InputError(f"Hạn mới của công văn đôn đốc ({ngay_ngan(deadline)}) phải sau hạn báo cáo đã qua "
                         f"({ngay_ngan(campaign.top_level.deadline)}): sửa --han-moi hoặc khóa «don_doc.han_moi».")
    return deadline


def write_reminder(summary, target: Path, deadline: dt.date, overwrite: bool = False) -> Reminded:
    """Return whom the reminder dispatch names, after writing it to `target` (nothing when nobody is behind).

    `summary` is a page campaign's `Summary` or the `documents.don_doc.Behind` of a form campaign.
    """
    from docgen.documents import don_doc
    from docgen.render.engine import render
    from docgen.output import write_bytes

    who = summary if isinstance(summary, don_doc.Behind) else don_doc.behind(summary)
    units = tuple(don_doc.addressees(who))
    if not units and not who.errors:
        return Reminded((), deadline, None)
    context = don_doc.build_context(who, deadline)
    document = render(who.campaign.template(don_doc.TEMPLATE), context, don_doc.TEMPLATE)
    return Reminded(units, deadline, write_bytes(target, document.to_bytes(), overwrite), who.errors)


def report_bytes(summary: Summary, facts: Facts | None, own=None, signed: bool = False) -> bytes:
    """Return the province's report with the consolidated Phụ lục as its landscape section, as .docx bytes."""
    from docgen.documents import phu_luc
    from docgen.documents.tong_hop import build_context
    from docgen.render.compose import compose
    from docgen.render.engine import render

    context = build_context(summary, facts, own, signed)
    campaign = summary.campaign
    main = render(campaign.template(REPORT_TEMPLATE), context["khung"])
    annex = render(phu_luc.template(campaign, APPENDIX_TEMPLATE), context["phu_luc"], APPENDIX_TEMPLATE)
    return compose(main, annex).to_bytes()


def read_all(folder: Path, campaign: Campaign, skip: set[Path] = frozenset()
             ) -> tuple[list[Submission], list[Unusable]]:
    """Return (submissions, unusable inputs) of every input file in `folder`, in file order.

    Files in `skip` (docgen's own outputs, the province's facts file) are not inputs.
    Raises InputError for a folder that does not exist or holds no .xlsx/.docx.
    """
    from docgen.checks.result import check_files
    from docgen.readers import find_inputs

    if not folder.exists():
        raise InputError("Không có thư mục hoặc tệp này.", Location(str(folder)))
    skipped = {Path(os.path.realpath(p)) for p in skip}
    inputs = [p for p in find_inputs([folder]) if Path(os.path.realpath(p)) not in skipped]
    submissions, failed = check_files(inputs, campaign)
    unusable = [Unusable.from_error(path, exc) for path, exc in failed]
    return submissions, unusable


def province_row(path: Path, campaign: Campaign):
    """Return the province's own row (its page and people), checked as the campaign's province level, from the
    "Phụ lục" sheet of its facts file; None when the campaign has no such level or the file has no such row."""
    from dataclasses import replace

    from docgen.checks import check_source
    from docgen.readers import read_source

    level = campaign.province_level
    if level is None:
        return None
    try:
        sub = check_source(read_source(path, campaign.form), replace(campaign, levels=(level,)))
    except DocgenError:
        return None   # a facts-only file: the summary has no "Cấp tỉnh" line
    return sub if sub.reporting_unit == campaign.province and sub.records else None


def province_facts(path: Path, campaign: Campaign) -> Facts:
    """Return the province's own facts from the "Thông tin" sheet of the .xlsx `path`.

    Raises InputError when the file cannot be read or has no "Thông tin" sheet.
    """
    from docgen.readers import read_facts_file

    return read_facts_file(path, campaign.form)
