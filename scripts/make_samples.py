"""Build the sample submissions in data/mau/ from the official unit lists (deterministic, re-runnable).

Run `python scripts/make_samples.py` to rewrite:
  data/mau/2022-dien-bien/<slug>.xlsx   one per district-level unit of tỉnh Điện Biên (dien-bien-dong.docx in Word)
  data/mau/2022-muong-nhe-xa/<slug>.xlsx the same rows as muong-nhe.xlsx as Mường Nhé's communes send them (one
                                         file each, Nậm Kè none) and the district's own file (its row, its facts)
  data/mau/2026-dien-bien/<slug>.xlsx     one per commune of the two-level list that reported (43 of 45: two
                                         missing, one late), each holding its own row, as each commune sends it
People, phones and e-mails are fictional (random.Random with fixed seeds). The layouts vary as clerks' files do;
`PLANTED` lists the mistakes put in on purpose and `NORMALISED` the harmless typing the checker only tidies;
the script stops if a mistake does not land on the cell listed (docs/doc-tep.md shows both tables).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from unidecode import unidecode  # noqa: E402  (file names and fictional handles only, never to compare names)

from docgen.campaigns.campaign import load_campaign  # noqa: E402
from docgen.records.model import Unit  # noqa: E402
from docgen.vntext import name_key  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
from make_samples_files import write_docx, write_xlsx  # noqa: E402

OUT_2022 = ROOT / "data" / "mau" / "2022-dien-bien"
OUT_2026 = ROOT / "data" / "mau" / "2026-dien-bien"
OUT_PROVINCE = ROOT / "data" / "mau" / "2022-dien-bien-tinh"   # the province's own facts and row (tong-hop --thong-tin)
OUT_2022_COMMUNES = ROOT / "data" / "mau" / "2022-muong-nhe-xa"


@dataclass(frozen=True)
class Planted:
    file: str      # path under data/mau/
    sheet: str
    cell: str      # "" when the mistake has no cell (a missing row)
    rule: str      # the rule ID docgen.checks should report (docgen/checks/rules.py)
    what: str      # Vietnamese, for docs/doc-tep.md


PLANTED: tuple[Planted, ...] = (
    Planted("2022-dien-bien/muong-nhe.xlsx", "Phụ lục", "C13", "TT-01", "Xã Chung Chải: tên Trang «Mặt trận xã Chung Chải» sai mẫu"),
    Planted("2022-dien-bien/muong-nhe.xlsx", "Phụ lục", "", "DV-02", "Thiếu dòng của Xã Nậm Kè"),
    Planted("2022-dien-bien/muong-nhe.xlsx", "Phụ lục", "F12", "SDT-01", "Xã Sen Thượng: số điện thoại lãnh đạo «0912 345» không hợp lệ"),
    Planted("2022-dien-bien/tuan-giao.xlsx", "Phụ lục", "B18", "DV-03", "Xã Mường Mùn ghi hai lần (dòng 17 và 18)"),
    Planted("2022-dien-bien/tuan-giao.xlsx", "Phụ lục", "G20", "EM-01", "Xã Pú Nhung: thư điện tử lãnh đạo «lo.van.binh@gmail» không hợp lệ"),
    Planted("2022-dien-bien/tuan-giao.xlsx", "Phụ lục", "D24", "TT-02", "Xã Nà Sáy: chưa có Trang («đang xây dựng», tên Trang để trống)"),
    Planted("2022-dien-bien/tuan-giao.xlsx", "Phụ lục", "H9", "NS-03", "Huyện Tuần Giáo: lãnh đạo phụ trách và cán bộ vận hành là cùng một người"),
    Planted("2022-dien-bien/tuan-giao.xlsx", "Phụ lục", "B28", "DV-01", "«Xã Quài Tở Mới» không có trong danh mục"),
    Planted("2022-dien-bien/tuan-giao.xlsx", "Phụ lục", "H30", "NS-02", "Xã Chiềng Đông: ba ô cán bộ quản lý, vận hành để trống"),
    Planted("2026-dien-bien/phuong-muong-thanh.xlsx", "Phụ lục", "D9", "TT-02", "Phường Mường Thanh: chưa có Trang («chưa có», tên Trang để trống)"),
    Planted("2026-dien-bien/xa-thanh-nua.xlsx", "Phụ lục", "C9", "TT-01", "Xã Thanh Nưa: tên Trang «MTTQ xã Thanh Nưa» sai mẫu"),
    Planted("2026-dien-bien/xa-muong-nhe.xlsx", "Phụ lục", "F9", "SDT-01", "Xã Mường Nhé: số điện thoại «0912 45» không hợp lệ"),
    Planted("2026-dien-bien/xa-tua-chua.xlsx", "Phụ lục", "G9", "EM-01", "Xã Tủa Chùa: thư điện tử «mttq.tuachua@gmail» không hợp lệ"),
)
# Two communes of 2026 send nothing (TH-02 at the province), one sends after the deadline of 31/3/2026 (TH-03).
MISSING_2026 = ("Xã Sín Thầu", "Xã Mường Luân")
LATE_2026 = {"Xã Quài Tở": dt.date(2026, 4, 3)}

NORMALISED: tuple[Planted, ...] = (
    Planted("2022-dien-bien/muong-nhe.xlsx", "Phụ lục", "I15", "SDT-02", "Xã Pá Mỳ: số điện thoại gõ thành số Excel 912000101"),
    Planted("2022-dien-bien/muong-nhe.xlsx", "Phụ lục", "D19", "LK-03", "Xã Mường Toong: liên kết «m.facebook.com/mattranmuongtoong» không có https://"),
    Planted("2022-dien-bien/muong-nhe.xlsx", "Phụ lục", "B20", "DV-04", "«Quảng  Lâm»: hai dấu cách, thiếu chữ «Xã»"),
    Planted("2022-dien-bien/dien-bien-phu.xlsx", "Phụ lục", "F11", "SDT-02", "Phường Noong Bua: số điện thoại có dấu chấm «0914.226.318»"),
    Planted("2022-dien-bien/muong-cha.xlsx", "Danh sách", "I18", "SDT-02", "Xã Sa Lông: số điện thoại dạng «+84 …»"),
    Planted("2022-dien-bien/nam-po.xlsx", "Phụ lục", "J14", "EM-02", "Xã Na Cô Sa: thư điện tử có chữ hoa"),
)

FAMILY_THAI = ("Lò", "Lường", "Quàng", "Cà", "Tòng", "Vì", "Điêu", "Lò")
FAMILY_MONG = ("Giàng", "Sùng", "Vàng", "Mùa", "Thào", "Lầu", "Hạng", "Ly", "Chá")
FAMILY_KINH = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đỗ", "Bùi", "Vũ", "Đặng")
GIVEN_M = ("Páo", "Dình", "Sính", "Chứ", "Phong", "Thắng", "Hùng", "Dũng", "Tuấn", "Sơn", "Hải", "Quang", "Kiên",
           "Chiến", "Thành", "Khánh", "Lả", "Vần", "Minh", "Cường")
GIVEN_F = ("Mai", "Lan", "Hương", "Thu", "Dung", "Xuân", "Thảo", "Nga", "Hằng", "Chi", "Ngọc", "Phương", "Say", "Dợ")
MOBILE = ("091", "094", "088", "098", "097", "096", "086", "035", "036", "038", "039", "033", "081", "083", "084", "085")


def slug(name: str) -> str:
    """Return the file-name slug of a unit name ("Điện Biên Phủ" → "dien-bien-phu")."""
    return re.sub(r"[^a-z0-9]+", "-", unidecode(name).lower()).strip("-")


def handle(name: str) -> str:
    return slug(name).replace("-", "")


class People:
    """Fictional people, phones and e-mails, each unique, from a seeded generator."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.names: set[str] = set()
        self.phones: set[str] = set()
        self.emails: set[str] = set()

    def name(self) -> str:
        while True:
            family = self.rng.choice(self.rng.choice((FAMILY_THAI, FAMILY_MONG, FAMILY_KINH)))
            female = self.rng.random() < 0.4
            middle = "Thị" if female else ("A" if family in FAMILY_MONG and self.rng.random() < 0.5 else "Văn")
            if family in FAMILY_KINH and not female and self.rng.random() < 0.4:
                middle = self.rng.choice(("Đức", "Minh", "Quốc", "Xuân"))
            full = f"{family} {middle} {self.rng.choice(GIVEN_F if female else GIVEN_M)}"
            if full not in self.names:
                self.names.add(full)
                return full

    def phone(self, landline: bool = False) -> str:
        while True:
            if landline:
                digits = f"02153{self.rng.randrange(820000, 899999)}"
                shown = f"{digits[:4]} {digits[4:8]} {digits[8:]}"
            else:
                digits = f"{self.rng.choice(MOBILE)}{self.rng.randrange(1000000, 9999999)}"
                shown = f"{digits[:4]} {digits[4:7]} {digits[7:]}"
            if digits not in self.phones:
                self.phones.add(digits)
                return shown

    def email(self, name: str) -> str:
        family, *_, given = handle(name.split()[0]), handle(name.split()[-1])
        middle = handle(name.split()[1])
        styles = (f"{given}{family}", f"{family}{middle}{given}", f"{given}.{family}", f"mttq.{given}{family}")
        while True:
            local = self.rng.choice(styles) + str(self.rng.randrange(10, 99))
            if local not in self.emails:
                self.emails.add(local)
                return f"{local}@gmail.com"

    def person(self, landline: bool = False) -> list[str]:
        n = self.name()
        return [n, self.phone(landline), self.email(n)]


