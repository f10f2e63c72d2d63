"""Clean documents of the other kinds a Front office sends (ND30 Phụ lục III), built by hand with python-docx.

One builder per kind, each laid out to its model form: kế hoạch, thông báo, hướng dẫn,
tờ trình (Mẫu 1.4), quyết định cá biệt (Mẫu 1.2), công điện (Mẫu 1.6), giấy mời
(Mẫu 1.7), biên bản (Mẫu 1.9); each signs with another authority form (TM., KT.,
Q., TL., TUQ.). `KINDS` maps a file name to its builder and expected kind.
"""

from __future__ import annotations

from docx.shared import Cm, Pt

from tests.nd30 import nd30_docs as d
from tests.nd30.nd30_docs import BOTH, CENTER, LEFT, add

DATE = "Điện Biên, ngày 05 tháng 3 năm 2024"


def _title(doc, name: str, summary: str) -> None:
    add(doc, name, 14, bold=True, before=12)
    add(doc, summary, 14, bold=True)
    d.border_line(doc, 30, 155)


def _closing(doc, items: list[str], signature: list[str], name: str):
    t = d._two_columns(doc, 1)
    left, right = d._cell(t, 0, 0), d._cell(t, 0, 1)
    add(left, "Nơi nhận:", 12, bold=True, italic=True, align=LEFT)
    for item in items:
        add(left, item, 11, align=LEFT)
    for line in signature:
        add(right, line, 14, bold=True)
    for _ in range(4):
        add(right, "")
    add(right, name, 14, bold=True)
    return t


def _start(number: str, date: str | None = DATE):
    doc = d._base()
    d._header(doc, number, None, date or "")
    return doc


