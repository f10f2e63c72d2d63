"""`docgen web sao-luu` while the server runs, and a restore that gives back every version byte for byte."""

from __future__ import annotations

import hashlib
import zipfile

from docgen import cli
from docgen.web.backup import restore
from tests.web.conftest import MUONG_NHE, SAMPLES


def test_a_backup_taken_while_serving_restores_every_version(web, clerk, tmp_path, capsys):
    muong_nhe = clerk("huyen-muong-nhe")
    muong_nhe.upload(MUONG_NHE, SAMPLES / "muong-nhe.xlsx")
    target = tmp_path / "sao-luu.zip"
    assert cli.main(["web", "sao-luu", "--du-lieu", str(web.store.folder), "-o", str(target)]) == 0
    assert "Đã sao lưu" in capsys.readouterr().out
    with web.store.connect() as db:
        versions = [dict(r) for r in db.execute("SELECT id, sha256, blob, result FROM versions ORDER BY id")]
    assert versions
    assert cli.main(["web", "khoi-phuc", "-o", str(target), "--du-lieu", str(tmp_path / "moi")]) == 0
    from docgen.web.store import Store

    restored = Store(tmp_path / "moi").open()
    with restored.connect() as db:
        again = [dict(r) for r in db.execute("SELECT id, sha256, blob, result FROM versions ORDER BY id")]
    assert again == versions
    for v in again:
        assert hashlib.sha256((tmp_path / "moi" / v["blob"]).read_bytes()).hexdigest() == v["sha256"]
    # The restored folder serves: its accounts are there.
    from docgen.web import accounts

    assert accounts.authenticate(restored, "huyen-muong-nhe", "mat-khau-thu-1") is not None


def test_a_backup_never_overwrites_and_a_damaged_one_is_refused(web, tmp_path, capsys):
    target = tmp_path / "co-roi.zip"
    target.write_bytes(b"x")
    assert cli.main(["web", "sao-luu", "--du-lieu", str(web.store.folder), "-o", str(target)]) == 2
    assert "không ghi đè" in capsys.readouterr().err
    assert cli.main(["web", "khoi-phuc", "-o", str(target), "--du-lieu", str(tmp_path / "x")]) == 2
    assert "không phải bản sao lưu" in capsys.readouterr().err
    good = tmp_path / "tot.zip"
    assert cli.main(["web", "sao-luu", "--du-lieu", str(web.store.folder), "-o", str(good)]) == 0
    broken = tmp_path / "hong.zip"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data[:-1] + b"!" if item.filename.startswith("tep/") else data)
    try:
        restore(broken, tmp_path / "y")
    except Exception as exc:  # StoreError
        assert "Bản sao lưu hỏng" in str(exc)
    else:
        raise AssertionError("a damaged backup was restored")


def test_a_backup_and_the_data_folder_are_readable_by_their_owner_only(web, tmp_path):
    import os
    import stat

    target = tmp_path / "rieng.zip"
    assert cli.main(["web", "sao-luu", "--du-lieu", str(web.store.folder), "-o", str(target)]) == 0
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600  # it holds the password hashes and the cookie key
    assert stat.S_IMODE(os.stat(web.store.folder).st_mode) == 0o700


def _hostile(good, target, extra: dict[str, bytes] | None = None, db_sql: str = ""):
    """Write a copy of the backup `good` with `extra` members added and `db_sql` run on its database."""
    import sqlite3

    with zipfile.ZipFile(good) as src, zipfile.ZipFile(target, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "docgen.sqlite3" and db_sql:
                db_file = target.with_suffix(".sqlite3")
                db_file.write_bytes(data)
                db = sqlite3.connect(db_file)
                db.executescript(db_sql)
                db.close()  # writes the WAL back into the file
                data = db_file.read_bytes()
            dst.writestr(item, data)
        for name, data in (extra or {}).items():
            dst.writestr(name, data)


def test_a_hostile_backup_is_refused_and_leaves_no_folder(web, clerk, tmp_path):
    from docgen.web.store import StoreError

    clerk("huyen-muong-nhe").upload(MUONG_NHE, SAMPLES / "muong-nhe.xlsx")
    good = tmp_path / "tot.zip"
    assert cli.main(["web", "sao-luu", "--du-lieu", str(web.store.folder), "-o", str(good)]) == 0
    secret = tmp_path / "bi-mat.txt"
    secret.write_text("không được đọc")
    sha = hashlib.sha256(secret.read_bytes()).hexdigest()
    cases = {
        "ngoai.zip": ({"tep/../../ngoai.txt": b"x"}, ""),                        # a path out of the folder
        "bo-nho-dem.zip": ({"bo-nho-dem/phien-ban/1/bao-cao/bao-cao.docx": b"gia"}, ""),  # a planted "report"
        "blob.zip": ({}, "DROP TRIGGER versions_immutable; UPDATE versions SET blob = '../bi-mat.txt',"
                         f" sha256 = '{sha}' WHERE id = (SELECT min(id) FROM versions);"),
    }
    for name, (extra, sql) in cases.items():
        hostile = tmp_path / name
        _hostile(good, hostile, extra, sql)
        folder = tmp_path / f"khoi-phuc-{name}"
        try:
            restore(hostile, folder)
        except StoreError as exc:
            assert "không phải bản sao lưu" in str(exc) or "Bản sao lưu hỏng" in str(exc), name
        else:
            raise AssertionError(f"{name} was restored")
        assert not folder.exists(), name
    assert not (tmp_path / "ngoai.txt").exists()
    assert restore(good, tmp_path / "tot").versions > 0
