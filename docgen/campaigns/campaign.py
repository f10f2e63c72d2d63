"""Load and validate a campaign folder (data/chien-dich/<id>/chien-dich.toml).

Every mistake is reported by key, in Vietnamese, as a `CampaignError`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import string
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from docgen import DEFAULT_CAMPAIGN
from docgen.campaigns.dispatch import Dispatch, checked_day, has_dispatch, parse_dispatch
from docgen.campaigns.reporting import parse_lines
from docgen.campaigns.reminder import DEFAULT as DEFAULT_REMINDER, Reminder, parse_reminder
from docgen.campaigns.form import (BUILT_IN, Figure, Form, Reader, Section, page_campaign, parse_figures,
                                   parse_form, parse_sections)
from docgen.campaigns.phrases import Phrasebook, parse_phrases
from docgen.campaigns.settings import (Directive, ReportSettings, SummarySettings, parse_directive, parse_report,
                                       parse_summary)
from docgen.errors import CampaignError, DocgenError, Location, os_reason, parser_reason
from docgen.limits import current, raise_hint
from docgen.records.model import Unit
from docgen.records.units import DATA_DIR, UnitList, load
from docgen.vntext import name_key

CAMPAIGNS_DIR = DATA_DIR / "chien-dich"
FILE_NAME = "chien-dich.toml"
PATTERN_FIELDS = frozenset({"ten", "don_vi", "cap_tren", "tinh"})
STAFFING = frozenset({"rieng", "kiem_nhiem"})
# How a deputy signs in every document of a campaign (`[ky] cap_pho`, SG-02/SG-03): "tm" under the
# collective line only ("TM. BAN THƯỜNG TRỰC / PHÓ CHỦ TỊCH", as dispatch 1031), "kt" with "KT. CHỦ TỊCH".
DEPUTY_FORMS = frozenset({"tm", "kt"})


@dataclass(frozen=True)
class Level:
    """A level that reports: which depth of the unit list, its deadline and naming pattern."""

    code: str
    depth: int
    title: str
    deadline: dt.date
    page_pattern: str
    example: str = ""
    staffing: str = "rieng"

    def expected_page_name(self, unit: Unit) -> str:
        """Return the page name the pattern gives for `unit`.

        >>> prov = Unit("11", "tỉnh", "Điện Biên")
        >>> dist = Unit("96", "huyện", "Mường Nhé", prov, 1)
        >>> com = Unit("3160", "xã", "Chung Chải", dist, 2)
        >>> Level("xa", 2, "Cấp xã", dt.date(2022, 3, 15),
        ...       "Mặt trận {ten} ({cap_tren}, {tinh})").expected_page_name(com)
        'Mặt trận Chung Chải (huyện Mường Nhé, tỉnh Điện Biên)'
        """
        chain = [unit, *unit.ancestors()]
        return self.page_pattern.format(
            ten=unit.name,
            don_vi=unit.label,
            cap_tren=unit.parent.label if unit.parent else "",
            tinh=chain[-1].label,
        )


@dataclass(frozen=True)
class Campaign:
    """A directive as data: its unit list, province, levels, platforms and document settings.

    The file is read once, here; every document takes these typed parts.
    """

    id: str
    folder: Path
    title: str
    unit_list_name: str
    province_name: str
    levels: tuple[Level, ...]
    platforms: dict[str, tuple[str, ...]]
    directive: Directive | None = field(default=None, repr=False)  # None when the file has no [van_ban]
    report: ReportSettings = field(default=ReportSettings(), repr=False)
    summary: SummarySettings = field(default=SummarySettings(), repr=False)
    form: Form | None = field(default=None, repr=False)   # [bieu_mau]: the form every campaign declares
    figures: tuple[Figure, ...] = field(default=(), repr=False)
    report_sections: tuple[Section, ...] = field(default=(), repr=False)    # [[bao_cao.phan]]
    summary_sections: tuple[Section, ...] = field(default=(), repr=False)   # [[tong_hop.phan]]
    dispatch: Dispatch | None = field(default=None, repr=False)  # None when the file has no [[van_ban.muc]]
    reminder: Reminder = field(default=DEFAULT_REMINDER, repr=False)  # [don_doc]: the reminder dispatch's text
    deputy_form: str = "tm"   # [ky] cap_pho: the campaign's one signature form for a deputy (DEPUTY_FORMS)
    sample: bool = False      # [mau] or `mau = true`: a sample campaign, its documents marked as samples
    reporting: tuple = field(default=(), repr=False)  # reporting.Line per level: to whom, by when, which rows
    phrases: Phrasebook = field(default=Phrasebook(), repr=False)  # [loi_van]: a page campaign's sentences

    @property
    def draft_cause(self) -> str:
        """Why every report of this campaign is a draft whatever its data (Vietnamese), or "": a sample campaign,
        or a dispatch not yet issued (no number), which a report cannot cite in a copy to sign."""
        if self.sample:
            return "chiến dịch mẫu"
        if self.directive is not None and not self.directive.number.strip():
            return "công văn của tỉnh mà báo cáo trả lời chưa có số (ghi «so», «ngay» ở [van_ban] của tệp chiến dịch)"
        return ""

    @property
    def pages(self) -> bool:
        """Whether the campaign collects a list of pages (`[bieu_mau] loai = "trang"`): read, checked and
        reported by the page pipeline (records.model.Record, checks.run) instead of the form checker."""
        return self.form is not None and self.form.pages

    @property
    def no_page(self):
        """The words a page list's cells say "no page yet" with (`chua_co`, `chua_co_ghi_chu` of its link column,
        else the default campaign's): a form.NoPageWords."""
        from docgen.campaigns.form import NoPageWords

        link = self.form.column("lien_ket") if self.form is not None else None
        return link.no_page if link is not None and link.no_page is not None else NoPageWords()

    @property
    def columns(self) -> tuple:
        """Every column of the Phụ lục table, TT and Đơn vị first (docgen.campaigns.form.Column)."""
        return self.form.table if self.form is not None else ()

    @property
    def units(self) -> UnitList:
        return load(self.unit_list_name)

    @property
    def province(self) -> Unit:
        return self.units.province(self.province_name)

    def level_at(self, depth: int) -> Level | None:
        """Return the reporting level at `depth` of the unit list, if the campaign has one."""
        return next((lv for lv in self.levels if lv.depth == depth), None)

    def level_of_group(self, group: int | None, label: str = "") -> Level | None:
        """Return the level of the rows under a form's group row: the level its «Cấp …» label names, else the
        level its numeral counts to (I → the first). A commune's own file heads its row «I | Cấp xã»."""
        if label:
            key = name_key(label)
            named = next((lv for lv in self.levels if name_key(lv.title) == key), None)
            if named is not None:
                return named
        return self.levels[group] if group is not None and 0 <= group < len(self.levels) else None

    @property
    def top_level(self) -> Level:
        """The level that reports to the province (districts in 2022, communes in 2026)."""
        return self.levels[0]

    def template(self, name: str) -> Path:
        """Return the campaign's own template `name` (in its folder or its templates/) if any, else the shared one."""
        for own in (self.folder / name, self.folder / "templates" / name):
            if own.is_file():
                return own
        return DATA_DIR.parent / "templates" / name

    @property
    def province_level(self) -> Level | None:
        """Return the province's own row as a level (`[tong_hop.cap_tinh]`): the summary's "Cấp tỉnh" line and
        first Phụ lục group, checked from the province's facts file; None when the campaign has none."""
        own = self.summary.values.get("cap_tinh")
        if not isinstance(own, dict):
            return None
        return Level("tinh", 0, str(own.get("ten", "Cấp tỉnh")), self.top_level.deadline,
                     str(own.get("mau_ten_trang", "Mặt trận {ten}")), str(own.get("vi_du", "")),
                     own.get("nhan_su", "rieng") if own.get("nhan_su") in STAFFING else "rieng")

    def level(self, code: str) -> Level | None:
        """Return the level whose code (`ma`) is `code`, if the campaign has one."""
        return next((lv for lv in self.levels if lv.code == code), None)


