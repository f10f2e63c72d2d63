"""Back-up and restore of a data folder, safe while the server runs.

The database is copied with SQLite's online backup (a consistent snapshot even while
units upload); the uploaded files are immutable, so copying those the snapshot names
is consistent too. The back-up is one .zip: docgen.sqlite3, tep/…, khoa-bi-mat.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docgen.web.store import DB_FILE, KEY_FILE, UPLOADS, Store, StoreError
from docgen.web.uploads import MAX_BYTES

_BLOB = re.compile(rf"^{UPLOADS}/[0-9a-f]{{2}}/[0-9a-f]{{64}}$")
_FOLDER = re.compile(rf"^{UPLOADS}/([0-9a-f]{{2}}/)?$")  # folders, in an archive zipped again by hand


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
        # Owner-only: the archive holds the password hashes, the cookie key and the units' files.
        with os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as raw, \
                zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as zf:
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

    Only what `backup` writes is taken (the database, the key, tep/xx/<sha256>), within the free disk
    space; every uploaded file must sit at its own sha256's path and match it. A damaged, foreign or
    hostile archive is refused with a message and leaves `folder` as it was: the archive is unpacked
    beside it and renamed into place only when whole.
    """
    folder, archive = Path(folder), Path(archive)
    if folder.exists() and any(folder.iterdir()):
        raise StoreError(f"Thư mục «{folder}» đã có dữ liệu; khôi phục vào một thư mục mới hoặc trống.")
    try:
        zf = zipfile.ZipFile(archive)
    except (OSError, zipfile.BadZipFile):
        raise StoreError(f"«{archive}» không phải bản sao lưu của docgen web (không mở được tệp .zip).") from None
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{folder.name}.dang-khoi-phuc-", dir=folder.parent))
    try:
        with zf:
            _check_members(zf, archive, work)
            zf.extractall(work)
        result = _verify(work)
        if folder.exists():
            folder.rmdir()
        os.replace(work, folder)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return BackupResult(folder, result.versions, result.files, result.size)


def _foreign(archive: Path, why: str) -> StoreError:
    return StoreError(f"«{archive}» không phải bản sao lưu của docgen web: {why}.")


def _check_members(zf: zipfile.ZipFile, archive: Path, work: Path) -> None:
    """Raise StoreError unless the archive holds only a back-up's members, and they fit on the disk."""
    names = zf.namelist()
    if DB_FILE not in names:
        raise _foreign(archive, f"thiếu {DB_FILE}")
    for info in zf.infolist():
        if info.filename not in (DB_FILE, KEY_FILE) and not _BLOB.match(info.filename) \
                and not _FOLDER.match(info.filename):
            raise _foreign(archive, f"có tệp lạ «{info.filename[:80]}»")
        if _BLOB.match(info.filename) and info.file_size > MAX_BYTES:
            raise _foreign(archive, f"tệp «{info.filename}» lớn hơn mọi tệp nộp được")
    need = sum(i.file_size for i in zf.infolist())
    free = shutil.disk_usage(work).free
    if need > free:
        raise StoreError(f"Không đủ chỗ trống để khôi phục «{archive}»: cần {need // 2**20} MB, "
                         f"còn {free // 2**20} MB.")


def _verify(folder: Path) -> BackupResult:
    """Return what the unpacked folder holds; raise StoreError unless every version's file is whole and in place."""
    store = Store(folder).open()
    with store.connect() as db:
        rows = db.execute("SELECT blob, sha256 FROM versions").fetchall()
    blobs = {r["blob"]: r["sha256"] for r in rows}
    for blob, sha in blobs.items():
        path = folder / blob
        if blob != f"{UPLOADS}/{sha[:2]}/{sha}" or not path.is_file() or _sha256(path) != sha:
            raise StoreError(f"Bản sao lưu hỏng: tệp {blob[:90]} thiếu hoặc khác nội dung đã lưu.")
    return BackupResult(folder, len(rows), len(blobs), sum((folder / b).stat().st_size for b in blobs))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(2**20):
            digest.update(chunk)
    return digest.hexdigest()
