"""A page campaign's phrasebook (`[loi_van]`): every sentence of its unit report and province summary.

Python keeps the structure (which variant applies, how lists are joined); the words are the campaign's.
Each key takes the {placeholders} listed in `PHRASES` (plus, in the sentences on figures, the campaign's
per-level figure keys); `load_campaign` checks every one and names the key and its line. A page campaign
that writes no `[loi_van]` (or leaves keys out) takes the default campaign's (`docgen.DEFAULT_CAMPAIGN`).
Filled through `form.fill`: whole names between braces only, nothing evaluated.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from docgen.campaigns.form import PLACEHOLDER, Reader, fill
from docgen.errors import CampaignError

_UNIT = {"don_vi"}
_COUNT = {"so", "don_vi"}
# Per-level figure sentences also take every per-level figure of the campaign (see `figure_names`).
_LEVEL = {"loai_don_vi", "so_don_vi", "so_da_bao_cao"}

# Key → the placeholders it may use. Lists (`bang_cot`) are written as TOML lists.
PHRASES: dict[str, set[str]] = {
    # Unit report
    "trich_yeu": {"ten_chien_dich"},
    "muc_ket_qua": set(), "muc_ton_tai": set(), "muc_de_xuat": set(), "khong_co": set(),
    "mo_dau": {"van_ban", "don_vi"},
    "mo_dau_khong_van_ban": {"ten_chien_dich", "don_vi"},
    "tieu_de_chi_dao": set(), "tieu_de_danh_gia": set(),
    "chi_dao_co_van_ban": {"huong_dan", "loai_cap_duoi"},
    "chi_dao": {"loai_cap_duoi"},
    "ke_hoach_cap_duoi": {"so", "loai_cap_duoi"},
    "ke_hoach": {"noi_dung"},
    "ke_hoach_co": set(), "ke_hoach_chua": set(), "cap_uy_co": set(), "cap_uy_chua": set(),
    "noi_cung": set(), "noi_nguoc": set(),
    "cap": _LEVEL, "cap_chua_co_trang": _LEVEL, "cap_khong_co_don_vi": _LEVEL,
    "trang_rieng": {"ten", "mau", "nguoi"},
    "trang_rieng_ten": {"ten_trang"},
    "trang_rieng_dung_mau": set(), "trang_rieng_sai_mau": {"mau_ten"},
    "trang_rieng_chua_lap": _UNIT, "trang_rieng_chua_lap_ghi_chu": {"don_vi", "ghi_chu"},
    "nguoi_lanh_dao": {"ten"}, "nguoi_van_hanh": {"ten"},
    "nguoi_chua_lanh_dao": set(), "nguoi_chua_van_hanh": set(), "nguoi_noi": set(),
    "nguoi_kiem": {"ten"}, "nguoi_kiem_khong_du": {"ten"},
    "danh_gia": _LEVEL | {"chu_the"}, "danh_gia_chua_co_trang": {"chu_the"},
    "danh_gia_don_vi": set(), "danh_gia_don_vi_chua_lap": set(),
    "chu_the_cac_cap": set(), "chu_the_don_vi": set(),
    "danh_gia_dat": set(), "danh_gia_han_che": {"han_che"},
    "han_che_chua_bao_cao": {"so"}, "han_che_chua_lap": {"so"}, "han_che_sai_mau": {"so"},
    "han_che_thieu_nguoi": {"so"},
    "nguyen_nhan": {"nguyen_nhan"},
    "khac_phuc": {"han"},
    "ket_luan": _UNIT, "ket_luan_mot_don_vi": _UNIT,
    # Section II: one line per fact, the units behind it (all levels together)
    "thieu_chua_bao_cao": _COUNT, "thieu_chua_lap": _COUNT, "thieu_sai_mau": _COUNT, "thieu_nguoi": _COUNT,
    "thieu_lien_he": _COUNT,
    "thieu_ca_hai": set(), "thieu_lanh_dao": set(), "thieu_van_hanh": set(), "kiem_khong_du": {"ten"},
    "cot_lien_ket": set(), "cot_ld_sdt": set(), "cot_ld_email": set(), "cot_vh_sdt": set(), "cot_vh_email": set(),
    # Province summary
    "th_kinh_gui": set(), "th_trich_yeu": set(), "th_de_xuat": set(),
    "th_mo_dau": {"van_ban", "don_vi"}, "th_mo_dau_cua_minh": {"van_ban", "don_vi"}, "th_mo_dau_khong": _UNIT,
    "th_muc_chi_dao": set(), "th_muc_ket_qua": set(), "th_muc_tung_don_vi": set(),
    "th_chi_dao": {"van_ban", "cap", "han"},
    "th_da_bao_cao": {"da_bao_cao"},
    "th_chua_bao_cao": _UNIT, "th_sau_han": _UNIT, "th_sau_han_don_vi": {"don_vi", "ngay"},
    "th_ke_hoach": {"ke_hoach", "cap_uy"},
    "th_phu_luc": set(), "th_muc_danh_gia": set(), "th_ket_luan": _UNIT,
    "th_thieu_chua_bao_cao": {"so", "cap", "don_vi"},
    "th_ngoai_danh_sach": set(), "th_chua_bao_cao_nhom": _UNIT,
    "bang_cot": set(), "bang_cong": set(),
    # Notes under a signed Phụ lục (`[bao_cao] hang_sai = "bo"`)
    "pl_o_chua_bao_cao": set(), "pl_o_chua_lap": set(), "pl_o_chua_lap_ghi_chu": {"ghi_chu"},
    "pl_o_sai_mau": {"ten_trang"}, "pl_o_chua_dung": {"gia_tri"},
    "pl_dong_ghi_lap": _UNIT, "pl_dong_ngoai_danh_muc": _UNIT,
    "pl_ghi_lap": _UNIT, "pl_ngoai_danh_muc": {"don_vi", "cap_tren"}, "pl_o_trong": _UNIT,
    # tong-hop.xlsx, sheet «Tổng hợp»: the built-in figures' column titles, a ratio column's title
    "xlsx_ghi_chu": set(), "xlsx_ngoai_danh_muc": set(), "xlsx_ghi_trung": set(), "xlsx_chua_dung": {"cot"},
    "xlsx_so_don_vi": set(), "xlsx_so_da_bao_cao": set(), "xlsx_don_vi": set(), "xlsx_ti_le": {"ten", "mau_so"},
    # `kiem-tra` on the command line: one line of figures per level ({cap} is the level's title)
    "kt_cap": _LEVEL - {"loai_don_vi"} | {"cap"},
    # The blank workbook's guide: how a unit without a page fills its row ({ten_trang}, {lien_ket}: column headers)
    "hd_chua_lap": {"ten_trang", "lien_ket"},
    # The blank workbook's title line under «DANH SÁCH» ({don_vi}: the unit, «xã Chung Chải»)
    "bm_tieu_de": {"don_vi"},
}
LISTS = {"bang_cot"}


def figure_names(figures) -> set[str]:
    """Return the placeholders a per-level sentence may use beyond `_LEVEL`: every per-level figure."""
    return {f.key for f in figures if f.per_level}


@dataclass(frozen=True)
class Phrasebook:
    """The campaign's sentences by key; `say` fills one."""

    texts: dict = field(default_factory=dict)

    def say(self, key: str, **values) -> str:
        """Return the sentence `key` with its {placeholders} filled (checked when the campaign was loaded)."""
        return fill(self.texts[key], {k: str(v) for k, v in values.items()})

    def words(self, key: str) -> tuple[str, ...]:
        return tuple(self.texts[key])

    def __contains__(self, key: str) -> bool:
        return key in self.texts