@dataclass
class Row:
    """One row of the form as it will be typed; `tags` name planted cells (key → tag)."""

    tt: object
    unit: str
    page: str = ""
    link: object = ""
    leader: list = field(default_factory=lambda: ["", "", ""])
    operator: list = field(default_factory=lambda: ["", "", ""])
    tags: dict = field(default_factory=dict)
    blank_before: bool = False

    def values(self) -> list[object]:
        return [self.tt, self.unit, self.page, self.link, *self.leader, *self.operator]


@dataclass
class Layout:
    """How one clerk laid out the file (all real variants of the form)."""

    sheet: str = "Phụ lục"
    district_on_group_row: bool = False
    district_tt: object = None
    blank_after: int | None = None
    note: bool = False
    breaks: bool = False
    number_row: bool = False
    first_col: int = 1
    facts_first: bool = False
    extra_sheet: str | None = None
    phu_luc_label: bool = False
    date_as_text: bool = False
    noi_nhan_rows: bool = False
    so: object = None


LAYOUTS = {
    "94": Layout(district_on_group_row=True, phu_luc_label=True, breaks=True, note=True, so=21),
    "95": Layout(sheet="Danh sách", facts_first=True, date_as_text=True, noi_nhan_rows=True, so="09"),
    "96": Layout(blank_after=5, note=True, breaks=True, so=15),
    "97": Layout(sheet="Danh sách", district_on_group_row=True, extra_sheet="Hướng dẫn", so=12),
    "98": Layout(sheet="Sheet1", number_row=True, noi_nhan_rows=True, so=30),
    "99": Layout(note=True, so=27),
    "100": Layout(district_on_group_row=True, blank_after=11, breaks=True, so=44),
    "101": Layout(so=18),
    "102": Layout(district_tt=1, first_col=2, date_as_text=True, so=16),
    "103": Layout(district_on_group_row=True, phu_luc_label=True, so=33),
}