def _need(table: dict, key: str, kind: type, where: Location, path: str):
    value = table.get(key)
    if value is None:
        raise CampaignError(f"Thiếu khóa «{path}{key}».", where.at(path + key))
    if not isinstance(value, kind):
        names = {str: "chuỗi chữ", int: "số", dt.date: "ngày (NĂM-THÁNG-NGÀY)", list: "danh sách", dict: "bảng"}
        raise CampaignError(
            f"Khóa «{path}{key}» phải là {names.get(kind, kind.__name__)}, không phải «{value}».",
            where.at(path + key),
        )
    return value


def _level(table: dict, i: int, where: Location, depth_max: int, pages: bool = True) -> Level:
    """Return the level `cap[i]`; its page-name pattern is needed only in a page campaign (`pages`)."""
    path = f"cap[{i}]."
    depth = _need(table, "muc", int, where, path)
    if not 0 < depth < depth_max:
        raise CampaignError(
            f"«{path}muc» = {depth}: danh mục chỉ có các tầng 1…{depth_max - 1} dưới tỉnh.", where.at(path + "muc")
        )
    deadline = checked_day(_need(table, "han", dt.date, where, path), path + "han", where)
    pattern = _need(table, "mau_ten_trang", str, where, path) if pages or "mau_ten_trang" in table else ""
    try:
        parts = [(f, spec, conv) for _, f, spec, conv in string.Formatter().parse(pattern) if f is not None]
    except ValueError:
        raise CampaignError("Mẫu tên Trang viết sai: dấu { } không khớp nhau.", where.at(path + "mau_ten_trang")) from None
    if any(spec or conv for _, spec, conv in parts):   # "{ten:>999999999}" would build a gigabyte per page name
        raise CampaignError("Mẫu tên Trang chỉ ghi tên trường trong { }, không kèm định dạng (« : » hay « ! »).",
                            where.at(path + "mau_ten_trang"))
    fields = {f for f, _, _ in parts}
    unknown = fields - PATTERN_FIELDS
    if unknown:
        raise CampaignError(
            f"Mẫu tên Trang dùng trường không có: {', '.join(sorted('{' + f + '}' for f in unknown))}; "
            f"chỉ dùng được {', '.join(sorted('{' + f + '}' for f in PATTERN_FIELDS))}.",
            where.at(path + "mau_ten_trang"),
        )
    staffing = table.get("nhan_su", "rieng")
    if staffing not in STAFFING:
        raise CampaignError(f"«{path}nhan_su» phải là \"rieng\" hoặc \"kiem_nhiem\".", where.at(path + "nhan_su"))
    return Level(
        code=_need(table, "ma", str, where, path),
        depth=depth,
        title=_need(table, "ten", str, where, path),
        deadline=deadline,
        page_pattern=pattern,
        example=table.get("vi_du", ""),
        staffing=staffing,
    )


