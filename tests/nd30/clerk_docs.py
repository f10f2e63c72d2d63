"""Documents as a clerk types them in Word's default template, one or more per kind a Front office sends.

Each is built with python-docx from `Document()`: Calibri/Cambria 11, Letter
paper, Word's paragraph spacing, text left as typed. The clerk's habits vary
by document (`Habits`): lines of the header, Kính gửi, Nơi nhận and signature
typed with Shift+Enter in one paragraph; the header typed with tabs instead of
a table; the Tiêu ngữ underlined instead of a drawn line; "Số:" and "V/v" in
one paragraph; Kính gửi on several lines; blank lines before the signature;
the body indented with the Tab key. `CLERK_DOCS` maps a file name to its
builder and to the findings only a person can put right (what `--sua` must
leave, in order): most have none, a few miss a line only the writer may add.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from tests.nd30.word_default import word_defaults

CENTER = WD_ALIGN_PARAGRAPH.CENTER
AGENCY = ("ỦY BAN MTTQ VIỆT NAM", "HUYỆN MƯỜNG NHÉ", "BAN THƯỜNG TRỰC")
QH, TN = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc"
DATE = "Mường Nhé, ngày 5 tháng 3 năm 2022"


@dataclass(frozen=True)
class Habits:
    """How the clerk typed: what Word's default template and the keyboard gave."""

    shift_enter: bool = False      # header cells, Kính gửi, Nơi nhận and signature: one paragraph, Shift+Enter
    tabs: bool = False             # the header typed with tabs, no table
    underlined_motto: bool = False  # the Tiêu ngữ underlined by hand
    centred: bool = False          # the header, title and signature centred with the toolbar button
    bold: bool = False             # Quốc hiệu, Tiêu ngữ, issuer, title and signature made bold
    tab_indent: bool = False       # body paragraphs indented with the Tab key
    blank_before_signature: int = 0
    word_2016: bool = True         # Word 2016 spacing (8 pt after, 1.08 lines); else python-docx's 10 pt, 1.15


@dataclass(frozen=True)
class Typed:
    """What the clerk typed, part by part."""

    number: str
    date: str | None = DATE
    title: str | None = None
    summary: str | None = None
    vv: str | None = None
    kinh_gui: tuple = ()
    body: tuple = ()
    nn: tuple = ("- Như trên;", "- Lưu VT")
    signature: tuple = ("TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH")
    name: str = "Nguyễn Văn B"
    minutes: bool = False  # a biên bản: the secretary and the chair sign side by side, Nơi nhận below
    habits: Habits = field(default_factory=Habits)


def build(typed: Typed) -> Document:
    """Return the document `typed` as the clerk's Word makes it."""
    h = typed.habits
    doc = Document()
    if h.word_2016:
        word_defaults(doc)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    if h.tabs:
        _tabbed_header(doc, typed)
    else:
        _table_header(doc, typed)
    if typed.title:
        _lines(doc, [typed.title], bold=h.bold, centred=h.centred)
    if typed.summary:
        _lines(doc, [typed.summary], bold=h.bold, centred=h.centred)
    if typed.kinh_gui:
        _lines(doc, list(typed.kinh_gui), shift_enter=h.shift_enter)
    for text in typed.body:
        _lines(doc, [("\t" if h.tab_indent else "") + text])
    for _ in range(h.blank_before_signature):
        doc.add_paragraph()
    _closing(doc, typed)
    return doc


def _lines(container, lines: list, bold: bool = False, centred: bool = False, shift_enter: bool = False) -> None:
    """Type `lines` into `container`: a paragraph each, or one paragraph with Shift+Enter between them.

    A line is a text, or (text, bold, underlined). With Shift+Enter the break
    sits at the end of the run of the line before it, as Word writes it.
    """
    lines = [(x, bold, False) if isinstance(x, str) else x for x in lines]
    groups = [lines] if shift_enter else [[x] for x in lines]
    for group in groups:
        p = container.add_paragraph()
        if centred:
            p.alignment = CENTER
        for k, (text, strong, underlined) in enumerate(group):
            run = p.add_run(text + ("\n" if k < len(group) - 1 else ""))
            run.bold, run.underline = strong or None, underlined or None


