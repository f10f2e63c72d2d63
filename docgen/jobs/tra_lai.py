"""The `kiem-tra --tra-lai` job: each checked input returned to its unit, annotated, and normalised where docgen could.

For `<name>.xlsx|docx` it writes `<name>-ghi-chu.…` (the unit's own file, each
problem cell filled and noted, and the list «Vấn đề cần sửa») and, when docgen
normalised any value, `<name>-da-chuan-hoa.…` (only those values changed, each
with a note). A file that cannot be returned is reported; the others still are.
"""

from __future__ import annotations

import os
from pathlib import Path

from docgen.campaigns.campaign import Campaign
from docgen.checks.result import Returned
from docgen.errors import DocgenError, InputError, Location
from docgen.ooxml import PackageError
from docgen.output import derived_name
from docgen.records.model import Submission
from docgen.vntext import shown

ANNOTATED = "ghi-chu"
NORMALISED = "da-chuan-hoa"


def returned_names(source: Path, taken: set[str] | None = None) -> tuple[str, str]:
    """Return the file names (annotated, normalised) for an input, unique among `taken` (which is updated).

    >>> returned_names(Path("a/Mường Nhé.XLSX"))
    ('Mường Nhé-ghi-chu.xlsx', 'Mường Nhé-da-chuan-hoa.xlsx')
    >>> seen = {"x-ghi-chu.docx"}
    >>> returned_names(Path("b/x.docx"), seen)[0], sorted(seen)[0]
    ('x-2-ghi-chu.docx', 'x-2-da-chuan-hoa.docx')
    """
    suffix = source.suffix.lower()
    stem, n = source.stem, 1
    taken = set() if taken is None else taken
    while True:
        base = stem if n == 1 else f"{stem}-{n}"
        names = (derived_name(base, f"-{ANNOTATED}{suffix}"), derived_name(base, f"-{NORMALISED}{suffix}"))
        if not any(x.casefold() in {t.casefold() for t in taken} for x in names):
            taken.update(names)
            return names
        n += 1


def returned_bytes(sub: Submission, campaign: Campaign, names: tuple[str, str]) -> tuple[bytes, bytes | None, int]:
    """Return (annotated copy, normalised copy or None when nothing was normalised, number of changes).

    Raises InputError when the file cannot be marked (a part docgen cannot edit).
    """
    from docgen.returns.marks import plan_return

    levels = {lv.depth: lv.title for lv in campaign.levels}
    unit = sub.reporting_unit.full_name if sub.reporting_unit else "không rõ đơn vị"
    return _write(Path(sub.source.path), plan_return(sub, levels, names[1]), unit)


def form_returned_bytes(sub, names: tuple[str, str]) -> tuple[bytes, bytes | None, int]:
    """Return `returned_bytes` of a form campaign's checked file (`checks.form_check.FormSubmission`)."""
    from docgen.returns.form_marks import plan_form_return

    unit = sub.reporting_unit.full_name if sub.reporting_unit else "không rõ đơn vị"
    return _write(Path(sub.source), plan_form_return(sub, names[1]), unit)


def _write(path: Path, plan, unit: str) -> tuple[bytes, bytes | None, int]:
    """Return the annotated and normalised copies of the file at `path` laid out from `plan` (see returned_bytes)."""
    from docgen.readers import sniff
    from docgen.returns import docx, xlsx

    annotate, normalise = {"xlsx": (xlsx.annotated_workbook, xlsx.normalised_workbook),
                           "docx": (docx.annotated_document, docx.normalised_document)}[sniff.kind(path)]
    data = path.read_bytes()
    try:
        annotated = annotate(data, plan, f"{shown(path.name)} — {unit}")
        normalised = normalise(data, plan) if plan.changes else None
    except PackageError as exc:
        raise InputError(f"Không ghi chú được vào tệp này: một phần của tệp docgen không sửa được ({exc.detail}). "
                         "Mở tệp bằng Excel/Word, lưu lại rồi chạy lại.", Location(path.name)) from None
    return annotated, normalised, len(plan.changes)


def check_folder(out_dir: Path, inputs: list[Path]) -> None:
    """Raise InputError when the folder for returned files is one the inputs are read from.

    Returned copies there would be read again as submissions the next time.
    """
    out = Path(os.path.realpath(out_dir))
    for path in inputs:
        real = Path(os.path.realpath(path))   # realpath, not resolve: a looping shortcut is no error here
        folder = real if path.is_dir() else real.parent
        if folder == out:
            raise InputError("Thư mục trả lại (--tra-lai) phải khác thư mục chứa tệp của các đơn vị: các bản ghi chú "
                             "để cùng chỗ sẽ bị đọc lại như báo cáo ở lần kiểm tra sau.", Location(str(out_dir)))


def return_all(submissions, campaign: Campaign, out_dir: Path, overwrite: bool = False) -> tuple[Returned, ...]:
    """Return what was written for each submission into `out_dir` (or why not), in input order."""
    return _return_each([(Path(sub.source.path), len(sub.problems),
                          lambda names, sub=sub: returned_bytes(sub, campaign, names)) for sub in submissions],
                        out_dir, overwrite)


def return_forms(submissions, out_dir: Path, overwrite: bool = False) -> tuple[Returned, ...]:
    """Return `return_all` of a form campaign's checked files (`FormSubmission`s read from their `source`)."""
    return _return_each([(Path(sub.source), len(sub.problems), lambda names, sub=sub: form_returned_bytes(sub, names))
                         for sub in submissions], out_dir, overwrite)


def _return_each(items, out_dir: Path, overwrite: bool) -> tuple[Returned, ...]:
    """Write each (source path, number of problems, make(names) → copies) into `out_dir`; a failure is reported."""
    from docgen.output import check_free, write_bytes

    taken: set[str] = set()
    out = []
    for source, problems, make in items:
        names = returned_names(source, taken)
        targets = tuple(out_dir / n for n in names)
        try:
            annotated, normalised, changes = make(names)
            check_free(targets[0], overwrite)
            if normalised is not None:
                check_free(targets[1], overwrite)
            written = [write_bytes(targets[0], annotated, overwrite)]
            if normalised is not None:
                written.append(write_bytes(targets[1], normalised, overwrite))
        except (DocgenError, OSError) as exc:
            message = exc.message if isinstance(exc, DocgenError) else f"Không đọc được tệp: {exc.strerror}."
            out.append(Returned(str(source), (), problems, 0, message))
            continue
        out.append(Returned(str(source), tuple(str(p) for p in written), problems, changes))
    return tuple(out)
