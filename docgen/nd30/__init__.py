"""ND30 format checker: does a .docx follow Nghị định 30/2020/NĐ-CP (spec/nd30.md)?

`check_file(path)` returns the Findings (rule ID, level, Vietnamese message,
where). Rules and their levels are in `rules.py`; parts of the document are found
in `layout.py`; the checks are grouped by part in `check_*.py`. `repair_bytes`
(`docgen the-thuc --sua`) fixes what a program may safely fix (`fix_*.py`, text
edits only from `typography.py`) and checks the corrected copy again.
"""

from docgen.nd30.checker import Report, check_document, check_file, inspect_bytes, inspect_file
from docgen.nd30.fixer import Repair, repair_bytes
from docgen.nd30.rules import RULES, Finding, Level

__all__ = ["check_file", "check_document", "inspect_file", "inspect_bytes", "Report", "Finding", "Level", "RULES",
           "Repair", "repair_bytes"]
