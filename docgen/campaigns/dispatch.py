"""Read the campaign's own dispatch (`[van_ban]` of chien-dich.toml) into a `Dispatch`.

The dispatch is data: header lines, number, date, trích yếu, "Căn cứ" lines, the
body as numbered sections of paragraphs and "- "/"+ " bullet lines, recipients,
Nơi nhận and signature. Section numbers (1., 2., 2.1. …) are given by position,
so a section cannot be misnumbered. Body text may quote the campaign's levels with
`{han.<ma>}` (deadline), `{vi_du.<ma>}` (page-name example) and `{ten.<ma>}` (level
title). Every mistake is a `CampaignError` naming the key.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from docgen.errors import CampaignError, Location
from docgen.values.formats import FIRST_DAY, LAST_DAY, ngay_han, plausible
from docgen.vntext import clean

# A placeholder in body text: {han.xa}, {vi_du.huyen}, {ten.xa}.
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
PLACEHOLDERS = {"han": "hạn báo cáo", "vi_du": "ví dụ tên Trang", "ten": "tên cấp"}
# {tu_ngay.<mã cột>}, {den_ngay.<mã cột>}: the window a date column of [bieu_mau] declares, so the
# dispatch quotes the very dates the check enforces (one definition of the window).
WINDOW = {"tu_ngay": 0, "den_ngay": 1}
BULLETS = ("- ", "+ ")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the body: an optional bold lead ("2.2. Phương thức triển khai") and plain text.

    `kind` is "can_cu" (legal basis, italic, BD-06), "muc" (numbered section paragraph),
    "gach" (a "- " or "+ " bullet line) or "doan" (any other paragraph). `number` is
    "2.1." for a section paragraph, else "".
    """

    kind: str
    text: str
    number: str = ""
    title: str = ""
    depth: int = 0

    @property
    def bold(self) -> str:
        """Return the bold lead: number and title when the section has a title, else ""."""
        return f"{self.number} {self.title}".strip() if self.title else ""

    @property
    def plain(self) -> str:
        """Return the plain part, with the number in front when the section has no title.

        >>> Paragraph("muc", "Tập trung …", "1.").plain
        '1. Tập trung …'
        >>> Paragraph("muc", "Để tạo …", "2.1.", "Đặt tên:").plain
        ' Để tạo …'
        """
        if self.title:
            return f" {self.text}" if self.text else ""
        return f"{self.number} {self.text}".strip() if self.number else self.text

    @property
    def full(self) -> str:
        """Return the paragraph as one line of text, as a reader sees it."""
        return self.bold + self.plain


@dataclass(frozen=True)
class Signature:
    authority: str   # "TM. BAN THƯỜNG TRỰC"
    title: str       # "PHÓ CHỦ TỊCH"
    name: str        # "Giàng Trọng Bình"


@dataclass(frozen=True)
class Dispatch:
    """The province's dispatch of a campaign, ready for a document kind to lay out.

    `number` is "" and `date` may be None for an unissued draft (DR-01, DR-02);
    `year` is then the year to print, or None.
    """

    kind: str
    number: str
    symbol: str
    date: dt.date | None
    year: int | None
    place: str
    issuer: str
    supervising: tuple[str, ...]
    issuing: tuple[str, ...]
    subject: str
    recipients: tuple[str, ...]
    body: tuple[Paragraph, ...]
    cc: tuple[str, ...]
    signature: Signature
    annex_unit: str = ""
    annex_title: tuple[str, ...] = ()
    annex_rows: int = 3
    annex_example: tuple[str, ...] = ()

    @property
    def is_draft(self) -> bool:
        return not self.number


_NUMBER = re.compile(r"[0-9]{1,9}")


def checked_day(value, key: str, where: Location) -> dt.date:
    """Return a TOML date or date-time as a date `values.formats.plausible` accepts; CampaignError (by key) otherwise."""
    day = value.date() if isinstance(value, dt.datetime) else value
    if not plausible(day):
        raise CampaignError(f"Ngày «{key}» = {day.isoformat()} không hợp lý: ghi ngày thật, dạng NĂM-THÁNG-NGÀY "
                            f"(từ {FIRST_DAY.year} đến {LAST_DAY.year}).", where.at(key))
    return day


def checked_number(number: str, key: str, where: Location) -> str:
    """Return a document number (SO-02) as written; CampaignError unless it is 1–9 digits 0–9, not all zeros."""
    if number and (not _NUMBER.fullmatch(number) or not number.strip("0")):
        raise CampaignError(f"Số văn bản «{number[:40]}» phải là chữ số (tối đa 9 chữ số), từ 01 trở lên (SO-02).",
                            where.at(key))
    return number


