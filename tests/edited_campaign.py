"""A campaign folder whose clerk edited its own template so that it breaks one ND30 rule (built in code).

`edited_campaign(folder, rule)` copies the 2022 campaign file and saves beside it
the shipped templates/cong_van.docx after one change: FN-01 (the body font,
style Normal, set to Arial) or PG-07 (left margin 25 mm instead of 30–35 mm).
`Campaign.template` then picks the folder's own template for every document.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
from docx.shared import Mm

from docgen.campaigns.campaign import CAMPAIGNS_DIR, DEFAULT_CAMPAIGN, FILE_NAME
from docgen.records.units import DATA_DIR

SHIPPED = DATA_DIR.parent / "templates" / "cong_van.docx"


def _arial(document) -> None:
    document.styles["Normal"].font.name = "Arial"


def _narrow_left_margin(document) -> None:
    for section in document.sections:
        section.left_margin = Mm(25)


CHANGES = {"FN-01": _arial, "PG-07": _narrow_left_margin}
# What `docgen the-thuc` says about each change (the message of its first finding).
FOUND = {"FN-01": "Phông chữ: phông Arial; yêu cầu: Times New Roman.", "PG-07": "Lề trái: 25 mm; yêu cầu: 30–35 mm."}


def edited_campaign(folder: Path, rule: str, campaign: str = DEFAULT_CAMPAIGN) -> Path:
    """Return `folder`, a copy of `campaign` with its own cong_van.docx that breaks `rule` ("FN-01", "PG-07")."""
    folder.mkdir(parents=True)
    shutil.copyfile(CAMPAIGNS_DIR / campaign / FILE_NAME, folder / FILE_NAME)
    template = docx.Document(str(SHIPPED))
    CHANGES[rule](template)
    template.save(str(folder / "cong_van.docx"))
    return folder
