"""The campaign's document settings, typed: the directive reports cite, the unit report, the summary.

Read once by `load_campaign`; documents take these objects, never the TOML.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from docgen.errors import CampaignError, Location
from docgen.vntext import clean


@dataclass(frozen=True)
class Directive:
    """The directive as reports cite it (`[van_ban]`): "Công văn số 1031/MTTQ-BTT ngày … của … về việc …"."""

    kind: str = "Công văn"
    number: str = ""
    symbol: str = ""
    date: dt.date | None = None
    issuer: str = ""
    subject: str = ""


@dataclass(frozen=True)
class ReportSettings:
    """A reporting unit's report (`[bao_cao]`): symbol, subject, the Phụ lục's title. Its addressee is the
    body its level reports to (`gui_ve` of `[[cap]]`, docgen.campaigns.reporting), not a key here."""

    symbol: str = ""
    subject: str = ""
    appendix_title: str = ""
    wrong_rows: str = "bo"        # hang_sai: a signed Phụ lục leaves wrong rows out ("bo") or marks them ("danh_dau")
    close_gaps_days: int = 15     # khac_phuc_sau_ngay: default date to close the gaps, days after the report


# Keys of `[tong_hop]`: the province summary's settings over its defaults.
SUMMARY_KEYS = {"kinh_gui": (str,), "noi_nhan": (list,), "trich_yeu": (str,), "ky_hieu": (str,),
                "tham_quyen": (str,), "chuc_vu": (str,), "nguoi_ky": (str,), "luu": (str,), "de_xuat": (list,),
                "so": (str, int), "ngay": (dt.date,),
                # The Centre's dispatch the province answers (a Directive) and the province's own level.
                "thuc_hien": (dict,), "cap_tinh": (dict,)}
WRONG_ROWS = ("bo", "danh_dau")


@dataclass(frozen=True)
class SummarySettings:
    """The province summary's own settings (`[tong_hop]`), key by key as written; lists become tuples."""

    values: dict = field(default_factory=dict)


def _get(table: dict, key: str, kinds: tuple[type, ...], where: Location, path: str, default=None):
    value = table.get(key, default)
    if value is not None and not isinstance(value, kinds):
        raise CampaignError(f"Khóa «{path}{key}» viết sai kiểu («{value}»).", where.at(path + key))
    return value


def _table(raw: dict, key: str, where: Location) -> dict:
    value = raw.get(key, {})
    if not isinstance(value, dict):
        raise CampaignError(f"«{key}» phải là một bảng [{key}].", where.at(key))
    return value


def parse_directive(raw: dict, where: Location) -> Directive | None:
    """Return the directive reports cite, or None when the campaign has no `[van_ban]`."""
    if "van_ban" not in raw:
        return None
    return _directive(_table(raw, "van_ban", where), where, "van_ban.")


def _directive(vb: dict, where: Location, path: str) -> Directive:
    day = _get(vb, "ngay", (dt.date,), where, path)
    return Directive(
        kind=_get(vb, "loai", (str,), where, path, "Công văn"),
        number=str(_get(vb, "so", (str, int), where, path, "")),
        symbol=_get(vb, "ky_hieu", (str,), where, path, ""),
        date=day.date() if isinstance(day, dt.datetime) else day,
        issuer=_get(vb, "co_quan", (str,), where, path, ""),
        subject=_get(vb, "trich_yeu", (str,), where, path, ""),
    )


def parse_report(raw: dict, where: Location) -> ReportSettings:
    """Return `[bao_cao]` (every key optional)."""
    table, path = _table(raw, "bao_cao", where), "bao_cao."
    if "kinh_gui" in table:   # one addressee for every level sent communes' reports to the province itself
        raise CampaignError("Khóa «bao_cao.kinh_gui» không còn dùng: báo cáo của mỗi đơn vị gửi Ban Thường trực "
                            "của đơn vị ghi ở «gui_ve» của cấp đó ([[cap]]). Xóa dòng này.", where.at(path + "kinh_gui"))
    return ReportSettings(
        symbol=_get(table, "ky_hieu", (str,), where, path, ""),
        subject=_get(table, "trich_yeu", (str,), where, path, ""),
        appendix_title=clean(_get(table, "tieu_de_phu_luc", (str,), where, path, "")),
        wrong_rows=_one_of(_get(table, "hang_sai", (str,), where, path, "bo"), WRONG_ROWS, where, path + "hang_sai"),
        close_gaps_days=_get(table, "khac_phuc_sau_ngay", (int,), where, path, 15),
    )


def _one_of(value: str, allowed: tuple[str, ...], where: Location, key: str) -> str:
    if value not in allowed:
        raise CampaignError(f"Khóa «{key}» chỉ nhận {' hoặc '.join(f'«{a}»' for a in allowed)}, không nhận «{value}».",
                            where.at(key))
    return value


def parse_summary(raw: dict, where: Location) -> SummarySettings:
    """Return `[tong_hop]`: only known keys, each of its kind."""
    table, path = _table(raw, "tong_hop", where), "tong_hop."
    unknown = sorted(set(table) - set(SUMMARY_KEYS) - {"phan"})   # [[tong_hop.phan]]: the form's sections
    if unknown:
        raise CampaignError(f"Bảng [tong_hop] không có khóa «{unknown[0]}»; các khóa dùng được: "
                            f"{', '.join(SUMMARY_KEYS)}.", where.at(path + unknown[0]))
    values = {}
    for key, kinds in SUMMARY_KEYS.items():  # noqa: the sections are read by docgen.campaigns.form
        value = _get(table, key, kinds, where, path)
        if value is not None:
            values[key] = tuple(value) if isinstance(value, list) else value
    if "thuc_hien" in values:
        values["thuc_hien"] = _directive(values["thuc_hien"], where, path + "thuc_hien.")
    return SummarySettings(values)
