"""What the commands print: the Vietnamese text a clerk reads on the console.

Formatting only. The results come from `docgen.api`; the exit code is picked by `docgen.cli`.
Library modules are imported inside the functions so that `docgen --help` starts at once.
"""

from __future__ import annotations

import codecs
import json
import sys
from pathlib import Path

from docgen.vntext import shown  # names may hold newlines or bytes that are not UTF-8

ND30_CLEAN = "Thể thức (NĐ 30/2020): không có lỗi"


def use_utf8() -> None:
    """Switch stdout and stderr to UTF-8, so a Vietnamese Windows console (cp1258/cp437) loses no message.

    A file name's bytes that are not UTF-8 are shown as U+FFFD (never written raw, which would break JSON).
    """
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="docgen-shown")


def _shown_error(error: UnicodeError):
    """Return U+FFFD in UTF-8 for each character the stream cannot encode (a str would have to be ASCII)."""
    return "\ufffd".encode("utf-8") * (error.end - error.start), error.end


codecs.register_error("docgen-shown", _shown_error)


def print_json(data) -> None:
    """Print `data` as indented JSON, Vietnamese letters kept as they are (written piece by piece, never whole).

    A `Streamed` list inside is made item by item as it is written.
    """
    _write_json(data, sys.stdout, 0)
    print()


class Streamed:
    """A list for `print_json` whose items are made only when written (a file of 100,000 rows is never whole)."""

    def __init__(self, items):
        self.items = items


def _write_json(value, out, level: int) -> None:
    pad, inner = "  " * level, "  " * (level + 1)
    if isinstance(value, dict) and any(isinstance(v, (dict, Streamed)) for v in value.values()):
        out.write("{")
        for i, (key, item) in enumerate(value.items()):
            out.write(("," if i else "") + "\n" + inner + json.dumps(key, ensure_ascii=False) + ": ")
            _write_json(item, out, level + 1)
        out.write("\n" + pad + "}" if value else "}")
    elif isinstance(value, Streamed):
        out.write("[")
        empty = True
        for i, item in enumerate(value.items):
            out.write(("," if i else "") + "\n" + inner)
            _write_json(item, out, level + 1)
            empty = False
        out.write("]" if empty else "\n" + pad + "]")
    else:
        text = json.dumps(value, ensure_ascii=False, indent=2)
        out.write(text.replace("\n", "\n" + pad) if level else text)


def progress_bar():
    """Return a progress callback drawing a text bar on stderr (nothing for a single file)."""
    tty = sys.stderr.isatty()

    def show(done: int, total: int, name: str) -> None:
        if total < 2:
            return
        width = 24
        filled = width * done // total
        line = f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name}"
        if tty:
            print(f"\r{line[:78]:<78}", end="" if done < total else "\n", file=sys.stderr, flush=True)
        elif done < total:
            print(line, file=sys.stderr)

    return show


def print_written(paths, checks=(), *, listed: bool = False) -> None:
    """Print the files written, then the ND30 check of each .docx and, when one fails, why the exit code is 1.

    `listed` prints a heading «Đã ghi:» over an indented list instead of one «Đã ghi <tệp>» line per file.
    """
    if listed:
        print("Đã ghi:")
    for path in paths:
        print(f"  {shown(str(path))}" if listed else f"Đã ghi {shown(str(path))}")
    print_nd30(checks)
    print_nd30_total(checks)


def print_nd30(checks) -> None:
    """Print the ND30 check of each written .docx under it: one clean line, or the `docgen the-thuc` findings."""
    for c in checks:
        if c.clean:
            print(f"  {ND30_CLEAN}" + (f" ({c.path.name})" if len(checks) > 1 else ""))
        else:
            print("  Thể thức (NĐ 30/2020): ", end="")
            print_format_check(c)  # the same wording as `docgen the-thuc`: rule ID, place, message


def print_nd30_total(checks) -> None:
    """Print, when a written document breaks a MUST rule of ND30, why the exit code is 1."""
    from docgen.jobs.nd30_check import not_ready

    bad = [c for c in checks if not_ready([c])]
    if bad:
        print(f"Thể thức: {len(bad)} văn bản có lỗi theo NĐ 30/2020 nên chưa trình ký được; tệp đã ghi vẫn giữ "
              "nguyên. Sửa mẫu văn bản (.docx) rồi soạn lại, hoặc sửa trực tiếp tệp trong Word.")