def page_name(campaign, unit: Unit) -> str:
    return campaign.level_at(unit.level).expected_page_name(unit)


def district_rows(campaign, district: Unit, people: People) -> list[Row]:
    """Return the clean rows of a district: its own row, then its communes in official order."""
    kind = {"huyện": "huyen", "thị xã": "thixa", "thành phố": "tp"}[district.kind]
    rows = [Row(None, district.full_name, page_name(campaign, district),
                f"https://www.facebook.com/mattran{kind}{handle(district.name)}",
                people.person(landline=people.rng.random() < 0.3), people.person())]
    for i, commune in enumerate(campaign.units.children(district), start=1):
        leader = people.person()
        operator = leader[:] if people.rng.random() < 0.25 else people.person()
        rows.append(Row(i, commune.full_name, page_name(campaign, commune),
                        f"https://www.facebook.com/mattran{handle(commune.name)}", leader, operator))
    return rows


def _find(rows: list[Row], unit: str) -> Row:
    return next(r for r in rows if r.unit == unit)


def plant_muong_nhe(rows: list[Row]) -> list[Row]:
    _find(rows, "Xã Chung Chải").page = "Mặt trận xã Chung Chải"
    _find(rows, "Xã Chung Chải").tags["ten_trang"] = "TT-01"
    rows = [r for r in rows if r.unit != "Xã Nậm Kè"]
    sen = _find(rows, "Xã Sen Thượng")
    sen.leader[1], sen.tags["ld_sdt"] = "0912 345", "SDT-01"
    pa = _find(rows, "Xã Pá Mỳ")
    pa.operator = [pa.operator[0], 912000101, pa.operator[2]]
    pa.tags["vh_sdt"] = "SDT-02"
    toong = _find(rows, "Xã Mường Toong")
    toong.link, toong.tags["lien_ket"] = "m.facebook.com/mattranmuongtoong", "LK-03"
    lam = _find(rows, "Xã Quảng Lâm")
    lam.unit, lam.tags["don_vi"] = "Quảng  Lâm", "DV-04"
    return _renumber(rows)


