"""docgen.jobs.tra_lai: one file that cannot be marked is reported; the others are still returned."""

from __future__ import annotations

import io
import zipfile

from docgen import api

from tests.returns.returns_factory import SAMPLES, excel_like


def with_broken_notes_drawing(data: bytes) -> bytes:
    """Return the workbook with a notes drawing that is not XML (old VML as some programs write it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            body = src.read(name)
            dst.writestr(name, b"<xml><o:shapelayout><br></xml>" if name.endswith(".vml") else body)
    return out.getvalue()


def test_a_file_docgen_cannot_mark_is_reported_and_the_others_are_returned(tmp_path):
    inputs = tmp_path / "nop"
    inputs.mkdir()
    (inputs / "a-muong-nhe.xlsx").write_bytes(with_broken_notes_drawing(excel_like()))
    (inputs / "b-nam-po.xlsx").write_bytes((SAMPLES / "nam-po.xlsx").read_bytes())
    result = api.kiem_tra([inputs], tra_lai=tmp_path / "ra")
    bad, good = result.returned
    assert bad.files == () and bad.error.startswith("Không ghi chú được vào tệp này: một phần của tệp docgen không sửa")
    assert [f.rsplit("/", 1)[-1] for f in good.files] == ["b-nam-po-ghi-chu.xlsx", "b-nam-po-da-chuan-hoa.xlsx"]
    assert result.exit_code == 2 and result.to_dict()["tra_lai"][0]["error"] == bad.error


def test_two_inputs_of_the_same_name_get_distinct_copies(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "nam-po.xlsx").write_bytes((SAMPLES / "nam-po.xlsx").read_bytes())
    result = api.kiem_tra([tmp_path / "a", tmp_path / "b"], tra_lai=tmp_path / "ra")
    assert sorted(p.name for p in (tmp_path / "ra").iterdir()) == [
        "nam-po-2-da-chuan-hoa.xlsx", "nam-po-2-ghi-chu.xlsx", "nam-po-da-chuan-hoa.xlsx", "nam-po-ghi-chu.xlsx"]
    assert result.exit_code == 0
