"""docgen.aggregate.status: expected vs received, on time / late / missing, totals."""

from __future__ import annotations

import datetime as dt

from docgen.aggregate import DateSource, Status, Unusable, pct, summarize
from docgen.campaigns.campaign import load_campaign

ON_TIME, LATE = dt.date(2022, 3, 25), dt.date(2022, 4, 2)


def _rules(summary, rule):
    return [p for p in summary.problems if p.rule == rule]


def test_every_district_has_a_row_in_official_order_even_without_submission(campaign, districts, make_sub):
    summary = summarize(campaign, [make_sub(districts[3], ngay=ON_TIME)])
    assert [r.unit for r in summary.rows] == districts
    assert summary.count(Status.ON_TIME) == 1
    assert summary.count(Status.MISSING) == 9
    assert {p.unit_code for p in _rules(summary, "TH-02")} == {d.code for d in districts} - {districts[3].code}


def test_a_date_after_the_deadline_is_late_and_the_deadline_day_is_on_time(campaign, districts, make_sub):
    subs = [make_sub(districts[0], ngay=LATE), make_sub(districts[1], ngay=dt.date(2022, 3, 31))]
    summary = summarize(campaign, subs)
    assert summary.rows[0].status is Status.LATE and summary.rows[0].days_late == 2
    assert summary.rows[1].status is Status.ON_TIME
    (late,) = _rules(summary, "TH-03")
    assert late.message == f"{districts[0].full_name} nộp ngày 02/04/2022, trễ 2 ngày so với hạn 31/03/2022."


def test_without_a_report_date_the_file_date_is_used_and_flagged(campaign, districts, make_sub):
    summary = summarize(campaign, [make_sub(districts[0], file_date=LATE), make_sub(districts[1])])
    row = summary.rows[0]
    assert (row.status, row.date, row.date_source, row.date_note) == (
        Status.LATE, LATE, DateSource.FILE, "theo ngày của tệp")
    assert summary.rows[1].status is Status.UNDATED
    assert [p.rule for p in summary.problems if p.unit_code in (districts[0].code, districts[1].code)] == [
        "TH-03", "TH-06", "TH-07"]


def test_two_submissions_for_one_unit_are_reported_and_both_kept(campaign, districts, make_sub):
    first = make_sub(districts[0], ngay=dt.date(2022, 3, 20), file="a.xlsx", without_page=3)
    second = make_sub(districts[0], ngay=dt.date(2022, 3, 28), file="b.xlsx")
    summary = summarize(campaign, [first, second])
    row = summary.rows[0]
    assert row.submission is second and row.others == (first,)
    assert summary.submissions == (first, second)
    (dup,) = _rules(summary, "TH-04")
    assert "a.xlsx, b.xlsx" in dup.message and "«b.xlsx»" in dup.message
    assert summary.records == len(first.records) + len(second.records)


def test_totals_are_sums_over_the_rows_and_missing_units_add_their_expected_count(campaign, districts, make_sub):
    subs = [make_sub(d, ngay=ON_TIME, without_page=i) for i, d in enumerate(districts[:8])]
    summary = summarize(campaign, subs)
    huyen, xa = summary.totals
    assert (huyen.level, xa.level) == ("huyen", "xa")
    assert huyen.expected == 10 and xa.expected == 129
    for name in ("present", "with_page", "on_pattern", "with_both"):
        assert getattr(huyen, name) + getattr(xa, name) == sum(
            getattr(f, name) for s in subs for f in s.figures)
    assert xa.with_page == sum(len(s.expected) - 1 for s in subs) - sum(range(8))


def test_a_submission_from_a_unit_that_does_not_report_to_the_province_is_kept_but_reported(
        campaign, districts, make_sub):
    commune = campaign.units.children(districts[0])[0]
    summary = summarize(campaign, [make_sub(commune, ngay=ON_TIME)])
    assert len(summary.unmatched) == 1 and summary.count(Status.MISSING) == 10
    assert _rules(summary, "TH-05")[0].location.file == f"{commune.code}.xlsx"


def test_unusable_inputs_are_reported_with_their_reason(campaign):
    summary = summarize(campaign, [], [Unusable("hong.xlsx", "Tệp trống.")])
    (bad,) = _rules(summary, "TH-01")
    assert bad.message == "Tệp không dùng được: Tệp trống." and bad.location.file == "hong.xlsx"


def test_the_two_level_campaign_expects_each_commune_of_the_province():
    campaign = load_campaign("2026-ra-soat-trang-cong-dong")
    summary = summarize(campaign, [])
    assert len(summary.rows) == 45 and summary.count(Status.MISSING) == 45
    assert [f.expected for f in summary.totals] == [45]


def test_percentages_round_to_one_decimal():
    assert (pct(2, 3), pct(0, 5), pct(1, 0)) == (66.7, 0.0, None)


def test_a_province_wide_list_counts_for_each_unit_it_covers(campaign, districts, make_sub):
    whole = make_sub(campaign.province, ngay=ON_TIME, without_page=5)
    summary = summarize(campaign, [whole])
    assert summary.count(Status.ON_TIME) == 10 and not summary.with_status(Status.MISSING)
    (note,) = _rules(summary, "TH-08")
    assert note.message.startswith("Tệp của tỉnh Điện Biên gồm danh sách của 10 đơn vị cấp huyện")
    parts = [r.submission for r in summary.rows]
    assert sum(len(p.records) for p in parts) == len(whole.records) and summary.unmatched == ()
    huyen, xa = summary.totals
    assert (huyen.with_page, xa.with_page, xa.expected) == (10, 124, 129)
    assert summary.submissions == (whole,) and summary.records == len(whole.records)
