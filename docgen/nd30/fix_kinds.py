"""Fixes of the parts only some kinds have: a decision's authority and "QUYẾT ĐỊNH:" lines and articles (QD-01…
QD-03), a công điện's "… điện:" line (CD-01), a biên bản's signers (BB-01)."""

from __future__ import annotations

from docgen.nd30.check_body import _is_heading
from docgen.nd30.check_kinds import ARTICLE_LABEL, label_span, signer_columns
from docgen.nd30.describe import TOL_MM, norm
from docgen.nd30.fix_tools import FixLog, conform, current_text, format_paragraph, set_text
from docgen.ooxml.edit import set_span_format
from docgen.nd30.layout import Parts
from docgen.nd30.layout_kinds import DECIDING
from docgen.nd30.roles import AUTHORITY_LINE, DECIDES, MINUTES_SIGNER, MINUTES_TITLE, TELEGRAM
from docgen.nd30.typography import article_label, upper
from docgen.ooxml import Length


def fix_kinds(parts: Parts, found: set[str], log: FixLog) -> None:
    """Fix the kind-specific rules that were found (QD-01…QD-03, CD-01, BB-01)."""
    lay = parts.layout
    if lay.kind.code in DECIDING:
        if "QD-01" in found and lay.authority is not None:
            conform(lay.authority, AUTHORITY_LINE, log)
        if "QD-02" in found and lay.decides is not None:
            word = DECIDING[lay.kind.code]
            set_text(lay.decides, f"{word}:" if norm(lay.decides.text).rstrip(": ").upper() == word
                     else upper(current_text(lay.decides)), "QD-02", log)
            conform(lay.decides, DECIDES, log)
        if "QD-03" in found:
            for p in lay.articles:
                _article(p, log)
    if "CD-01" in found and lay.telegram is not None:
        t = current_text(lay.telegram)
        if norm(t).rstrip(" :").endswith("điện") and not norm(t).endswith("điện:"):
            set_text(lay.telegram, t.rstrip(" :") + ":", "CD-01", log)
        conform(lay.telegram, TELEGRAM, log)
    if "BB-01" in found and lay.minutes_signers is not None:
        for title, name in signer_columns(lay.minutes_signers):
            conform(title, MINUTES_TITLE, log)
            if name is not None:
                conform(name, MINUTES_SIGNER, log)


def _article(p, log: FixLog) -> None:
    if set_text(p, article_label(current_text(p)), "QD-03", log):
        return  # its runs are read anew in the next round
    m = ARTICLE_LABEL.match(current_text(p).lstrip())
    if m is None:
        return
    label = label_span(p)
    lead = len(current_text(p)) - len(current_text(p).lstrip())
    end = lead + len(m.group(0).rstrip())
    if label.runs and (not all(r.format.bold for r in label.runs) or any(r.format.italic for r in label.runs)):
        log.claim(p, "bold:part", False, True, "QD-03")
        set_span_format(p.element, lead, end, bold=True, italic=False)
        log.add("QD-03", p, f"«{m.group(0).strip()}» đậm, đứng")
    first = p.format.first_line.mm
    if _is_heading(p) and not any(abs(first - v) <= TOL_MM for v in (10.0, 12.7)) \
            and format_paragraph(p, "QD-03", log, first_line=Length(int(12.7 * 36000))):
        log.add("QD-03", p, "lùi đầu dòng 1,27 cm")
