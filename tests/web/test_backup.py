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
