"""Help for whoever writes a campaign: start from an old one, check the file, see the documents before sending.

`copy_campaign` copies a campaign folder under a new id with its dispatch number,
date and signer blanked and every date marked for editing; `outline` checks the
whole file (every key, every placeholder) and returns what it declares, in
Vietnamese; `preview` writes the dispatch, a blank workbook and a sample report
filled with generated data (marked as such) into a folder.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path

from docgen.campaigns.campaign import CAMPAIGNS_DIR, FILE_NAME, Campaign, check_campaign, resolve_folder
from docgen.campaigns.form import FIGURE_KINDS, line_of
from docgen.errors import CampaignError, Location
from docgen.output import OutputError

_ID = re.compile(r"^[a-z0-9][a-z0-9-]{2,60}$")
_DATE_LINE = re.compile(r"^(\s*[a-z_]+\s*=\s*)(\d{4})-(\d{2})-(\d{2})(.*)$")
MARK = "  # SỬA: ngày của đợt mới"


def copy_campaign(new_id: str, old: str | Path, parent: Path | None = None) -> Path:
    """Return the folder of a new campaign `new_id`, copied from `old` with number, date and signer blanked.

    The dispatch becomes a draft (`so = ""`, its date replaced by its year, `nguoi_ky = ""`); every
    other date keeps its value with a "# SỬA" mark at the end of its line. Raises CampaignError for an
    id that is not lower-case ASCII with dashes, an unknown old campaign, or a folder that exists.
    """
    if not _ID.match(new_id):
        raise CampaignError(f"Mã chiến dịch «{new_id}» chỉ gồm chữ thường không dấu, số và gạch ngang, "
                            "ví dụ 2027-ngay-hoi-dai-doan-ket.")
    source = resolve_folder(old)
    target = Path(parent or CAMPAIGNS_DIR) / new_id
    if target.exists():
        raise OutputError(f"Đã có thư mục «{target}»; chọn mã khác hoặc xóa thư mục đó.", Location(str(target)))
    shutil.copytree(source, target)
    file = target / FILE_NAME
    file.write_text(blanked(file.read_text(encoding="utf-8-sig"), new_id, source.name), encoding="utf-8")
    return target


def blanked(text: str, new_id: str, old_id: str = "") -> str:
    """Return the campaign file `text` for a new campaign: new id, draft dispatch, dates marked for editing.

    Comments that name the old campaign's id ("docgen chien-dich kiem-tra <old>") name the new one, so a
    command copied from the file's head runs on the copy, not on the campaign it came from.

    >>> print(blanked('id = "a"\\n[van_ban]\\nso = "215"\\nngay = 2026-03-02\\n[van_ban.ky]\\n'
    ...               'nguoi_ky = "Lò Văn A"\\n'
    ...               '[[cap]]\\nhan = 2026-03-31\\n', "b"), end="")
    id = "b"
    [van_ban]
    so = ""
    nam = 2026  # SỬA: năm của công văn mới (ngày ghi khi ban hành: ngay = NĂM-THÁNG-NGÀY)
    [van_ban.ky]
    nguoi_ky = ""
    [[cap]]
    han = 2026-03-31  # SỬA: ngày của đợt mới
    """
    out, table = [], ""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("["):
            table = stripped.strip("[]")
        key = stripped.split("=", 1)[0].strip() if "=" in stripped and not stripped.startswith("#") else ""
        date = _DATE_LINE.match(line)
        if old_id and stripped.startswith("#"):
            line = line.replace(old_id, new_id)
        if key == "id" and not table:
            line = f'id = "{new_id}"'
        elif table == "van_ban" and key == "so":
            line = 'so = ""'
        elif table == "van_ban" and key == "nam":
            continue
        elif table == "van_ban" and key == "ngay" and date:
            line = f"nam = {date.group(2)}  # SỬA: năm của công văn mới (ngày ghi khi ban hành: ngay = NĂM-THÁNG-NGÀY)"
        elif table == "van_ban.ky" and key == "nguoi_ky":
            line = 'nguoi_ky = ""'
        elif date and MARK not in line:
            line = line + MARK
        out.append(line)
    return "\n".join(out) + "\n"


@dataclass(frozen=True)
class Outline:
    campaign: Campaign
    lines: tuple[str, ...]


def outline(name: str | Path) -> Outline:
    """Return the campaign loaded and checked, with its outline.

    Raises CampaignError listing every mistake of the file (each with its key and line), not only the first.
    """
    campaign, mistakes = check_campaign(name)
    if len(mistakes) == 1:
        raise mistakes[0]
    if mistakes:
        listed = "\n".join(f"  {i}. {m}" for i, m in enumerate(mistakes, start=1))
        raise CampaignError(f"tệp chiến dịch có {len(mistakes)} lỗi:\n{listed}")
    file = campaign.folder / FILE_NAME
    _page_figures(campaign, file.read_text(encoding="utf-8-sig"), Location(str(file)))
    return Outline(campaign, tuple(_outline_lines(campaign)))


def _column_line(c: Campaign, col) -> str:
    """Return one outline line of a form column: key, header, kind and the rules it keeps."""
    from docgen.values.formats import ngay_ngan

    rieng = [lv.title for lv in c.levels if lv.staffing == "rieng"]
    required = f"bắt buộc ({', '.join(col.levels)})" if col.levels else "bắt buộc"
    rules = [w for w, on in ((required, col.required), ("không trùng", col.unique),
                             (f"≥ {col.minimum}", col.minimum is not None),
                             (f"≤ {col.maximum}", col.maximum is not None),
                             (f"≤ cột {col.not_above}", bool(col.not_above)),
                             (f"từ {ngay_ngan(col.first_day)}", col.first_day is not None),
                             (f"đến {ngay_ngan(col.last_day)}", col.last_day is not None),
                             (f"khác người ở cột {col.differs_from} ({', '.join(rieng) or 'không cấp nào'})",
                              bool(col.differs_from)),
                             ("cộng ở dòng Tổng cộng", col.summed)) if on]
    head = f"{col.group} – {col.header}" if col.group else col.header
    return f"  {{{col.key}}} «{head}»: {col.kind.name}" + (f"; {', '.join(rules)}" if rules else "")


def _page_figures(campaign: Campaign, text: str, where: Location) -> None:
    """Raise when a page campaign lacks a count its reports quote (checks.figures.ROLES: co_trang, dung_mau …)."""
    from docgen.checks.figures import ROLES

    if not campaign.pages:
        return
    counts = {f.key for f in campaign.figures if f.per_level and f.kind == "dem"}
    for key in ROLES.values():
        if key not in counts:
            line = line_of(text, "so_lieu", "[[so_lieu]]")
            spot = f"so_lieu (dòng {line})" if line else "so_lieu"
            raise CampaignError(f"«{spot}»: chiến dịch «Trang cộng đồng» cần số liệu «{key}» (loai = \"dem\", "
                                f"theo_cap = true); báo cáo và bảng tổng hợp dùng: {', '.join(ROLES.values())}.",
                                where.at(spot))


def _outline_lines(c: Campaign) -> list[str]:
    from docgen.values.formats import ngay_ngan

    lines = [f"Chiến dịch {c.id}: {c.title}", f"Danh mục {c.unit_list_name}, {c.province.full_name}"]
    for lv in c.levels:
        n = sum(1 for u in c.units.descendants(c.province) if u.level == lv.depth)
        lines.append(f"  Cấp «{lv.title}» (mã {lv.code}): {n} đơn vị, hạn {ngay_ngan(lv.deadline)}")
    kind = "danh sách Trang, " if c.pages else ""
    lines.append(f"Biểu mẫu «{c.form.title}»: {kind}{len(c.form.columns)} cột")
    for col in c.form.columns:
        lines.append(_column_line(c, col))
    for f in c.figures:
        how = f.condition.text if f.condition else (f.column or f"{f.numerator}/{f.denominator}")
        scope = (" theo từng cấp" + (f", trong số {{{f.within}}}" if f.within else "")) if f.per_level else ""
        lines.append(f"  Số liệu {{{f.key}}} «{f.title}»: {FIGURE_KINDS[f.kind]}{scope} ({how})")
    if c.phrases.texts:
        own = set(tomllib.loads((c.folder / FILE_NAME).read_text(encoding="utf-8-sig")).get("loi_van", {}))
        rest = len(c.phrases.texts) - len(own & set(c.phrases.texts))
        lines.append(f"Lời văn báo cáo [loi_van]: {len(c.phrases.texts)} câu"
                     + (f" ({rest} câu lấy của chiến dịch mặc định)" if rest else ""))
    for what, sections in (("Báo cáo của đơn vị", c.report_sections), ("Báo cáo tổng hợp", c.summary_sections)):
        if sections:
            lines.append(f"{what}: " + "; ".join(s.title or "(đoạn mở đầu)" for s in sections))
    if c.dispatch is not None:
        lines.append(f"Công văn: {c.dispatch.kind} {'dự thảo' if c.dispatch.is_draft else 'số ' + c.dispatch.number}"
                     f", {sum(1 for p in c.dispatch.body if p.number and '.' == p.number[-1] and p.number.count('.') == 1)}"
                     " mục")
    return lines


def own_templates(campaign: Campaign) -> list[Path]:
    """Return the campaign's own Word templates (in its folder or its templates/)."""
    return sorted(p for folder in (campaign.folder, campaign.folder / "templates") if folder.is_dir()
                  for p in folder.glob("*.docx"))


