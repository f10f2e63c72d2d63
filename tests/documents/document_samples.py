"""Hand-built checked submissions for the document tests (no reader, no checker involved)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docgen.campaigns.campaign import load_campaign
from docgen.errors import Location
from docgen.records.model import (
    Facts, LevelFigures, Person, Problem, RawTable, Record, Role, Severity, Source, Submission,
)

ROOT = Path(__file__).resolve().parents[2]
WHERE = Location("muong_nhe.xlsx", "Phụ lục")
TRICKY = "Mặt trận A & B <C>"


def campaign_2022():
    return load_campaign("2022-trang-cong-dong")


def muong_nhe(facts: Facts | None = None) -> Submission:
    """Return Mường Nhé's submission: the district page, 9 communes with pages, 2 gaps, one unknown row.

    The 2nd commune has no page; the 3rd's page is named `TRICKY` (off pattern); the 4th
    has no operator; the last has no row at all; a row names a unit not in the list.
    """
    campaign = campaign_2022()
    units = campaign.units
    district = units.match("Mường Nhé", 1, campaign.province)
    communes = units.children(district)
    level_h, level_x = campaign.levels
    records = [Record(WHERE.at("A8"), district.full_name, district, level_h.expected_page_name(district),
                      "https://www.facebook.com/mattranmuongnhe", "Facebook",
                      Person(Role.LEADER, "Giàng A Dế", "0912345678", "de@gmail.com"),
                      Person(Role.OPERATOR, "Lò Văn Hùng", "0969123456", "hung@gmail.com"))]
    problems = []
    no_page, off_pattern, no_operator = communes[1], communes[2], communes[3]
    for i, c in enumerate(communes[:-1]):
        where = WHERE.at(f"A{10 + i}")
        if c == no_page:
            records.append(Record(where, c.full_name, c, page_note="đang xây dựng"))
            problems.append(Problem("TT-02", Severity.WARNING, "Chưa thành lập Trang", where, "", c.code))
            continue
        name = TRICKY if c == off_pattern else level_x.expected_page_name(c)
        if name == TRICKY:
            problems.append(Problem("TT-01", Severity.ERROR, "Tên Trang không đúng mẫu", where, "", c.code))
        operator = Person(Role.OPERATOR) if c == no_operator else Person(Role.OPERATOR, f"Vận hành {i}")
        records.append(Record(where, c.full_name, c, name, f"https://www.facebook.com/mt{i}", "Facebook",
                              Person(Role.LEADER, f"Lãnh đạo {i}", "0912000000", f"ld{i}@gmail.com"), operator))
    missing = communes[-1]
    problems.append(Problem("DV-02", Severity.ERROR, f"Thiếu {missing.label}", WHERE, "", missing.code))
    problems.append(Problem("SDT-01", Severity.ERROR, "Số điện thoại sai", WHERE.at("F12")))
    records.append(Record(WHERE.at("A30"), "Xã Không Có", None, "Mặt trận Không Có", "https://www.facebook.com/khongco"))
    expected = (district, *communes)
    n = len(communes)  # present n-1; pages n-2; on pattern n-3; leaders n-2; operators n-3
    figures = (
        LevelFigures("huyen", "Cấp huyện", 1, 1, 1, 1, 1, 1, 1),
        LevelFigures("xa", "Cấp xã", n, n - 1, n - 2, n - 3, n - 2, n - 3, n - 3),
    )
    facts = facts or Facts(
        don_vi="Huyện Mường Nhé", so="", ngay=None, nguoi_ky="Nguyễn Văn An", chuc_vu="Phó Chủ tịch",
        tham_quyen="KT. CHỦ TỊCH", noi_nhan=("Thường trực Huyện ủy (b/c)",), luu="VP",
        co_ke_hoach=True, bao_cao_cap_uy=False, de_xuat=("Đề nghị tỉnh mở lớp tập huấn quản trị Trang.",),
    )
    source = Source("muong_nhe.xlsx", RawTable(WHERE, "A6", ()), facts)
    return Submission(source, district, tuple(records), tuple(problems), figures, expected)


def issued_facts() -> Facts:
    return Facts(don_vi="Huyện Mường Nhé", so="5", ngay=dt.date(2022, 3, 10), nguoi_ky="Nguyễn Văn An",
                 chuc_vu="Chủ tịch", tham_quyen="TM. BAN THƯỜNG TRỰC", luu="VP")


def render(template: str, context: dict, out):
    """Render templates/<template> with `context` through docxtpl in a sandboxed, autoescaping env; return `out`."""
    import jinja2.sandbox
    from docxtpl import DocxTemplate

    from docgen.render.filters import FILTERS

    env = jinja2.sandbox.SandboxedEnvironment(autoescape=True)
    env.filters.update(FILTERS)
    tpl = DocxTemplate(str(ROOT / "templates" / template))
    tpl.render(context, env)
    tpl.save(str(out))
    return out
