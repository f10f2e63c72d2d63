"""The only text edits `docgen the-thuc --sua` makes: typographic, one function per kind of line.

Each function takes a line's text and returns it corrected, or the same text
when there is nothing it may safely change (then the finding stays for a
person). None of them adds, removes or changes a word: they set dashes, colons,
full stops, spaces, zero padding, letter case of fixed titles, the "./." mark,
and write a date typed with slashes in words.

Besides these, `--sua` changes the layout only, never a character of a word:
it removes an empty line between the agency lines or between the Quốc hiệu and
the Tiêu ngữ (an empty paragraph, or a second Shift+Enter), splits a paragraph
at its Shift+Enter breaks where a fix needs a line on its own (fix_tools.own_paragraph),
and moves the sides of a header typed with tabs into a table, the tabs between
them going with it (fix_tabs, LY-01).
"""

from __future__ import annotations

import re
import unicodedata

from docgen.nd30.kinds import MIXED_CASE_CODES
from docgen.vntext import name_key

QH_TEXT = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TN_TEXT = "Độc lập - Tự do - Hạnh phúc"
DRAFT_GAP = " " * 6
_DASHES = "-–—‐‑−"
_NOT_LETTERS = re.compile(r"[\W\d_]+")


def letters_key(text: str) -> str:
    """Return the letters of `text` only, case and tone placement folded (fixed strings are compared by it).

    >>> letters_key("Độc lập – Tự do – Hạnh phúc") == letters_key("ĐỘC LẬP - TỰ DO - HẠNH PHÚC")
    True
    """
    return name_key(_NOT_LETTERS.sub("", unicodedata.normalize("NFC", text)))


def fixed_string(text: str, wanted: str) -> str:
    """Return `wanted` when `text` is the same words typed otherwise (dashes, spaces, case, breaks), else `text`.

    >>> fixed_string("Độc lập – Tự do – Hạnh phúc", TN_TEXT)
    'Độc lập - Tự do - Hạnh phúc'
    >>> fixed_string("Cộng hoà xã hội chủ nghĩa\\nViệt Nam", QH_TEXT)
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
    >>> fixed_string("Độc lập - Tự do", TN_TEXT)
    'Độc lập - Tự do'
    """
    return wanted if letters_key(text) == letters_key(wanted) else text


def _month(m: int) -> str:
    return f"{m:02d}" if m <= 2 else str(m)


def pad_dates(text: str) -> str:
    """Return `text` with every "ngày D tháng M" written as DT-04 asks (05; 01, 02; 3–12 unpadded).

    >>> pad_dates("Điện Biên, ngày 5 tháng 3 năm 2024")
    'Điện Biên, ngày 05 tháng 3 năm 2024'
    >>> pad_dates("ngày 15 tháng 03 năm 2022, ngày 5  tháng 1")
    'ngày 15 tháng 3 năm 2022, ngày 05 tháng 01'
    """
    def repl(m: re.Match) -> str:
        day, month = int(m["d"]), int(m["m"])
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return m.group(0)
        return f"ngày {day:02d} tháng {_month(month)}"

    return re.sub(r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})", repl, text)


_SLASHED = re.compile(r"(?:ngày\s*)?\b(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})\b")


def date_line(text: str) -> str:
    """Return the place-and-date line in ND30's form: "<Place>, ngày DD tháng M năm YYYY" (DT-02, DT-03, DT-04).

    Spaces around the comma are set, a date typed with slashes is written in
    words (day first, as Vietnamese dates are), the place's first letter is a
    capital; a line that is not a date is returned unchanged.

    >>> date_line("Điện Biên , ngày 5 tháng 3 năm 2024")
    'Điện Biên, ngày 05 tháng 3 năm 2024'
    >>> date_line("điện Biên, ngày 05/02/2022")
    'Điện Biên, ngày 05 tháng 02 năm 2022'
    >>> date_line("Điện Biên,ngày  29  tháng 6 năm 2019")
    'Điện Biên, ngày 29 tháng 6 năm 2019'
    """
    m = re.match(r"^(?P<place>[^,]+?)\s*,\s*(?P<rest>.+?)\s*$", text.strip())
    if not m:
        return text
    rest = _SLASHED.sub(lambda d: f"ngày {d['d']} tháng {d['m']} năm {d['y']}", m["rest"])
    if not re.fullmatch(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}", rest):
        return text
    rest = re.sub(r"\s+", " ", pad_dates(rest))
    place = re.sub(r"\s+", " ", m["place"].strip())
    return f"{place[:1].upper()}{place[1:]}, {rest}"


_NUMBER = re.compile(r"^\s*Số\s*[:.]?(?P<gap>[\s\u00a0]*)(?P<num>\d*)\s*/\s*(?P<sym>.+?)\s*$")


