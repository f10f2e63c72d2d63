"""Every command has Vietnamese help ending in an example, the example runs on data/, and the README names it."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from docgen import cli

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
# Examples run in this order: the-thuc checks what cong-van wrote; web sao-luu backs up what tai-khoan made.
ORDER = ["kiem-tra", "bao-cao", "cong-van", "bieu-mau", "mau", "the-thuc", "tong-hop", "chien-dich", "tai-khoan",
         "web"]


def test_the_commands_are_the_ones_the_readme_documents():
    assert sorted(cli.COMMANDS) == sorted(ORDER)
    for name in ORDER:
        assert f"docgen {name}" in README, f"README không nhắc tới lệnh docgen {name}"


@pytest.mark.parametrize("name", ORDER)
def test_each_command_prints_help_with_an_example(name, capsys):
    assert cli.main([name, "--help"]) == 0
    out = capsys.readouterr().out
    _, help_, example = cli.COMMANDS[name]
    assert help_ and help_ in " ".join(out.split())
    assert f"Ví dụ:\n  {example}" in out
    assert example.startswith(f"docgen {name} ")


def test_every_help_example_runs_on_the_shipped_data(tmp_path, monkeypatch, capsys):
    for folder in ("data", "templates"):
        (tmp_path / folder).symlink_to(ROOT / folder, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    for name in ORDER:
        argv = shlex.split(cli.COMMANDS[name][2])[1:]
        code = cli.main(argv)
        out = capsys.readouterr()
        assert code in (0, 1), f"{argv}: mã thoát {code}\n{out.out}\n{out.err}"
        assert "Traceback" not in out.err


def test_no_command_prints_the_overview_and_exits_2(capsys):
    assert cli.main([]) == 2
    assert "LỆNH" in capsys.readouterr().out


def test_version_prints_the_package_version(capsys):
    from docgen import __version__

    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"docgen {__version__}"


def test_the_readme_first_command_needs_nothing_pip_cannot_install():
    first = next(line for line in README.splitlines() if line.startswith("python3 -m venv"))
    assert first.endswith("docgen bao-cao data/mau/2022-dien-bien -o out/")
    assert "--pdf" not in first