def _cell(table, row: int, col: int):
    cell = table.cell(row, col)
    first = cell.paragraphs[0]
    first._p.getparent().remove(first._p)
    return cell


def _table_header(doc, typed: Typed) -> None:
    h = typed.habits
    table = doc.add_table(rows=2, cols=2)
    cells = {
        (0, 0): [(AGENCY[0], False, False), (AGENCY[1], False, False), (AGENCY[2], h.bold, False)],
        (0, 1): [(QH, h.bold, False), (TN, h.bold, h.underlined_motto)],
        (1, 0): [typed.number] + ([typed.vv] if typed.vv else []),
        (1, 1): [typed.date or ""],
    }
    for (row, col), lines in cells.items():
        _lines(_cell(table, row, col), lines, centred=h.centred, shift_enter=h.shift_enter)


def _tabbed_header(doc, typed: Typed) -> None:
    rows = [f"{AGENCY[0]}\t\t{QH}", f"{AGENCY[1]}\t\t\t{TN}", AGENCY[2], f"{typed.number}\t\t\t{typed.date}"]
    for text in rows + ([typed.vv] if typed.vv else []):
        doc.add_paragraph(text)
    doc.add_paragraph()


def _closing(doc, typed: Typed) -> None:
    h = typed.habits
    if typed.minutes:
        table = doc.add_table(rows=1, cols=2)
        for col, (title, name) in enumerate((("THƯ KÝ", "Lò Thị Mai"), ("CHỦ TỌA", typed.name))):
            _lines(_cell(table, 0, col), [title, "", "", "", name], bold=h.bold, centred=True, shift_enter=h.shift_enter)
        _lines(doc, ["Nơi nhận:", *typed.nn], shift_enter=h.shift_enter)
        return
    table = doc.add_table(rows=1, cols=2)
    left, right = _cell(table, 0, 0), _cell(table, 0, 1)
    _lines(left, ["Nơi nhận:", *typed.nn], shift_enter=h.shift_enter)
    signature = list(typed.signature) + (["", "", "", typed.name] if typed.name else [])
    _lines(right, signature, bold=h.bold, centred=h.centred, shift_enter=h.shift_enter)


REPORT = Typed(
    "Số: 15/BC-MTTQ-BTT", title="BÁO CÁO", summary="Kết quả củng cố các Trang cộng đồng",
    kinh_gui=("Kính gửi: Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên",),
    body=("Thực hiện Công văn số 1031/MTTQ-BTT ngày 25/02/2022, Ban Thường trực báo cáo như sau:",
          "Toàn huyện có 15 xã đã lập Trang cộng đồng, đặt tên đúng mẫu và có người quản trị.",
          "Ban Thường trực Ủy ban MTTQ Việt Nam huyện Mường Nhé báo cáo./."),
    nn=("- BTT tỉnh;", "- Lưu VT"))
LETTER = Typed(
    "Số: 12/MTTQ-BTT", vv="V/v triển khai Trang cộng đồng",
    kinh_gui=("Kính gửi:", "- Ban Thường trực MTTQ các xã;", "- Các tổ chức chính trị - xã hội huyện."),
    body=("Thực hiện Công văn số 1031/MTTQ-BTT ngày 25 tháng 02 năm 2022 của Ban Thường trực Ủy ban MTTQ Việt Nam "
          "tỉnh, Ban Thường trực đề nghị các đơn vị rà soát Trang cộng đồng.",
          "Báo cáo kết quả gửi về Ban Thường trực trước ngày 28 tháng 3 năm 2022.",
          "Đề nghị các đơn vị quan tâm thực hiện./."),
    nn=("- Như trên;", "- Lưu VT, BTT"))
