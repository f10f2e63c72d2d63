"""Checks: raw rows → normalised records, problems with rule IDs, and the figures a report quotes."""

from docgen.checks.rules import RULES, SEVERITY_WORDS, Rule
from docgen.checks.run import check_source

__all__ = ["check_source", "RULES", "SEVERITY_WORDS", "Rule"]
