"""A trial render of a template with stand-in data, for `mau kiem-tra`: what only running shows (MAU-08).

The static checks of `render.lint` see the constructs the sandbox refuses; a
value built too long, loops of too many turns or a macro calling itself only
show when the template runs. So the checker renders it once, with the
renderer's own limits, on data that answers every question with nothing.
"""

from __future__ import annotations

from pathlib import Path

from docgen.errors import Location, TemplateError
from docgen.records.model import Problem


class _StandIn:
    """Any value a template may ask for in a trial render: every attribute and item is itself, loops are empty."""

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return self

    def __getitem__(self, key):
        return self

    def __iter__(self):
        return iter(())

    def __len__(self) -> int:
        return 0

    def __str__(self) -> str:
        return ""


def trial_render(path: Path, names: set[str]) -> list[Problem]:
    """Return MAU-08 when rendering the template once with stand-in data breaks the sandbox's limits.

    The static checks cannot see what only running shows (`'x' * 400000000`,
    two nested loops of 100,000 turns, a macro calling itself); a trial render
    does, with the renderer's own limits. Errors that come from the stand-in
    data itself are not the template's fault and are not reported.
    """
    from jinja2.sandbox import SecurityError

    from docgen.render.engine import render
    from docgen.render.lint import rule_finding

    stand_in = _StandIn()
    try:
        render(path, {name.split(".")[0].split("[")[0]: stand_in for name in names}, path.name)
    except TemplateError as exc:
        cause = exc.__cause__
        if isinstance(cause, (SecurityError, RecursionError)):
            detail = str(cause) if isinstance(cause, SecurityError) else "macro hay vòng lặp gọi lồng nhau quá sâu"
            return [rule_finding("MAU-08", Location(path.name, "thân văn bản"), "", detail=detail)]
    return []