def _get(table: dict, key: str, kinds: tuple[type, ...], where: Location, path: str, default=None):
    value = table.get(key, default)
    if value is None:
        raise CampaignError(f"Thiếu khóa «{path}{key}».", where.at(path + key))
    if not isinstance(value, kinds):
        names = {str: "chuỗi chữ", int: "số", list: "danh sách chuỗi chữ", dt.date: "ngày (NĂM-THÁNG-NGÀY)",
                 dict: "bảng", bool: "true hoặc false"}
        wanted = " hoặc ".join(names.get(k, k.__name__) for k in kinds)
        raise CampaignError(f"Khóa «{path}{key}» phải là {wanted}, không phải «{value}».", where.at(path + key))
    return value


def _lines(table: dict, key: str, where: Location, path: str, default=None) -> tuple[str, ...]:
    """Return a key given as one string or a list of strings, as cleaned lines (blank ones dropped)."""
    value = _get(table, key, (str, list), where, path, default)
    items = value.splitlines() if isinstance(value, str) else value
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, str):
            raise CampaignError(f"Phần tử thứ {i + 1} của «{path}{key}» phải là chuỗi chữ.",
                                where.at(f"{path}{key}[{i}]"))
        if clean(item):
            out.append(clean(item))
    return tuple(out)


class _Filler:
    """Replaces {han.xa}-style placeholders with the campaign's level facts."""

    def __init__(self, levels, where: Location, form=None):
        self.levels = {lv.code: lv for lv in levels}
        self.where = where
        self.windows = {c.key: (c.first_day, c.last_day) for c in (form.columns if form is not None else ())}

    def __call__(self, text: str, key: str) -> str:
        return _PLACEHOLDER.sub(lambda m: self._value(m.group(1).strip(), key), text)

    def _value(self, name: str, key: str) -> str:
        what, _, code = name.partition(".")
        if what in WINDOW and code:
            return self._window(name, what, code, key)
        if what not in PLACEHOLDERS or not code:
            known = ", ".join(["{" + p + ".<mã cấp>}" for p in PLACEHOLDERS] + ["{" + w + ".<mã cột ngày>}"
                                                                                 for w in WINDOW])
            raise CampaignError(f"Chỗ thay thế «{{{name}}}» không có; chỉ dùng được {known}.", self.where.at(key))
        level = self.levels.get(code)
        if level is None:
            raise CampaignError(
                f"«{{{name}}}» nhắc tới cấp «{code}» không có trong [[cap]] "
                f"(các mã cấp: {', '.join(self.levels)}).",
                self.where.at(key),
            )
        if what == "han":
            return ngay_han(level.deadline)
        return level.example if what == "vi_du" else level.title

    def _window(self, name: str, what: str, code: str, key: str) -> str:
        day = self.windows.get(code, (None, None))[WINDOW[what]]
        if day is None:
            dated = [k for k, w in self.windows.items() if w[WINDOW[what]] is not None]
            raise CampaignError(f"«{{{name}}}»: cột «{code}» của [bieu_mau] không khai «{what}»"
                                f" (cột có «{what}»: {', '.join(dated) or 'không có'}).", self.where.at(key))
        return ngay_han(day)


def _section(table, number: str, depth: int, fill: _Filler, where: Location, path: str) -> list[Paragraph]:
    """Return the paragraphs of one numbered section and its sub-sections, in order."""
    if not isinstance(table, dict):
        raise CampaignError(f"«{path.rstrip('.')}» phải là một bảng [[…muc]].", where.at(path.rstrip(".")))
    title = fill(clean(_get(table, "tieu_de", (str,), where, path, "")), path + "tieu_de")
    lines = [fill(line, path + "noi_dung") for line in _lines(table, "noi_dung", where, path, "")]
    subs = _get(table, "muc", (list,), where, path, [])
    if not title and not lines and not subs:
        raise CampaignError(f"Mục {number} trống: cần «tieu_de», «noi_dung» hoặc mục con.",
                            where.at(path.rstrip(".")))
    own_line = _get(table, "tieu_de_rieng", (bool,), where, path, False)
    first = ""
    if lines and not lines[0].startswith(BULLETS) and not (title and own_line):
        first = lines.pop(0)  # the section's first sentence continues its numbered paragraph
    out = [Paragraph("muc", first, number, title, depth)]
    out += [Paragraph("gach" if line.startswith(BULLETS) else "doan", line, depth=depth) for line in lines]
    for i, sub in enumerate(subs):
        out += _section(sub, f"{number}{i + 1}.", depth + 1, fill, where, f"{path}muc[{i}].")
    return out