def print_format_check(r) -> None:
    """Print the ND30 findings of one file: unreadable, clean, or each finding with its rule and place."""
    if r.error:
        print(f"{shown(str(r.path))}: {'không ghi được bản sửa' if getattr(r, 'unwritten', False) else 'không đọc được'}: "
              f"{r.error}")
        return
    if not r.errors and not r.warnings:
        print(f"{shown(str(r.path))} ({r.kind}): đúng thể thức ND30, không có lỗi.")
    else:
        print(f"{shown(str(r.path))} ({r.kind}): {len(r.errors)} lỗi, {len(r.warnings)} cảnh báo")
    for f in r.findings:
        print(f"  {f.level.label} {f.rule} · {f.where}")
        print(f"      {f.message}")


# --- kiem-tra ---


def print_kiem_tra(res, as_json: bool = False) -> None:
    """Print the result of `kiem_tra`: readable text line by line, or JSON with the unusable files on stderr."""
    if hasattr(res, "campaign"):   # a campaign's own form (FormCheckResult; a page list's result has campaign_id)
        print_form_check(res, as_json)
        return
    if not as_json:
        for line in kiem_tra_lines(res):
            print(line)
        if res.returned:
            print("\n" + returned_text(res.returned))
        return
    print_json(res.to_dict(sequence=Streamed))
    for u in res.unusable:
        print(f"Lỗi: {shown(u.path)}: {u.message}", file=sys.stderr)
    for r in res.returned:
        if r.error:
            print(f"Lỗi: {shown(r.path)}: không trả lại được: {r.error}", file=sys.stderr)


def returned_text(returned) -> str:
    """Return what `kiem-tra --tra-lai` wrote for each input, or why it wrote nothing."""
    folders = {str(Path(f).parent) for r in returned for f in r.files}
    lines = [f"Trả lại cho đơn vị{f' (thư mục {folders.pop()})' if len(folders) == 1 else ''}:"]
    for r in returned:
        name = shown(Path(r.path).name)
        if r.error:
            lines.append(f"  {name}: không trả lại được: {r.error}")
            continue
        parts = [f"{Path(r.files[0]).name} ({f'{r.problems} vấn đề' if r.problems else 'không có vấn đề'})"]
        if len(r.files) > 1:
            parts.append(f"{Path(r.files[1]).name} ({r.changes} ô đã chuẩn hóa)")
        elif r.problems:
            parts.append("không có giá trị nào để chuẩn hóa")
        lines.append(f"  {name} → {', '.join(parts)}")
    written = sum(len(r.files) for r in returned)
    refused = sum(1 for r in returned if r.error)
    lines.append(f"Đã ghi {written} tệp" + (f"; {refused} tệp không trả lại được." if refused else "."))
    return "\n".join(lines)


def kiem_tra_text(res) -> str:
    """Return the readable report of `kiem_tra`: problems grouped by file, then the figures."""
    return "\n".join(kiem_tra_lines(res))


def kiem_tra_lines(res):
    """Yield the lines of the readable report of `kiem_tra` (a file of 100,000 rows is never held as one text)."""
    from docgen.checks import SEVERITY_WORDS
    from docgen.checks.figures import describe
    from docgen.checks.rules import todo_line

    yield f"Chiến dịch: {res.campaign_id}"
    for sub in res.submissions:
        unit = sub.reporting_unit.full_name if sub.reporting_unit else "(không rõ đơn vị)"
        errors = len(sub.errors)
        yield ""
        yield (f"== {shown(sub.source.path)} — {unit}: {len(sub.records)} dòng, {errors} lỗi, "
               f"{len(sub.problems) - errors} cảnh báo")
        width = max([len("Vị trí"), *(len(_place(p)) for p in sub.problems)])
        if sub.problems:
            yield f"  {'Quy tắc':<7}  {'Mức':<8}  {'Vị trí':<{width}}  Nội dung"
        for p in sub.problems:
            yield f"  {p.rule:<7}  {SEVERITY_WORDS[p.severity]:<8}  {_place(p):<{width}}  {p.message}"
            todo = todo_line(p.normalised, p.fix)   # docgen already changed the value: nothing to do, said so
            if todo:
                yield f"  {'':<7}  {'':<8}  {'':<{width}}  {todo}"
        yield "  Số liệu:"
        for f in sub.figures:
            yield f"    {describe(f, res.checked_under)}"
    if res.unusable:
        yield ""
        yield "Không dùng được:"
        for u in res.unusable:
            yield f"  {shown(u.path)}: {u.message}" + (
                f" ({u.location})" if u.location and u.location != Path(u.path).name else "")
    yield ""
    yield (f"Tổng cộng: {len(res.submissions)} tệp đã kiểm tra, {res.error_count} lỗi, {res.warning_count} cảnh báo"
           + (f"; {len(res.unusable)} tệp không dùng được." if res.unusable else "."))