def ke_hoach():
    """Return a kế hoạch (Mẫu 1.4) signed "TM. BAN THƯỜNG TRỰC / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"."""
    doc = _start("Số: 15/KH-MTTQ-BTT")
    _title(doc, "KẾ HOẠCH", "Tổ chức «Ngày hội Đại đoàn kết toàn dân tộc» năm 2024")
    add(doc, "I. MỤC ĐÍCH, YÊU CẦU", 14, bold=True, align=BOTH, before=6, first_line=Cm(1.27))
    d._body(doc, ["Phát huy truyền thống đoàn kết, tương thân, tương ái của Nhân dân các dân tộc tỉnh Điện Biên.",
                  "Tổ chức Ngày hội thiết thực, tiết kiệm, đúng hướng dẫn của Ủy ban Trung ương MTTQ Việt Nam./."])
    add(doc, "")
    _closing(doc, ["- Ban Thường trực UBTƯ MTTQ Việt Nam (b/c);", "- Các huyện, thị xã, thành phố;",
                   "- Lưu: VT, BTT."], ["TM. BAN THƯỜNG TRỰC", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Lò Văn Minh")
    return doc


def thong_bao():
    """Return a thông báo (Mẫu 1.4) signed "TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG"."""
    doc = _start("Số: 08/TB-MTTQ-BTT")
    _title(doc, "THÔNG BÁO", "Kết luận của Ban Thường trực tại hội nghị giao ban tháng 3 năm 2024")
    d._body(doc, ["Ngày 01 tháng 3 năm 2024, Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh họp giao ban tháng 3.",
                  "Ban Thường trực đề nghị các ban chuyên môn hoàn thành rà soát «Trang cộng đồng» trong tháng 3./."])
    add(doc, "")
    _closing(doc, ["- Các ban chuyên môn;", "- Lưu: VT, VP."], ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"], "Quàng Thị Hoa")
    return doc


def huong_dan():
    """Return a hướng dẫn (Mẫu 1.4) signed "TUQ. CHỦ TỊCH / TRƯỞNG BAN TUYÊN GIÁO"."""
    doc = _start("Số: 04/HD-MTTQ-BTT")
    _title(doc, "HƯỚNG DẪN", "Đặt tên và quản trị «Trang cộng đồng» của Mặt trận cấp xã")
    d._body(doc, ["1. Tên Trang theo mẫu «Mặt trận xã … (huyện …)», không viết tắt.",
                  "a) Người quản trị là cán bộ Mặt trận xã được Ban Thường trực phân công.",
                  "b) Trang đăng tin ít nhất mỗi tuần một lần./."])
    add(doc, "")
    _closing(doc, ["- Ban Thường trực MTTQ các xã;", "- Lưu: VT, BTG."],
             ["TUQ. CHỦ TỊCH", "TRƯỞNG BAN TUYÊN GIÁO"], "Vì Văn Thắng")
    return doc


def to_trinh():
    """Return a tờ trình (Mẫu 1.4), sent upward with Kính gửi, signed "TM. BAN THƯỜNG TRỰC / CHỦ TỊCH"."""
    doc = _start("Số: 05/TTr-MTTQ-BTT")
    _title(doc, "TỜ TRÌNH", "Về việc đề nghị hỗ trợ kinh phí duy trì «Trang cộng đồng»")
    add(doc, "Kính gửi: Thường trực Tỉnh ủy Điện Biên", 14, align=LEFT, first_line=Cm(3.5), before=6)
    d._body(doc, ["Năm 2024, Mặt trận các cấp duy trì 130 «Trang cộng đồng» phục vụ tuyên truyền, vận động Nhân dân.",
                  "Ban Thường trực kính trình Thường trực Tỉnh ủy xem xét, quyết định./."])
    add(doc, "")
    _closing(doc, ["- Như trên;", "- Lưu: VT, BTT."], ["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"], "Nguyễn Văn An")
    return doc


def quyet_dinh():
    """Return a quyết định cá biệt (Mẫu 1.2): authority line, legal bases, "QUYẾT ĐỊNH:", Điều 1., 2., 3."""
    doc = _start("Số: 21/QĐ-MTTQ-BTT")
    _title(doc, "QUYẾT ĐỊNH", "Về việc thành lập Tổ rà soát «Trang cộng đồng»")
    add(doc, "BAN THƯỜNG TRỰC ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH ĐIỆN BIÊN", 14, bold=True, before=6)
    for text in ("Căn cứ Điều lệ Mặt trận Tổ quốc Việt Nam;",
                 "Căn cứ Quy chế làm việc của Ủy ban MTTQ Việt Nam tỉnh Điện Biên nhiệm kỳ 2024 - 2029;",
                 "Theo đề nghị của Trưởng Ban Tuyên giáo."):
        add(doc, text, 14, italic=True, align=BOTH, before=6, first_line=Cm(1.27))
    add(doc, "QUYẾT ĐỊNH:", 14, bold=True, before=6)
    for label, rest in (("Điều 1.", " Thành lập Tổ rà soát «Trang cộng đồng» gồm 05 thành viên có tên kèm theo."),
                        ("Điều 2.", " Tổ rà soát hoàn thành nhiệm vụ trước ngày 30 tháng 6 năm 2024."),
                        ("Điều 3.", " Chánh Văn phòng và các thành viên có tên tại Điều 1 chịu trách nhiệm thi "
                                    "hành Quyết định này./.")):
        p = add(doc, label, 14, bold=True, align=BOTH, before=6, first_line=Cm(1.27))
        p.add_run(rest).font.size = Pt(14)
    add(doc, "")
    _closing(doc, ["- Như Điều 3;", "- Lưu: VT, BTG."], ["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"], "Nguyễn Văn An")
    return doc


def cong_dien():
    """Return a công điện (Mẫu 1.6): "<issuer> điện:" and its recipients, signed "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"."""
    doc = _start("Số: 01/CĐ-MTTQ-BTT")
    _title(doc, "CÔNG ĐIỆN", "Về việc chủ động ứng phó với mưa lũ, sạt lở đất")
    add(doc, "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM TỈNH ĐIỆN BIÊN điện:", 14, align=BOTH, before=6,
        first_line=Cm(1.27))
    add(doc, "- Ban Thường trực Ủy ban MTTQ Việt Nam các huyện, thị xã, thành phố;", 14, align=LEFT, left=Cm(1.27))
    add(doc, "- Các tổ chức chính trị - xã hội tỉnh.", 14, align=LEFT, left=Cm(1.27))
    d._body(doc, ["Đề nghị các đơn vị chủ động vận động Nhân dân di dời khỏi vùng có nguy cơ sạt lở đất./."])
    add(doc, "")
    _closing(doc, ["- Như trên;", "- Lưu: VT, BTT."], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Lò Văn Minh")
    return doc


def giay_moi():
    """Return a giấy mời (Mẫu 1.7): who invites, to what, when, where; signed "Q. CHỦ TỊCH"."""
    doc = _start("Số: 03/GM-MTTQ-BTT")
    _title(doc, "GIẤY MỜI", "Dự hội nghị tập huấn quản trị «Trang cộng đồng»")
    d._body(doc, ["Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên trân trọng kính mời: đại diện Ban Thường "
                  "trực Ủy ban MTTQ Việt Nam các huyện, thị xã, thành phố.",
                  "Tới dự hội nghị tập huấn quản trị «Trang cộng đồng» của Mặt trận các cấp.",
                  "Thời gian: 08 giờ 00, ngày 12 tháng 3 năm 2024.",
                  "Địa điểm: Hội trường Ủy ban MTTQ Việt Nam tỉnh Điện Biên./."])
    add(doc, "")
    _closing(doc, ["- Như trên;", "- Lưu: VT, BTT."], ["Q. CHỦ TỊCH"], "Nguyễn Văn An")
    return doc


def bien_ban():
    """Return a biên bản (Mẫu 1.9): no date in the header; the secretary and the chair sign; Nơi nhận below."""
    doc = _start("Số: 02/BB-MTTQ-BTT", date=None)
    _title(doc, "BIÊN BẢN", "Hội nghị giao ban công tác Mặt trận quý I năm 2024")
    d._body(doc, ["Thời gian bắt đầu: 08 giờ 00, ngày 29 tháng 3 năm 2024.",
                  "Địa điểm: Hội trường Ủy ban MTTQ Việt Nam tỉnh Điện Biên.",
                  "Chủ trì: ông Nguyễn Văn An, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh.",
                  "Thư ký: bà Lò Thị Mai, chuyên viên Văn phòng.",
                  "Hội nghị kết thúc vào 11 giờ 30, ngày 29 tháng 3 năm 2024./."])
    add(doc, "")
    t = d._two_columns(doc, 1)
    for col, (title, name) in enumerate((("THƯ KÝ", "Lò Thị Mai"), ("CHỦ TỌA", "Nguyễn Văn An"))):
        cell = d._cell(t, 0, col)
        add(cell, title, 14, bold=True)
        for _ in range(4):
            add(cell, "")
        add(cell, name, 14, bold=True)
    add(doc, "Nơi nhận:", 12, bold=True, italic=True, align=LEFT, before=12)
    add(doc, "- Các đại biểu dự hội nghị;", 11, align=LEFT)
    add(doc, "- Lưu: VT, Hồ sơ.", 11, align=LEFT)
    return doc


KINDS = {  # file name → (builder, kind name the checker gives)
    "ke-hoach.docx": (ke_hoach, "kế hoạch"),
    "thong-bao.docx": (thong_bao, "thông báo"),
    "huong-dan.docx": (huong_dan, "hướng dẫn"),
    "to-trinh.docx": (to_trinh, "tờ trình"),
    "quyet-dinh.docx": (quyet_dinh, "quyết định"),
    "cong-dien.docx": (cong_dien, "công điện"),
    "giay-moi.docx": (giay_moi, "giấy mời"),
    "bien-ban.docx": (bien_ban, "biên bản"),
}


WIDTH, LEFT_WIDTH = 84, 36


def _place(p, width: int) -> str:
    return p.text.center(width) if p.alignment == CENTER else p.text.ljust(width)


def outline(doc) -> str:
    """Return the page as plain text, laid out roughly as printed (the examples of docs/the-thuc.md)."""
    import textwrap

    lines = []
    for block in doc.iter_inner_content():
        if hasattr(block, "rows"):
            for row in block.rows:
                cols = [[p for p in c.paragraphs if p.text.strip()] for c in row.cells]
                height = max(map(len, cols))
                left = [_place(p, LEFT_WIDTH) for p in cols[0]] + [" " * LEFT_WIDTH] * (height - len(cols[0]))
                right = [_place(p, WIDTH - LEFT_WIDTH) for p in cols[1]] + [""] * (height - len(cols[1]))
                lines += [f"{a}{b}".rstrip() for a, b in zip(left, right)]
            continue
        text = block.text
        if not text.strip():
            if lines and lines[-1]:
                lines.append("")
            continue
        if block.alignment == CENTER:
            lines += [t.center(WIDTH).rstrip() for t in textwrap.wrap(text, WIDTH)]
        else:
            indent = "    " if block.paragraph_format.first_line_indent else ""
            lines += textwrap.wrap(text, WIDTH, initial_indent=indent)
    return "\n".join(lines).strip("\n")


if __name__ == "__main__":  # python -m tests.nd30.nd30_kinds_docs RA/: write the examples and print their outlines
    import sys
    from pathlib import Path

    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    folder.mkdir(parents=True, exist_ok=True)
    for name, (build, kind) in KINDS.items():
        build().save(folder / name)
        print(f"## {kind}: {name}\n\n```text\n{outline(build())}\n```\n")
