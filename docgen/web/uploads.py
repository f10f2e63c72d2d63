"""Uploaded versions: the bytes kept once per sha256, one immutable row per upload, the check result.

Order of a store, so that a server killed at any moment loses no earlier version
and leaves no half record: the bytes go to tam/, are flushed to disk, then renamed
into tep/ (a rename is atomic); only then is the version's row inserted, in one
statement. A row whose check had not finished is checked again at the next start.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import sqlite3
import tempfile
import unicodedata
from pathlib import Path

from docgen.web.store import TEMP, UPLOADS, Store, now

MAX_BYTES = 20 * 2**20  # the largest file a unit may upload (a filled form is well under 1 MB)
CHUNK = 256 * 1024
_BAD = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|\ud800-\udfff]+')
# Names Windows keeps for devices, whatever the extension: "nul.xlsx" written on a Windows server goes nowhere.
_DEVICE = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)
# What one unit's account may send (an admin, who uploads for the units, is not counted): a filled form is
# a few dozen KB, so these bound a mistake or a hostile account without ever stopping a clerk at work.
MAX_AT_ONCE = 2
MAX_PER_HOUR = 60
MAX_BYTES_PER_DAY = 200 * 2**20


class TooLarge(Exception):
    """The upload passed MAX_BYTES."""


def safe_name(name: str | None) -> str:
    """Return the uploaded file's own name, safe to write: no folders, control or Windows-reserved characters.

    >>> safe_name("C:\\\\Users\\\\vt\\\\Mường Nhé.xlsx"), safe_name("../../etc/passwd"), safe_name("")
    ('Mường Nhé.xlsx', 'passwd', 'tep-tai-len')
    >>> safe_name("NUL.xlsx"), safe_name("com1.docx"), safe_name("console.xlsx")
    ('_NUL.xlsx', '_com1.docx', 'console.xlsx')

    Invisible format characters go (U+202E would show "\u202eslx.exe.xlsx" as "exe.xlsx" on the province's desk):
    >>> safe_name("a-\u202eslx.exe.xlsx")
    'a-slx.exe.xlsx'
    """
    name = "".join(c for c in unicodedata.normalize("NFC", name or "") if unicodedata.category(c) != "Cf")
    base = re.split(r"[\\/]", name)[-1]
    base = _BAD.sub("_", base).strip(" .")
    stem, dot, ext = base.rpartition(".")
    if dot and len(ext) <= 8:
        base = f"{stem[:100]}.{ext}"
    base = base[:110] or "tep-tai-len"
    return f"_{base}" if _DEVICE.match(base) else base


def save_blob(store: Store, source) -> tuple[str, int, str]:
    """Return (sha256, size, path relative to the data folder) after keeping the bytes read from `source`.

    Raises TooLarge (nothing kept) past MAX_BYTES. The same bytes uploaded twice are kept once.
    """
    digest, size = hashlib.sha256(), 0
    fd, tmp = tempfile.mkstemp(prefix="nhan-", dir=store.folder / TEMP)
    try:
        with os.fdopen(fd, "wb") as out:
            while chunk := source.read(CHUNK):
                size += len(chunk)
                if size > MAX_BYTES:
                    raise TooLarge()
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        sha = digest.hexdigest()
        rel = f"{UPLOADS}/{sha[:2]}/{sha}"
        target = store.folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            os.chmod(tmp, 0o440)
            os.replace(tmp, target)
            _sync_dir(target.parent)
        return sha, size, rel
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _sync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder; its renames are durable enough
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def add_version(store: Store, *, campaign_id: str, unit_code: str, account_id: int, file_name: str, size: int,
                sha256: str, blob: str, form_token: str) -> tuple[int, bool]:
    """Return (version id, True) after inserting the version; (id of the earlier one, False) for a form sent twice.

    "Sent twice" is the same form with the same bytes (a double click, a reload): the same form sent
    again with another file (the browser's Back button, then another file chosen) is a new version.
    """
    form_token = f"{form_token}:{sha256}" if form_token else ""
    try:
        with store.transaction() as db:
            cur = db.execute(
                "INSERT INTO versions (campaign_id, unit_code, account_id, uploaded_at, file_name, size, sha256,"
                " blob, form_token) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (campaign_id, unit_code, account_id, now().isoformat(), file_name, size, sha256, blob,
                 form_token or None),
            )
            return cur.lastrowid, True
    except sqlite3.IntegrityError:
        with store.connect() as db:
            row = db.execute("SELECT id FROM versions WHERE form_token = ?", (form_token,)).fetchone()
        if row is None:
            raise
        return row["id"], False


def save_result(store: Store, version_id: int, result: dict) -> None:
    """Store a version's check result (once) with the columns the lists and the dashboard read."""
    report = result["kiem_tra"]
    file = report["files"][0] if report["files"] else None
    unit = (file or {}).get("reporting_unit") or {}
    with store.transaction() as db:
        db.execute(
            "UPDATE versions SET state = 'xong', checked_at = ?, result = ?, usable = ?, errors = ?, warnings = ?,"
            " report_date = ?, date_source = ?, file_unit = ?, figures = ? WHERE id = ? AND state = 'cho'",
            (now().isoformat(), json.dumps(result, ensure_ascii=False), int(file is not None),
             file["errors"] if file else 0, file["warnings"] if file else 0, result.get("report_date"),
             result.get("date_source", ""), unit.get("code", ""),
             json.dumps(file["figures"] if file else [], ensure_ascii=False), version_id),
        )


def unusable_result(campaign_id: str, file_name: str, message: str) -> dict:
    """Return a check result in `api.kiem_tra_tep`'s shape for a file that could not be checked at all."""
    return {
        "kiem_tra": {
            "campaign": campaign_id, "exit_code": 2,
            "totals": {"files": 0, "errors": 0, "warnings": 0, "unusable": 1},
            "files": [], "unusable": [{"path": file_name, "message": message, "location": file_name}],
        },
        "table": None, "report_date": None, "date_source": "",
    }


def get(store: Store, version_id: int) -> dict | None:
    if not 0 < version_id < 2**63:  # beyond SQLite's integers: no such version (not a crash)
        return None
    with store.connect() as db:
        row = db.execute(
            "SELECT v.*, a.name AS account_name FROM versions v JOIN accounts a ON a.id = v.account_id"
            " WHERE v.id = ?", (version_id,)).fetchone()
    return dict(row) if row else None


def of_units(store: Store, campaign_id: str, codes: list[str]) -> list[dict]:
    """Return the versions of the units `codes` in a campaign, newest first (without their results)."""
    if not codes:
        return []
    marks = ",".join("?" * len(codes))
    with store.connect() as db:
        rows = db.execute(
            "SELECT v.id, v.unit_code, v.uploaded_at, v.file_name, v.size, v.state, v.usable, v.errors, v.warnings,"
            f" a.name AS account_name FROM versions v JOIN accounts a ON a.id = v.account_id"
            f" WHERE v.campaign_id = ? AND v.unit_code IN ({marks}) ORDER BY v.id DESC",
            (campaign_id, *codes),
        ).fetchall()
    return [dict(r) for r in rows]


def sent_lately(store: Store, account_id: int) -> tuple[int, int]:
    """Return (versions uploaded in the last hour, bytes uploaded in the last 24 hours) by the account."""
    hour, day = (now() - dt.timedelta(hours=1)).isoformat(), (now() - dt.timedelta(days=1)).isoformat()
    with store.connect() as db:
        row = db.execute("SELECT sum(uploaded_at > ?) AS n, sum(size) AS size FROM versions"
                         " WHERE account_id = ? AND uploaded_at > ?", (hour, account_id, day)).fetchone()
    return int(row["n"] or 0), int(row["size"] or 0)


def pending(store: Store) -> list[int]:
    """Return the versions whose check has not finished (the server stopped during it), oldest first."""
    with store.connect() as db:
        return [r["id"] for r in db.execute("SELECT id FROM versions WHERE state = 'cho' ORDER BY id")]
