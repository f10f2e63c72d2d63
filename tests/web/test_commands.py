"""`docgen tai-khoan` and `docgen web`'s arguments: passwords never on the command line."""

from __future__ import annotations

import io

from docgen import cli
from docgen.web import accounts
from docgen.web.store import Store


def _run(argv, monkeypatch, stdin: str = ""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return cli.main(argv)


def test_an_account_is_made_with_a_password_read_from_stdin(tmp_path, monkeypatch, capsys):
    folder = str(tmp_path / "d")
    code = _run(["tai-khoan", "tao", "huyen-muong-nhe", "--don-vi", "Huyện Mường Nhé", "--du-lieu", folder],
                monkeypatch, "mat-khau-tot-1\n")
    assert code == 0 and "Đã tạo tài khoản «huyen-muong-nhe» (Huyện Mường Nhé)" in capsys.readouterr().out
    made = accounts.authenticate(Store(folder).open(), "huyen-muong-nhe", "mat-khau-tot-1")
    assert made["unit_code"] == "96" and made["unit_list"] == "dvhc_3cap_2024" and not made["is_admin"]
    assert _run(["tai-khoan", "doi-mat-khau", "huyen-muong-nhe", "--du-lieu", folder], monkeypatch, "mat-khau-moi-2\n") == 0
    assert accounts.authenticate(Store(folder), "huyen-muong-nhe", "mat-khau-moi-2") is not None
    assert _run(["tai-khoan", "danh-sach", "--du-lieu", folder], monkeypatch) == 0
    out = capsys.readouterr().out
    assert "huyen-muong-nhe" in out and "mat-khau" not in out


def test_mistakes_are_told_in_vietnamese_with_exit_2(tmp_path, monkeypatch, capsys):
    folder = str(tmp_path / "d")
    assert _run(["tai-khoan", "tao", "Mường Nhé", "--don-vi", "Huyện Mường Nhé", "--du-lieu", folder], monkeypatch,
                "mat-khau-tot-1\n") == 2
    assert "Tên đăng nhập dài 3–40 ký tự" in capsys.readouterr().err
    assert _run(["tai-khoan", "tao", "abc", "--don-vi", "Huyện Không Có", "--du-lieu", folder], monkeypatch,
                "mat-khau-tot-1\n") == 2
    assert "Không có đơn vị «Huyện Không Có»" in capsys.readouterr().err
    assert _run(["tai-khoan", "tao", "abc", "--quan-tri", "--du-lieu", folder], monkeypatch, "ngan\n") == 2
    assert "ít nhất 8 ký tự" in capsys.readouterr().err
    assert _run(["tai-khoan", "tao", "abc", "--quan-tri", "--du-lieu", folder], monkeypatch, "mat-khau-tot-1\n") == 0
    assert _run(["tai-khoan", "tao", "ABC", "--quan-tri", "--du-lieu", folder], monkeypatch, "mat-khau-tot-1\n") == 2
    assert "Tên đăng nhập dài" in capsys.readouterr().err
    assert _run(["tai-khoan", "doi-mat-khau", "khong-co", "--du-lieu", folder], monkeypatch, "x\n") == 2
    assert "Không có tài khoản «khong-co»" in capsys.readouterr().err


def test_no_command_line_option_takes_a_password(capsys):
    for argv in (["tai-khoan", "tao", "--help"], ["tai-khoan", "doi-mat-khau", "--help"], ["web", "--help"]):
        assert cli.main(argv) == 0
        assert "--mat-khau" not in capsys.readouterr().out


def test_the_database_is_created_in_wal_mode_by_numbered_migrations(tmp_path):
    from docgen.web.store import migrations

    store = Store(tmp_path / "d").open()
    with store.connect() as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == migrations()[-1][0]
    numbers = [n for n, _, _ in migrations()]
    assert numbers == list(range(1, len(numbers) + 1))
    Store(tmp_path / "d").open()  # opening again applies nothing twice


def test_a_database_from_a_newer_docgen_is_refused(tmp_path, monkeypatch, capsys):
    store = Store(tmp_path / "d").open()
    with store.connect() as db:
        db.execute("PRAGMA user_version = 999")
    assert _run(["tai-khoan", "danh-sach", "--du-lieu", str(tmp_path / "d")], monkeypatch) == 2
    assert "phiên bản docgen mới hơn" in capsys.readouterr().err