def plant_tuan_giao(rows: list[Row], people: People) -> list[Row]:
    district = rows[0]
    district.operator, district.tags["vh_ten"] = district.leader[:], "NS-03"
    mun = _find(rows, "Xã Mường Mùn")
    dup = Row(None, mun.unit, mun.page, mun.link, mun.leader[:], mun.operator[:], {"don_vi": "DV-03"})
    rows.insert(rows.index(mun) + 1, dup)
    nhung = _find(rows, "Xã Pú Nhung")
    nhung.leader = ["Lò Văn Bình", people.phone(), "lo.van.binh@gmail"]
    nhung.tags["ld_email"] = "EM-01"
    say = _find(rows, "Xã Nà Sáy")
    say.page, say.link, say.tags["lien_ket"] = "", "đang xây dựng", "TT-02"
    to = _find(rows, "Xã Quài Tở")
    new = Row(None, "Xã Quài Tở Mới", "Mặt trận Quài Tở Mới (huyện Tuần Giáo, tỉnh Điện Biên)",
              "https://www.facebook.com/mattranquaitomoi", people.person(), people.person(), {"don_vi": "DV-01"})
    rows.insert(rows.index(to) + 1, new)
    dong = _find(rows, "Xã Chiềng Đông")
    dong.operator, dong.tags["vh_ten"] = ["", "", ""], "NS-02"
    return _renumber(rows)


def normalise_cases(code: str, rows: list[Row]) -> None:
    """Put the harmless typing variants of NORMALISED into the clean files."""
    if code == "94":
        r = _find(rows, "Phường Noong Bua")
        r.leader[1], r.tags["ld_sdt"] = "0914.226.318", "SDT-02"
    if code == "97":
        r = _find(rows, "Xã Sa Lông")
        r.operator = [r.operator[0], "+84 97 531 2468", r.operator[2]]
        r.tags["vh_sdt"] = "SDT-02"
    if code == "103":
        r = _find(rows, "Xã Na Cô Sa")
        r.operator = [r.operator[0], r.operator[1], "Mttq.NaCoSa.VanHanh@Gmail.com"]
        r.tags["vh_email"] = "EM-02"


def _renumber(rows: list[Row]) -> list[Row]:
    for i, r in enumerate(rows[1:], start=1):
        r.tt = i
    return rows


