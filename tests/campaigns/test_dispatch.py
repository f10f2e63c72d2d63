"""The campaign's dispatch as data: numbering by position, bullets, placeholders, drafts, mistakes by key."""

from __future__ import annotations

import datetime as dt

import pytest

from docgen.campaigns.campaign import Level
from docgen.campaigns.dispatch import Paragraph, parse_dispatch
from docgen.values.formats import ngay_han as deadline_text
from docgen.errors import CampaignError, Location

WHERE = Location("x/chien-dich.toml")
LEVELS = (Level("xa", 1, "Cấp xã", dt.date(2026, 3, 31), "Mặt trận {ten} ({tinh})", "Mặt trận Mường Phăng (tỉnh Điện Biên)"),)


def raw(**van_ban) -> dict:
    """Return a minimal campaign file with a dispatch, `van_ban` keys overriding the defaults."""
    base = {
        "so": "15", "ky_hieu": "MTTQ-BTT", "ngay": dt.date(2026, 3, 2), "noi_ban_hanh": "Điện Biên",
        "co_quan": "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên", "trich_yeu": "rà soát Trang",
        "co_quan_chu_quan": ["ỦY BAN MTTQ VIỆT NAM", "TỈNH ĐIỆN BIÊN"], "co_quan_ban_hanh": "BAN THƯỜNG TRỰC",
        "kinh_gui": ["Ban Thường trực Ủy ban MTTQ Việt Nam các xã, phường"], "noi_nhan": ["Như trên", "Lưu: VT"],
        "ky": {"tham_quyen": "TM. BAN THƯỜNG TRỰC", "chuc_vu": "CHỦ TỊCH", "nguoi_ky": "Nguyễn Văn A"},
        "muc": [{"noi_dung": "Rà soát trước ngày {han.xa}."}],
    }
    base.update(van_ban)
    return {"van_ban": {k: v for k, v in base.items() if v is not None}}


def error_of(**van_ban) -> CampaignError:
    with pytest.raises(CampaignError) as info:
        parse_dispatch(raw(**van_ban), LEVELS, WHERE)
    return info.value


def texts(**van_ban) -> list[str]:
    return [p.full for p in parse_dispatch(raw(**van_ban), LEVELS, WHERE).body]


def test_sections_are_numbered_by_position_so_none_is_misnumbered():
    body = texts(muc=[{"noi_dung": "Một."}, {"noi_dung": "Hai.", "muc": [{"noi_dung": "Hai một."}, {"tieu_de": "Tên:"}]},
                      {"noi_dung": "Ba."}])
    assert body == ["1. Một.", "2. Hai.", "2.1. Hai một.", "2.2. Tên:", "3. Ba."]


def test_a_titled_section_carries_its_first_sentence_unless_told_otherwise():
    d = parse_dispatch(raw(muc=[{"tieu_de": "Đặt tên:", "noi_dung": "Để thống nhất.\n- Cấp xã."}]), LEVELS, WHERE)
    first = d.body[0]
    assert (first.bold, first.plain, first.kind) == ("1. Đặt tên:", " Để thống nhất.", "muc")
    assert [(p.kind, p.full) for p in d.body[1:]] == [("gach", "- Cấp xã.")]
    alone = texts(muc=[{"tieu_de": "Đặt tên", "tieu_de_rieng": True, "noi_dung": "Để thống nhất."}])
    assert alone == ["1. Đặt tên", "Để thống nhất."]


def test_a_section_opening_with_a_bullet_keeps_its_title_alone():
    assert texts(muc=[{"tieu_de": "Phương thức", "noi_dung": "- Bước 1.\n+ Ý nhỏ."}]) == [
        "1. Phương thức", "- Bước 1.", "+ Ý nhỏ."]


