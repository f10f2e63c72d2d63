"""Hand-built submissions for the aggregate tests (no reader or checker needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from docgen.campaigns.campaign import load_campaign
from docgen.errors import Location
from docgen.records.model import (
    Facts, LevelFigures, Person, Problem, RawTable, Record, Role, Severity, Source, Submission,
)


@pytest.fixture(scope="session")
def campaign():
    return load_campaign("2022-trang-cong-dong")


def build_submission(campaign, unit, ngay=None, file_date=None, without_page=0, file=None, names=None):
    """Return a checked-looking submission of `unit`: itself and every unit below, each with a page
    except the last `without_page` ones; `names` overrides page names by unit code."""
    units = campaign.units
    covered = [u for u in (unit, *units.descendants(unit)) if campaign.level_at(u.level)]
    file = file or f"{unit.code}.xlsx"
    records = []
    for i, u in enumerate(covered):
        level = campaign.level_at(u.level)
        has_page = i < len(covered) - without_page
        name = (names or {}).get(u.code, level.expected_page_name(u)) if has_page else ""
        records.append(Record(
            Location(file, "Phụ lục", f"C{8 + i}"), u.full_name, u, name,
            f"https://www.facebook.com/mt{u.code}" if has_page else "", "Facebook" if has_page else "",
            Person(Role.LEADER, f"Lãnh đạo {u.code}", "0912 000 101", f"ld{u.code}@gmail.com"),
            Person(Role.OPERATOR, f"Vận hành {u.code}", "0969 000 101", f"vh{u.code}@gmail.com"),
        ))
    figures = []
    for lv in campaign.levels:
        recs = [r for r in records if r.unit.level == lv.depth]
        if not recs:
            continue
        figures.append(LevelFigures(
            lv.code, lv.title, expected=len(recs), present=len(recs),
            with_page=sum(r.has_page for r in recs),
            on_pattern=sum(r.page_name == lv.expected_page_name(r.unit) for r in recs),
            with_leader=len(recs), with_operator=len(recs), with_both=len(recs),
        ))
    problems = tuple(
        Problem("TEN-01", Severity.ERROR, "Chưa có Trang.", r.location, unit_code=r.unit.code)
        for r in records if not r.has_page
    )
    source = Source(file, RawTable(Location(file, "Phụ lục"), "A5", ()), Facts(don_vi=unit.full_name, ngay=ngay),
                    file_date=file_date)
    return Submission(source, unit, tuple(records), problems, tuple(figures), tuple(covered))


@pytest.fixture
def make_sub(campaign):
    def make(unit, **kw):
        return build_submission(campaign, unit, **kw)
    return make


@pytest.fixture(scope="session")
def districts(campaign):
    return campaign.units.children(campaign.province)


ON_TIME = dt.date(2022, 3, 25)
LATE = dt.date(2022, 4, 2)
