"""The web page's data folder: the SQLite database (WAL, numbered migrations), uploads, caches.

DIR/docgen.sqlite3   the database, schema from migrations/NNNN_*.sql (PRAGMA user_version)
DIR/tep/             uploaded files, one per sha256, never changed or removed
DIR/bo-nho-dem/      generated documents, per version or campaign (can be deleted: rebuilt on demand)
DIR/tam/             files being received or checked (emptied at start)
DIR/khoa-bi-mat      the key signing session cookies (created once, owner-only)
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
import shutil
import sqlite3
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from docgen import api

DB_FILE = "docgen.sqlite3"
UPLOADS = "tep"
CACHE = "bo-nho-dem"
TEMP = "tam"
KEY_FILE = "khoa-bi-mat"
DEFAULT_DIR = "docgen-du-lieu"
VN = dt.timezone(dt.timedelta(hours=7), "ICT")
_MIGRATION = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class StoreError(api.DocgenError):
    """The data folder cannot be used (not writable, a database from a newer docgen …)."""


def now() -> dt.datetime:
    """Return the current time in Vietnam (UTC+7), to the second."""
    return dt.datetime.now(VN).replace(microsecond=0)


def migrations() -> list[tuple[int, str, str]]:
    """Return the numbered migrations shipped in docgen/web/migrations/, in order: (number, name, SQL)."""
    folder = resources.files("docgen.web") / "migrations"
    out = []
    for item in folder.iterdir():
        found = _MIGRATION.match(item.name)
        if found:
            out.append((int(found.group(1)), item.name, item.read_text(encoding="utf-8")))
    return sorted(out)


def _owner_only(folder: Path) -> None:
    """Let only the server's own user into the data folder (password hashes, the units' personal data).

    Only a folder docgen made (new, or holding its database): a folder a clerk named that held other
    things keeps its permissions. Windows: its folders follow the user's profile; nothing to do here.
    """
    if os.name == "posix" and folder.stat().st_mode & 0o077:
        os.chmod(folder, 0o700)


class Store:
    """One data folder: `connect()` gives a connection in WAL mode with foreign keys on."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.db_path = self.folder / DB_FILE
        self._key: bytes | None = None

    def open(self) -> "Store":
        """Create the folder and database if needed and apply every migration not yet applied; return self."""
        try:
            ours = not self.folder.exists() or self.db_path.exists()
            for sub in ("", UPLOADS, CACHE, TEMP):
                (self.folder / sub).mkdir(parents=True, exist_ok=True)
            if ours:
                _owner_only(self.folder)
        except OSError as exc:
            raise StoreError(f"Không tạo được thư mục dữ liệu «{self.folder}»: {exc.strerror}.") from None
        with self.connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            self._migrate(db)
        return self

    def _migrate(self, db: sqlite3.Connection) -> None:
        have = db.execute("PRAGMA user_version").fetchone()[0]
        steps = migrations()
        newest = steps[-1][0] if steps else 0
        if have > newest:
            raise StoreError(f"Cơ sở dữ liệu ở «{self.db_path}» do phiên bản docgen mới hơn tạo ra "
                             f"(lược đồ số {have}, bản này chỉ biết tới số {newest}): hãy cập nhật docgen.")
        for number, _name, sql in steps:
            if number > have:
                db.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")

    @contextmanager
    def connect(self):
        """Yield a connection (rows as sqlite3.Row); commit on success, roll back on error, always close."""
        try:
            db = sqlite3.connect(self.db_path, timeout=30, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"Không mở được cơ sở dữ liệu «{self.db_path}»: {exc}.") from None
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA busy_timeout=30000")
        db.execute("PRAGMA synchronous=NORMAL")
        try:
            yield db
        finally:
            db.close()

    @contextmanager
    def transaction(self):
        """Yield a connection inside BEGIN IMMEDIATE … COMMIT (ROLLBACK on error)."""
        with self.connect() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def secret_key(self) -> bytes:
        """Return the key signing cookies, creating it (owner-only file) on first use."""
        if self._key is not None:
            return self._key
        path = self.folder / KEY_FILE
        if not path.exists():
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                pass
            else:
                with os.fdopen(fd, "w") as fh:
                    fh.write(secrets.token_hex(32))
        self._key = bytes.fromhex(path.read_text().strip())
        return self._key

    def clear_temp(self) -> None:
        """Remove what an earlier run left half-received or half-checked in tam/."""
        temp = self.folder / TEMP
        shutil.rmtree(temp, ignore_errors=True)
        temp.mkdir(parents=True, exist_ok=True)

    def audit(self, db: sqlite3.Connection, who: dict | None, action: str, detail: str = "") -> None:
        """Record an admin action (who, when, what) in the log shown on the accounts page."""
        db.execute("INSERT INTO audit (at, account_id, account_name, action, detail) VALUES (?, ?, ?, ?, ?)",
                   (now().isoformat(), who["id"] if who else None, who["name"] if who else "(dòng lệnh)",
                    action, detail))