def _place(p) -> str:
    """Return where a problem is, as the text report shows it: sheet › cell, else the file."""
    return " › ".join(shown(x) for x in (p.location.sheet, p.location.cell) if x) or shown(p.location.file)


# --- bao-cao ---


def _where_said(w) -> str:
    """Return where a report's problems are said (`where_said`); what the report does not list, `kiem-tra` shows."""
    from docgen.jobs.bao_cao import where_said

    fixed = sum(1 for p in w.problems if getattr(p, "normalised", False))
    said = where_said(len(w.problems), fixed, w.listed_in_report)
    if said and fixed < len(w.problems):
        return said
    return "; ".join(s for s in (said, "xem bằng docgen kiem-tra") if s)


def print_bao_cao(res) -> None:
    """Print what `bao_cao` wrote and refused, in Vietnamese."""
    from docgen.aggregate.status import severity_counts

    for w in res.written:
        errors, warnings = severity_counts(w.problems)
        note = f" — {errors} lỗi, {warnings} cảnh báo ({_where_said(w)})" if w.problems else ""
        print(f"{w.unit}: {', '.join(shown(str(f)) for f in w.files)}{note}")
        for n in w.notes:
            print(f"  Lưu ý: {n.location}: {n.message}")
        print_nd30(w.format_checks)
        print(draft_line(w.draft) if w.draft else "  Bản trình ký (có số, ngày theo trang Thông tin).")
    for r in res.refused:
        print(f"Không soạn: {shown(str(r.source))}: {r.message}", file=sys.stderr)
        for e in r.errors:
            print(f"  [{e.rule}] {e.location}: {e.message}", file=sys.stderr)
    if res.pdf_error:
        print(f"Lỗi PDF: {res.pdf_error}", file=sys.stderr)
    refused = f"; không soạn {len(res.refused)} tệp" if res.refused else ""   # "không soạn 0 tệp" reads as a fault
    print(f"Đã ghi {len(res.written)} báo cáo{refused}.")
    print_nd30_total([c for w in res.written for c in w.format_checks])


# --- mau ---


def print_template_findings(findings, name: str) -> None:
    """Print the template checker's findings with their fixes, then how many; or that template `name` is clean."""
    for f in findings:
        print(f"{f.location}: [{f.rule}] {f.message}")
        if f.fix:
            print(f"    Cách sửa: {f.fix}")
    print(f"{len(findings)} lỗi trong mẫu." if findings else f"{shown(name)}: mẫu không có lỗi.")


# --- the-thuc ---


def print_the_thuc(results, as_json: bool = False, html=None) -> None:
    """Print the ND30 check (or, with --sua, the fixes) of each file and a count line when there are several.

    With `as_json` all of it is printed as JSON instead. `html` is the report written, named at the end.
    """
    if as_json:
        print_json([r.to_dict() for r in results])
        return
    for r in results:
        if r.fixed is not None:
            print_repair(r)
        else:
            print_format_check(r)
        if getattr(r, "named", 1) > 1:
            done = "sửa" if r.fixed is not None else "kiểm tra"
            print(f"  Tệp này được nêu {r.named} lần trong lệnh; chỉ {done} một lần.")
    if len(results) > 1:
        bad = sum(1 for r in results if r.errors)
        unread = sum(1 for r in results if r.error and not getattr(r, "unwritten", False))
        unwritten = sum(1 for r in results if getattr(r, "unwritten", False))
        fixed = sum(1 for r in results if r.fixed is not None)
        drafts = sum(1 for r in results if any(f.rule == "DF-02" for f in r.findings))
        checked = (f"{len(results)} tệp: {len(results) - bad - unread - unwritten} đúng thể thức, {bad} có lỗi, "
                   f"{unread} không đọc được" + (f", {unwritten} không ghi được bản sửa" if unwritten else "")
                   + (f"; {drafts} bản dự thảo (DF-02)." if drafts else "."))
        print(f"Đã sửa {fixed} tệp; đã kiểm tra {checked}" if fixed else f"Đã kiểm tra {checked}")
    if html:
        print(f"Báo cáo HTML: {html}")


