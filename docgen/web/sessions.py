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
import unicodedata

from docgen.web.store import Store, now

COOKIE = "docgen_phien"
LOGIN_COOKIE = "docgen_dang_nhap"
LIFETIME = dt.timedelta(hours=10)
# Login attempts: at most this many failures in WINDOW seconds, for a name from one address, for a name from
# every address together (many machines guessing at once), and from one address (many names).
# A name is locked for its own address first, so guessing from one machine cannot lock the real clerk out.
WINDOW = 15 * 60
MAX_PER_NAME_ADDRESS = 5
MAX_PER_NAME = 50
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


def _name_key(name: str) -> str:
    """Return the name as the limits count it: spacing, case and Unicode look-alikes do not make a new name."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _keys(name: str, address: str) -> list[tuple[str, int]]:
    name = _name_key(name)
    return [(f"ten-ip:{name}|{address}", MAX_PER_NAME_ADDRESS), (f"ten:{name}", MAX_PER_NAME),
            (f"ip:{address}", MAX_PER_ADDRESS)]


def login_attempt(store: Store, name: str, address: str) -> tuple[int, float]:
    """Return (minutes to wait, 0) when `name` from `address` is locked; else (0, stamp) with the attempt
    already counted as a failure, in the same transaction that checked the limits, so that attempts sent
    all at once cannot pass the check together. `login_succeeded` takes the count back."""
    t = time.time()
    since = t - WINDOW
    with store.transaction() as db:
        db.execute("DELETE FROM login_failures WHERE at < ?", (since,))
        waits = []
        for key, limit in _keys(name, address):
            rows = db.execute("SELECT at FROM login_failures WHERE key = ? AND at > ? ORDER BY at DESC LIMIT ?",
                              (key, since, limit)).fetchall()
            if len(rows) >= limit:
                waits.append(rows[-1]["at"] + WINDOW - t)
        if waits:
            return max(1, int(max(waits) // 60) + 1), 0.0
        db.executemany("INSERT INTO login_failures (key, at) VALUES (?, ?)", [(k, t) for k, _ in _keys(name, address)])
    return 0, t


def login_succeeded(store: Store, name: str, address: str, stamp: float) -> None:
    """Forget the name's failures, and this attempt's count against the address."""
    name_keys = [k for k, _ in _keys(name, address)[:2]]
    with store.transaction() as db:
        db.execute("DELETE FROM login_failures WHERE key IN (?, ?)", name_keys)
        db.execute("DELETE FROM login_failures WHERE key = ? AND at = ?", (f"ip:{address}", stamp))
