"""The province's view: who reported, on time or not, the totals, and the .xlsx summary."""

from docgen.aggregate.status import DateSource, Status, Summary, UnitStatus, Unusable, pct, summarize

__all__ = ["DateSource", "Status", "Summary", "UnitStatus", "Unusable", "pct", "summarize"]