def _domains(table: dict, where: Location, path: str) -> tuple[str, ...]:
    """Return a platform's domains: a non-empty list of names such as "facebook.com" (an empty one would match any)."""
    domains = _need(table, "ten_mien", list, where, path)
    if not domains or not all(isinstance(d, str) and d.strip(" .") for d in domains):
        raise CampaignError(f"«{path}ten_mien» phải là danh sách tên miền, ví dụ [\"facebook.com\", \"fb.com\"].",
                            where.at(path + "ten_mien"))
    return tuple(domains)


def resolve_folder(name_or_path: str | Path) -> Path:
    """Return the campaign folder for a path (folder or its chien-dich.toml) or an id under data/chien-dich/.

    A folder in the working directory that merely shares the id (docgen's own
    output, OUT/<id>/) does not hide the campaign.
    """
    path = Path(name_or_path)
    if path.is_file():
        return path.parent
    if (path / FILE_NAME).is_file():
        return path
    candidate = CAMPAIGNS_DIR / str(name_or_path)
    if candidate.is_dir():  # an id wins over a same-named folder of output in the working directory
        return candidate
    if path.is_dir():
        return path
    known = ", ".join(sorted(p.name for p in CAMPAIGNS_DIR.iterdir() if p.is_dir())) if CAMPAIGNS_DIR.is_dir() else ""
    raise CampaignError(f"Không tìm thấy chiến dịch «{name_or_path}». Các chiến dịch có sẵn: {known}.")