def _body(table: dict, fill: _Filler, where: Location) -> tuple[Paragraph, ...]:
    path = "van_ban."
    out = [Paragraph("can_cu", fill(line, path + "can_cu")) for line in _lines(table, "can_cu", where, path, [])]
    out += [Paragraph("doan", fill(line, path + "mo_dau")) for line in _lines(table, "mo_dau", where, path, [])]
    sections = _get(table, "muc", (list,), where, path)
    if not sections:
        raise CampaignError("«van_ban.muc» cần ít nhất một mục.", where.at(path + "muc"))
    for i, sec in enumerate(sections):
        out += _section(sec, f"{i + 1}.", 0, fill, where, f"{path}muc[{i}].")
    out += [Paragraph("doan", fill(line, path + "ket_thuc")) for line in _lines(table, "ket_thuc", where, path, [])]
    return tuple(out)


def _date(table: dict, where: Location, number: str) -> tuple[dt.date | None, int | None]:
    """Return (date, year to print): an issued dispatch needs its date; a draft may leave it out."""
    path = "van_ban."
    if "ngay" not in table and not number:
        return None, _get(table, "nam", (int,), where, path, 0) or None
    day = checked_day(_get(table, "ngay", (dt.date,), where, path), path + "ngay", where)
    return day, day.year


def _signature(table: dict, where: Location) -> Signature:
    path = "van_ban.ky."
    sign = _get(table, "ky", (dict,), where, "van_ban.")
    authority = clean(_get(sign, "tham_quyen", (str,), where, path))
    if not re.match(r"^(TM|KT|Q|TL|TUQ)\. \S", authority):  # SG-02
        raise CampaignError(
            f"«{authority}» phải bắt đầu bằng TM., KT., Q., TL. hoặc TUQ. rồi một dấu cách (SG-02).",
            where.at(path + "tham_quyen"),
        )
    title = clean(_get(sign, "chuc_vu", (str,), where, path))
    return Signature(authority, title, clean(_get(sign, "nguoi_ky", (str,), where, path)))


def has_dispatch(raw: dict) -> bool:
    """Return whether the campaign file writes out a dispatch body (`[[van_ban.muc]]`)."""
    return isinstance(raw.get("van_ban"), dict) and "muc" in raw["van_ban"]


def parse_dispatch(raw: dict, levels, where: Location, form=None) -> Dispatch:
    """Return the campaign's dispatch from its parsed file; `levels` are the campaign's `Level`s.

    Raises CampaignError naming the key for a missing key, a wrong type or date,
    an empty section, or a placeholder naming an unknown level.
    """
    table = _get(raw, "van_ban", (dict,), where, "")
    path = "van_ban."
    number = str(_get(table, "so", (str, int), where, path, "")).strip()
    number = checked_number(number, path + "so", where)
    number = f"{int(number):02d}" if number else ""  # below 10 with a leading 0 (SO-02)
    day, year = _date(table, where, number)
    codes = [t.get("ma") if isinstance(t, dict) else None for t in raw.get("cap", [])]
    for lv in levels:
        if day and lv.deadline < day:
            raise CampaignError(
                f"Hạn của {lv.title.lower()} ({ngay_han(lv.deadline)}) "
                f"sớm hơn ngày văn bản ({ngay_han(day)}).",
                where.at(f"cap[{codes.index(lv.code) if lv.code in codes else 0}].han"),
            )
    fill = _Filler(levels, where, form)
    annex = _get(table, "phu_luc", (dict,), where, path, {})
    return Dispatch(
        kind=clean(_get(table, "loai", (str,), where, path, "Công văn")),
        number=number,
        symbol=clean(_get(table, "ky_hieu", (str,), where, path)),
        date=day,
        year=year,
        place=clean(_get(table, "noi_ban_hanh", (str,), where, path)),
        issuer=clean(_get(table, "co_quan", (str,), where, path)),
        supervising=_lines(table, "co_quan_chu_quan", where, path),
        issuing=_lines(table, "co_quan_ban_hanh", where, path),
        subject=clean(_get(table, "trich_yeu", (str,), where, path)),
        recipients=_lines(table, "kinh_gui", where, path),
        body=_body(table, fill, where),
        cc=_lines(table, "noi_nhan", where, path),
        signature=_signature(table, where),
        annex_unit=clean(_get(annex, "don_vi", (str,), where, path + "phu_luc.", "")),
        annex_title=_lines(annex, "tieu_de", where, path + "phu_luc.", []),
        annex_rows=_get(annex, "so_dong_trong", (int,), where, path + "phu_luc.", 3),
        annex_example=tuple(fill(x, path + "phu_luc.vi_du")
                            for x in _lines(annex, "vi_du", where, path + "phu_luc.", [])),
    )
