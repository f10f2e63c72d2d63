"""Writing the workbooks safely (docgen/workbooks/files.py)."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from docgen.output import OutputError
from docgen.workbooks.files import write_all


def test_nothing_is_overwritten_without_permission(tmp_path):
    target = tmp_path / "a.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(OutputError) as err:
        write_all([(tmp_path / "b.xlsx", Workbook()), (target, Workbook())], overwrite=False)
    assert err.value.message == "Đã có tệp a.xlsx; không ghi đè. Thêm --ghi-de để ghi đè."
    assert target.read_bytes() == b"old" and not (tmp_path / "b.xlsx").exists()


def test_an_existing_file_is_replaced_when_allowed_and_no_temp_file_is_left(tmp_path):
    target = tmp_path / "a.xlsx"
    target.write_bytes(b"old")
    write_all([(target, Workbook())], overwrite=True)
    assert target.read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir()] == ["a.xlsx"]


def test_the_output_must_be_a_folder(tmp_path):
    blocker = tmp_path / "ra"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="phải là một thư mục"):
        write_all([(blocker / "a.xlsx", Workbook())], overwrite=False)