def load_campaign(name_or_path: str | Path = DEFAULT_CAMPAIGN) -> Campaign:
    """Return the campaign in a folder (or named by its id under data/chien-dich/), validated.

    Raises CampaignError (key and line) at the first mistake of the file.

    >>> c = load_campaign()
    >>> c.id, [lv.code for lv in c.levels], c.top_level.deadline.isoformat()
    ('2022-trang-cong-dong', ['huyen', 'xa'], '2022-03-31')
    """
    return _load(name_or_path, None)


def check_campaign(name_or_path: str | Path) -> tuple[Campaign | None, list[CampaignError]]:
    """Return (the campaign, []) or (None, every mistake of its file), each naming its key and line.

    A mistake in one column, figure, section or table does not hide those after it; only
    what the rest depends on (the file's syntax, its unit list, its province) stops the check.
    """
    found: list[CampaignError] = []
    try:
        campaign = _load(name_or_path, found)
    except CampaignError as exc:
        found.append(exc)
    if not found:
        return campaign, []
    try:
        text = (resolve_folder(name_or_path) / FILE_NAME).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError, CampaignError):
        text = ""
    return None, [_with_line(exc, text) for exc in dict.fromkeys(found)]


def _with_line(exc: CampaignError, text: str) -> CampaignError:
    """Return the mistake with the line of its key added to its place when it does not name one yet."""
    from docgen.campaigns.form import line_of

    where = exc.location
    key = where.cell if where is not None else None
    if not key or "dòng" in key or not re.fullmatch(r"[a-z_]+(\[\d+\])?(\.[a-z_]+(\[\d+\])?)*", key):
        return exc
    line = line_of(text, key, key.rsplit(".", 1)[-1].split("[")[0])
    return CampaignError(exc.message, where.at(f"{key} (dòng {line})")) if line else exc


# Every table and key the top level of a campaign file may hold (a typo such as [bao_coa] is an error).
TOP_KEYS = ("id", "ten", "danh_muc", "tinh", "mau", "cap", "nen_tang", "ky", "bieu_mau", "so_lieu", "bao_cao",
            "tong_hop", "van_ban", "don_doc", "loi_van")


def _top_keys(raw: dict, read: Reader) -> None:
    """Raise (or note) each top-level key or table the campaign file may not hold, with the one meant."""
    import difflib

    from docgen.campaigns.form import line_of

    for key in raw:
        if key in TOP_KEYS:
            continue
        near = difflib.get_close_matches(key, TOP_KEYS, n=1, cutoff=0.6)
        guess = f" Có phải «{near[0]}»?" if near else ""
        line = line_of(read.text, key, key)
        spot = f"{key} (dòng {line})" if line else key
        read.complain(CampaignError(
            f"«{key}»{f' (dòng {line})' if line else ''}: khóa hay bảng không có.{guess} Các khóa dùng được: "
            f"{', '.join(TOP_KEYS)}.", read.where.at(spot)))


