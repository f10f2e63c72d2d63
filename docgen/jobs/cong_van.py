"""The `cong-van` job: a campaign's dispatch (+ blank Phụ lục) written to OUT/<campaign>/cong-van.docx.

The dispatch is rendered from the campaign file (`docgen.documents.cong_van`),
written atomically, converted to PDF on request, and checked against ND30
(`nd30_check`): findings are reported, the file stays as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docgen.jobs.nd30_check import FormatCheck, check_written, not_ready


@dataclass(frozen=True)
class CongVanResult:
    """What `cong_van` wrote: the files (.docx, then .pdf when asked) and the ND30 check of the .docx."""

    written: tuple[Path, ...]
    format_checks: tuple[FormatCheck, ...] = ()

    @property
    def exit_code(self) -> int:
        """Return 1 when the dispatch breaks a MUST rule of ND30 (not ready to sign), else 0."""
        return 1 if not_ready(self.format_checks) else 0


def run(campaign, out_dir: Path, overwrite: bool = False, pdf: bool = False) -> CongVanResult:
    """Return the result of writing the dispatch of `campaign` (a loaded Campaign) under `out_dir`."""
    from docgen.documents import cong_van as doc
    from docgen.documents import phu_luc
    from docgen.render.compose import compose
    from docgen.render.engine import render
    from docgen.output import check_free, slug, write_bytes

    context = doc.build_context(campaign)
    target = Path(out_dir) / slug(campaign.id, "chien-dich") / doc.OUTPUT_NAME
    check_free(target, overwrite)
    main = render(campaign.template(doc.TEMPLATE), context, doc.TEMPLATE)
    annex_name = doc.annex_template(campaign)
    annex = render(phu_luc.template(campaign, annex_name), context["phu_luc"], annex_name)   # declared columns
    written = [write_bytes(target, compose(main, annex).to_bytes(), overwrite)]
    checks = check_written(written)
    if pdf:
        from docgen.render.pdf import to_pdf

        for source, data in to_pdf(written[:1]).items():
            written.append(write_bytes(source.with_suffix(".pdf"), data, overwrite))
    return CongVanResult(tuple(written), checks)