def test_bases_opening_and_closing_paragraphs_frame_the_sections():
    d = parse_dispatch(raw(can_cu=["Căn cứ A;"], mo_dau="Nhằm B:", ket_thuc="Đề nghị C./."), LEVELS, WHERE)
    assert [(p.kind, p.full) for p in d.body] == [
        ("can_cu", "Căn cứ A;"), ("doan", "Nhằm B:"), ("muc", "1. Rà soát trước ngày 31/3/2026."), ("doan", "Đề nghị C./.")]


def test_placeholders_quote_the_levels_deadline_example_and_title():
    assert texts(muc=[{"noi_dung": "{ten.xa}: {vi_du.xa}, hạn {han.xa}."}]) == [
        "1. Cấp xã: Mặt trận Mường Phăng (tỉnh Điện Biên), hạn 31/3/2026."]


def test_deadlines_in_body_text_pad_the_day_only():
    assert deadline_text(dt.date(2022, 3, 5)) == "05/3/2022"
    assert deadline_text(dt.date(2022, 3, 31)) == "31/3/2022"


def test_a_draft_has_no_number_and_may_have_no_date():
    d = parse_dispatch(raw(so="", ngay=None, nam=2026), LEVELS, WHERE)
    assert (d.is_draft, d.date, d.year) == (True, None, 2026)


def test_a_placeholder_naming_an_unknown_level_is_reported_on_its_key():
    err = error_of(muc=[{"noi_dung": "ok"}, {"noi_dung": "hạn {han.huyen}"}])
    assert err.location.cell == "van_ban.muc[1].noi_dung"
    assert err.message == "«{han.huyen}» nhắc tới cấp «huyen» không có trong [[cap]] (các mã cấp: xa)."


def test_an_unknown_placeholder_is_reported():
    err = error_of(muc=[{"noi_dung": "hạn {ngay_het_han}"}])
    assert err.location.cell == "van_ban.muc[0].noi_dung" and "{han.<mã cấp>}" in err.message


@pytest.mark.parametrize("key", ["ky_hieu", "noi_ban_hanh", "trich_yeu", "kinh_gui", "noi_nhan", "ky", "muc"])
def test_a_missing_key_is_named(key):
    err = error_of(**{key: None})
    assert (err.location.cell, err.message) == (f"van_ban.{key}", f"Thiếu khóa «van_ban.{key}».")


def test_an_issued_dispatch_needs_its_date():
    assert error_of(ngay=None).location.cell == "van_ban.ngay"


def test_a_date_typed_as_text_is_reported():
    err = error_of(ngay="02/3/2026")
    assert err.message == "Khóa «van_ban.ngay» phải là ngày (NĂM-THÁNG-NGÀY), không phải «02/3/2026»."


def test_a_deadline_before_the_dispatch_date_is_reported():
    err = error_of(ngay=dt.date(2026, 4, 2))
    assert err.location.cell == "cap[0].han" and "sớm hơn ngày văn bản (02/4/2026)" in err.message


def test_a_number_below_10_gets_its_leading_zero():  # SO-02
    assert [parse_dispatch(raw(so=n), LEVELS, WHERE).number for n in ("5", 5, "05", "1031")] == ["05", "05", "05", "1031"]
    assert "SO-02" in error_of(so="15a").message
    assert error_of(so="0").location.cell == "van_ban.so"


def test_a_signature_without_an_nd30_prefix_is_reported():  # SG-02
    err = error_of(ky={"tham_quyen": "T/M BAN THƯỜNG TRỰC", "chuc_vu": "CHỦ TỊCH", "nguoi_ky": "A"})
    assert err.location.cell == "van_ban.ky.tham_quyen" and "SG-02" in err.message


def test_an_empty_section_is_reported():
    err = error_of(muc=[{"noi_dung": "ok"}, {"tieu_de": ""}])
    assert err.location.cell == "van_ban.muc[1]" and "Mục 2. trống" in err.message


def test_a_paragraph_reads_as_one_line():
    assert Paragraph("muc", "Để tạo …", "2.1.", "Đặt tên:").full == "2.1. Đặt tên: Để tạo …"
