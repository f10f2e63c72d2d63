"""`tong-hop --don-vi`: a unit in the middle (a district of 2022) compiles the files of the units reporting to it.

The district reads its communes' own files (each commune: its row, its facts), sees
who sent on time, late or not at all against the communes' deadline, and gets what
it sends up: its own list (`danh-sach-<slug>.xlsx`, its workbook with every row
filled) and its report with the Phụ lục (`bao-cao-ket-qua-<slug>.docx`), as if it
had typed the whole list itself. Its own row and facts come from its own file in
the folder (its workbook with its row and "Thông tin" filled); a commune's own file
wins over a row the district typed for it; nothing read is dropped.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from docgen.aggregate import summarize
from docgen.campaigns.campaign import Campaign
from docgen.campaigns.reporting import reporting_to
from docgen.errors import InputError, Location
from docgen.jobs.nd30_check import check_written
from docgen.records.model import Facts, RawTable, Source, Submission, Unit

LIST_FILE = "danh-sach-{slug}.xlsx"
STATUS_FILE = "tong-hop-{slug}.xlsx"


def run_unit(folder: Path, campaign: Campaign, unit: Unit, out_dir: Path, overwrite: bool = False):
    """Return the `TongHopResult` of `unit` compiling the files in `folder`, after writing its list, its report
    and the status of the units reporting to it."""
    from docgen.aggregate.xlsx import workbook_bytes
    from docgen.jobs.bao_cao import REPORT_FILE, render_submission
    from docgen.jobs.tong_hop import TongHopResult, read_all
    from docgen.output import check_free, slug, write_bytes

    line, below = reporting_to(campaign, unit)
    if line is None or not below:
        raise InputError(f"Không có đơn vị nào báo cáo cho {unit.full_name} trong chiến dịch {campaign.id}: "
                         "bỏ --don-vi để tổng hợp ở tỉnh.")
    name = slug(unit.full_name)
    targets = [out_dir / STATUS_FILE.format(slug=name), out_dir / LIST_FILE.format(slug=name),
               out_dir / REPORT_FILE.format(slug=name)]
    for path in targets:
        check_free(path, overwrite)
    submissions, unusable = read_all(folder, campaign, set(targets))
    own = [s for s in submissions if s.reporting_unit == unit]
    summary = summarize(campaign, [s for s in submissions if s.reporting_unit != unit], unusable, root=unit)
    compiled = compile_submission(campaign, unit, own[-1] if own else None,
                                  [r.submission for r in summary.rows if r.submission is not None], folder)
    report, _, _ = render_submission(compiled, campaign)
    written = (
        write_bytes(targets[0], workbook_bytes(summary), overwrite),
        write_bytes(targets[1], list_bytes(campaign, compiled), overwrite),
        write_bytes(targets[2], report, overwrite),
    )
    return TongHopResult(summary, written, check_written(written), compiled=compiled)


def compile_submission(campaign: Campaign, unit: Unit, own: Submission | None, sent: list[Submission],
                       folder: Path) -> Submission:
    """Return `unit`'s submission checked as one list: its own file's rows (but those of a unit that sent its
    own file), then each sent file's rows, under its own facts."""
    from docgen.checks import check_source

    senders = {s.reporting_unit for s in sent}
    taken = {r.location for r in own.records if r.unit in senders} if own is not None else set()
    rows = [row for row in own.source.table.rows if row.location not in taken] if own is not None else []
    for sub in sent:
        group = campaign.levels.index(campaign.level_at(sub.reporting_unit.level))
        rows += [replace(row, group=group, group_label="") for row in sub.source.table.rows]
    if own is not None:
        source = replace(own.source, table=replace(own.source.table, rows=tuple(rows)),
                         notes=own.source.notes + tuple(n for s in sent for n in s.source.notes))
    else:
        where = Location(str(folder))
        source = Source(str(folder), RawTable(where, "", tuple(rows)), Facts(don_vi=unit.full_name),
                        notes=tuple(n for s in sent for n in s.source.notes))
    return check_source(source, campaign)


def list_bytes(campaign: Campaign, sub: Submission) -> bytes:
    """Return the unit's own workbook (the form of `bieu-mau`) with every record's values filled in."""
    import io

    from docgen.workbooks import filled_workbook

    buf = io.BytesIO()
    filled_workbook(campaign, sub).save(buf)
    return buf.getvalue()
