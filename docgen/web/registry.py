"""Campaigns the server offers, their units (stored at start from `docgen.api`), and who may see what.

A unit's account sees its own unit and the units that report to it (a district's
communes in a three-level campaign), in the campaigns on its unit list; it uploads
only for its own unit. An admin sees and uploads for every unit.
"""

from __future__ import annotations

import sqlite3

from docgen import api
from docgen.web.store import Store, now


def register(store: Store, sources: list[str]) -> tuple[list[str], list[str]]:
    """Store each campaign of `sources` (ids or folders) with its units; return (ids, messages of failures).

    A campaign that cannot be loaded is left out with its Vietnamese message; the others are served.
    """
    ids, failures = [], []
    for source in sources:
        try:
            info = api.thong_tin_chien_dich(source)
            units = api.don_vi_bao_cao(source)
        except api.DocgenError as exc:
            failures.append(f"Chiến dịch «{source}»: {exc}")
            continue
        with store.transaction() as db:
            db.execute(
                "INSERT INTO campaigns (id, source, title, unit_list, registered_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET source = excluded.source, title = excluded.title,"
                " unit_list = excluded.unit_list",
                (info.id, str(source), info.title, info.unit_list, now().isoformat()),
            )
            db.execute("DELETE FROM units WHERE campaign_id = ?", (info.id,))
            db.executemany(
                "INSERT INTO units (campaign_id, code, name, level, level_title, deadline, reports_to, ord)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(info.id, u.code, u.name, u.level, u.level_title, u.deadline.isoformat(), u.reports_to, u.order)
                 for u in units],
            )
        ids.append(info.id)
    return ids, failures


def campaign(store: Store, campaign_id: str) -> dict | None:
    with store.connect() as db:
        row = db.execute("SELECT * FROM campaigns WHERE id = ?", (campaign_id,)).fetchone()
    return dict(row) if row else None


def campaigns_for(store: Store, account: dict) -> list[dict]:
    """Return the campaigns `account` takes part in (every campaign for an admin), by id."""
    with store.connect() as db:
        if account["is_admin"]:
            rows = db.execute("SELECT * FROM campaigns ORDER BY id").fetchall()
        else:
            rows = db.execute(
                "SELECT c.* FROM campaigns c JOIN units u ON u.campaign_id = c.id"
                " WHERE c.unit_list = ? AND u.code = ? ORDER BY c.id",
                (account["unit_list"], account["unit_code"]),
            ).fetchall()
    return [dict(r) for r in rows]


def unit(store: Store, campaign_id: str, code: str) -> dict | None:
    with store.connect() as db:
        row = db.execute("SELECT * FROM units WHERE campaign_id = ? AND code = ?", (campaign_id, code)).fetchone()
    return dict(row) if row else None


def units_below(store: Store, campaign_id: str, code: str) -> list[dict]:
    """Return the units that report to `code` in the campaign, in official order."""
    with store.connect() as db:
        rows = db.execute("SELECT * FROM units WHERE campaign_id = ? AND reports_to = ? ORDER BY ord",
                          (campaign_id, code)).fetchall()
    return [dict(r) for r in rows]


def _same_list(db: sqlite3.Connection, account: dict, campaign_id: str) -> bool:
    row = db.execute("SELECT unit_list FROM campaigns WHERE id = ?", (campaign_id,)).fetchone()
    return row is not None and row["unit_list"] == account["unit_list"]


def can_see(store: Store, account: dict, unit_row: dict) -> bool:
    """Return True when `account` may see the unit's uploads: its own unit, or one that reports to it."""
    if account["is_admin"]:
        return True
    if not account["unit_code"] or account["unit_code"] not in (unit_row["code"], unit_row["reports_to"]):
        return False
    with store.connect() as db:
        return _same_list(db, account, unit_row["campaign_id"])


def can_upload(store: Store, account: dict, unit_row: dict) -> bool:
    """Return True when `account` may upload for the unit: its own unit (an admin: any unit)."""
    if account["is_admin"]:
        return True
    return unit_row["code"] == account["unit_code"] and can_see(store, account, unit_row)