def _load(name_or_path: str | Path, found: list[CampaignError] | None) -> Campaign:
    """Return the campaign; with `found`, each mistake is noted there and the check goes on where it can."""
    folder = resolve_folder(name_or_path)
    file = folder / FILE_NAME
    where = Location(str(file.relative_to(DATA_DIR.parent)) if file.is_relative_to(DATA_DIR.parent) else str(file))
    if not file.is_file():
        raise CampaignError(f"Thư mục chiến dịch thiếu tệp {FILE_NAME}.", Location(str(folder)))
    raw = _parse(file, where)
    read = Reader(file.read_text(encoding="utf-8-sig"), where, found)
    _top_keys(raw, read)
    unit_list = _need(raw, "danh_muc", str, where, "")
    try:
        units = load(unit_list)
    except DocgenError as exc:  # InputError from the unit list: re-anchor on the key
        raise CampaignError(exc.message, where.at("danh_muc")) from None
    try:
        units.province(_need(raw, "tinh", str, where, ""))
    except CampaignError:
        raise
    except DocgenError as exc:
        raise CampaignError(exc.message, where.at("tinh")) from None
    levels_raw = _need(raw, "cap", list, where, "")
    if not levels_raw:
        raise CampaignError("Chiến dịch cần ít nhất một cấp báo cáo [[cap]].", where.at("cap"))
    pages = page_campaign(raw)   # pages to name: a naming pattern per level
    levels = tuple(sorted(read.each(levels_raw, lambda i, t: _level(_table(t, f"cap[{i}]", where), i, where,
                                                                    units.depth, pages)),
                          key=lambda lv: lv.depth))
    codes = tuple(lv.code for lv in levels) if levels or found is None else \
        tuple(str(t.get("ma")) for t in levels_raw if isinstance(t, dict))   # levels noted wrong: go on by their codes
    read.attempt(lambda: _distinct(levels, where))
    platforms = read.attempt(lambda: {
        _need(t, "ten", str, where, f"nen_tang[{i}]."): _domains(t, where, f"nen_tang[{i}].")
        for i, t in enumerate(raw.get("nen_tang", []))
    }, {})
    form = read.attempt(lambda: parse_form(raw, codes, read), broken="bieu_mau")
    if "bieu_mau" not in raw:   # the form, a list of pages too, is the campaign's own data (docs/chien-dich.md)
        read.complain(read.fail("chiến dịch cần biểu mẫu [bieu_mau] với các cột [[bieu_mau.cot]] "
                                "(docs/chien-dich.md).", "bieu_mau"))
    read.attempt(lambda: _patterns_for(form, levels, read))
    figures = read.attempt(lambda: parse_figures(raw, form, read), ())
    phrases, report = Phrasebook(), read.attempt(lambda: parse_report(raw, where))
    if page_campaign(raw):   # a page campaign: what it does not write, it takes from the default campaign
        default_figures, default_phrases, default_title, default_words = _page_defaults(file)
        form = _with_no_page_words(form, default_words)
        if report is not None and not report.appendix_title:   # the Phụ lục's title (PL-03)
            report = replace(report, appendix_title=default_title)
        figures = figures if any(f.per_level for f in figures) else default_figures + figures
        phrases = read.attempt(lambda: parse_phrases(raw, figures, read, default_phrases), phrases)
    else:   # a form campaign's sentences are its sections; its [loi_van] may name the Phụ lục's words,
        # else the default campaign's («Chưa báo cáo» in an unreported unit's row, never a blank row)
        shared = {k: v for k, v in _page_defaults(file)[1].items() if k in FORM_PHRASES}
        phrases = read.attempt(lambda: parse_phrases(raw, figures, read, shared), phrases)
    # A name declared with a mistake (noted already) is not blamed again where a sentence uses it.
    names = set(BUILT_IN) | {f.key for f in figures} | read.broken
    columns = frozenset(c.key for c in form.columns) if form else frozenset()
    return Campaign(
        id=str(raw.get("id", folder.name)),
        folder=folder,
        title=read.attempt(lambda: _need(raw, "ten", str, where, ""), ""),
        unit_list_name=unit_list,
        province_name=raw["tinh"],
        levels=levels,
        platforms=read.attempt(lambda: _link_platforms(form, platforms, read), platforms),
        directive=read.attempt(lambda: parse_directive(raw, where)),
        report=report,
        summary=read.attempt(lambda: parse_summary(raw, where)),
        form=form,
        figures=figures,
        report_sections=read.attempt(lambda: parse_sections(raw, "bao_cao", names, read, columns, form), ()),
        summary_sections=read.attempt(lambda: parse_sections(raw, "tong_hop", names, read, columns, form), ()),
        dispatch=read.attempt(lambda: parse_dispatch(raw, levels, where, form) if has_dispatch(raw) and levels else None),
        reminder=read.attempt(lambda: parse_reminder(raw, where), DEFAULT_REMINDER),
        deputy_form=read.attempt(lambda: _deputy_form(raw, where), "tm"),
        sample=raw.get("mau") is True,
        reporting=read.attempt(lambda: parse_lines(levels_raw, levels, where) if levels else None),
        phrases=phrases,
    )


