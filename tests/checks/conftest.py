"""Fixtures of the checks' tests: the 2022 campaign and a two-level campaign built in tmp_path."""

from __future__ import annotations

import pytest

from docgen.campaigns.campaign import load_campaign


@pytest.fixture(scope="session")
def campaign():
    return load_campaign()


@pytest.fixture
def two_level(two_level_folder):
    """Return the two-level test campaign of `tests/conftest.py`, loaded."""
    return load_campaign(two_level_folder)
