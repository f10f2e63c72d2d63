"""The ND30 frame's context pieces, shared by every document kind: header, number, date, recipients, signature.

templates/cong_van.docx reads these keys (see `VARIABLES`). Every function is
pure: plain values in, plain text and lists out; nothing here knows Word.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from docgen.campaigns.reporting import FRONT as ISSUER_NAME
from docgen.records.model import Facts, Unit
from docgen.values.formats import ngay_nd30, so_ky_hieu
from docgen.vntext import clean, name_key

# ô 2 of a Front committee's document (§16.2): supervising body with the place, issuing body.
ORGAN = "ỦY BAN MTTQ VIỆT NAM"
ISSUER = "BAN THƯỜNG TRỰC"
AUTHORITY = "TM. BAN THƯỜNG TRỰC"   # SG-02: signing for the collective body
HEAD, DEPUTY = "CHỦ TỊCH", "PHÓ CHỦ TỊCH"
AS_SAID = "Như trên"                 # NN-03
FILED = "Lưu: VT"                    # NN-04
END_MARK = "./."                     # BD-08
DRAFT_MARK, SAMPLE_MARK = "DỰ THẢO", "BẢN MẪU"   # DF-02: outside the ND30 boxes, above the header
# A placeholder signer ("Nguyễn Văn A", "Lò Văn B"): the last word a single letter.
_PLACEHOLDER = re.compile(r"(^|\s)[A-ZĐ]\.?$")

VARIABLES: dict[str, str] = {
    "co_quan_chu_quan": "Các dòng tên cơ quan chủ quản, in hoa, không đậm (AG-03), ví dụ «ỦY BAN MTTQ VIỆT NAM», «HUYỆN MƯỜNG NHÉ».",
    "co_quan_ban_hanh": "Các dòng tên cơ quan ban hành, in hoa, đậm (AG-04), ví dụ «BAN THƯỜNG TRỰC».",
    "co_quan": "Tên đầy đủ của cơ quan ban hành để trích dẫn, ví dụ «Ban Thường trực Ủy ban MTTQ Việt Nam huyện Mường Nhé».",
    "so": "Số văn bản, ví dụ «15»; rỗng khi là bản dự thảo chưa lấy số (DR-01). Dùng: {{ so|so_ky_hieu(ky_hieu) }}.",
    "ky_hieu": "Ký hiệu văn bản, ví dụ «BC-MTTQ-BTT» (SO-05) hoặc «MTTQ-BTT» cho công văn (SO-06).",
    "so_ky_hieu": "Dòng số đã ghép sẵn, ví dụ «Số: 15/BC-MTTQ-BTT»; bản dự thảo «Số:      /BC-MTTQ-BTT» (SO-01…03, DR-01).",
    "ngay": "Ngày ký (kiểu ngày); rỗng (None) khi là bản dự thảo. Dùng: {{ ngay|ngay_nd30(dia_danh, nam) }}.",
    "nam": "Năm của văn bản, in trong dòng ngày của bản dự thảo (DR-02), ví dụ 2022.",
    "dia_danh": "Địa danh nơi cơ quan đóng trụ sở (DT-05), ví dụ «Mường Nhé».",
    "dia_danh_ngay": "Dòng địa danh và ngày đã ghép sẵn, ví dụ «Mường Nhé, ngày 05 tháng 3 năm 2022» (DT-03, DT-04).",
    "loai_van_ban": "Tên loại văn bản in hoa giữa trang, ví dụ «BÁO CÁO» (TL-02); rỗng với công văn (VV-04).",
    "trich_yeu": "Trích yếu nội dung: báo cáo in đậm dưới tên loại (TL-03); công văn in sau «V/v» (VV-01).",
    "kinh_gui": "Nơi nhận «Kính gửi»: một nơi thì một phần tử, in cùng dòng (KG-03); nhiều nơi thì các dòng "
    "«- …;», dòng cuối «- ….» (KG-04).",
    "noi_dung": "Các đoạn nội dung theo thứ tự; mỗi đoạn có loai («can_cu», «muc», «doan», «gach», «bang»), dam (phần "
    "in đậm: số và tên mục), thuong (phần chữ thường), text (cả đoạn). Đoạn cuối kết thúc bằng «./.» (BD-08). Đoạn "
    "loai «bang» là một bảng số liệu có viền, chữ 12 pt, in đúng chỗ của nó giữa các đoạn: tieu_de (tên bảng, có "
    "thể rỗng), cot (tên các cột), dong (các hàng, mỗi hàng một danh sách ô), cong (hàng cộng in đậm, có thể rỗng).",
    "noi_nhan": "Các dòng «Nơi nhận» đã có «- » và «;»: dòng đầu «- Như trên;» khi có Kính gửi (NN-03), "
    "dòng cuối «- Lưu: VT, ….» (NN-04).",
    "tham_quyen": "Dòng thẩm quyền ký, ví dụ «TM. BAN THƯỜNG TRỰC» (SG-02).",
    "ky_thay": "Dòng «KT. CHỦ TỊCH» khi cấp phó ký thay; rỗng nếu không (SG-03).",
    "chuc_vu": "Chức vụ người ký, ví dụ «CHỦ TỊCH», «PHÓ CHỦ TỊCH» (SG-04).",
    "nguoi_ky": "Họ và tên người ký, chữ thường, ví dụ «Nguyễn Văn A» (SG-06).",
    "du_thao": "Dấu «DỰ THẢO» (hoặc «BẢN MẪU» ở chiến dịch mẫu) in trong khung phía trên tên cơ quan khi văn bản "
    "chưa trình ký được (còn lỗi trong dữ liệu, người ký là tên mẫu); rỗng ở bản trình ký (DF-02).",
}


def draft_reason(errors: int, signer: str, cause: str = "", signed: bool = False) -> str:
    """Return why a document is written as a draft (Vietnamese), or "" for the copy to sign.

    While errors remain in its data, or its signer is a placeholder, or its campaign gives a `cause`
    (`Campaign.draft_cause`: a sample, a dispatch not yet numbered), a document is a draft — unless the
    user asks for the copy to sign (`signed`, `--ban-ky`); a campaign's cause or a placeholder signer
    stays a draft even then.

    >>> draft_reason(0, "Giàng Trọng Bình"), draft_reason(3, "Giàng Trọng Bình")
    ('', 'dữ liệu còn 3 lỗi')
    >>> draft_reason(3, "Giàng Trọng Bình", signed=True), draft_reason(0, "Nguyễn Văn A", signed=True)
    ('', 'người ký «Nguyễn Văn A» là tên mẫu')
    """
    if cause:
        return cause
    if is_placeholder(signer):
        return f"người ký «{clean(signer)}» là tên mẫu"
    return f"dữ liệu còn {errors} lỗi" if errors and not signed else ""


def summary_draft_reason(errors: int, facts: Facts | None, cause: str = "", signed: bool = False) -> str:
    """Return why a province summary is a draft: `draft_reason`, or no number and date from its facts file."""
    reason = draft_reason(errors, facts.nguoi_ky if facts else "", cause, signed)
    if reason or (facts is not None and facts.so and facts.ngay):
        return reason
    return "chưa có số, ngày, người ký (thêm --thong-tin TỆP có trang «Thông tin» của tỉnh)"


def draft_facts(facts: Facts, draft: str) -> Facts:
    """Return the facts a draft prints: number and date blank, a placeholder signer left out (DR-01, DR-02)."""
    if not draft:
        return facts
    return replace(facts, so="", ngay=None, nguoi_ky="" if is_placeholder(facts.nguoi_ky) else facts.nguoi_ky)


def is_placeholder(name: str) -> bool:
    """Return True for a placeholder signer, "Nguyễn Văn A".

    >>> is_placeholder("Nguyễn Văn A"), is_placeholder("Lò Văn Ả"), is_placeholder("")
    (True, False, False)
    """
    return bool(_PLACEHOLDER.search(clean(name)))


def header(unit: Unit | None, fallback: str = "") -> tuple[list[str], list[str]]:
    """Return (supervising lines, issuing lines) of ô 2 for the Front committee of `unit` (AG-01…04).

    >>> prov = Unit("11", "tỉnh", "Điện Biên")
    >>> header(Unit("94", "thị xã", "Mường Lay", prov, 1))
    (['ỦY BAN MTTQ VIỆT NAM', 'THỊ XÃ MƯỜNG LAY'], ['BAN THƯỜNG TRỰC'])
    >>> header(None, "Huyện Mường Nhé")[0]
    ['ỦY BAN MTTQ VIỆT NAM', 'HUYỆN MƯỜNG NHÉ']
    """
    name = unit.full_name if unit is not None else clean(fallback)
    lines = [ORGAN] + ([name.upper()] if name else [])
    return lines, [ISSUER]


def issuer_name(unit: Unit | None, fallback: str = "") -> str:
    """Return the committee's name as cited in text, "Ban Thường trực Ủy ban MTTQ Việt Nam huyện Mường Nhé".

    >>> issuer_name(Unit("95", "thành phố", "Điện Biên Phủ"))
    'Ban Thường trực Ủy ban MTTQ Việt Nam thành phố Điện Biên Phủ'
    """
    label = unit.label if unit is not None else clean(fallback)[:1].lower() + clean(fallback)[1:]
    return f"{ISSUER_NAME} {label}".strip()


def place(unit: Unit | None, fallback: str = "") -> str:
    """Return the place name of the date line (DT-05): the bare name, or the full name when it is a number.

    >>> place(Unit("96", "huyện", "Mường Nhé")), place(Unit("760", "quận", "1"))
    ('Mường Nhé', 'Quận 1')
    """
    if unit is None:
        return clean(fallback)
    return unit.full_name if any(ch.isdigit() for ch in unit.name) else unit.name


def dash_list(items) -> list[str]:
    """Return entries as ND30 lists them: "- " before each, ";" after, "." after the last (KG-04, NN-02).

    A dash, ";" or "." the writer typed is replaced, not doubled.

    >>> dash_list(["A;", "- B", "C."])
    ['- A;', '- B;', '- C.']
    """
    bare = [t for t in (clean(str(i)).removeprefix("-").strip().rstrip(" ;.,") for i in items) if t]
    return [f"- {t}{'.' if i == len(bare) - 1 else ';'}" for i, t in enumerate(bare)]


def recipients(names) -> list[str]:
    """Return the "Kính gửi" lines: one name as is (KG-03), several as a dash list (KG-04).

    >>> recipients(["Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên"])
    ['Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên']
    >>> recipients(["A", "B"])
    ['- A;', '- B.']
    """
    names = [clean(n) for n in names if clean(n)]
    return [names[0].rstrip(" ;.")] if len(names) == 1 else dash_list(names)


def cc_list(entries, filed: str = "", as_said: bool = True, addressees=()) -> list[str]:
    """Return the Nơi nhận lines: "- Như trên;" first when there is a Kính gửi (NN-03), "- Lưu: VT, ….” last (NN-04).

    Entries the writer already typed as "Như trên" or "Lưu: …" are not repeated, nor an entry
    that names an addressee of the Kính gửi again ("Như trên" stands for it).

    >>> cc_list(["Thường trực Huyện ủy (b/c)"], "VP")
    ['- Như trên;', '- Thường trực Huyện ủy (b/c);', '- Lưu: VT, VP.']
    >>> cc_list(["Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh (b/c)", "Thường trực Huyện ủy (b/c)"], "VP",
    ...         addressees=["Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên"])
    ['- Như trên;', '- Thường trực Huyện ủy (b/c);', '- Lưu: VT, VP.']
    >>> cc_list([], "", as_said=False)
    ['- Lưu: VT.']
    """
    own = [clean(str(e)).removeprefix("-").strip().rstrip(" ;.") for e in entries]
    own = [e for e in own if e and e.casefold() != AS_SAID.casefold() and not e.casefold().startswith("lưu:")
           and not (as_said and repeats(e, addressees))]
    code = clean(filed).removeprefix("VT").strip(" ,.;")
    last = f"{FILED}, {code}" if code else FILED
    return dash_list(([AS_SAID] if as_said else []) + own + [last])


def repeats(entry: str, addressees) -> bool:
    """Return True when a Nơi nhận entry names one of the Kính gửi addressees (its words, without the
    "(b/c)" note, are the addressee's or the first words of it: "… tỉnh" for "… tỉnh Điện Biên").

    >>> repeats("Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh (b/c)", ["Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên"])
    True
    >>> repeats("BTT Ủy ban MTTQ VN tỉnh", ["Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên"])
    True
    >>> repeats("Thường trực Huyện ủy (b/c)", ["Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên"])
    False
    """
    key = _spelt_out(re.sub(r"\([^)]*\)", "", entry))
    return bool(key) and any(_spelt_out(a).startswith(key) for a in addressees if clean(a))


# Abbreviations clerks use in a Nơi nhận, spelt out to compare with the Kính gửi (longest first).
_ABBREVIATIONS = (("UBMTTQVN", "Ủy ban MTTQ Việt Nam"), ("UBMTTQ", "Ủy ban MTTQ"), ("BTT", "Ban Thường trực"),
                  ("UB", "Ủy ban"), ("VN", "Việt Nam"), ("TP", "thành phố"))


def _spelt_out(text: str) -> str:
    for short, long in _ABBREVIATIONS:
        text = re.sub(rf"\b{short}\b", long, text)
    return name_key(text).strip(" -;.")


def signature(authority: str = "", title: str = "", name: str = "", deputy: str = "") -> dict[str, str]:
    """Return the signature block's lines: tham_quyen, ky_thay, chuc_vu, nguoi_ky (SG-02…06).

    `authority` is the facts' "Thẩm quyền ký": "TM. BAN THƯỜNG TRỰC", or "KT. CHỦ TỊCH" when a
    deputy signs (then the collective line comes first), or both on two lines. `deputy` is the
    campaign's one form for a deputy (Campaign.deputy_form): "tm" drops a "KT." line, "kt" adds
    "KT. CHỦ TỊCH" above a deputy's title; "" keeps what was typed.

    >>> signature("", "Chủ tịch", "Nguyễn Văn A")
    {'tham_quyen': 'TM. BAN THƯỜNG TRỰC', 'ky_thay': '', 'chuc_vu': 'CHỦ TỊCH', 'nguoi_ky': 'Nguyễn Văn A'}
    >>> signature("KT. Chủ tịch", "", "Lò Văn B")
    {'tham_quyen': 'TM. BAN THƯỜNG TRỰC', 'ky_thay': 'KT. CHỦ TỊCH', 'chuc_vu': 'PHÓ CHỦ TỊCH', 'nguoi_ky': 'Lò Văn B'}
    >>> signature("KT. Chủ tịch", "Phó Chủ tịch", "Lò Văn B", deputy="tm")["ky_thay"]
    ''
    >>> signature("TM. Ban Thường trực", "Phó Chủ tịch", "Lò Văn B", deputy="kt")["ky_thay"]
    'KT. CHỦ TỊCH'
    """
    lines = [clean(x).upper() for x in authority.replace("/", "\n").splitlines() if clean(x)]
    tm = next((x for x in lines if not x.startswith("KT.")), AUTHORITY)
    kt = next((x for x in lines if x.startswith("KT.")), "")
    chuc_vu = clean(title).upper() or (DEPUTY if kt else HEAD)
    if deputy == "tm":
        kt = ""
    elif deputy == "kt":
        kt = f"KT. {HEAD}" if chuc_vu.startswith("PHÓ ") else ""
    return {"tham_quyen": tm, "ky_thay": kt, "chuc_vu": chuc_vu, "nguoi_ky": clean(name)}


def block(kind: str, bold: str = "", plain: str = "") -> dict:
    """Return one body block as the template reads it: loai, dam, thuong, text.

    >>> block("muc", "I. KẾT QUẢ")["text"]
    'I. KẾT QUẢ'
    """
    return {"loai": kind, "dam": bold, "thuong": plain, "text": f"{bold}{plain}"}


def table(columns, rows, total=(), title: str = "") -> dict:
    """Return a data-table body block ("bang"): column titles, rows of cells, an optional bold total row.

    Cells are printed as text; the first column is the label column. The frame
    template prints the table where the block stands among the others (not as the
    very last block: `close_body` adds the end mark after a closing table).

    >>> t = table(["Đơn vị", "Có Trang"], [["Huyện A", 3]], ["Cộng", 3])
    >>> t["loai"], t["cot"], t["dong"], t["cong"], t["text"]
    ('bang', ['Đơn vị', 'Có Trang'], [['Huyện A', '3']], ['Cộng', '3'], '')
    """
    cells = lambda row: ["" if v is None else str(v) for v in row]  # noqa: E731
    return {**block("bang"), "tieu_de": clean(title), "cot": cells(columns), "dong": [cells(r) for r in rows],
            "cong": cells(total), "text": clean(title)}


def close_body(blocks: list[dict]) -> list[dict]:
    """Return the blocks with the end mark "./." after the last sentence (BD-08).

    A body ending with a table (the template prints the last block as a paragraph)
    gets the end mark as a paragraph of its own after the table.

    >>> close_body([block("doan", "", "Xin báo cáo.")])[-1]["text"]
    'Xin báo cáo./.'
    >>> [b["loai"] for b in close_body([table(["A"], [["1"]])])], close_body([table(["A"], [])])[-1]["text"]
    (['bang', 'doan'], './.')
    """
    if not blocks:
        return blocks
    if blocks[-1]["loai"] == "bang":
        return blocks + [block("doan", "", END_MARK)]
    last = dict(blocks[-1])
    part = "thuong" if last["thuong"] else "dam"
    if not last[part].endswith(END_MARK):
        last[part] = last[part].rstrip() + ("/." if last[part].rstrip().endswith(".") else END_MARK)
    last["text"] = f"{last['dam']}{last['thuong']}"
    return blocks[:-1] + [last]


def number_and_date(so: str, ky_hieu: str, ngay: dt.date | None, year: int | None, where: str) -> dict:
    """Return the number, symbol, date and place keys, with the lines pre-joined (SO-*, DT-*, DR-01, DR-02).

    >>> number_and_date("", "BC-MTTQ-BTT", None, 2022, "Mường Nhé")["dia_danh_ngay"]
    'Mường Nhé, ngày      tháng      năm 2022'
    """
    year = ngay.year if ngay is not None else year
    return {
        "so": clean(str(so or "")),
        "ky_hieu": ky_hieu,
        "so_ky_hieu": so_ky_hieu(so, ky_hieu),
        "ngay": ngay,
        "nam": year,
        "dia_danh": where,
        "dia_danh_ngay": ngay_nd30(ngay, where, year),
    }


def dispatch_signer(campaign) -> dict:
    """Return the signer of the campaign's dispatch as a summary's defaults (tham_quyen, chuc_vu, nguoi_ky):
    one house style per campaign — the province's summary is signed as its dispatch was, unless its
    [tong_hop] or facts sheet says otherwise; {} when the campaign has no dispatch text."""
    sig = campaign.dispatch.signature if campaign.dispatch is not None else None
    if sig is None:
        return {}
    name = "" if is_placeholder(sig.name) else sig.name   # a sample's "Nguyễn Văn A" signs nothing
    return {k: v for k, v in (("tham_quyen", sig.authority), ("chuc_vu", sig.title), ("nguoi_ky", name)) if v}