_SAMPLE_PEOPLE = ("Nguyễn Văn An", "Lò Thị Bình", "Quàng Văn Cường")


def sample_values(campaign: Campaign, n: int, name: str = "") -> list:
    """Return plausible values for the form's columns after TT and Đơn vị of unit `name` (`n` varies them),
    for a preview only: each by its column's kind."""
    from docgen.output import slug

    out, people = [], 0
    domain = next(iter(campaign.platforms.values()), ("example.com",))[0]
    for col in campaign.form.columns:
        low = int(col.minimum) if col.minimum is not None else 0
        high = int(col.maximum) if col.maximum is not None else low + 40
        kind = col.kind.key
        if col.key in ("tt", "don_vi"):
            continue
        if kind == "ngay":
            first = col.first_day or campaign.top_level.deadline - dt.timedelta(days=30)
            last = col.last_day or campaign.top_level.deadline
            out.append(dt.datetime.combine(first + (last - first) * (n % 3) // 4, dt.time()))
        elif kind == "tien":
            out.append(1_000_000 * (5 + n % 7))
        elif col.kind.numeric:
            out.append(min(high, max(low, 10 + n % 9)))
        elif kind == "co_khong":
            out.append("Có")
        elif col.choices:
            out.append(col.choices[0])
        elif kind == "ten_theo_mau":   # the name the level's pattern gives, so the sample report is not a draft
            out.append(_patterned_name(campaign, name))
        elif kind == "lien_ket":
            out.append(f"https://www.{(col.domains or (domain,))[0]}/mattran-{slug(name) or n}")
        elif kind == "ho_ten":
            out.append(_SAMPLE_PEOPLE[people % len(_SAMPLE_PEOPLE)])
            people += 1
        elif kind == "dien_thoai":
            out.append(f"09{12 + 57 * (people % 2)} 345 {n:03d}")
        elif kind == "thu_dien_tu":
            out.append(f"{slug(_SAMPLE_PEOPLE[(people - 1) % len(_SAMPLE_PEOPLE)]).replace('-', '')}{n}@gmail.com")
        else:
            out.append(f"Ví dụ {n}")
    cols = [c for c in campaign.form.columns if c.key not in ("tt", "don_vi")]
    ordered = {c.key: i for i, c in enumerate(cols)}
    for i, col in enumerate(cols):   # keep "không lớn hơn": a column never above its limit
        if col.not_above and out[i] is not None and out[ordered[col.not_above]] is not None \
                and out[i] > out[ordered[col.not_above]]:
            out[i] = out[ordered[col.not_above]]
    return out


def _patterned_name(campaign: Campaign, name: str) -> str:
    """Return the name the pattern of the unit's level gives unit `name` ("Mặt trận …" when no pattern applies)."""
    for level in campaign.levels:
        units = campaign.units.lookup(name, level.depth)
        if len(units) == 1 and level.page_pattern:
            return level.expected_page_name(units[0])
    return f"Mặt trận {name.split(' ', 1)[-1]}"


def fill_preview(book: Path, campaign: Campaign, target: Path, units: int = 3) -> Path:
    """Return `target`: the blank workbook `book` with its first `units` unit rows filled with generated data."""
    from openpyxl import load_workbook

    from docgen.output import slug, write_bytes
    from docgen.workbooks.sheets import FIRST_DATA_ROW, FORM_SHEET, columns_of

    wb = load_workbook(book)
    ws = wb[FORM_SHEET]
    keys = [c.key for c in columns_of(campaign)]
    filled = 0
    for row in range(FIRST_DATA_ROW, ws.max_row + 1):
        name = ws.cell(row, 2).value
        if filled >= units or not isinstance(ws.cell(row, 1).value, int) or not name:
            continue
        filled += 1
        values = sample_values(campaign, filled, name)
        for col, value in enumerate(values, start=3):
            ws.cell(row, col).value = value
    for r in range(1, wb["Thông tin"].max_row + 1):
        if wb["Thông tin"].cell(r, 1).value == "Người ký":
            wb["Thông tin"].cell(r, 2).value = "Nguyễn Văn Mẫu"
    import io

    buf = io.BytesIO()
    wb.save(buf)
    return write_bytes(target / f"du-lieu-mau-{slug(book.stem)}.xlsx", buf.getvalue(), overwrite=True)
