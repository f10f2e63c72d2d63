"""Back-up and restore of a data folder, safe while the server runs.

The database is copied with SQLite's online backup (a consistent snapshot even while
units upload); the uploaded files are immutable, so copying those the snapshot names
is consistent too. The back-up is one .zip: docgen.sqlite3, tep/…, khoa-bi-mat.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docgen.web.store import DB_FILE, KEY_FILE, Store, StoreError


@dataclass(frozen=True)
class BackupResult:
    path: Path
    versions: int
    files: int
    size: int


def backup(folder: str | Path, target: str | Path) -> BackupResult:
    """Return what was written after backing up the data folder `folder` into the new .zip `target`.

    Refuses to overwrite `target`; writes it under a temporary name and renames it at the end.
    """
    store = Store(folder)
    if not store.db_path.is_file():
        raise StoreError(f"Không có dữ liệu trang web ở «{store.folder}» (thiếu {DB_FILE}).")
    target = Path(target)
    if target.exists():
        raise StoreError(f"Tệp «{target}» đã có; chọn tên khác (sao lưu không ghi đè).")
    store.open()
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="docgen-sao-luu-") as tmp:
        snapshot = Path(tmp) / DB_FILE
        with store.connect() as source:
            dest = sqlite3.connect(snapshot)
            try:
                source.backup(dest)
            finally:
                dest.close()
        check = sqlite3.connect(snapshot)
        try:
            blobs = sorted({r[0] for r in check.execute("SELECT blob FROM versions")})
            versions = check.execute("SELECT count(*) FROM versions").fetchone()[0]
        finally:
            check.close()
        partial = target.with_name(f".{target.name}.dang-ghi")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.write(snapshot, DB_FILE)
            key = store.folder / KEY_FILE
            if key.is_file():
                zf.write(key, KEY_FILE)
            for blob in blobs:
                zf.write(store.folder / blob, blob)
        os.replace(partial, target)
    return BackupResult(target, versions, len(blobs), target.stat().st_size)


def restore(archive: str | Path, folder: str | Path) -> BackupResult:
    """Return what was restored after unpacking a back-up into the new (or empty) data folder `folder`.

    Every uploaded file is checked against its sha256 in the database; a damaged or
    foreign archive is refused with a message.
    """
    folder, archive = Path(folder), Path(archive)
    if folder.exists() and any(folder.iterdir()):
        raise StoreError(f"Thư mục «{folder}» đã có dữ liệu; khôi phục vào một thư mục mới hoặc trống.")
    try:
        zf = zipfile.ZipFile(archive)
    except (OSError, zipfile.BadZipFile):
        raise StoreError(f"«{archive}» không phải bản sao lưu của docgen web (không mở được tệp .zip).") from None
    with zf:
        names = set(zf.namelist())
        if DB_FILE not in names or any(n.startswith("/") or ".." in Path(n).parts for n in names):
            raise StoreError(f"«{archive}» không phải bản sao lưu của docgen web.")
        folder.mkdir(parents=True, exist_ok=True)
        zf.extractall(folder)
    store = Store(folder).open()
    with store.connect() as db:
        rows = db.execute("SELECT blob, sha256 FROM versions").fetchall()
    blobs = {r["blob"]: r["sha256"] for r in rows}
    for blob, sha in blobs.items():
        path = folder / blob
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != sha:
            raise StoreError(f"Bản sao lưu hỏng: tệp {blob} thiếu hoặc khác nội dung đã lưu.")
    return BackupResult(folder, len(rows), len(blobs), sum((folder / b).stat().st_size for b in blobs))