def parse_phrases(raw: dict, figures, read: Reader, fallback: dict | None = None) -> Phrasebook:
    """Return `[loi_van]` over `fallback` (the default campaign's), every key and placeholder checked."""
    table = raw.get("loi_van", {})
    if not isinstance(table, dict):
        raise _fail(read, "phải là một bảng [loi_van].", "loi_van")
    level_names = figure_names(figures)
    texts = dict(fallback or {})
    for key, value in table.items():
        if key not in PHRASES:
            raise _fail(read, f"câu «{key}» không có; các câu dùng được: {', '.join(sorted(PHRASES))}.", key)
        if key in LISTS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise _fail(read, "phải là danh sách chuỗi chữ, ví dụ [\"Đơn vị\", \"Số đơn vị\"].", key)
            texts[key] = tuple(unicodedata.normalize("NFC", v) for v in value)
            continue
        if not isinstance(value, str):
            raise _fail(read, f"giá trị «{value}» phải là chuỗi chữ.", key)
        allowed = PHRASES[key] | (level_names if PHRASES[key] is _LEVEL or "so_don_vi" in PHRASES[key] else set())
        for name in PLACEHOLDER.findall(value):
            if name not in allowed:
                raise _fail(read, f"chỗ điền «{{{name}}}» không dùng được ở câu này; dùng được: "
                                f"{', '.join('{' + n + '}' for n in sorted(allowed)) or '(không có)'}.", key,
                                "{" + name + "}")
        if value.count("{") != value.count("}"):
            raise _fail(read, "dấu { } không khớp nhau.", key)
        texts[key] = unicodedata.normalize("NFC", value)
    return Phrasebook(texts)


def _fail(read: Reader, message: str, key: str, needle: str = "") -> CampaignError:
    """Return the error on `[loi_van] key`, with the line of the key (or of `needle` after it)."""
    text, line = read.text, None
    head = re.search(r"^\[loi_van\]\s*$", text, re.M)
    found = re.search(rf"^\s*{re.escape(key)}\s*=", text[head.end():], re.M) if head else None
    if found:
        at = head.end() + found.start()
        hit = text.find(needle, at) if needle else -1
        line = text.count("\n", 0, hit if hit >= 0 else at) + 1
    where = f"loi_van.{key}" + (f" (dòng {line})" if line else "")
    return CampaignError(f"«loi_van.{key}»{f' (dòng {line})' if line else ''}: {message}", read.where.at(where))


def missing(book: Phrasebook) -> list[str]:
    """Return the keys a page campaign's phrasebook lacks (`chien-dich kiem-tra` names them)."""
    return [k for k in PHRASES if k not in book]
