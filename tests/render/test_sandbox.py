"""The template sandbox: what the renderer refuses, `mau kiem-tra` reports, and the other way round."""

from __future__ import annotations

import pytest

from docgen import api
from docgen.errors import TemplateError
from docgen.render.engine import render
from tests.render.render_factory import paragraphs_template

REFUSED = {
    "{% import 'os' as os %}": "MAU-07", "{% include 'a.docx' %}": "MAU-07", "{% extends 'a' %}": "MAU-07",
    "{% from 'a' import b %}": "MAU-07", "{{ '{0.__class__}'.format(1) }}": "MAU-07", "{{ '%s' % 1 }}": "MAU-07",
    "{{ 'a'.format_map({}) }}": "MAU-07", "{{ ''.__class__ }}": "MAU-05", "{{ range.mro }}": "MAU-05",
    "{{ _x }}": "MAU-05", "{{ 'a'|attr('format') }}": "MAU-08", "{{ 'x' * 400000000 }}": "MAU-08",
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}": "MAU-08",
    "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}": "MAU-08",
    "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}{% endfor %}": "MAU-08",
    "{{ range(100000)|join('x' * 100) }}": "MAU-08", "{{ 'x'.ljust(400000000) }}": "MAU-08",
    "{{ ('x' * 900000).replace('x', 'yyyyy') }}": "MAU-08", "{{ 2 ** 100000000 }}": "MAU-08",
    "{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(1) }}": "MAU-08",
    "{% for i in range(100000) %}{{ 'x' * 900 }}{% endfor %}": "MAU-08",
    "{{ 'x'|center(100000000) }}": "MAU-04", "{{ 'x'|format(1) }}": "MAU-04", "{{ lipsum(100000) }}": "MAU-03",
}
ALLOWED = ("{{ 'x' * 10 }}", "{% for i in range(3) %}{{ i }}{% endfor %}", "{{ 7 % 2 }}", "{{ 'a' ~ 'b' }}",
           "{{ [1, 2]|join(', ') }}", "{{ 'abc'|replace('b', 'c') }}", "{{ 2 ** 10 }}", "{{ [1, 2]|sum }}",
           "{% set ns = namespace(n=0) %}{% for i in range(3) %}{% set ns.n = ns.n + i %}{% endfor %}{{ ns.n }}")


def _lint(tmp_path, line: str) -> set[str]:
    path = tmp_path / "mau.docx"
    path.write_bytes(paragraphs_template("Mở đầu", line))
    return {f.rule for f in api.mau_kiem_tra(path, "cong-van")}


@pytest.mark.parametrize("line, rule", REFUSED.items(), ids=range(len(REFUSED)))
def test_what_the_renderer_refuses_the_checker_reports(tmp_path, monkeypatch, line, rule):
    monkeypatch.setenv("DOCGEN_MAX_LOOP", "100000")   # the nested loops are refused sooner, the same way
    with pytest.raises(TemplateError, match="mau.docx"):
        render(paragraphs_template("Mở đầu", line), {}, "mau.docx")
    assert rule in _lint(tmp_path, line)


@pytest.mark.parametrize("line", ALLOWED)
def test_what_the_renderer_allows_the_checker_passes(tmp_path, line):
    render(paragraphs_template("Mở đầu", line), {}, "mau.docx").to_bytes()
    assert _lint(tmp_path, line) == set()


def test_the_loop_limit_is_raised_with_its_environment_variable(monkeypatch):
    template = paragraphs_template("{% for i in range(3000) %}{{ i }}{% endfor %}")
    monkeypatch.setenv("DOCGEN_MAX_LOOP", "1000")
    with pytest.raises(TemplateError, match="vòng lặp chạy quá 1.000 lượt.*DOCGEN_MAX_LOOP"):
        render(template, {}, "mau.docx")
    monkeypatch.setenv("DOCGEN_MAX_LOOP", "5000")
    render(template, {}, "mau.docx").to_bytes()


def test_the_text_limit_counts_what_loops_write(monkeypatch):
    monkeypatch.setenv("DOCGEN_MAX_RENDER_MB", "1")
    with pytest.raises(TemplateError, match="quá 1 MB chữ"):
        render(paragraphs_template("{% for i in range(20000) %}" + "chữ " * 30 + "{% endfor %}"), {}, "mau.docx")


def test_the_time_limit_stops_a_long_render(monkeypatch):
    monkeypatch.setenv("DOCGEN_RENDER_SECONDS", "0.05")
    with pytest.raises(TemplateError, match="quá 0.05 giây"):
        render(paragraphs_template("{% for i in range(100000) %}{% for j in range(9) %}{% endfor %}{% endfor %}"),
               {}, "mau.docx")
