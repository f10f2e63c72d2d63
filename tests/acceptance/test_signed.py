"""Issue 16: the 2022 sample's reports and the province summary, read back from the .docx, are fit to sign.

Read as a second reader would: the Phụ lục numbers exactly the set the text counts; every ratio's
shortfall is the number of units section II names; no tool vocabulary; Nơi nhận never repeats the
Kính gửi; one signature form in the whole batch; drafts say so while errors remain.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from docgen.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "mau" / "2022-dien-bien"
PROVINCE = ROOT / "data" / "mau" / "2022-dien-bien-tinh" / "thong-tin-tinh-dien-bien.xlsx"
# Words of the tool, not of a Front office: they must not appear in a letter.
TOOL_WORDS = ("kiểm tra danh sách", "docgen", "quy tắc", "cảnh báo", "chuẩn hóa", "tệp", "thông tin khác",
              "DV-0", "TT-0", "NS-0", "LK-0", "SDT-", "EM-0", "mẫu số", "None", "{", "}")
RATIO = re.compile(r"(\d+)/(\d+) ([^()]+?) \(\d")
NAMED = re.compile(r"^- (.+?) \((\d+) đơn vị[^)]*\):")


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("ky")
    assert main(["bao-cao", str(SAMPLES), "-o", str(out / "bc"), "--ban-ky"]) == 0
    assert main(["bao-cao", str(SAMPLES), "-o", str(out / "du-thao")]) == 0
    main(["tong-hop", str(SAMPLES), "-o", str(out / "th"), "--thong-tin", str(PROVINCE)])
    return out


def _reports(folder: Path) -> list[Path]:
    return sorted(folder.glob("*/bao-cao-ket-qua-*.docx"))


def _body(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def _section(lines: list[str], start: str, end: str) -> list[str]:
    i = next(i for i, t in enumerate(lines) if t.startswith(start))
    j = next(j for j, t in enumerate(lines) if t.startswith(end) and j > i)
    return lines[i + 1:j]


def _named(part: list[str]) -> dict[str, int]:
    """Return, per fact of section II, how many units it names (the count in brackets equals the names)."""
    out = {}
    for line in part:
        m = NAMED.match(line)
        if m:
            names = line.split("):", 1)[1].strip().rstrip(".")
            count = len(re.split(r", (?=(?:xã|phường|thị trấn|huyện|thị xã|thành phố|tỉnh) )", names))
            assert count == int(m.group(2)), line
            out[m.group(1)] = out.get(m.group(1), 0) + int(m.group(2))
    return out


def _closing(path: Path) -> tuple[list[str], list[str]]:
    table = next(t for t in docx.Document(str(path)).tables if t.cell(0, 0).text.startswith("Nơi nhận"))
    cc = [p.text for p in table.cell(0, 0).paragraphs if p.text.strip()]
    sign = [p.text for p in table.cell(0, 1).paragraphs if p.text.strip()]
    return cc, sign


def _appendix_numbers(path: Path) -> dict[str, list[int]]:
    """Return the Phụ lục's numbered rows per group ("I", "II" …)."""
    table = docx.Document(str(path)).tables[-1]
    groups: dict[str, list[int]] = {}
    current = ""
    for row in table.rows[2:]:
        first = row.cells[0].text.strip()
        if re.fullmatch(r"[IVX]+", first):
            current = first
            groups[current] = []
        elif first.isdigit():
            groups[current].append(int(first))
    return groups


def test_each_district_report_numbers_exactly_the_units_its_text_counts(written):
    for path in _reports(written / "bc"):
        lines = _body(path)
        ratios = [RATIO.search(t) for t in lines if t.startswith(("2. Cấp xã", "3. Cấp xã"))]
        groups = _appendix_numbers(path)
        assert groups["I"] == [1]   # the district's own row
        if ratios and ratios[0]:
            whole = int(ratios[0].group(2))
            assert groups["II"] == list(range(1, whole + 1)), path.name


def test_every_shortfall_of_a_ratio_is_named_in_section_two(written):
    for path in _reports(written / "bc") + [written / "th" / "bao-cao-tong-hop.docx"]:
        lines = _body(path)
        named = _named(_section(lines, "II. ", "III. "))
        assessment = next((t for t in lines if "Đánh giá chung" in t), "")
        if len(RATIO.findall(assessment)) >= 3:   # a district report: the assessment sums every level
            pages, _, staffed = RATIO.findall(assessment)[:3]
            assert int(pages[1]) - int(pages[0]) == named.get("Chưa báo cáo", 0) + named.get(
                "Chưa lập “Trang cộng đồng”", 0), path.name
            assert int(staffed[1]) - int(staffed[0]) == named.get(
                "Chưa phân công đủ lãnh đạo phụ trách và cán bộ quản lý, vận hành", 0), path.name
        levels = [t for t in lines if re.match(r"^(\d\. |- )Cấp (huyện|xã): có ", t)]
        off = sum(int(p) - int(o) for t in levels for o, p, of in RATIO.findall(t)[1:2])
        own_off = sum(1 for t in lines if re.match(r"^(\d\. |- )Cấp (tỉnh|huyện): đã lập", t) and "tên chưa đúng mẫu" in t)
        assert off + own_off == named.get("Tên Trang chưa đúng mẫu chung", 0), path.name