PLAN = Typed(
    "Số: 15/KH-MTTQ-BTT", title="KẾ HOẠCH", summary="Tổ chức «Ngày hội Đại đoàn kết toàn dân tộc» năm 2022",
    body=("I. MỤC ĐÍCH, YÊU CẦU",
          "Phát huy truyền thống đoàn kết, tương thân, tương ái của Nhân dân các dân tộc huyện Mường Nhé.",
          "Tổ chức Ngày hội thiết thực, tiết kiệm, đúng hướng dẫn của Ủy ban Trung ương MTTQ Việt Nam./."),
    nn=("- Ban Thường trực MTTQ tỉnh (b/c);", "- Các xã;", "- Lưu VT"),
    signature=("TM. BAN THƯỜNG TRỰC", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), name="Lò Văn Minh")
NOTICE = Typed(
    "Số: 08/TB-MTTQ-BTT", title="THÔNG BÁO", summary="Kết luận của Ban Thường trực tại hội nghị giao ban tháng 3",
    body=("Ngày 01 tháng 3 năm 2022, Ban Thường trực Ủy ban MTTQ Việt Nam huyện họp giao ban tháng 3.",
          "Ban Thường trực đề nghị các ban chuyên môn hoàn thành rà soát Trang cộng đồng trong tháng 3./."),
    nn=("- Các ban chuyên môn;", "- Lưu: VT, VP"), signature=("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"), name="Quàng Thị Hoa")
GUIDE = Typed(
    "Số: 04/HD-MTTQ-BTT", title="HƯỚNG DẪN", summary="Đặt tên và quản trị Trang cộng đồng của Mặt trận cấp xã",
    body=("1. Tên Trang theo mẫu «Mặt trận xã … (huyện Mường Nhé)», không viết tắt.",
          "a) Người quản trị là cán bộ Mặt trận xã được Ban Thường trực phân công.",
          "b) Trang đăng tin ít nhất mỗi tuần một lần./."),
    nn=("- Ban Thường trực MTTQ các xã;", "- Lưu VT, BTG"),
    signature=("TUQ. CHỦ TỊCH", "TRƯỞNG BAN TUYÊN GIÁO"), name="Vì Văn Thắng")
PROPOSAL = Typed(
    "Số: 05/TTr-MTTQ-BTT", title="TỜ TRÌNH", summary="Về việc đề nghị hỗ trợ kinh phí duy trì Trang cộng đồng",
    kinh_gui=("Kính gửi: Thường trực Huyện ủy Mường Nhé",),
    body=("Năm 2022, Mặt trận các cấp duy trì 15 Trang cộng đồng phục vụ tuyên truyền, vận động Nhân dân.",
          "Ban Thường trực kính trình Thường trực Huyện ủy xem xét, quyết định./."))
DECISION = Typed(
    "Số: 21/QĐ-MTTQ-BTT", title="QUYẾT ĐỊNH", summary="Về việc thành lập Tổ rà soát Trang cộng đồng",
    body=("BAN THƯỜNG TRỰC ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM HUYỆN MƯỜNG NHÉ",
          "Căn cứ Điều lệ Mặt trận Tổ quốc Việt Nam;",
          "Theo đề nghị của Trưởng Ban Tuyên giáo,",
          "Quyết định:",
          "Điều 1: Thành lập Tổ rà soát Trang cộng đồng gồm 05 thành viên có tên kèm theo.",
          "Điều 2: Tổ rà soát hoàn thành nhiệm vụ trước ngày 30 tháng 6 năm 2022.",
          "Điều 3: Chánh Văn phòng và các thành viên có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."),
    nn=("- Như Điều 3;", "- Lưu VT, BTG"))
