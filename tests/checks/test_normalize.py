"""Each normalisation of item 5, with the messy values clerks really type."""

from __future__ import annotations

import datetime as dt

import pytest

from docgen.checks import normalize

FB = {"Facebook": ("facebook.com", "fb.com", "fb.me")}


class TestText:
    def test_removes_control_and_invisible_characters_and_says_so(self):
        out = normalize.text("Lò\x00 Văn\u200b Bình\ufeff")
        assert (out.value, out.changed) == ("Lò Văn Bình", True)

    def test_composes_decomposed_vietnamese(self):
        out = normalize.text("Hoa\u0300")
        assert (out.value, out.changed) == ("Hoà", True)

    def test_collapses_spaces_and_nbsp_without_calling_it_a_change(self):
        out = normalize.text("  Mường\u00a0 Nhé ")
        assert (out.value, out.changed) == ("Mường Nhé", False)

    def test_reads_numbers_and_dates_as_text(self):
        assert normalize.text(912000101.0).value == "912000101"
        assert normalize.text(dt.date(2022, 3, 1)).value == "01/03/2022"


class TestPhone:
    @pytest.mark.parametrize("typed", [
        912000101, 912000101.0, "912000101", "0912.000.101", "0912-000-101", "+84 912 000 101", "84912000101",
        "(+84) 912.000.101",
    ])
    def test_brings_every_way_of_typing_a_mobile_to_one_form(self, typed):
        out = normalize.phone(typed)
        assert (out.value, out.changed, out.ok) == ("0912 000 101", True, True)

    @pytest.mark.parametrize("typed", ["0912000101", "0912 000 101", " 0912 000101 "])
    def test_does_not_flag_a_number_that_only_differs_in_spacing(self, typed):
        out = normalize.phone(typed)
        assert (out.value, out.changed) == ("0912 000 101", False)

    @pytest.mark.parametrize("typed, shown", [
        ("02153825123", "0215 3825 123"), ("0215.3825.123", "0215 3825 123"), ("(0215) 3825123", "0215 3825 123"),
        ("02438251234", "024 3825 1234"),
    ])
    def test_knows_landlines(self, typed, shown):
        assert normalize.phone(typed).value == shown

    @pytest.mark.parametrize("typed", ["0912 345", "0912000101999", "09l2000101", "không có", "0203123456"])
    def test_rejects_what_is_not_a_vietnamese_number(self, typed):
        out = normalize.phone(typed)
        assert out.problem.startswith(f"«{typed}»") and out.value == ""

    def test_keeps_two_numbers_in_one_cell(self):
        assert normalize.phone("0912000101 - 0215 3825 123").value == "0912 000 101; 0215 3825 123"

    def test_leaves_an_empty_cell_empty(self):
        assert normalize.phone("  ") == normalize.Normal("")


class TestEmail:
    def test_trims_and_lower_cases(self):
        out = normalize.email("  Lo.Van.Binh@GMAIL.com ")
        assert (out.value, out.changed) == ("lo.van.binh@gmail.com", True)

    def test_does_not_flag_a_clean_address(self):
        assert normalize.email("binhgtr@gmail.com").changed is False

    @pytest.mark.parametrize("typed, why", [
        ("lo.van.binh@gmail", "phần sau @ thiếu tên miền đầy đủ"),
        ("lovanbinh.gmail.com", "thiếu dấu @"),
        ("lo@@gmail.com", "có hơn một dấu @"),
        ("nguyễn@gmail.com", "có chữ có dấu tiếng Việt"),
        ("lo van@gmail.com", "có dấu cách ở giữa"),
    ])
    def test_says_in_vietnamese_why_an_address_is_invalid(self, typed, why):
        assert why in normalize.email(typed).problem

    def test_never_looks_up_the_domain(self):
        # a domain that does not exist is still a well-formed address (no DNS)
        assert normalize.email("a@khong-ton-tai-abcxyz.vn").ok


class TestLink:
    @pytest.mark.parametrize("typed", [
        "facebook.com/mattranchungchai", "www.facebook.com/mattranchungchai", "http://facebook.com/mattranchungchai",
        "https://m.facebook.com/mattranchungchai/", "https://mbasic.facebook.com/mattranchungchai",
        "https://web.facebook.com/mattranchungchai?ref=bookmarks", "fb.com/mattranchungchai",
        "https://www.facebook.com/mattranchungchai#", "https://fb.me/mattranchungchai",
    ])
    def test_brings_every_form_of_a_page_address_to_one(self, typed):
        out = normalize.link(typed, FB)
        assert (out.value, out.changed, out.platform) == ("https://www.facebook.com/mattranchungchai", True, "Facebook")

    @pytest.mark.parametrize("typed", ["https://www.facebook.com/mattranchungchai", "https://facebook.com/mattranchungchai/"])
    def test_does_not_flag_a_proper_address(self, typed):
        assert normalize.link(typed, FB).changed is False

    def test_keeps_only_the_id_of_a_profile_link(self):
        out = normalize.link("m.facebook.com/profile.php?id=100064123&mibextid=ZbWKwL", FB)
        assert out.value == "https://www.facebook.com/profile.php?id=100064123"

    @pytest.mark.parametrize("typed", ["chưa có", "Chưa có Trang", "đang xây dựng", "Đang xây dựng.", "-", "không", "", "x"])
    def test_reads_words_for_no_page_as_no_page(self, typed):
        from docgen.campaigns.campaign import load_campaign

        out = normalize.link(typed, FB, load_campaign().no_page)   # the default campaign's `chua_co` words
        assert out.empty and out.ok and out.value == ""

    @pytest.mark.parametrize("typed", [
        "https://zalo.me/mattran", "Mặt trận Chung Chải", "https://www.facebook.com/groups/12345",
        "https://www.facebook.com/", "https://www.facebook.com/profile.php", "ftp://facebook.com/x",
    ])
    def test_rejects_what_is_not_a_page_of_a_known_platform(self, typed):
        out = normalize.link(typed, FB)
        assert out.problem and not out.empty

    def test_takes_the_platforms_from_the_campaign(self):
        out = normalize.link("zalo.me/mattran", {"Zalo": ("zalo.me",)})
        assert (out.value, out.platform) == ("https://www.zalo.me/mattran", "Zalo")
