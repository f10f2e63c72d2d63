"""Helpers for the template tests: read parts of a .docx, render a template with sample contexts."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def part(path: Path, name: str = "word/document.xml") -> etree._Element:
    """Return a part of a .docx as parsed XML."""
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def text_of(el) -> str:
    return "".join(el.itertext(f"{{{W}}}t"))


def paragraphs(root) -> list:
    return root.findall(".//w:p", NS)


def render(template: str, context: dict, out: Path) -> Path:
    """Render templates/<template> with docxtpl in a sandboxed, autoescaping env and the docgen filters."""
    import jinja2.sandbox
    from docxtpl import DocxTemplate

    from docgen.render.filters import FILTERS

    env = jinja2.sandbox.SandboxedEnvironment(autoescape=True)
    env.filters.update(FILTERS)
    tpl = DocxTemplate(str(TEMPLATES / template))
    tpl.render(context, env)
    tpl.save(str(out))
    return out


def block(kind, bold="", plain=""):
    return {"loai": kind, "dam": bold, "thuong": plain, "text": bold + plain}


def cong_van_context(**over) -> dict:
    """Return a công văn context (no type name, several recipients, a legal basis)."""
    ctx = {
        "co_quan_chu_quan": ["ỦY BAN MTTQ VIỆT NAM", "TỈNH ĐIỆN BIÊN"],
        "co_quan_ban_hanh": ["BAN THƯỜNG TRỰC"],
        "so": "1031", "ky_hieu": "MTTQ-BTT", "ngay": dt.date(2022, 2, 25), "nam": 2022, "dia_danh": "Điện Biên",
        "loai_van_ban": "",
        "trich_yeu": "củng cố, hoàn thiện các trang MXH của Mặt trận các cấp",
        "kinh_gui": ["- Ban Thường trực Ủy ban MTTQ Việt Nam các huyện;", "- Văn phòng."],
        "noi_dung": [
            block("can_cu", "", "Căn cứ Công văn số 3344/MTTW-BTT ngày 02/12/2021;"),
            block("doan", "", "Đề nghị thực hiện như sau:"),
            block("doan", "1. Tên Trang: ", "Mặt trận A & B <C>"),
            block("muc", "2. Phân công"),
            block("gach", "", "- Lãnh đạo phụ trách./."),
        ],
        "noi_nhan": ["- Như trên;", "- Lưu: VT, DCPL."],
        "tham_quyen": "TM. BAN THƯỜNG TRỰC", "ky_thay": "", "chuc_vu": "PHÓ CHỦ TỊCH", "nguoi_ky": "Giàng Trọng Bình",
    }
    ctx.update(over)
    return ctx


def bao_cao_context(**over) -> dict:
    """Return a draft báo cáo context with one recipient and a deputy's signature."""
    return cong_van_context(**{
        "co_quan_chu_quan": ["ỦY BAN MTTQ VIỆT NAM", "HUYỆN MƯỜNG NHÉ"], "so": "", "ky_hieu": "BC-MTTQ-BTT",
        "ngay": None, "dia_danh": "Mường Nhé", "loai_van_ban": "BÁO CÁO",
        "trich_yeu": "Kết quả củng cố, hoàn thiện các “Trang cộng đồng” của Mặt trận các cấp",
        "kinh_gui": ["Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên"],
        "ky_thay": "KT. CHỦ TỊCH", **over})


def row(tt, don_vi, ten_trang="") -> dict:
    from tests.forms import COLUMNS

    return {c.key: "" for c in COLUMNS} | {"tt": tt, "don_vi": don_vi, "ten_trang": ten_trang}


def phu_luc_context() -> dict:
    return {
        "tieu_de": "DANH SÁCH “TRANG CỘNG ĐỒNG” CỦA MẶT TRẬN CÁC CẤP",
        "kem_theo": "Kèm theo Báo cáo số      /BC-MTTQ-BTT ngày      tháng      năm 2022 của Ban Thường trực",
        "nhom": [
            {"so": "I", "ten": "Cấp huyện", "dong": [row("1", "Huyện Mường Nhé", "Mặt trận Mường Nhé (tỉnh Điện Biên)")]},
            {"so": "II", "ten": "Cấp xã", "dong": [row("1", "Xã Chung Chải", "Mặt trận A & B <C>"),
                                                   row("2", "Xã Sen Thượng")]},
        ],
        **headers(),
    }


def headers() -> dict:
    """Return the header texts the campaign declares ("cot", "nhom_cot"), as documents.phu_luc gives them."""
    from docgen.campaigns.campaign import load_campaign
    from docgen.documents.phu_luc import headers as of

    return of(load_campaign())
