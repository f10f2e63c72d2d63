"""`bao-cao`, `cong-van` and `tong-hop` check every .docx they write against ND30 (issue 5 item 3).

The findings go into the job's result (`format_checks`) and under each file on the
console, worded as `docgen the-thuc` words them; a MUST finding makes the exit
code 1 (the document is not ready to sign) and leaves the written file as it is.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.edited_campaign import FOUND, edited_campaign

from docgen import api
from docgen.cli import main
from docgen.jobs.nd30_check import FormatCheck, check_written, not_ready

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "mau" / "2022-dien-bien"
CLEAN = "  Thể thức (NĐ 30/2020): không có lỗi"


def test_only_docx_files_are_checked_and_an_unreadable_one_is_not_ready(tmp_path):
    broken = tmp_path / "hong.docx"
    broken.write_text("không phải Word")
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    (checked,) = check_written([tmp_path / "a.pdf", broken])
    assert checked.path == broken and checked.error and not checked.findings
    assert not_ready([checked]) and not checked.clean


def test_a_clean_check_is_ready():
    assert not not_ready([FormatCheck(Path("a.docx"), "công văn")])


def test_cong_van_prints_the_clean_line_under_the_file(tmp_path, capsys):
    assert main(["cong-van", "2022-trang-cong-dong", "-o", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"Đã ghi {tmp_path / '2022-trang-cong-dong' / 'cong-van.docx'}", CLEAN]


@pytest.mark.parametrize("rule", sorted(FOUND))
def test_cong_van_with_a_template_that_breaks_a_rule_writes_it_reports_it_and_exits_1(tmp_path, capsys, rule):
    campaign = edited_campaign(tmp_path / "cd", rule)
    assert main(["cong-van", str(campaign), "-o", str(tmp_path / "ra")]) == 1
    target = tmp_path / "ra" / "2022-trang-cong-dong" / "cong-van.docx"
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"Đã ghi {target}" and target.is_file()
    assert lines[1].startswith(f"  Thể thức (NĐ 30/2020): {target} (công văn): ")
    assert lines[2].startswith(f"  lỗi {rule} · ") and lines[3] == f"      {FOUND[rule]}"
    result = api.cong_van(str(campaign), tmp_path / "ra", ghi_de=True)
    assert {f.rule for c in result.format_checks for f in c.errors} == {rule} and result.exit_code == 1


@pytest.fixture(scope="module")
def samples():
    assert SAMPLES.is_dir(), "data/mau/2022-dien-bien phải có"
    return SAMPLES


def test_tong_hop_checks_the_provinces_report(samples, tmp_path, capsys):
    result = api.tong_hop(samples, "2022-trang-cong-dong", tmp_path)
    (checked,) = result.format_checks
    assert checked.path == tmp_path / "bao-cao-tong-hop.docx" and checked.kind == "báo cáo"
    assert checked.errors == []


@pytest.mark.parametrize("rule", sorted(FOUND))
def test_tong_hop_with_a_template_that_breaks_a_rule_reports_it_under_the_report(samples, tmp_path, capsys, rule):
    campaign = edited_campaign(tmp_path / "cd", rule)
    assert main(["tong-hop", str(samples), "--chien-dich", str(campaign), "-o", str(tmp_path / "ra")]) == 1
    out = capsys.readouterr().out
    report = tmp_path / "ra" / "bao-cao-tong-hop.docx"
    assert f"  {report}\n  Thể thức (NĐ 30/2020): {report} (báo cáo): " in out
    assert f"\n  lỗi {rule} · " in out and f"\n      {FOUND[rule]}\n" in out
    assert "Thể thức: 1 văn bản có lỗi theo NĐ 30/2020 nên chưa trình ký được" in out
    assert report.is_file()