def _with_no_page_words(form, words):
    """Return the form with `words` on its link column when the column writes no `chua_co` of its own."""
    link = form.column("lien_ket") if form is not None else None
    if link is None or link.no_page is not None or words is None:
        return form
    return replace(form, columns=tuple(replace(c, no_page=words) if c is link else c for c in form.columns))


FORM_PHRASES = ("pl_o_chua_bao_cao",)   # the [loi_van] words a form campaign prints (its Phụ lục)


def _page_defaults(file: Path) -> tuple[tuple[Figure, ...], dict, str, object]:
    """Return the default campaign's per-level figures, sentences and Phụ lục title (`[[so_lieu]]`, `[loi_van]`,
    `[bao_cao] tieu_de_phu_luc`), which a page campaign takes for those it does not write; none when `file` is
    the default campaign itself."""
    default = CAMPAIGNS_DIR / DEFAULT_CAMPAIGN / FILE_NAME
    if not default.is_file() or default.resolve() == file.resolve():
        return (), {}, "", None
    return _read_defaults(str(default), default.stat().st_mtime_ns)


@functools.lru_cache(maxsize=4)
def _read_defaults(path: str, _stamp: int) -> tuple[tuple[Figure, ...], dict, str, object]:
    file = Path(path)
    where = Location(str(file))
    raw = _parse(file, where)
    read = Reader(file.read_text(encoding="utf-8-sig"), where)
    form = parse_form(raw, tuple(str(t.get("ma", "")) for t in raw.get("cap", []) if isinstance(t, dict)), read)
    figures = tuple(f for f in parse_figures(raw, form, read) if f.per_level)
    link = form.column("lien_ket") if form is not None else None
    return (figures, dict(parse_phrases(raw, figures, read).texts), parse_report(raw, where).appendix_title,
            link.no_page if link is not None else None)


def _deputy_form(raw: dict, where: Location) -> str:
    form = _table(raw.get("ky", {}), "ky", where).get("cap_pho", "tm")
    if form not in DEPUTY_FORMS:
        raise CampaignError(f"«{form}» không dùng được: ghi \"tm\" (TM. BAN THƯỜNG TRỰC / PHÓ CHỦ TỊCH) hoặc "
                            f"\"kt\" (TM. BAN THƯỜNG TRỰC / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH).", where.at("ky.cap_pho"))
    return form


# tomllib's messages (English) → what the clerk should look for.
_TOML_ERRORS = (
    ("date", "ngày không có thật hoặc viết sai dạng NĂM-THÁNG-NGÀY"),
    ("Expected '='", "thiếu dấu = sau tên khóa"),
    ("Illegal character", "chuỗi chữ chưa đóng dấu ngoặc kép"),
    ("Unterminated", "chuỗi chữ chưa đóng dấu ngoặc kép"),
    ("Cannot overwrite", "khóa hoặc bảng bị viết hai lần"),
    ("Cannot declare", "bảng bị khai báo hai lần"),
    ("Unclosed array", "danh sách thiếu dấu ] đóng"),
    ("array", "danh sách viết sai (thiếu dấu phẩy hoặc dấu ])"),
    ("Invalid value", "giá trị viết sai (chuỗi chữ phải nằm trong dấu ngoặc kép)"),
)


