"""The reminder dispatch (công văn đôn đốc): from the province to the units that have not reported or reported late.

Its frame (header, symbol, place, signer) is the campaign's own dispatch; its
sentences are the campaign's `[don_doc]` (`campaigns.reminder`), filled with the
units the reminder goes to (`Behind`): from the province's summary of a page
campaign (`behind`), or from a form campaign's checked files (`jobs.form_jobs`),
which also names the units whose figures still have errors. Pure: units in,
template context out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from docgen.aggregate.status import Status, Summary, UnitStatus
from docgen.campaigns.campaign import Campaign, Level
from docgen.records.model import Unit
from docgen.campaigns.reminder import fill
from docgen.documents import frame
from docgen.documents.cong_van import dispatch_of
from docgen.values.formats import ngay_ngan

TEMPLATE = "cong_van.docx"
OUTPUT_NAME = "cong-van-don-doc.docx"
WANTED = (Status.MISSING, Status.LATE)


@dataclass(frozen=True)
class Behind:
    """The units a reminder goes to: not reported or late (`rows`), and reported with errors left (`errors`)."""

    campaign: Campaign
    level: Level                                  # the level that reports to the province
    rows: tuple[UnitStatus, ...]                  # MISSING or LATE (with its date), official order
    errors: tuple[tuple[Unit, int], ...] = ()     # (unit, errors) of a form campaign's files, official order

    def with_status(self, status: Status) -> list[UnitStatus]:
        return [r for r in self.rows if r.status is status]

    @property
    def units(self) -> list[Unit]:
        """Return every unit named, once, in official order."""
        named = [r.unit for r in self.rows] + [u for u, _ in self.errors]
        unique = {u.code: u for u in named}
        order = {u.code: i for i, u in enumerate(self.campaign.units.descendants(self.campaign.province))}
        return sorted(unique.values(), key=lambda u: order.get(u.code, len(order)))


def behind(summary: Summary) -> Behind:
    """Return the units a page campaign's summary reminds: not reported or reported late."""
    return Behind(summary.campaign, summary.level, tuple(summary.with_status(*WANTED)))


def addressees(summary: Summary | Behind) -> list[UnitStatus]:
    """Return the units the reminder goes to: not reported or reported late, in official order."""
    if isinstance(summary, Behind):
        return [r for r in summary.rows if r.status in WANTED]
    return summary.with_status(*WANTED)


def _filed(*lists) -> str:
    """Return the drafting unit's code after "Lưu: VT," from the first list that has a "Lưu:" line ("" if none)."""
    for entries in lists:
        for entry in entries:
            if entry.casefold().startswith("lưu:"):
                return entry.split(":", 1)[1]
    return ""


def values(summary: Summary | Behind, new_deadline: dt.date) -> dict[str, str]:
    """Return what each placeholder of `campaigns.reminder.PLACEHOLDERS` stands for in this summary."""
    summary = summary if isinstance(summary, Behind) else behind(summary)
    d = dispatch_of(summary.campaign)
    missing = summary.with_status(Status.MISSING)
    late = summary.with_status(Status.LATE)
    number = f"{d.number}/{d.symbol}" if d.number else d.symbol
    return {
        "loai_van_ban": d.kind,
        "so_van_ban": number,
        "ngay_van_ban": ngay_ngan(d.date),
        "trich_yeu": d.subject,
        "co_quan": d.issuer,
        "kinh_gui_goc": "; ".join(d.recipients),
        "cap": summary.level.title.lower(),
        "han": ngay_ngan(summary.level.deadline),
        "han_moi": ngay_ngan(new_deadline),
        "chua_bao_cao": ", ".join(r.unit.label for r in missing),
        "tre_han": "; ".join(f"{r.unit.label} (ngày {ngay_ngan(r.date)})" for r in late),
        "so_chua_bao_cao": str(len(missing)),
        "so_tre_han": str(len(late)),
        "con_loi": ", ".join(f"{u.label} ({n} lỗi)" for u, n in summary.errors),
        "so_con_loi": str(len(summary.errors)),
    }


def build_context(summary: Summary | Behind, new_deadline: dt.date) -> dict:
    """Return the template context (`frame.VARIABLES`) of the reminder to the units of `summary` (a `Behind`,
    or a page campaign's `Summary`: its units not reported or late).

    Raises CampaignError when the campaign has no dispatch to remind of.
    """
    summary = summary if isinstance(summary, Behind) else behind(summary)
    campaign = summary.campaign
    d, r = dispatch_of(campaign), campaign.reminder
    vals = values(summary, new_deadline)
    body = [frame.block("doan", "", fill(r.opening, vals))]
    if summary.with_status(Status.MISSING):
        body.append(frame.block("doan", "", fill(r.missing, vals)))
    if summary.with_status(Status.LATE):
        body.append(frame.block("doan", "", fill(r.late, vals)))
    if summary.errors:
        body.append(frame.block("doan", "", fill(r.errors, vals)))
    body.append(frame.block("doan", "", fill(r.closing, vals)))
    subject = fill(r.subject, vals)
    sign = r.signature or d.signature
    return {
        "loai_van_ban": "",
        "loai": d.kind,
        "co_quan_chu_quan": list(d.supervising),
        "co_quan_ban_hanh": list(d.issuing),
        "co_quan": d.issuer,
        **frame.number_and_date(r.number, r.symbol or d.symbol, r.date, (r.date or new_deadline).year, d.place),
        "trich_yeu": subject,
        "vv": f"V/v {subject}",
        "kinh_gui": frame.recipients([frame.issuer_name(unit) for unit in summary.units]),
        "du_thao": "",
        "noi_dung": frame.close_body(body),
        "can_cu": [],
        "noi_nhan": frame.cc_list(r.cc, _filed(r.cc, d.cc)),
        **frame.signature(sign.authority, sign.title, sign.name, summary.campaign.deputy_form),
    }
