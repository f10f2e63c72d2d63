"""Accounts: a unit's clerk (sees and uploads for its own unit) or an admin (the province's desk).

Used by `docgen tai-khoan` and by the admin pages; every change made by an admin is
written to the audit log. Errors are `AccountError`s with a Vietnamese message.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata

from docgen import api
from docgen.web.passwords import ONE_TIME_N, N, hash_password, password_problem, verify_password
from docgen.web.store import Store, now

NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,39}$")
# Hashes nobody's password matches, one per cost: every login checks one hash of each cost (the account's own
# and a dummy of the other), so its time tells nothing, not whether the name exists nor whether it still
# has a one-time password (a cheaper hash).
_NO_ONE = {n: hash_password("\x00không-có-tài-khoản\x00", n) for n in (N, ONE_TIME_N)}


class AccountError(api.DocgenError):
    """An account that cannot be created or changed as asked."""


def name_problem(name: str) -> str:
    """Return why `name` cannot be an account name (Vietnamese), or "".

    >>> name_problem("huyen-muong-nhe"), bool(name_problem("Mường Nhé"))
    ('', True)
    """
    if NAME.match(name):
        return ""
    return ("Tên đăng nhập dài 3–40 ký tự, chỉ gồm chữ thường không dấu, chữ số và các dấu . _ -, "
            "ví dụ: huyen-muong-nhe.")


def login_name_for(unit_name: str) -> str:
    """Return the account name suggested for a unit.

    >>> login_name_for("Huyện Mường Nhé"), login_name_for("Thị xã Mường Lay")
    ('huyen-muong-nhe', 'thi-xa-muong-lay')
    """
    text = unicodedata.normalize("NFD", unit_name.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:40]


def unit_of(campaign: str, unit_name: str) -> tuple[str, object]:
    """Return (unit list, Reporter) of the unit named `unit_name` in `campaign`; raises DocgenError."""
    info = api.thong_tin_chien_dich(campaign)
    return info.unit_list, api.tim_don_vi(campaign, unit_name)


def create(store: Store, name: str, password: str, *, unit_list: str = "", unit=None, is_admin: bool = False,
           must_change: bool = False, by: dict | None = None) -> dict:
    """Return the new account after storing it; `unit` is a Reporter (None for an admin of the province)."""
    problem = name_problem(name) or password_problem(password)
    if problem:
        raise AccountError(problem)
    if unit is None and not is_admin:
        raise AccountError("Tài khoản của đơn vị cần có đơn vị (--don-vi); tài khoản của tỉnh thì thêm --quan-tri.")
    hashed = hash_password(password, ONE_TIME_N if must_change else N)
    try:
        with store.transaction() as db:
            cur = db.execute(
                "INSERT INTO accounts (name, unit_list, unit_code, unit_name, is_admin, password, must_change,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (name, unit_list if unit else "", unit.code if unit else "", unit.name if unit else "",
                 int(is_admin), hashed, int(must_change), now().isoformat()),
            )
            what = f"{name} ({unit.name if unit else 'quản trị'})"
            store.audit(db, by, "Tạo tài khoản", what)
            return dict(db.execute("SELECT * FROM accounts WHERE id = ?", (cur.lastrowid,)).fetchone())
    except sqlite3.IntegrityError:
        raise AccountError(f"Đã có tài khoản tên «{name}».") from None


def get(store: Store, name: str) -> dict:
    """Return the account named `name`; raises AccountError when there is none."""
    with store.connect() as db:
        row = db.execute("SELECT * FROM accounts WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise AccountError(f"Không có tài khoản «{name}».")
    return dict(row)


def by_id(store: Store, account_id: int) -> dict | None:
    with store.connect() as db:
        row = db.execute("SELECT * FROM accounts WHERE id = ?", (account_id,)).fetchone()
    return dict(row) if row else None


def set_password(store: Store, name: str, password: str, *, must_change: bool = False,
                 by: dict | None = None) -> None:
    """Store a new password for the account `name` and end its sessions (a reset by an admin is logged)."""
    problem = password_problem(password)
    if problem:
        raise AccountError(problem)
    account = get(store, name)
    hashed = hash_password(password, ONE_TIME_N if must_change else N)
    with store.transaction() as db:
        db.execute("UPDATE accounts SET password = ?, must_change = ? WHERE id = ?",
                   (hashed, int(must_change), account["id"]))
        db.execute("DELETE FROM sessions WHERE account_id = ?", (account["id"],))
        if by is None or by["id"] != account["id"]:
            store.audit(db, by, "Đặt lại mật khẩu", name)


def set_disabled(store: Store, name: str, disabled: bool, by: dict | None = None) -> None:
    """Disable (ending its sessions) or re-enable the account `name`; an admin cannot disable itself."""
    account = get(store, name)
    if by is not None and by["id"] == account["id"] and disabled:
        raise AccountError("Không tự khóa tài khoản của chính mình được.")
    with store.transaction() as db:
        db.execute("UPDATE accounts SET disabled = ? WHERE id = ?", (int(disabled), account["id"]))
        if disabled:
            db.execute("DELETE FROM sessions WHERE account_id = ?", (account["id"],))
        store.audit(db, by, "Khóa tài khoản" if disabled else "Mở lại tài khoản", name)


def all_accounts(store: Store) -> list[dict]:
    """Return every account, admins first, then by unit name and account name."""
    with store.connect() as db:
        rows = db.execute("SELECT * FROM accounts ORDER BY is_admin DESC, unit_name, name").fetchall()
    return [dict(r) for r in rows]


def authenticate(store: Store, name: str, password: str) -> dict | None:
    """Return the account when `name` and `password` match an enabled account, else None (same cost either way)."""
    with store.connect() as db:
        row = db.execute("SELECT * FROM accounts WHERE name = ?", (name.strip(),)).fetchone()
    stored = row["password"] if row else _NO_ONE[N]
    ok = verify_password(password, stored)
    for n, dummy in _NO_ONE.items():
        if not stored.startswith(f"scrypt${n}$"):
            verify_password(password, dummy)
    if row is None or not ok or row["disabled"]:
        return None
    return dict(row)


def create_for_units(store: Store, unit_list: str, units: list, by: dict) -> list[tuple[object, str, str]]:
    """Return (unit, account name, one-time password) for each of `units` (Reporters) that had no account.

    Names come from the unit's name (huyen-muong-nhe, or huyen-muong-nhe-2 when taken); every
    password must be changed at first login. One transaction, one line in the audit log.
    """
    from docgen.web.passwords import one_time_password

    with store.connect() as db:
        taken = {r["name"] for r in db.execute("SELECT name FROM accounts")}
        have = {r["unit_code"] for r in db.execute("SELECT unit_code FROM accounts WHERE unit_list = ?", (unit_list,))}
    made = []
    for unit in units:
        if unit.code in have:
            continue
        base = login_name_for(unit.name) or f"don-vi-{unit.code}"
        name, i = base, 2
        while name in taken:
            name, i = f"{base}-{i}", i + 1
        taken.add(name)
        made.append((unit, name, one_time_password()))
    hashed = [hash_password(password, ONE_TIME_N) for _, _, password in made]
    stamp = now().isoformat()
    with store.transaction() as db:
        db.executemany(
            "INSERT INTO accounts (name, unit_list, unit_code, unit_name, password, must_change, created_at)"
            " VALUES (?, ?, ?, ?, ?, 1, ?)",
            [(name, unit_list, unit.code, unit.name, h, stamp) for (unit, name, _), h in zip(made, hashed)],
        )
        store.audit(db, by, "Tạo hàng loạt tài khoản", f"{len(made)} tài khoản: " + ", ".join(n for _, n, _ in made))
    return made
