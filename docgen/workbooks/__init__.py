"""Collection workbooks: one .xlsx per reporting unit, laid out like the Phụ lục form.

`write_workbooks` is what `docgen.api.bieu_mau` calls; `plan` decides what each
workbook holds, `sheets` lays it out with openpyxl, `files` writes it safely.
"""

from __future__ import annotations

from pathlib import Path

from docgen.campaigns.campaign import Campaign
from docgen.workbooks.filled import filled_workbook
from docgen.workbooks.files import file_name, write_all
from docgen.workbooks.plan import owners, plan_for, select_owner
from docgen.workbooks.sheets import build

__all__ = ["filled_workbook", "write_workbooks"]


def write_workbooks(campaign: Campaign, out_dir: Path, don_vi: str | None = None, ghi_de: bool = False,
                    cap: str | None = None, thuoc: str | None = None) -> list[Path]:
    """Return the paths of the workbooks written for `campaign` into `out_dir`.

    One per reporting unit of the levels that report to the province (districts in
    2022, the 45 communes of the two-level 2026 review), or of level `cap` ("xa"),
    only those under the unit named `thuoc` when given; `don_vi` selects one unit by
    name. Nothing is written when a file exists and `ghi_de` is false (InputError naming the files).
    """
    chosen = [select_owner(campaign, don_vi, cap)] if don_vi else owners(campaign, cap, thuoc)
    jobs = []
    for owner in chosen:
        plan = plan_for(campaign, owner)
        jobs.append((Path(out_dir) / file_name(owner), build(plan, campaign)))
    return write_all(jobs, ghi_de)
