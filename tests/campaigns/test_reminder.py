"""docgen.campaigns.reminder: the `[don_doc]` table read into a typed Reminder, mistakes named by key."""

from __future__ import annotations

import datetime as dt

import pytest

from docgen.campaigns.campaign import load_campaign
from docgen.campaigns.reminder import DEFAULT, PLACEHOLDERS, parse_reminder
from docgen.errors import CampaignError, Location

from tests.conftest import TWO_LEVEL_TOML

WHERE = Location("chien-dich.toml")


def test_a_campaign_without_the_table_gets_the_default_text():
    assert parse_reminder({}, WHERE) is DEFAULT
    assert load_campaign("2022-trang-cong-dong").reminder == DEFAULT


def test_the_default_sentences_use_only_known_placeholders():
    import string

    for text in (DEFAULT.subject, DEFAULT.opening, DEFAULT.missing, DEFAULT.late, DEFAULT.closing):
        assert {n for _, n, _, _ in string.Formatter().parse(text) if n} <= set(PLACEHOLDERS)


def test_every_key_is_read_over_the_default():
    raw = {"don_doc": {
        "trich_yeu": "đôn đốc báo cáo theo {loai_van_ban} số {so_van_ban}",
        "mo_dau": "Thực hiện {loai_van_ban} số {so_van_ban}\nngày {ngay_van_ban}.",
        "noi_nhan": ["Như trên", "Thường trực Tỉnh ủy (b/c)", "Lưu: VT, DCPL"],
        "han_moi": dt.date(2022, 4, 15), "so": "7", "ngay": dt.date(2022, 4, 5), "ky_hieu": "MTTQ-BTT",
        "ky": {"tham_quyen": "KT. CHỦ TỊCH", "chuc_vu": "PHÓ CHỦ TỊCH", "nguoi_ky": "Giàng Trọng Bình"},
    }}
    r = parse_reminder(raw, WHERE)
    assert r.opening == "Thực hiện {loai_van_ban} số {so_van_ban} ngày {ngay_van_ban}."
    assert r.missing == DEFAULT.missing and r.cc[1] == "Thường trực Tỉnh ủy (b/c)"
    assert (r.new_deadline, r.number, r.date, r.signature.authority) == (dt.date(2022, 4, 15), "07",
                                                                        dt.date(2022, 4, 5), "KT. CHỦ TỊCH")
    assert r.deadline(dt.date(2030, 1, 1), dt.date(2022, 3, 31)) == dt.date(2022, 4, 15)
    assert r.deadline(dt.date(2030, 1, 1), dt.date(2022, 3, 31), dt.date(2022, 4, 20)) == dt.date(2022, 4, 20)


@pytest.mark.parametrize("table,key,words", [
    ({"chua_bao_cao": "trước ngày {han_mới}"}, "don_doc.chua_bao_cao", "{han_mới} không có"),
    ({"ket_thuc": "đề nghị {co_quan"}, "don_doc.ket_thuc", "ngoặc"),
    ({"han_moi": "15/4/2022"}, "don_doc.han_moi", "ngày (NĂM-THÁNG-NGÀY)"),
    ({"so_ngay": 0}, "don_doc.so_ngay", "từ 1 đến 365"),
    ({"so": "7"}, "don_doc.ngay", "cần ngày ký"),
    ({"so": "bảy", "ngay": dt.date(2022, 4, 5)}, "don_doc.so", "chữ số"),
    ({"ky": {"tham_quyen": "Thay mặt", "chuc_vu": "CHỦ TỊCH", "nguoi_ky": "A"}}, "don_doc.ky.tham_quyen", "TM., KT."),
    ({"noi_nhan": "Như trên"}, "don_doc.noi_nhan", "danh sách"),
    ({"han": dt.date(2022, 4, 5)}, "don_doc.han", "không có"),
])
def test_a_mistake_is_named_by_its_key(table, key, words):
    with pytest.raises(CampaignError) as err:
        parse_reminder({"don_doc": table}, WHERE)
    assert err.value.location.cell == key and words in err.value.message


def test_a_campaign_folder_can_carry_its_own_reminder_text(tmp_path):
    folder = tmp_path / "thu"
    folder.mkdir()
    (folder / "chien-dich.toml").write_text(
        TWO_LEVEL_TOML + '\n[don_doc]\nso_ngay = 10\nket_thuc = "Đề nghị {cap} thực hiện nghiêm túc."\n', encoding="utf-8")
    reminder = load_campaign(folder).reminder
    assert reminder.days == 10 and reminder.closing == "Đề nghị {cap} thực hiện nghiêm túc."
    assert reminder.deadline(dt.date(2026, 4, 1), dt.date(2026, 3, 31)) == dt.date(2026, 4, 11)


def test_docs_list_every_placeholder_and_their_example_is_a_valid_table():
    import re
    import tomllib
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "chien-dich.md").read_text(encoding="utf-8")
    section = docs[docs.index("### Công văn đôn đốc: `[don_doc]`"):]
    section = section[:section.index("\n### ", 5)]
    for name, meaning in PLACEHOLDERS.items():
        assert f"| `{{{name}}}` | {meaning} |" in section
    example = re.search(r"```toml\n(.*?)```", section, re.S).group(1)
    reminder = parse_reminder(tomllib.loads(example), WHERE)
    assert reminder.new_deadline == dt.date(2022, 4, 15) and "{han_moi}" in reminder.missing