def print_repair(r) -> None:
    """Print what `--sua` changed in one file, where the corrected copy is, and what is left for a person."""
    print(f"{r.path} ({r.kind}): đã sửa {len(r.changes)} chỗ; bản đã sửa: {r.fixed}")
    for c in r.changes:
        print(f"  đã sửa {c.rule} · {c.where}")
        print(f"      {c.message}")
    if getattr(r, "stopped", ""):
        print(f"  Chú ý: {r.stopped}.")
    if not r.findings:
        print("  Bản đã sửa đúng thể thức ND30, không còn lỗi.")
        return
    print(f"  Còn {len(r.errors)} lỗi, {len(r.warnings)} cảnh báo cần người soạn sửa trong Word:")
    for f in r.findings:
        print(f"  {f.level.label} {f.rule} · {f.where}")
        print(f"      {f.message}")


def print_usage_error(message: str) -> None:
    """Print a usage mistake the way `cli.main` prints a library error."""
    print(f"Lỗi: {message}", file=sys.stderr)


# --- tong-hop ---


def print_form_check(res, as_json: bool = False) -> None:
    """Print what `kiem_tra` found in the files of a campaign with its own form: each problem by rule and cell."""
    from docgen.checks.rules import todo_line

    if as_json:
        print_json(res.to_dict())
        for u in res.unusable:
            print(f"Lỗi: {shown(u.path)}: {u.message}", file=sys.stderr)
        for r in res.returned:
            if r.error:
                print(f"Lỗi: {shown(r.path)}: không trả lại được: {r.error}", file=sys.stderr)
        return
    for sub in res.submissions:
        unit = sub.reporting_unit.full_name if sub.reporting_unit else "không rõ đơn vị"
        print(f"{shown(sub.path)} ({unit}): {len(sub.rows)} dòng, "
              f"{len(sub.errors)} lỗi, {len(sub.problems) - len(sub.errors)} cảnh báo")
        for p in sub.problems:
            todo = todo_line(p.normalised, p.fix)
            print(f"  [{p.rule}] {p.location}: {p.message}" + (f" {todo}" if todo else ""))
    for u in res.unusable:
        print(f"Lỗi: {shown(u.path)}: {u.message}", file=sys.stderr)
    print(f"Đã kiểm tra {len(res.submissions)} tệp; không đọc được {len(res.unusable)} tệp.")
    if res.returned:
        print("\n" + returned_text(res.returned))


def print_form_summary(result) -> None:
    """Print a form campaign's summary: its figures, the units not reported, the files written."""
    print(f"Đã báo cáo {result.figures['so_da_bao_cao']}/{result.figures['so_don_vi']} đơn vị."
          + (f" Chưa báo cáo: {', '.join(result.missing)}." if result.missing else ""))
    for key, text in result.figures.items():
        if key not in ("so_da_bao_cao", "so_don_vi", "chua_bao_cao"):
            print(f"  {result.titles[key]}: {text}")
    for p in result.problems:
        print(f"  [{p.rule}] {p.location}: {p.message}")
    for u in result.unusable:
        print(f"Lỗi: {shown(u.path)}: {u.message}", file=sys.stderr)
    print_written(result.written, result.format_checks, listed=True)
    if result.reminder is not None:
        print(reminder_text(result.reminder))


def draft_line(reason: str) -> str:
    """Return the console line of a report written as a draft: why, and what makes it the copy to sign."""
    if reason.startswith("dữ liệu còn"):
        return (f"  Bản dự thảo (dấu «DỰ THẢO», để trống số và ngày): {reason}. Sửa dữ liệu rồi chạy lại, hoặc thêm "
                "--ban-ky để soạn bản trình ký.")
    return f"  Bản dự thảo (để trống số, ngày): {reason}; ghi tên người ký thật, dùng chiến dịch thật để có bản trình ký."


def print_tong_hop(result) -> None:
    """Print the province's summary, the files written with their ND30 check, and whether it is a draft and why."""
    if hasattr(result, "figures"):   # a campaign's own form
        print_form_summary(result)
    else:
        print(tong_hop_text(result.summary))
        print_written(result.written, result.format_checks, listed=True)
        if result.reminder is not None:
            print(reminder_text(result.reminder))
        if getattr(result, "compiled", None) is not None:   # --don-vi: the unit's report says so itself
            return
    if result.draft:
        print(f"Báo cáo là bản dự thảo (dấu «DỰ THẢO», để trống số và ngày): {result.draft}. Thêm --ban-ky để soạn "
              "bản trình ký khi dữ liệu còn lỗi.")
    else:
        print("Báo cáo là bản trình ký (có số, ngày theo tệp Thông tin của tỉnh).")


