"""The reminder dispatch's settings (`[don_doc]` of chien-dich.toml) as a typed `Reminder`, with defaults.

`docgen tong-hop … --don-doc` writes a công văn đôn đốc to the units that have
not reported or reported late. Its sentences are campaign data with
placeholders (`PLACEHOLDERS`); every key is optional, and a campaign without
`[don_doc]` gets `DEFAULT`. Every mistake is a `CampaignError` naming the key.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from dataclasses import dataclass, field, replace

from docgen.campaigns.dispatch import Signature, checked_day, checked_number
from docgen.errors import CampaignError, Location
from docgen.vntext import clean

TABLE = "don_doc"

# Placeholder → what it becomes (docs/chien-dich.md lists the same).
PLACEHOLDERS: dict[str, str] = {
    "loai_van_ban": "tên loại của văn bản gốc, «Công văn»",
    "so_van_ban": "số và ký hiệu của văn bản gốc, «1031/MTTQ-BTT»",
    "ngay_van_ban": "ngày của văn bản gốc, «25/02/2022»",
    "trich_yeu": "trích yếu của văn bản gốc, «củng cố, hoàn thiện các trang MXH của Mặt trận các cấp»",
    "co_quan": "cơ quan ban hành, «Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên»",
    "kinh_gui_goc": "nơi nhận của văn bản gốc, «Ban Thường trực Ủy ban MTTQ Việt Nam các huyện, thị xã, thành phố»",
    "cap": "cấp phải báo cáo lên tỉnh, viết thường, «cấp huyện»",
    "han": "hạn đã qua, «31/3/2022»",
    "han_moi": "hạn mới, «08/4/2022»",
    "chua_bao_cao": "các đơn vị chưa báo cáo, «huyện Mường Nhé, thị xã Mường Lay»",
    "tre_han": "các đơn vị báo cáo trễ hạn kèm ngày, «huyện Tủa Chùa (ngày 02/4/2022)»",
    "so_chua_bao_cao": "số đơn vị chưa báo cáo",
    "so_tre_han": "số đơn vị báo cáo trễ hạn",
    "con_loi": "các đơn vị có số liệu còn lỗi kèm số lỗi, «xã Thanh Nưa (1 lỗi)»",
    "so_con_loi": "số đơn vị có số liệu còn lỗi",
}


@dataclass(frozen=True)
class Reminder:
    """How the reminder dispatch reads: subject, paragraphs (with placeholders), recipients and signer.

    `missing` is printed only when some unit has not reported, `late` only when some
    reported late, `errors` only when a unit's figures still have errors (a campaign with its own form: the
    province sums them). `symbol` "" and `signature` None mean those of the campaign's own
    dispatch. `new_deadline` None means `days` days after the day it is written (`deadline`).
    `number` "" (and `date` None) leave the number and date blank for the văn thư.
    """

    subject: str = "đôn đốc báo cáo kết quả thực hiện {loai_van_ban} số {so_van_ban}"
    opening: str = ("Ngày {ngay_van_ban}, {co_quan} ban hành {loai_van_ban} số {so_van_ban} về việc {trich_yeu}, "
                    "trong đó đề nghị {kinh_gui_goc} báo cáo kết quả thực hiện trước ngày {han}.")
    missing: str = ("Đến nay, {co_quan} chưa nhận được báo cáo của {chua_bao_cao}. Đề nghị đơn vị chưa báo cáo "
                    "khẩn trương hoàn thành, gửi báo cáo kèm Phụ lục danh sách theo biểu mẫu về {co_quan} trước ngày "
                    "{han_moi}.")
    late: str = ("Báo cáo của {tre_han} gửi về sau thời hạn; đề nghị đơn vị báo cáo chậm rút kinh nghiệm, bảo đảm "
                 "thời hạn báo cáo trong thời gian tới.")
    errors: str = ("Số liệu của {con_loi} còn chưa đúng (từng ô cần sửa ghi trong bản trả lại kèm theo); đề nghị "
                   "đơn vị rà soát, sửa và gửi lại trước ngày {han_moi}.")
    closing: str = "{co_quan} đề nghị các đơn vị quan tâm, thực hiện."
    cc: tuple[str, ...] = ()
    new_deadline: dt.date | None = None
    days: int = 7
    symbol: str = ""
    number: str = ""
    date: dt.date | None = None
    signature: Signature | None = field(default=None)

    def deadline(self, today: dt.date, missed: dt.date, given: dt.date | None = None) -> dt.date:
        """Return the new deadline: `given` (--han-moi), else the campaign's, else `days` after today.

        Counted from the `missed` deadline instead when that is still to come.

        >>> r, missed = Reminder(), dt.date(2022, 3, 31)
        >>> r.deadline(dt.date(2022, 4, 1), missed), r.deadline(dt.date(2022, 3, 20), missed)
        (datetime.date(2022, 4, 8), datetime.date(2022, 4, 7))
        >>> r.deadline(dt.date(2022, 4, 1), missed, dt.date(2022, 4, 20))
        datetime.date(2022, 4, 20)
        """
        return given or self.new_deadline or max(today, missed) + dt.timedelta(days=self.days)


DEFAULT = Reminder()
_TEXTS = {"trich_yeu": "subject", "mo_dau": "opening", "chua_bao_cao": "missing", "tre_han": "late",
          "con_loi": "errors", "ket_thuc": "closing"}


def fill(text: str, values: dict[str, str]) -> str:
    """Return `text` with its {placeholders} replaced by `values` (checked when the campaign was loaded).

    >>> fill("trước ngày {han_moi}.", {"han_moi": "08/4/2022"})
    'trước ngày 08/4/2022.'
    """
    return text.format_map(values)


def parse_reminder(raw: dict, where: Location) -> Reminder:
    """Return the campaign's `[don_doc]` settings over `DEFAULT` (DEFAULT itself when the table is absent).

    Raises CampaignError naming the key for a wrong type, an unknown placeholder
    or a signature whose authority line is not TM./KT./Q./TL./TUQ.
    """
    table = raw.get(TABLE)
    if table is None:
        return DEFAULT
    if not isinstance(table, dict):
        raise CampaignError(f"«{TABLE}» phải là một bảng [{TABLE}].", where.at(TABLE))
    known = set(_TEXTS) | {"noi_nhan", "han_moi", "so_ngay", "ky_hieu", "so", "ngay", "ky"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise CampaignError(f"Khóa «{TABLE}.{unknown[0]}» không có; dùng được: {', '.join(sorted(known))}.",
                            where.at(f"{TABLE}.{unknown[0]}"))
    out = {attr: _text(table, key, where) for key, attr in _TEXTS.items() if key in table}
    if "noi_nhan" in table:
        out["cc"] = _lines(table, "noi_nhan", where)
    for key, attr in (("han_moi", "new_deadline"), ("ngay", "date")):
        if key in table:
            out[attr] = _date(table, key, where)
    if "so_ngay" in table:
        days = table["so_ngay"]
        if not isinstance(days, int) or isinstance(days, bool) or not 0 < days <= 365:
            raise CampaignError(f"«{TABLE}.so_ngay» phải là số ngày từ 1 đến 365, không phải «{days}».",
                                where.at(f"{TABLE}.so_ngay"))
        out["days"] = days
    for key, attr in (("ky_hieu", "symbol"), ("so", "number")):
        if key in table:
            out[attr] = clean(str(_value(table, key, (str, int), where)))
    if out.get("number"):
        checked_number(out["number"], f"{TABLE}.so", where)
    if out.get("number") and "date" not in out:
        raise CampaignError(f"Văn bản đã có số («{TABLE}.so») thì cần ngày ký «{TABLE}.ngay».", where.at(f"{TABLE}.ngay"))
    if out.get("number"):
        out["number"] = f"{int(out['number']):02d}"   # below 10 with a leading 0 (SO-02)
    if "ky" in table:
        out["signature"] = _signature(table["ky"], where)
    return replace(DEFAULT, **out)


def _value(table: dict, key: str, kinds: tuple, where: Location):
    value = table[key]
    if not isinstance(value, kinds) or isinstance(value, bool):
        names = {str: "chuỗi chữ", int: "số", list: "danh sách chuỗi chữ", dt.date: "ngày (NĂM-THÁNG-NGÀY)"}
        wanted = " hoặc ".join(names.get(k, k.__name__) for k in kinds)
        raise CampaignError(f"Khóa «{TABLE}.{key}» phải là {wanted}, không phải «{value}».", where.at(f"{TABLE}.{key}"))
    return value


def _text(table: dict, key: str, where: Location) -> str:
    """Return a sentence key, its lines joined, after checking every placeholder it uses."""
    text = " ".join(clean(line) for line in _value(table, key, (str,), where).splitlines() if clean(line))
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        raise CampaignError(f"«{TABLE}.{key}»: dấu ngoặc {{ }} không khớp.", where.at(f"{TABLE}.{key}")) from None
    bad = sorted(n for n in names if n not in PLACEHOLDERS)
    if bad:
        raise CampaignError(
            f"«{TABLE}.{key}» dùng chỗ thay thế {{{bad[0]}}} không có; dùng được: "
            f"{', '.join('{' + p + '}' for p in PLACEHOLDERS)}.", where.at(f"{TABLE}.{key}"))
    return text


def _lines(table: dict, key: str, where: Location) -> tuple[str, ...]:
    value = _value(table, key, (list,), where)
    if not all(isinstance(x, str) for x in value):
        raise CampaignError(f"Mỗi phần tử của «{TABLE}.{key}» phải là chuỗi chữ.", where.at(f"{TABLE}.{key}"))
    return tuple(clean(x) for x in value if clean(x))


def _date(table: dict, key: str, where: Location) -> dt.date:
    return checked_day(_value(table, key, (dt.date,), where), f"{TABLE}.{key}", where)


def _signature(sign, where: Location) -> Signature:
    path = f"{TABLE}.ky"
    if not isinstance(sign, dict):
        raise CampaignError(f"«{path}» phải là một bảng [{path}].", where.at(path))
    parts = []
    for key in ("tham_quyen", "chuc_vu", "nguoi_ky"):
        value = sign.get(key)
        if not isinstance(value, str) or not clean(value):
            raise CampaignError(f"Thiếu khóa «{path}.{key}» (chuỗi chữ).", where.at(f"{path}.{key}"))
        parts.append(clean(value))
    if not re.match(r"^(TM|KT|Q|TL|TUQ)\. \S", parts[0]):   # SG-02
        raise CampaignError(f"«{parts[0]}» phải bắt đầu bằng TM., KT., Q., TL. hoặc TUQ. rồi một dấu cách (SG-02).",
                            where.at(f"{path}.tham_quyen"))
    return Signature(*parts)