TELEGRAM = Typed(
    "Số: 01/CĐ-MTTQ-BTT", title="CÔNG ĐIỆN", summary="Về việc chủ động ứng phó với mưa lũ, sạt lở đất",
    body=("BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM HUYỆN MƯỜNG NHÉ điện",
          "- Ban Thường trực MTTQ các xã;",
          "- Các tổ chức chính trị - xã hội huyện.",
          "Đề nghị các đơn vị chủ động vận động Nhân dân di dời khỏi vùng có nguy cơ sạt lở đất./."),
    signature=("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), name="Lò Văn Minh")
INVITATION = Typed(
    "Số: 03/GM-MTTQ-BTT", title="GIẤY MỜI", summary="Dự hội nghị tập huấn quản trị Trang cộng đồng",
    body=("Ban Thường trực Ủy ban MTTQ Việt Nam huyện Mường Nhé trân trọng kính mời đại diện Ban Thường trực MTTQ "
          "các xã tới dự hội nghị tập huấn quản trị Trang cộng đồng.",
          "Thời gian: 08 giờ 00, ngày 12 tháng 3 năm 2022.",
          "Địa điểm: Hội trường Ủy ban MTTQ Việt Nam huyện Mường Nhé./."),
    signature=("Q. CHỦ TỊCH",))
MINUTES = Typed(
    "Số: 02/BB-MTTQ-BTT", date=None, title="BIÊN BẢN", summary="Hội nghị giao ban công tác Mặt trận quý I năm 2022",
    body=("Thời gian bắt đầu: 08 giờ 00, ngày 29 tháng 3 năm 2022.",
          "Địa điểm: Hội trường Ủy ban MTTQ Việt Nam huyện Mường Nhé.",
          "Hội nghị kết thúc vào 11 giờ 30 cùng ngày./."),
    nn=("- Các đại biểu dự hội nghị;", "- Lưu VT, Hồ sơ"), minutes=True)


def _as(typed: Typed, **habits) -> Typed:
    return replace(typed, habits=Habits(**habits))


# file name → (document, findings only a person can put right, in order)
CLERK_DOCS = {
    # the lead's two files: the same báo cáo with Shift+Enter (and no "- Như trên;") and one paragraph per line
    "bao-cao-shift-enter.docx": (_as(REPORT, shift_enter=True, word_2016=False), ["NN-03"]),
    "bao-cao-tung-dong.docx": (_as(replace(REPORT, nn=("- Như trên;", "- BTT tỉnh;", "- Lưu VT")), word_2016=False),
                               []),
    "bao-cao-dong-trong.docx": (_as(replace(REPORT, nn=("- Như trên;", "- Lưu VT")), centred=True, bold=True,
                                    blank_before_signature=3), []),
    "cong-van-v-v.docx": (_as(LETTER), []),
    "cong-van-tab.docx": (_as(LETTER, tabs=True), []),
    "cong-van-shift-enter.docx": (_as(LETTER, shift_enter=True, centred=True, bold=True), []),
    "ke-hoach-gach-chan.docx": (_as(PLAN, underlined_motto=True, bold=True, centred=True), []),
    "thong-bao-tab-dau-dong.docx": (_as(NOTICE, tab_indent=True, blank_before_signature=2), []),
    "huong-dan-shift-enter.docx": (_as(GUIDE, shift_enter=True, underlined_motto=True), []),
    "to-trinh.docx": (_as(PROPOSAL, bold=True), []),
    "to-trinh-chua-ky-ten.docx": (_as(replace(PROPOSAL, name=""), bold=True), ["SG-06"]),
    "quyet-dinh.docx": (_as(DECISION, centred=True), []),
    "cong-dien.docx": (_as(TELEGRAM, shift_enter=True), []),
    "giay-moi.docx": (_as(INVITATION, bold=True), []),
    "bien-ban.docx": (_as(MINUTES), []),
}


if __name__ == "__main__":  # python -m tests.nd30.clerk_docs RA/: write the corpus
    import sys
    from pathlib import Path

    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    folder.mkdir(parents=True, exist_ok=True)
    for name, (typed, _) in CLERK_DOCS.items():
        build(typed).save(folder / name)
        print(folder / name)