def reminder_text(reminded) -> str:
    """Return what `tong-hop --don-doc` did: whom the reminder names and by when, or why it wrote nothing."""
    from docgen.aggregate.status import Status
    from docgen.values.formats import ngay_ngan

    if reminded.path is None:
        return "Công văn đôn đốc: mọi đơn vị đã báo cáo đúng hạn, không cần đôn đốc (không ghi tệp)."
    missing = [r.unit.full_name for r in reminded.units if r.status is Status.MISSING]
    late = [r.unit.full_name for r in reminded.units if r.status is Status.LATE]
    wrong = [f"{u.full_name} ({n} lỗi)" for u, n in getattr(reminded, "errors", ())]
    who = "; ".join(part for part in (f"chưa báo cáo: {', '.join(missing)}" if missing else "",
                                      f"trễ hạn: {', '.join(late)}" if late else "",
                                      f"số liệu còn lỗi: {', '.join(wrong)}" if wrong else "") if part)
    count = len({r.unit.code for r in reminded.units} | {u.code for u, _ in getattr(reminded, "errors", ())})
    return f"Công văn đôn đốc gửi {count} đơn vị ({who}); hạn mới {ngay_ngan(reminded.deadline)}."


def tong_hop_text(summary) -> str:
    """Return the per-unit status table and totals a clerk reads on the console."""
    from docgen.aggregate.status import Status, pct, severity_counts
    from docgen.values.formats import ngay_ngan
    from docgen.values.formats import phan_tram

    lv = summary.level
    lines = [
        f"Tổng hợp: {summary.campaign.title} — {summary.province.label}, {lv.title.lower()} "
        f"(hạn {ngay_ngan(lv.deadline)})",
        f"Đã nộp {summary.received}/{len(summary.rows)}: {summary.count(Status.ON_TIME)} đúng hạn, "
        f"{summary.count(Status.LATE)} trễ hạn, {summary.count(Status.UNDATED)} không rõ ngày, "
        f"{summary.count(Status.MISSING)} chưa nộp.",
        "",
    ]
    width = max(len(r.unit.full_name) for r in summary.rows) if summary.rows else 10
    for i, row in enumerate(summary.rows, start=1):
        date = ngay_ngan(row.date) if row.date else ""
        note = f" ({row.date_note})" if row.date_note else ""
        pages = "; ".join(f"{f.title.lower()} {f.with_page}/{f.expected} có Trang" for f in row.figures)
        pages = pages if row.submission else ""
        lines.append(f"{i:>3}. {row.unit.full_name:<{width}}  {row.status.label:<9} {date:<10}{note}  {pages}".rstrip())
    lines.append("")
    for f in summary.totals:
        share = pct(f.with_page, f.expected)
        lines.append(
            f"Toàn {summary.province.label}, {f.title.lower()}: {f.with_page}/{f.expected} có Trang"
            + (f" ({phan_tram(share / 100)})" if share is not None else "")
            + f"; {f.on_pattern}/{f.with_page} Trang tên đúng mẫu, {f.with_both}/{f.with_page} Trang đủ lãnh đạo và "
            "cán bộ vận hành."
        )
    errors, warnings = severity_counts(summary.all_problems)
    lines.append(f"Vấn đề: {errors} lỗi, {warnings} cảnh báo (xem trang tính «Vấn đề»).")
    for bad in summary.unusable:
        lines.append(f"Tệp không dùng được: {bad.path}: {bad.reason}")
    return "\n".join(lines)


# --- chien-dich ---


def print_new_campaign(folder) -> None:
    """Print where the new campaign is and what to edit next."""
    print(f"Đã tạo chiến dịch {Path(folder).name}: {shown(str(Path(folder) / 'chien-dich.toml'))}")
    print("Sửa tên, công văn và các ngày có ghi «# SỬA», rồi chạy: "
          f"docgen chien-dich kiem-tra {Path(folder).name}")


def print_campaign_outline(lines, findings) -> None:
    """Print a checked campaign's outline, then its own templates' findings (if any)."""
    for line in lines:
        print(line)
    for p in findings:
        print(f"  [{p.rule}] {p.location}: {p.message}", file=sys.stderr)
    print("Tệp chiến dịch không có lỗi." if not findings else f"Mẫu Word riêng của chiến dịch có {len(findings)} lỗi.")


def print_preview(result) -> None:
    """Print what `chien-dich xem-thu` wrote."""
    if result["cong_van"] is not None:
        print_written(result["cong_van"].written, result["cong_van"].format_checks, listed=True)
    print(f"Biểu mẫu trống: {len(result['bieu_mau'])} tệp, ví dụ {shown(str(result['bieu_mau'][0]))}")
    print(f"Dữ liệu tạo sẵn (không phải số liệu thật): {shown(str(result['du_lieu']))}")
    print_bao_cao(result["bao_cao"])
