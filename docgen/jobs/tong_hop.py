"""The `tong-hop` job: every submission in a folder → the province's summary (.xlsx) and report (.docx).

`run` reads and checks each input (an unusable file is reported, not fatal),
sums them up per unit of the campaign's top level (`docgen.aggregate`), and
writes `tong-hop.xlsx` and `bao-cao-tong-hop.docx` (report + consolidated Phụ
lục) atomically, refusing to overwrite unless asked. The report is then checked
against ND30 (`nd30_check`): findings are reported, the file stays as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docgen.aggregate import Summary, Unusable, summarize
from docgen.campaigns.campaign import Campaign
from docgen.errors import InputError, Location
from docgen.jobs.nd30_check import FormatCheck, check_written, not_ready
from docgen.records.model import Facts, Severity, Submission

XLSX_FILE = "tong-hop.xlsx"
REPORT_FILE = "bao-cao-tong-hop.docx"
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

    @property
    def exit_code(self) -> int:
        """Return 1 when any error was found in a submission or the report breaks a MUST rule of ND30, else 0."""
        if not_ready(self.format_checks):
            return 1
        return 1 if any(p.severity is Severity.ERROR for p in self.summary.all_problems) else 0


def run(folder: Path, campaign: Campaign, out_dir: Path, overwrite: bool = False,
        facts_file: Path | None = None) -> TongHopResult:
    """Return the summary of every submission in `folder`, after writing the workbook and the report."""
    from docgen.aggregate.xlsx import workbook_bytes
    from docgen.render.output import check_free, write_bytes

    outputs = (out_dir / XLSX_FILE, out_dir / REPORT_FILE)
    for path in outputs:
        check_free(path, overwrite)
    facts = province_facts(facts_file) if facts_file else None
    skip = set(outputs) | ({facts_file} if facts_file else set())
    submissions, unusable = read_all(folder, campaign, skip)
    summary = summarize(campaign, submissions, unusable)
    written = (
        write_bytes(outputs[0], workbook_bytes(summary), overwrite),
        write_bytes(outputs[1], report_bytes(summary, facts), overwrite),
    )
    return TongHopResult(summary, written, check_written(written))


def report_bytes(summary: Summary, facts: Facts | None) -> bytes:
    """Return the province's report with the consolidated Phụ lục as its landscape section, as .docx bytes."""
    from docgen.documents.tong_hop import build_context
    from docgen.render.compose import compose
    from docgen.render.engine import render

    context = build_context(summary, facts)
    campaign = summary.campaign
    main = render(campaign.template(REPORT_TEMPLATE), context["khung"])
    annex = render(campaign.template(APPENDIX_TEMPLATE), context["phu_luc"])
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
    skipped = {p.resolve() for p in skip}
    submissions, failed = check_files([p for p in find_inputs([folder]) if p.resolve() not in skipped], campaign)
    unusable = [Unusable.from_error(path, exc) for path, exc in failed]
    return submissions, unusable


def province_facts(path: Path) -> Facts:
    """Return the province's own facts from the "Thông tin" sheet of the .xlsx `path`.

    Raises InputError when the file cannot be read or has no "Thông tin" sheet.
    """
    from docgen.readers import read_facts_file

    return read_facts_file(path)