def _parse(file: Path, where: Location) -> dict:
    """Return the parsed TOML file; a syntax error names its line and column in Vietnamese.

    The file is held to `docgen.limits` (size, tables and lists inside each
    other): a hostile campaign folder gets a CampaignError, never a RecursionError.
    """
    limits = current()
    try:
        size = file.stat().st_size
        if size > limits.max_campaign_kb * 1024:
            raise CampaignError(f"Tệp chiến dịch quá lớn ({size // 1024:,} KB; giới hạn {limits.max_campaign_kb:g} KB)."
                                .replace(",", ".") + " " + raise_hint("max_campaign_kb"), where)
        text = file.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise CampaignError(f"Không đọc được tệp chiến dịch: {os_reason(exc)}.", where) from None
    except UnicodeDecodeError:
        raise CampaignError("Tệp chiến dịch phải lưu dạng UTF-8.", where) from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(exc, where) from None
    except RecursionError:
        raw = None
    except Exception as exc:  # tomllib's own limits (a date or number it cannot hold …)
        raise CampaignError(f"Tệp chiến dịch có giá trị không đọc được ({parser_reason(exc)}).", where) from None
    if raw is None or _depth(raw, limits.max_nesting) > limits.max_nesting:
        raise CampaignError(f"Tệp chiến dịch lồng bảng hoặc danh sách quá {limits.max_nesting} tầng. "
                            + raise_hint("max_nesting"), where)
    return raw


def _syntax_error(exc: tomllib.TOMLDecodeError, where: Location) -> CampaignError:
    found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
    if found is None:
        return CampaignError("Tệp chiến dịch viết sai cú pháp TOML.", where)
    line, col = found.groups()
    english = str(exc)[: found.start()].strip()
    hint = next((vi for en, vi in _TOML_ERRORS if en in english), "")
    tip = hint or "viết sai; kiểm tra dấu ngoặc kép, dấu = và dấu ngoặc vuông"
    return CampaignError(f"Tệp chiến dịch viết sai cú pháp TOML ở dòng {line}, cột {col}: {tip}.",
                         where.at(f"dòng {line}"))


def _depth(value, stop: int) -> int:
    """Return how deep tables and lists nest in `value` (without recursion), stopping past `stop`.

    >>> _depth({"a": [{"b": 1}]}, 32), _depth(1, 32)
    (3, 0)
    """
    deepest = 0
    todo = [(value, 1)] if isinstance(value, (dict, list)) else []
    while todo:
        item, level = todo.pop()
        deepest = max(deepest, level)
        if deepest > stop:
            break
        children = item.values() if isinstance(item, dict) else item
        todo.extend((child, level + 1) for child in children if isinstance(child, (dict, list)))
    return deepest


def _table(value, key: str, where: Location) -> dict:
    if not isinstance(value, dict):
        raise CampaignError(f"«{key}» phải là một bảng [[…]].", where.at(key))
    return value


def _patterns_for(form: Form | None, levels: tuple[Level, ...], read: Reader) -> None:
    """Raise when a column keeps names to a pattern (`ten_theo_mau`) and a level it applies to has none."""
    for i, col in enumerate(form.columns if form else ()):
        if col.kind.key != "ten_theo_mau":
            continue
        for lv in levels:
            if col.applies_to(lv.code) and not lv.page_pattern:
                raise read.fail(f"cột «{col.key}» kiểu «ten_theo_mau» cần «mau_ten_trang» ở cấp «{lv.code}».",
                                f"bieu_mau.cot[{i}].kieu")


def _link_platforms(form: Form, platforms: dict[str, tuple[str, ...]], read: Reader) -> dict[str, tuple[str, ...]]:
    """Return where a list of pages may link (name → domains): the `ten_mien` of its link column, else the
    `[[nen_tang]]` of the campaign; a list of pages with neither cannot check a link (LK-01) and is refused."""
    col = form.column("lien_ket") if form is not None and form.pages else None
    if col is not None and col.domains:
        return {col.header: col.domains}
    if col is not None and not platforms:
        raise read.fail("danh sách Trang cần nơi đặt Trang: ghi [[nen_tang]] (ten, ten_mien) hoặc «ten_mien» "
                        "ở cột «lien_ket».", f"bieu_mau.cot[{form.columns.index(col)}].kieu")
    return platforms


def _distinct(levels: tuple[Level, ...], where: Location) -> None:
    """Raise when two levels share a code or a depth."""
    for attr, key in (("code", "ma"), ("depth", "muc")):
        values = [getattr(lv, attr) for lv in levels]
        twice = next((v for v in values if values.count(v) > 1), None)
        if twice is not None:
            raise CampaignError(f"Hai cấp cùng «{key}» = {twice!r}; mỗi cấp phải khác nhau.", where.at(f"cap.{key}"))