def facts(unit: Unit, people: People, layout: Layout, day: dt.date, upper: str) -> dict:
    deputy = people.rng.random() < 0.4
    party = {"huyện": "Huyện ủy", "thị xã": "Thị ủy", "thành phố": "Thành ủy", "tỉnh": "Tỉnh ủy"}[unit.kind]
    signer = people.name()
    if deputy:
        people.rng.random()   # the draw that once chose the "KT." form: kept, so later names and phones stay the same
    return {
        "don_vi": unit.full_name,
        "so": layout.so,
        "ngay": f"{day.day}/{day.month}/{day.year}" if layout.date_as_text else day,
        "nguoi_ky": signer,
        "chuc_vu": "PHÓ CHỦ TỊCH" if deputy else "CHỦ TỊCH",
        # One signature form per campaign ([ky] cap_pho = "tm", as dispatch 1031).
        "tham_quyen": "TM. BAN THƯỜNG TRỰC",
        # The body in «Kính gửi» is «Như trên»: not written again (the facts hint says so).
        "noi_nhan": [f"Thường trực {party} (b/c)", "Các đồng chí Ủy viên Ban Thường trực"],
        "luu": "VP",
        # The district's own guidance to its communes (item 1 of 1031), a few days after the dispatch.
        "huong_dan": f"Công văn số {int(unit.code) % 50 + 1:02d}/MTTQ-BTT ngày {(day - dt.timedelta(days=17)).day:02d}/"
                     f"{(day - dt.timedelta(days=17)).month:02d}/{day.year}",
        "co_ke_hoach": "Có",
        "bao_cao_cap_uy": "Có",
        "de_xuat": people.rng.sample([
            "Đề nghị tổ chức tập huấn kỹ năng quản trị “Trang cộng đồng” cho cán bộ cấp huyện, cấp xã.",
            "Đề nghị hỗ trợ kinh phí mua sắm thiết bị phục vụ đăng tải tin, bài.",
            "Đề nghị chia sẻ thường xuyên các sản phẩm tuyên truyền của tỉnh để cơ sở đăng lại.",
            "Đề nghị có hướng dẫn xử lý khi Trang bị giả mạo hoặc bị báo cáo vi phạm.",
        ], 2),
    }


def build_2022(out: Path = OUT_2022) -> dict[str, dict]:
    campaign = load_campaign("2022-trang-cong-dong")
    province = campaign.province
    found: dict[str, dict] = {}
    out.mkdir(parents=True, exist_ok=True)
    for n, district in enumerate(campaign.units.children(province)):
        people = People(2022 * 100 + n)
        layout = LAYOUTS[district.code]
        rows = district_rows(campaign, district, people)
        if district.code == "96":
            rows = plant_muong_nhe(rows)
        elif district.code == "99":
            rows = plant_tuan_giao(rows, people)
        normalise_cases(district.code, rows)
        if layout.blank_after is not None:
            rows[layout.blank_after + 1].blank_before = True
        rows[0].tt = layout.district_tt
        info = facts(district, people, layout, dt.date(2022, 3, 18 + n), "Ủy ban MTTQ Việt Nam tỉnh")
        # Item 1 of 1031: how many of its communes built a plan and told their Party committee (no draw from
        # `people`, so every later name and phone stays the same); one district in three has one still to do.
        below = len(campaign.units.children(district))
        info["ke_hoach_cap_duoi"] = f"{below - (1 if int(district.code) % 3 == 0 else 0)}/{below}"
        title = f"ỦY BAN MTTQ VIỆT NAM {district.full_name.upper()}"
        subtitle = f"“Trang cộng đồng” Mặt trận {district.label}"
        name = f"{slug(district.name)}.{'docx' if district.code == '101' else 'xlsx'}"
        groups = [("I", "Cấp huyện", rows[:1]), ("II", "Cấp xã", rows[1:])]
        writer = write_docx if name.endswith(".docx") else write_xlsx
        found[f"{OUT_2022.name}/{name}"] = writer(out / name, title, subtitle, groups, info, layout)
        if district.code == "96":
            build_communes(campaign, district, rows, info, out.parent / OUT_2022_COMMUNES.name)
    return found