def number_line(text: str) -> str:
    """Return the "Số:" line in ND30's form: "Số: 05/BC-MTTQ-BTT" (SO-01…SO-04, DR-01).

    The colon and one space after "Số", a number below 10 padded, no spaces in the
    symbol, hyphens between its groups, its letters in capitals (except the codes
    ND30 writes in mixed case). A draft (no number) gets a blank of six spaces.

    >>> number_line("Số 5 / mttq – btt")
    'Số: 05/MTTQ-BTT'
    >>> number_line("Số:   12/TTr-MTTQ-BTT")
    'Số: 12/TTr-MTTQ-BTT'
    >>> number_line("Số: /MTTQ-BTT")
    'Số:      /MTTQ-BTT'
    >>> number_line("Số:\\t/BC-MTTQ-BTT")
    'Số:\\t/BC-MTTQ-BTT'
    """
    m = _NUMBER.match(unicodedata.normalize("NFC", text))
    if not m:
        return text
    groups = [g.strip() for g in re.split(f"[{_DASHES}]", m["sym"])]
    if not all(re.fullmatch(r"[^\W_]+", g) for g in groups):
        return text
    symbol = "-".join(next((c for c in MIXED_CASE_CODES if c.upper() == g.upper()), g.upper()) for g in groups)
    if not m["num"]:
        gap = m["gap"] if "\t" in m["gap"] or len(m["gap"]) >= 2 else DRAFT_GAP
        return f"Số:{gap}/{symbol}"
    number = m["num"].lstrip("0") or "0"
    number = f"{int(number):02d}" if int(number) < 10 else number
    return f"Số: {number}/{symbol}"


def vv_line(text: str) -> str:
    """Return a công văn's trích yếu starting "V/v " (VV-01).

    >>> vv_line("V/V: triển khai Trang cộng đồng"), vv_line("Về việc triển khai"), vv_line("v.v triển khai")
    ('V/v triển khai Trang cộng đồng', 'V/v triển khai', 'V/v triển khai')
    """
    m = re.match(r"^\s*(?:v\s*[/.]\s*v|về\s+việc)\s*[:.]?\s*(?P<rest>\S.*)$", text, re.I | re.S)
    return f"V/v {m['rest'].rstrip()}" if m else text


def kinh_gui(text: str) -> str:
    """Return the "Kính gửi:" line with its colon, and a single recipient without a final ";" (KG-02, KG-03).

    >>> kinh_gui("Kính gửi  Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh;"), kinh_gui("Kính gửi :")
    ('Kính gửi: Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh', 'Kính gửi:')
    """
    m = re.match(r"^\s*(?P<head>kính\s+gửi)\s*:?\s*(?P<tail>.*?)\s*$", text, re.I | re.S)
    if not m:
        return text
    tail = re.sub(r"\s*[;,]$", "", m["tail"])
    return f"Kính gửi: {tail}" if tail else "Kính gửi:"


def dash_item(text: str, end: str) -> str:
    """Return a list line starting "- " and ending with `end` (";" or ".") (KG-04, NN-02).

    >>> dash_item("–Như trên", ";"), dash_item("- Các huyện,", "."), dash_item("• Sở Nội vụ;", ";")
    ('- Như trên;', '- Các huyện.', '- Sở Nội vụ;')
    """
    m = re.match(rf"^\s*[{_DASHES}•+*]\s*(?P<body>\S.*?)\s*[;,.:]?\s*$", text, re.S)
    if not m:
        return text
    return f"- {m['body']}{end}"


_LUU = re.compile(r"^\s*[-–—•]?\s*Lưu\s*[:.]?\s*(?P<vt>VT|Văn thư)\b\s*[,.;:]?\s*(?P<rest>.*?)[\s.;,]*$", re.I)


def luu_line(text: str) -> str:
    """Return the last Nơi nhận line as "- Lưu: VT, X." (NN-04).

    >>> luu_line("- Lưu VT"), luu_line("- Lưu: VT, BTT"), luu_line("-Lưu: VT,BTT;"), luu_line("- Lưu: VT, HC (2).")
    ('- Lưu: VT.', '- Lưu: VT, BTT.', '- Lưu: VT, BTT.', '- Lưu: VT, HC (2).')
    >>> luu_line("- UBND tỉnh;")
    '- UBND tỉnh;'
    """
    m = _LUU.match(text)
    if not m:
        return text
    rest = re.sub(r"\s*,\s*", ", ", m["rest"].strip())
    return f"- Lưu: VT, {rest}." if rest else "- Lưu: VT."


_AUTHORITY = re.compile(r"^\s*(?P<code>T\s*[./]?\s*M|K\s*[./]?\s*T|T\s*[./]?\s*L|TUQ|Q)\s*[./:]?\s+(?P<rest>\S.*)$",
                        re.S)