def test_the_summary_counts_agree_with_its_section_two(written):
    lines = _body(written / "th" / "bao-cao-tong-hop.docx")
    named = _named(_section(lines, "II. ", "III. "))
    levels = [t for t in lines if t.startswith(("- Cấp huyện: có", "- Cấp xã: có"))]
    assert len(levels) == 2
    gaps = [int(w) - int(p) for t in levels for p, w, _ in RATIO.findall(t)[:1]]
    staff = [int(w) - int(p) for t in levels for p, w, _ in RATIO.findall(t)[2:3]]
    own = next(t for t in lines if t.startswith("- Cấp tỉnh: "))
    assert "đồng chí Giàng Trọng Bình" in own and "đồng chí Lưu Hoài Nam" in own
    assert sum(gaps) == named.get("Chưa báo cáo", 0) + named.get("Chưa lập “Trang cộng đồng”", 0)
    assert sum(staff) == named.get("Chưa phân công đủ lãnh đạo phụ trách và cán bộ quản lý, vận hành", 0)
    numbers = _appendix_numbers(written / "th" / "bao-cao-tong-hop.docx")
    assert numbers["I"] == [1] and numbers["II"] == list(range(1, 11))   # Cấp tỉnh, then 10 districts
    communes = int(RATIO.search(levels[1]).group(2))
    assert numbers["III"] == list(range(1, communes + 1))                # 129 communes, 1–129
    assert "xã Nậm Kè (huyện Mường Nhé)" in " ".join(lines)              # lower-case mid-sentence


def test_no_tool_vocabulary_in_any_letter(written):
    for path in _reports(written / "bc") + [written / "th" / "bao-cao-tong-hop.docx"]:
        text = "\n".join(_body(path)).split("\nPhụ lục\n")[0]
        for word in TOOL_WORDS:
            assert word not in text, (path.name, word)


def test_noi_nhan_never_repeats_the_addressee_and_one_signature_form(written):
    forms = set()
    for path in _reports(written / "bc") + [written / "th" / "bao-cao-tong-hop.docx"]:
        cc, sign = _closing(path)
        assert cc[1] == "- Như trên;"
        assert len(set(cc)) == len(cc)
        kinh_gui = next(t for t in _body(path) if t.startswith("Kính gửi: ")).removeprefix("Kính gửi: ")
        for entry in cc[2:]:
            words = re.sub(r"\(.*?\)", "", entry).strip(" -;.")
            assert not kinh_gui.startswith(words) and "MTTQ Việt Nam tỉnh" not in words, (path.name, entry)
        forms.add(tuple(line for line in sign if line.isupper() and "CHỦ TỊCH" not in line or line.startswith("KT.")))
    assert forms == {("TM. BAN THƯỜNG TRỰC",)}   # never "KT. CHỦ TỊCH" in a batch of the "tm" campaign


def test_reports_with_errors_are_drafts_unless_the_copy_to_sign_is_asked_for(written):
    for slug, draft in (("huyen-tuan-giao", True), ("huyen-muong-nhe", True), ("huyen-tua-chua", False)):
        lines = _body(written / "du-thao" / slug / f"bao-cao-ket-qua-{slug}.docx")
        header = docx.Document(str(written / "du-thao" / slug / f"bao-cao-ket-qua-{slug}.docx")).tables[0]
        assert (lines[0] == "DỰ THẢO") is draft, slug
        number = header.rows[1].cells[0].text
        assert (re.search(r"Số: \d", number) is None) is draft, slug
    signed = _body(written / "bc" / "huyen-tuan-giao" / "bao-cao-ket-qua-huyen-tuan-giao.docx")
    assert signed[0] != "DỰ THẢO"


def test_the_appendix_never_prints_a_wrong_row_as_valid(written):
    tuan_giao = written / "bc" / "huyen-tuan-giao" / "bao-cao-ket-qua-huyen-tuan-giao.docx"
    cells = [c.text for r in docx.Document(str(tuan_giao)).tables[-1].rows for c in r.cells]
    assert "Xã Quài Tở Mới" not in cells and cells.count("Xã Mường Mùn") == 1 and "lo.van.binh@gmail" not in cells
    assert "Chưa lập “Trang cộng đồng” (đang xây dựng)" in cells
    notes = " ".join(_body(tuan_giao))
    assert "không tính xã Quài Tở Mới (không có trong danh mục" in notes
    assert "không tính lần ghi lặp của xã Mường Mùn" in notes
    muong_nhe = written / "bc" / "huyen-muong-nhe" / "bao-cao-ket-qua-huyen-muong-nhe.docx"
    cells = [c.text for r in docx.Document(str(muong_nhe)).tables[-1].rows for c in r.cells]
    assert "0912 345" not in cells and "Mặt trận xã Chung Chải (tên chưa đúng mẫu)" in cells
    assert "Chưa báo cáo" in cells   # Nậm Kè