def build_communes(campaign, district: Unit, rows: list[Row], info: dict, out: Path) -> None:
    """Write the files Mường Nhé's communes send their district (the same rows as muong-nhe.xlsx, one file
    each: Nậm Kè sends none) and the district's own file (its row and its facts), for `tong-hop --don-vi`."""
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.xlsx"):
        old.unlink()
    people = People(96)
    district_row = replace(rows[0], tt=None, blank_before=False)
    write_xlsx(out / f"{slug(district.full_name)}.xlsx", f"ỦY BAN MTTQ VIỆT NAM {district.full_name.upper()}",
               f"“Trang cộng đồng” Mặt trận {district.label}", [("I", "Cấp huyện", [district_row])], info, Layout(so=15))
    communes = {name_key(c.name): c for c in campaign.units.children(district)}
    for n, row in enumerate(rows[1:], start=1):
        commune = communes[name_key(row.unit.removeprefix("Xã ").removeprefix("Thị trấn "))]
        mine = replace(row, tt=1, blank_before=False)
        facts_ = commune_facts(commune, people, dt.date(2022, 3, 3 + n), n, merged=False)
        write_xlsx(out / f"{slug(commune.full_name)}.xlsx", f"ỦY BAN MTTQ VIỆT NAM {commune.full_name.upper()}",
                   f"“Trang cộng đồng” Mặt trận {commune.label}", [("I", "Cấp xã", [mine])], facts_, Layout(so=n))


def commune_facts(unit: Unit, people: People, day: dt.date, so: int, merged: bool = True) -> dict:
    """Return a commune's own facts: its Front reports up (`gui_ve`), copies to its Party committee.
    `merged`: after the 2025 mergers (2026), a proposal may speak of the former communes' pages; not in 2022."""
    deputy = people.rng.random() < 0.4
    return {
        "don_vi": unit.full_name,
        "so": so,
        "ngay": day,
        "nguoi_ky": people.name(),
        "chuc_vu": "PHÓ CHỦ TỊCH" if deputy else "CHỦ TỊCH",
        "tham_quyen": "TM. BAN THƯỜNG TRỰC",
        "noi_nhan": [f"Thường trực Đảng ủy {unit.label} (b/c)", "Các đồng chí Ủy viên Ban Thường trực"],
        "luu": "VP",
        "co_ke_hoach": "Có",
        "bao_cao_cap_uy": "Có",
        "de_xuat": people.rng.sample([
            "Đề nghị tổ chức tập huấn kỹ năng quản trị “Trang cộng đồng” cho cán bộ Mặt trận các xã, phường.",
            "Đề nghị hỗ trợ kinh phí mua sắm thiết bị phục vụ đăng tải tin, bài.",
            "Đề nghị chia sẻ thường xuyên các sản phẩm tuyên truyền của tỉnh để cơ sở đăng lại.",
            "Đề nghị có hướng dẫn chuyển người theo dõi từ Trang của các xã (cũ) sang Trang mới." if merged else
            "Đề nghị có hướng dẫn xử lý khi Trang bị giả mạo hoặc bị báo cáo vi phạm.",
        ], 2),
    }


def plant_2026(row: Row) -> None:
    """Put the 2026 sample's realistic mistakes in (PLANTED) on the rows they concern."""
    if row.unit == "Phường Mường Thanh":
        row.page, row.link, row.tags["lien_ket"] = "", "chưa có", "TT-02"
    elif row.unit == "Xã Thanh Nưa":
        row.page, row.tags["ten_trang"] = "MTTQ xã Thanh Nưa", "TT-01"
    elif row.unit == "Xã Mường Nhé":
        row.leader[1], row.tags["ld_sdt"] = "0912 45", "SDT-01"
    elif row.unit == "Xã Tủa Chùa":
        row.leader[2], row.tags["ld_email"] = "mttq.tuachua@gmail", "EM-01"