def authority_line(text: str) -> str:
    """Return a signature's authority line with its prefix written "TM.", "KT.", "Q.", "TL.", "TUQ." (SG-02).

    >>> authority_line("T/M BAN THƯỜNG TRỰC"), authority_line("KT CHỦ TỊCH"), authority_line("TM.BAN")
    ('TM. BAN THƯỜNG TRỰC', 'KT. CHỦ TỊCH', 'TM.BAN')
    """
    m = _AUTHORITY.match(text)
    if not m:
        return text
    code = re.sub(r"[\s./]", "", m["code"]).upper()
    return f"{code}. {m['rest'].rstrip()}"


def upper(text: str) -> str:
    """Return `text` in capitals (titles and names of bodies: AG-03/04, TL-02, SG-02/04, PL-03).

    >>> upper("Ban Thường trực"), upper("tm. ban thường trực")
    ('BAN THƯỜNG TRỰC', 'TM. BAN THƯỜNG TRỰC')
    """
    return unicodedata.normalize("NFC", text.upper())


def person_name(text: str) -> str:
    """Return a signer's name typed in capitals in normal case, each word capitalised (SG-06).

    >>> person_name("NGUYỄN VĂN AN"), person_name("Lò Thị Mai")
    ('Nguyễn Văn An', 'Lò Thị Mai')
    """
    letters = [c for c in text if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return text
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split(" "))


def end_mark(text: str) -> str:
    """Return `text` ending with ND30's end mark "./." (BD-08, PL-11).

    >>> end_mark("Đề nghị các đơn vị thực hiện."), end_mark("Trân trọng"), end_mark("xong./.")
    ('Đề nghị các đơn vị thực hiện./.', 'Trân trọng./.', 'xong./.')
    """
    stripped = text.rstrip()
    if stripped.endswith("./."):
        return text
    stripped = stripped.rstrip(" ;,:")
    return stripped + ("/." if stripped.endswith(".") else "./.")


def end_with(text: str, end: str) -> str:
    """Return `text` ending with `end` (";" or ".") in place of another final punctuation (BD-06).

    >>> end_with("Căn cứ Điều lệ Mặt trận,", ";"), end_with("Căn cứ Luật;", "."), end_with("Theo đề nghị", ".")
    ('Căn cứ Điều lệ Mặt trận;', 'Căn cứ Luật.', 'Theo đề nghị.')
    """
    return text.rstrip().rstrip(";,.:") + end


_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def appendix_label(text: str, roman: bool = False) -> str:
    """Return an appendix label as "Phụ lục" (+ number), in normal case; `roman` writes 1, 2 … as I, II … (PL-02, PL-01).

    >>> appendix_label("PHỤ LỤC"), appendix_label("PHỤ LỤC 2", roman=True), appendix_label("phụ lục II")
    ('Phụ lục', 'Phụ lục II', 'Phụ lục II')
    """
    m = re.match(r"^\s*ph[ụu]\s*l[ụu]c\s*(?P<n>[IVXLC]+|\d+)?\s*$", text, re.I)
    if not m:
        return text
    n = (m["n"] or "").upper()
    if roman and n.isdigit() and 1 <= int(n) <= len(_ROMAN):
        n = _ROMAN[int(n) - 1]
    return f"Phụ lục {n}".rstrip()


def reference_line(text: str) -> str:
    """Return an appendix's "(Kèm theo …)" line in parentheses, its dates padded (PL-04, DT-04).

    >>> reference_line("Kèm theo Báo cáo số 12/BC-MTTQ-BTT ngày 5 tháng 3 năm 2024 của Ban Thường trực")
    '(Kèm theo Báo cáo số 12/BC-MTTQ-BTT ngày 05 tháng 3 năm 2024 của Ban Thường trực)'
    """
    t = pad_dates(text.strip())
    if not t.lower().startswith(("(kèm theo", "kèm theo")):
        return text
    if not t.startswith("("):
        t = "(" + t
    if not t.endswith(")"):
        t = t.rstrip(" .;") + ")"
    return t


def article_label(text: str) -> str:
    """Return a line starting "Điều N." with the full stop after the number (the "Điều 1." style, QD-03).

    >>> article_label("Điều 1: Công nhận …"), article_label("ĐIỀU 2 Giao …"), article_label("Điều 3. Xong")
    ('Điều 1. Công nhận …', 'Điều 2. Giao …', 'Điều 3. Xong')
    """
    m = re.match(r"^\s*điều\s+(?P<n>\d+)\s*[.:)\-–]?\s*(?P<rest>.*)$", text, re.I | re.S)
    if not m:
        return text
    return f"Điều {m['n']}. {m['rest']}".rstrip() if m["rest"] else f"Điều {m['n']}."


def nfc(text: str) -> str:
    """Return `text` in precomposed characters (FN-03).

    >>> nfc("Vie\\u0323\\u0302t") == "Việt"
    True
    """
    return unicodedata.normalize("NFC", text)
