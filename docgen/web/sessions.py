"""Sessions in a signed, HttpOnly, SameSite cookie with an expiry; CSRF tokens; login rate limits.

The cookie holds a random token and its HMAC; the database keeps only the token's
sha256, the account, the session's CSRF token and the expiry. Every form carries the
CSRF token; the login form (before any session) uses a signed anonymous token.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import time

from docgen.web.store import Store, now

COOKIE = "docgen_phien"
LOGIN_COOKIE = "docgen_dang_nhap"
LIFETIME = dt.timedelta(hours=10)
# Login attempts: at most this many failures per name (per address) in WINDOW seconds.
WINDOW = 15 * 60
MAX_PER_NAME = 5
MAX_PER_ADDRESS = 30


def sign(key: bytes, token: str) -> str:
    """Return `token` with its HMAC-SHA256 appended ("token.signature")."""
    mac = hmac.new(key, token.encode("ascii"), hashlib.sha256).hexdigest()
    return f"{token}.{mac}"


def unsign(key: bytes, value: str) -> str | None:
    """Return the token of a signed value, or None when the signature does not match.

    >>> k = b"k" * 32
    >>> unsign(k, sign(k, "abc")), unsign(k, "abc.00"), unsign(k, "")
    ('abc', None, None)
    """
    token, _, mac = (value or "").rpartition(".")
    if not token or not mac.isascii():
        return None
    want = hmac.new(key, token.encode("ascii", "replace"), hashlib.sha256).hexdigest()
    return token if hmac.compare_digest(want, mac) else None


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def start(store: Store, account_id: int) -> tuple[str, dt.datetime]:
    """Return (cookie token, expiry) of a new session for the account; drops the expired ones."""
    token = secrets.token_urlsafe(32)
    created = now()
    expires = created + LIFETIME
    with store.transaction() as db:
        db.execute("DELETE FROM sessions WHERE expires_at < ?", (created.isoformat(),))
        db.execute("INSERT INTO sessions (id, account_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                   (_digest(token), account_id, secrets.token_urlsafe(32), created.isoformat(), expires.isoformat()))
        db.execute("UPDATE accounts SET last_login = ? WHERE id = ?", (created.isoformat(), account_id))
    return token, expires


def lookup(store: Store, token: str) -> tuple[dict, str] | None:
    """Return (account, CSRF token) of a live session of an enabled account, else None."""
    with store.connect() as db:
        row = db.execute(
            "SELECT a.*, s.csrf AS session_csrf, s.expires_at AS session_expires FROM sessions s"
            " JOIN accounts a ON a.id = s.account_id WHERE s.id = ?",
            (_digest(token),),
        ).fetchone()
    if row is None or row["disabled"] or row["session_expires"] < now().isoformat():
        return None
    account = dict(row)
    return account, account.pop("session_csrf")


def end(store: Store, token: str) -> None:
    with store.transaction() as db:
        db.execute("DELETE FROM sessions WHERE id = ?", (_digest(token),))


def csrf_ok(expected: str, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(expected, given)


def login_wait(store: Store, name: str, address: str) -> int:
    """Return the minutes to wait before the next login attempt for `name` from `address` (0: go ahead)."""
    since = time.time() - WINDOW
    with store.connect() as db:
        waits = []
        for key, limit in ((f"ten:{name.strip().lower()}", MAX_PER_NAME), (f"ip:{address}", MAX_PER_ADDRESS)):
            rows = db.execute("SELECT at FROM login_failures WHERE key = ? AND at > ? ORDER BY at DESC LIMIT ?",
                              (key, since, limit)).fetchall()
            if len(rows) >= limit:
                waits.append(rows[-1]["at"] + WINDOW - time.time())
    return max(1, int(max(waits) // 60) + 1) if waits else 0


def login_failed(store: Store, name: str, address: str) -> None:
    t = time.time()
    with store.transaction() as db:
        db.execute("DELETE FROM login_failures WHERE at < ?", (t - WINDOW,))
        db.executemany("INSERT INTO login_failures (key, at) VALUES (?, ?)",
                       [(f"ten:{name.strip().lower()}", t), (f"ip:{address}", t)])


def login_succeeded(store: Store, name: str) -> None:
    with store.transaction() as db:
        db.execute("DELETE FROM login_failures WHERE key = ?", (f"ten:{name.strip().lower()}",))