def build_2026(out: Path = OUT_2026) -> dict[str, dict]:
    """Write one file per commune that reported (MISSING_2026 did not), each with its own row only."""
    campaign = load_campaign("2026-ra-soat-trang-cong-dong")
    province = campaign.province
    people = People(2026)
    found: dict[str, dict] = {}
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.xlsx"):
        old.unlink()
    for n, commune in enumerate(campaign.units.children(province), start=1):
        leader = people.person()
        operator = leader[:] if people.rng.random() < 0.7 else people.person()
        row = Row(1, commune.full_name, page_name(campaign, commune),
                  f"https://www.facebook.com/mattran{handle(commune.name)}", leader, operator)
        plant_2026(row)
        day = LATE_2026.get(commune.full_name, dt.date(2026, 3, 9 + n % 22))
        info = commune_facts(commune, people, day, 10 + n)
        if commune.full_name in MISSING_2026:
            continue
        name = f"{slug(commune.full_name)}.xlsx"
        title = f"ỦY BAN MTTQ VIỆT NAM {commune.full_name.upper()}"
        subtitle = f"“Trang cộng đồng” Mặt trận {commune.label}"
        found[f"{OUT_2026.name}/{name}"] = write_xlsx(out / name, title, subtitle, [("I", "Cấp xã", [row])],
                                                       info, Layout(so=info["so"]))
    return found


def build_province_2022(out: Path = OUT_PROVINCE) -> None:
    """Write the province's own file for `tong-hop --thong-tin`: its facts and its own row (page, people)."""
    campaign = load_campaign("2022-trang-cong-dong")
    province = campaign.province
    row = Row(1, province.full_name, "Mặt trận Điện Biên", "https://www.facebook.com/Mat-tran-Dien-Bien",
              ["Giàng Trọng Bình", "0912 468 135", "binhgtr@gmail.com"],
              ["Lưu Hoài Nam", "0969 357 246", "namhoailuu@gmail.com"])
    info = {
        "don_vi": province.full_name, "so": "", "ngay": None, "nguoi_ky": "Giàng Trọng Bình",
        "chuc_vu": "PHÓ CHỦ TỊCH", "tham_quyen": "TM. BAN THƯỜNG TRỰC",
        "noi_nhan": ["Thường trực Tỉnh ủy (b/c)", "Ban Tuyên giáo Tỉnh ủy",
                     "Các đồng chí Ủy viên Ban Thường trực"],
        "luu": "DCPL", "co_ke_hoach": "Có", "bao_cao_cap_uy": "Có",
        "de_xuat": ["Đề nghị Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam tiếp tục hướng dẫn, hỗ trợ kỹ thuật để "
                    "Mặt trận các cấp quản lý, vận hành “Trang cộng đồng” hiệu quả."],
        "nguyen_nhan": "Một số cán bộ cơ sở kiêm nhiệm nhiều việc, kỹ năng sử dụng mạng xã hội còn hạn chế",
    }
    out.mkdir(parents=True, exist_ok=True)
    write_xlsx(out / "thong-tin-tinh-dien-bien.xlsx", "ỦY BAN MTTQ VIỆT NAM TỈNH ĐIỆN BIÊN",
               "“Trang cộng đồng” Mặt trận tỉnh Điện Biên", [("I", "Cấp tỉnh", [row])], info, Layout())


def check_planted(found: dict[str, dict]) -> list[str]:
    """Return the differences between where mistakes landed and PLANTED/NORMALISED (empty when equal)."""
    want = {(p.file, p.sheet, p.cell, p.rule) for p in PLANTED + NORMALISED if p.cell}
    got = {(f, sheet, cell, rule) for f, tags in found.items() for (sheet, cell), rule in tags.items()}
    return [f"thiếu {w}" for w in sorted(want - got)] + [f"thừa {g}" for g in sorted(got - want)]


def main(argv: list[str] | None = None) -> int:
    """Build every sample (under data/mau/, or under the folder given) and check the planted cells."""
    argv = sys.argv[1:] if argv is None else argv
    root = Path(argv[0]) if argv else OUT_2022.parent
    found = build_2022(root / OUT_2022.name)
    found.update(build_2026(root / OUT_2026.name))
    build_province_2022(root / OUT_PROVINCE.name)
    diff = check_planted(found)
    for line in diff:
        print(line)
    print(f"Đã ghi {len(list((root / OUT_2022.name).iterdir()))} tệp vào {root / OUT_2022.name} "
          f"và {len(list((root / OUT_2026.name).iterdir()))} tệp vào {root / OUT_2026.name}.")
    return 1 if diff else 0


if __name__ == "__main__":
    raise SystemExit(main())
