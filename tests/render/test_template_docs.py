"""docs/mau-van-ban.md is generated (scripts/gen_template_docs.py): regenerate it and compare."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from pathlib import Path

import pytest

from docgen import api
from docgen.render.engine import environment
from docgen.render.filters import FILTERS

ROOT = Path(__file__).resolve().parent.parent.parent
DOC = ROOT / "docs" / "mau-van-ban.md"


@pytest.fixture(scope="module")
def gen():
    spec = importlib.util.spec_from_file_location("gen_template_docs", ROOT / "scripts" / "gen_template_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_template_reference_is_up_to_date(gen):
    assert DOC.read_text(encoding="utf-8") == gen.render_doc(), (
        "docs/mau-van-ban.md đã cũ: chạy python scripts/gen_template_docs.py"
    )


def test_every_variable_of_every_kind_and_every_filter_is_listed(gen):
    text = gen.render_doc()
    for kind in api.TEMPLATE_KINDS:
        for name in api.template_variables(kind):
            assert f"| `{name}` |" in text
    for name in FILTERS:
        assert f"| `{name}` |" in text


def test_each_filter_example_renders_to_the_result_shown(gen):
    env = environment()
    rows = re.findall(r"^\| `(\w+)` \| .*? \| `(\{\{.*?\}\})` \| `(.*?)`(.*)\|$", "\n".join(gen.filters_section()), re.M)
    assert {name for name, *_ in rows} == set(FILTERS)
    for name, example, result, note in rows:
        context = {}
        if m := re.search(r"khi ngay là (\d+)/(\d+)/(\d+)", note):
            context["ngay"] = dt.date(int(m[3]), int(m[2]), int(m[1]))
        assert env.from_string(example.replace("\\|", "|")).render(context) == result, (name, example)
