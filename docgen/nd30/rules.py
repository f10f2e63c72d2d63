"""The ND30 rule catalogue: rule ID → level, what is checked, what is expected (Vietnamese).

Rule IDs and levels are those of `spec/nd30.md`. A check reports what it found;
the message is built here: "<title>: <found>; yêu cầu: <expected>."
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from docgen.nd30.rule_notes import FIXES, SOURCES


class Level(str, Enum):
    """How binding a rule is: MUST → lỗi, SHOULD → cảnh báo, INFO → thông tin."""

    MUST = "MUST"
    SHOULD = "SHOULD"
    INFO = "INFO"

    @property
    def label(self) -> str:
        """Return the Vietnamese word a clerk sees ("lỗi", "cảnh báo", "thông tin")."""
        return {"MUST": "lỗi", "SHOULD": "cảnh báo", "INFO": "thông tin"}[self.value]


@dataclass(frozen=True)
class Rule:
    """One ND30 rule: its level, what it is about, what is expected, and the check that reports it.

    `check` is "<module>.<function>" inside docgen.nd30; the checker runs these
    functions in the order they first appear in the table. `fix` is the
    "<module>.<function>" that `docgen the-thuc --sua` runs when the rule is
    broken, and `fix_note` says in Vietnamese what it changes; both are empty
    for a rule only a person can put right (a missing part, a wrong word).
    `source` is where ND30 says it (spec/nd30.md's "Source" column; PL III model forms).
    """

    id: str
    level: Level
    title: str
    expected: str
    check: str
    fix: str = ""
    fix_note: str = ""
    source: str = ""

    @property
    def fixable(self) -> bool:
        """Return True when `--sua` has a mechanical fix for (some cases of) this rule."""
        return bool(self.fix)


@dataclass(frozen=True)
class Finding:
    """One deviation: rule ID, level, Vietnamese message, and where in the document."""

    rule: str
    level: Level
    message: str
    where: str

    def to_dict(self) -> dict:
        """Return the finding as JSON-ready data (the shape of `docgen the-thuc --json`)."""
        return {"rule": self.rule, "level": self.level.value, "severity": self.level.label,
                "message": self.message, "where": self.where}


M, S, I = Level.MUST, Level.SHOULD, Level.INFO

_TABLE = [
    ("PG-01", M, "Khổ giấy", "A4, 210 × 297 mm"),
    ("PG-02", M, "Hướng trang", "hướng khai báo khớp kích thước trang (dọc: rộng nhỏ hơn cao)"),
    ("PG-03", M, "Trang nằm ngang", "chỉ dùng trang ngang cho phần có bảng, biểu"),
    ("PG-04", I, "Phụ lục trang ngang", "được chấp nhận cho bảng rộng"),
    ("PG-05", M, "Lề trên", "20–25 mm"),
    ("PG-06", M, "Lề dưới", "20–25 mm"),
    ("PG-07", M, "Lề trái", "30–35 mm"),
    ("PG-08", M, "Lề phải", "15–20 mm"),
    ("PG-09", I, "Lề trang ngang", "ND30 không quy định riêng; đối chiếu khoảng lề của trang dọc"),
    ("PG-10", I, "Lề gợi ý", "trên 25, dưới 20, trái 35, phải 20 mm; đầu trang, chân trang 10 mm"),
    ("FN-01", M, "Phông chữ", "Times New Roman"),
    ("FN-02", M, "Phông chữ cũ, không phải Unicode", "phông Unicode Times New Roman (TCVN 6909:2001)"),
    ("FN-03", S, "Ký tự tổ hợp", "chữ dựng sẵn (Unicode NFC)"),
    ("FN-04", M, "Màu chữ", "màu đen"),
    ("PN-01", M, "Kiểu số trang", "số Ả Rập, bắt đầu từ 1"),
    ("PN-02", M, "Vị trí số trang", "căn giữa ở đầu trang (lề trên), không đặt ở chân trang"),
    ("PN-03", M, "Chữ số trang", "cỡ 13–14, chữ đứng, không đậm"),
    ("PN-04", M, "Số trang ở trang 1", "không hiện số trang ở trang đầu (bật «trang đầu khác»)"),
    ("PN-05", M, "Đánh số trang phụ lục", "phụ lục bắt đầu một phần (section) mới, số trang bắt đầu lại từ 1"),
    ("PN-06", S, "Số trang ở trang đầu phụ lục", "ẩn số trang ở trang đầu như văn bản chính"),
    ("LY-01", S, "Bảng đầu văn bản", "tên cơ quan, số và ký hiệu (cột trái), Quốc hiệu, Tiêu ngữ, địa danh và ngày "
                                      "tháng (cột phải) trong một bảng hai cột không viền"),
    ("AG-03", M, "Tên cơ quan chủ quản", "IN HOA, cỡ 12–13, chữ đứng, không đậm, căn giữa"),
    ("AG-04", M, "Tên cơ quan ban hành", "IN HOA, cỡ 12–13, chữ đứng, đậm, căn giữa"),
    ("AG-05", M, "Giãn dòng tên cơ quan", "dòng đơn, cách đoạn 0, không có dòng trống giữa các dòng tên"),
    ("AG-06", M, "Đường kẻ dưới tên cơ quan ban hành", "nét liền ngay dưới, dài 1/3–1/2 dòng chữ, căn giữa"),
    ("AG-07", S, "Cỡ chữ tên cơ quan", "dòng chủ quản và dòng ban hành cùng cỡ chữ"),
    ("QH-01", M, "Quốc hiệu", "«CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM» trên một dòng, IN HOA, cỡ 12–13, chữ đứng, đậm"),
    ("QH-02", S, "Chính tả Quốc hiệu", "«HÒA»"),
    ("QH-04", S, "Quốc hiệu trên một dòng", "cột phải đủ rộng để không xuống dòng (≥ 93 mm với cỡ 12, ≥ 100 mm với cỡ 13)"),
    ("TN-01", M, "Tiêu ngữ", "căn giữa dưới Quốc hiệu, cỡ 13–14, chữ đứng, đậm"),
    ("TN-02", M, "Chữ của Tiêu ngữ", "đúng «Độc lập - Tự do - Hạnh phúc» (gạch nối «-», mỗi bên một dấu cách)"),
    ("TN-03", M, "Giãn dòng Quốc hiệu, Tiêu ngữ", "dòng đơn, cách đoạn 0, không có dòng trống giữa hai dòng"),
    ("TN-04", M, "Đường kẻ dưới Tiêu ngữ", "nét liền ngay dưới, dài bằng dòng chữ Tiêu ngữ"),
    ("TN-05", S, "Cỡ chữ Tiêu ngữ", "lớn hơn Quốc hiệu 1 cỡ (12/13 hoặc 13/14)"),
    ("LN-01", S, "Dạng đường kẻ", "hình vẽ đường thẳng, viền dưới của đoạn trống, hoặc gạch chân đúng dòng chữ (chỉ Tiêu ngữ)"),
    ("LN-02", S, "Độ dài đường kẻ", "theo ND30, sai số ±15%"),
    ("SO-01", M, "Chữ «Số»", "«Số: » (chữ thường, dấu hai chấm, một dấu cách), cỡ 13, chữ đứng"),
    ("SO-02", M, "Số văn bản", "số Ả Rập, số dưới 10 viết 01…09"),
    ("SO-03", M, "Cách viết số và ký hiệu", "«/» giữa số và ký hiệu, «-» giữa các nhóm, không có dấu cách"),
    ("SO-04", M, "Chữ của ký hiệu", "IN HOA (trừ mã QyĐ, CTr, TTr, TrS), cỡ 13, chữ đứng, không đậm"),
    ("SO-05", M, "Ký hiệu văn bản có tên loại", "mã tên loại + mã cơ quan, ví dụ BC-MTTQ-BTT"),
    ("SO-06", M, "Ký hiệu công văn", "mã cơ quan + mã đơn vị, không có mã tên loại, ví dụ MTTQ-BTT"),
    ("SO-07", M, "Vị trí số, ký hiệu", "căn giữa dưới tên cơ quan ban hành"),
    ("DT-01", M, "Vị trí địa danh, ngày tháng", "cùng dòng với «Số:», căn giữa dưới Quốc hiệu và Tiêu ngữ"),
    ("DT-02", M, "Kiểu chữ địa danh, ngày tháng", "chữ thường, nghiêng, cỡ 13–14; địa danh viết hoa chữ đầu, dấu phẩy ngay sau địa danh"),
    ("DT-03", M, "Dạng ngày tháng", "«<Địa danh>, ngày DD tháng M năm YYYY», viết đầy đủ bằng số Ả Rập"),
    ("DT-04", M, "Số 0 ở ngày, tháng", "ngày dưới 10 và tháng 1, 2 có số 0 phía trước (05, 01, 02); tháng 3–12 không có"),
    ("VV-01", M, "Trích yếu công văn", "«V/v …» ngay dưới dòng «Số:», căn giữa cột trái"),
    ("VV-02", M, "Kiểu chữ «V/v»", "chữ thường, cỡ 12–13, chữ đứng, không đậm"),
    ("VV-03", M, "Khoảng cách trước «V/v»", "cách dòng «Số:» 6 pt"),
    ("VV-04", M, "Dòng tên loại trong công văn", "công văn không có dòng tên loại"),
    ("TL-01", M, "Căn lề tên loại, trích yếu", "căn giữa"),
    ("TL-02", M, "Tên loại văn bản", "IN HOA, cỡ 13–14, chữ đứng, đậm, căn giữa dưới bảng đầu văn bản"),
    ("TL-03", M, "Trích yếu nội dung", "ngay dưới tên loại, chữ thường, cỡ 13–14, chữ đứng, đậm"),
    ("TL-04", M, "Đường kẻ dưới trích yếu", "nét liền ngay dưới, dài 1/3–1/2 dòng chữ, căn giữa"),
    ("KG-01", M, "Dòng «Kính gửi»", "có «Kính gửi:» (công văn; báo cáo, tờ trình gửi cấp trên)"),
    ("KG-02", M, "Kiểu chữ «Kính gửi»", "«Kính gửi:» có dấu hai chấm; chữ thường, cỡ 13–14, chữ đứng"),
    ("KG-03", M, "Một nơi nhận", "cùng dòng với «Kính gửi:», cuối dòng không có «;»"),
    ("KG-04", M, "Nhiều nơi nhận", "mỗi nơi một dòng, bắt đầu «- », kết thúc «;», dòng cuối kết thúc «.»"),
    ("KG-05", M, "Vị trí «Kính gửi», thẳng hàng nơi nhận", "các gạch đầu dòng cùng lề, không lệch trái so với «Kính gửi:»"),
    ("GN-01", M, "Gửi chính mình", "«Kính gửi» là cơ quan, tổ chức khác, không phải chính cơ quan ban hành văn bản"),
    ("GN-02", S, "Báo cáo việc thực hiện công văn của chính mình",
     "«Thực hiện Công văn … của <cơ quan cấp trên>, <cơ quan báo cáo> báo cáo»: hai cơ quan khác nhau"),
    ("BD-01", M, "Cỡ chữ nội dung", "cỡ 13–14, một cỡ thống nhất trong toàn bộ nội dung"),
    ("BD-02", M, "Căn lề nội dung", "căn đều hai bên"),
    ("BD-03", M, "Thụt đầu dòng", "1 cm hoặc 1,27 cm"),
    ("BD-04", M, "Khoảng cách giữa các đoạn", "tối thiểu 6 pt"),
    ("BD-05", M, "Giãn dòng nội dung", "từ dòng đơn đến 1,5 dòng"),
    ("BD-06", M, "Căn cứ ban hành", "chữ nghiêng, cỡ 13–14, mỗi căn cứ một dòng, kết thúc «;», căn cứ cuối kết thúc «.»"),
    ("BD-08", S, "Dấu kết thúc nội dung", "kết thúc bằng «./.»"),
    ("SG-01", M, "Vị trí chữ ký", "cột phải bảng cuối văn bản, dòng đầu ngang hàng «Nơi nhận:»"),
    ("SG-02", M, "Quyền hạn người ký", "«TM.», «KT.», «Q.», «TL.», «TUQ.» + IN HOA, cỡ 13–14, chữ đứng, đậm, căn giữa"),
    ("SG-03", M, "Cách ghi quyền hạn", "TM. trước tên tập thể; KT. trước chức vụ người đứng đầu, dòng dưới là chức vụ cấp phó"),
    ("SG-04", M, "Chức vụ người ký", "IN HOA, cỡ 13–14, chữ đứng, đậm, căn giữa"),
    ("SG-05", I, "Khoảng ký", "3–5 dòng trống giữa chức vụ và họ tên"),
    ("SG-06", M, "Họ tên người ký", "chữ thường (hoa chữ đầu), cỡ 13–14, đậm, căn giữa; không kèm học hàm, học vị"),
    ("NN-01", M, "Dòng «Nơi nhận:»", "dòng riêng, sát lề trái, có dấu hai chấm; cỡ 12, đậm, nghiêng"),
    ("NN-02", M, "Dòng nơi nhận", "mỗi dòng bắt đầu «- », kết thúc «;»; cỡ 11, chữ đứng"),
    ("NN-03", M, "Dòng «Như trên»", "dòng đầu là «- Như trên;»"),
    ("NN-04", M, "Dòng «Lưu»", "dòng cuối «- Lưu: VT, <đơn vị>.» kết thúc bằng dấu chấm"),
    ("PL-01", M, "Tham chiếu phụ lục", "văn bản chính nhắc tới phụ lục; từ hai phụ lục trở lên đánh số La Mã (Phụ lục I, II …)"),
    ("PL-02", M, "Dòng «Phụ lục»", "«Phụ lục» (chữ thường, không IN HOA), cỡ 14, chữ đứng, đậm, căn giữa"),
    ("PL-03", M, "Tên phụ lục", "IN HOA, cỡ 13–14, đậm, căn giữa"),
    ("PL-04", M, "Dòng «Kèm theo»", "«(Kèm theo … số … ngày … của …)», chữ nghiêng, cỡ 13–14, căn giữa"),
    ("PL-09", M, "Số trang phụ lục", "mỗi phụ lục đánh số trang riêng, bắt đầu từ 1"),
    ("PL-11", S, "Dấu kết thúc phụ lục", "kết thúc bằng «./.»"),
    ("DR-01", M, "Số của bản dự thảo", "để trống số bằng dấu tab hoặc từ hai dấu cách trước «/»"),
    ("DR-02", S, "Ngày của bản dự thảo", "«<Địa danh>, ngày      tháng      năm <năm>»"),
    ("DR-04", S, "Dòng «Kèm theo» của bản dự thảo", "để trống số và ngày như dòng «Số:» của văn bản chính"),
    ("DF-02", I, "Văn bản dự thảo", "khi ban hành (sau khi ký) ghi số, ngày và bỏ dấu «DỰ THẢO» ở đầu trang; "
                                   "dấu này không thuộc thể thức ND30"),
    # Kinds with parts of their own (PL III): not numbered in spec/nd30.md, named here by kind.
    ("QD-01", M, "Thẩm quyền ban hành", "dòng riêng ngay dưới trích yếu và đường kẻ: IN HOA, cỡ 13–14, đậm, căn giữa"),
    ("QD-02", M, "Dòng «QUYẾT ĐỊNH:»", "dòng riêng sau các căn cứ: «QUYẾT ĐỊNH:» («QUYẾT NGHỊ:» với nghị quyết), "
                                        "IN HOA, cỡ 13–14, đậm, căn giữa"),
    ("QD-03", M, "Điều", "«Điều N.» (số Ả Rập, dấu chấm) chữ đứng, đậm, cỡ bằng nội dung, lùi đầu dòng 1 cm hoặc "
                         "1,27 cm; các điều đánh số liên tục từ 1"),
    ("QD-04", M, "Căn cứ của quyết định", "ít nhất một căn cứ ban hành trước dòng «QUYẾT ĐỊNH:»"),
    ("CD-01", M, "Dòng «… điện:»", "sau trích yếu: tên cơ quan hoặc chức danh rồi «điện:»; mỗi nơi nhận điện một "
                                   "dòng «- …;», dòng cuối «.»"),
    ("BB-01", M, "Chữ ký biên bản", "bảng chữ ký hai bên «THƯ KÝ» và «CHỦ TỌA» (chủ trì), chức danh IN HOA, đậm; "
                                    "họ tên chữ thường, đậm"),
    ("GM-01", S, "Nội dung giấy mời", "có «Thời gian:» và «Địa điểm:»"),
]

# Which check reports each rule: by rule family, then the exceptions.
_CHECK_BY_FAMILY = {
    "PG": "check_page.check_sections", "FN": "check_page.check_fonts", "PN": "check_page.check_page_numbers",
    "LY": "check_header.check_header_table", "AG": "check_header.check_agency", "QH": "check_header.check_national", "TN": "check_header.check_national",
    "LN": "lines.check_line", "SO": "check_header.check_number", "DT": "check_header.check_date",
    "VV": "check_header.check_vv", "TL": "check_header.check_title", "KG": "check_body.check_kinh_gui",
    "GN": "check_addressee.check_addressee",
    "BD": "check_body.check_body", "SG": "check_body.check_signature", "NN": "check_body.check_recipients",
    "PL": "check_appendix.check_appendices", "QD": "check_kinds.check_decision", "CD": "check_kinds.check_telegram",
    "BB": "check_kinds.check_minutes", "GM": "check_kinds.check_invitation",
}
_CHECK_BY_RULE = {
    "PL-09": "check_page.check_page_numbers", "DR-01": "check_header.check_number",
    "DR-02": "check_header.check_date", "DR-04": "check_appendix.check_appendices",
    "DF-02": "check_header.check_draft",
}

# INFO findings a clerk must see even without --tat-ca: that a file is a draft (DF-02), not yet to be sent.
ALWAYS_SHOWN = frozenset({"DF-02"})

RULES: dict[str, Rule] = {
    rid: Rule(rid, lvl, title, exp, _CHECK_BY_RULE.get(rid, _CHECK_BY_FAMILY.get(rid[:2], "")),
              *FIXES.get(rid, ("", "")), SOURCES[rid])
    for rid, lvl, title, exp in _TABLE
}


def finding(rule_id: str, where: str, found: str, expected: str | None = None,
            level: Level | None = None) -> Finding:
    """Return a Finding for `rule_id` with the catalogue's title and expected value.

    >>> f = finding("DT-04", "đoạn 3", "«ngày 5 tháng 3»")
    >>> f.message
    'Số 0 ở ngày, tháng: «ngày 5 tháng 3»; yêu cầu: ngày dưới 10 và tháng 1, 2 có số 0 phía trước (05, 01, 02); tháng 3–12 không có.'
    >>> f.level.label
    'lỗi'
    """
    rule = RULES[rule_id]
    message = f"{rule.title}: {found}; yêu cầu: {expected or rule.expected}."
    return Finding(rule_id, level or rule.level, message, where)
