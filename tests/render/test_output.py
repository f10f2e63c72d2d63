"""Writing files: atomic, never over an existing file without permission, Windows-safe names."""

from __future__ import annotations

import pytest

from docgen.render.output import OutputError, slug, write_bytes


def test_a_file_is_written_and_no_temporary_file_is_left(tmp_path):
    target = tmp_path / "a" / "b" / "bao-cao.docx"
    assert write_bytes(target, b"abc") == target
    assert target.read_bytes() == b"abc"
    assert [p.name for p in target.parent.iterdir()] == ["bao-cao.docx"]


def test_an_existing_file_is_not_overwritten_without_permission(tmp_path):
    target = tmp_path / "bao-cao.docx"
    target.write_bytes(b"old")
    with pytest.raises(OutputError) as err:
        write_bytes(target, b"new")
    assert err.value.message == f"Tệp «{target}» đã có; không ghi đè. Thêm --ghi-de để thay tệp cũ."
    assert target.read_bytes() == b"old"
    write_bytes(target, b"new", overwrite=True)
    assert target.read_bytes() == b"new"
    assert len(list(tmp_path.iterdir())) == 1


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "bao-cao.docx"
    target.write_bytes(b"old")

    def broken(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("os.replace", broken)
    with pytest.raises(OutputError) as err:
        write_bytes(target, b"new", overwrite=True)
    assert "tệp đang mở trong Word/Excel" in err.value.message and "Permission denied" not in err.value.message
    assert target.read_bytes() == b"old" and len(list(tmp_path.iterdir())) == 1


@pytest.mark.parametrize("name, expected", [
    ("Huyện Mường Nhé", "huyen-muong-nhe"),
    ("Thị xã Mường Lay", "thi-xa-muong-lay"),
    ("Huyện Điện Biên Đông", "huyen-dien-bien-dong"),
    ("aux", "aux-"),
    ("COM1", "com1-"),
    ("", "van-ban"),
    ("  Tên / có : ký * tự ? lạ < > | \" \\ ", "ten-co-ky-tu-la"),
])
def test_slugs_are_safe_windows_file_names(name, expected):
    assert slug(name) == expected
