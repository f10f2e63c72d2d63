"""Writing files: atomic, never over an existing file without permission, Windows-safe names."""

from __future__ import annotations

import pytest

from docgen.output import OutputError, slug, write_bytes


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


def test_two_writers_at_once_never_both_claim_the_file(tmp_path):
    import threading

    target = tmp_path / "bao-cao.docx"
    results, start = [], threading.Barrier(8)

    def write(i: int) -> None:
        start.wait()
        try:
            write_bytes(target, f"writer {i}".encode() * 1000)
            results.append(i)
        except OutputError as exc:
            results.append(exc.message)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    winners = [r for r in results if isinstance(r, int)]
    assert len(winners) == 1 and target.read_bytes() == f"writer {winners[0]}".encode() * 1000
    assert all("đã có; không ghi đè" in r for r in results if isinstance(r, str))
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.docx"]


def test_a_disk_without_hard_links_still_gets_an_exclusive_write(tmp_path, monkeypatch):
    import errno
    import os

    def no_links(src, dst):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "a.docx"
    write_bytes(target, b"one")
    with pytest.raises(OutputError, match="đã có"):
        write_bytes(target, b"two")
    assert target.read_bytes() == b"one" and len(list(tmp_path.iterdir())) == 1


@pytest.mark.skipif(__import__("os").name != "posix", reason="quyền tệp kiểu POSIX")
def test_written_files_follow_the_umask_not_the_temp_files_private_mode(tmp_path):
    import os
    import stat

    old = os.umask(0o027)
    try:
        path = write_bytes(tmp_path / "a.docx", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_full_disk_says_so_in_vietnamese(tmp_path, monkeypatch):
    import errno
    import os

    real = os.fdopen

    class Full:
        def __init__(self, fd, mode):
            self.fh = real(fd, mode)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", Full)
    with pytest.raises(OutputError) as err:
        write_bytes(tmp_path / "a.docx", b"x")
    assert "ổ đĩa đã đầy" in err.value.message and "No space" not in err.value.message
    assert "Word" not in err.value.message and list(tmp_path.iterdir()) == []
