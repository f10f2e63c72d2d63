"""Password hashes (scrypt, memory-hard) and one-time passwords a clerk can read out over the phone."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

# scrypt cost: 2**15 × 8 × 128 bytes = 32 MiB and about 0.1 s per hash on this machine's cores.
N, R, P = 2**15, 8, 1
# A one-time password is random (about 59 bits) and must be changed at first login, so it needs no slow hash:
# handing out 3,321 of them takes seconds, not minutes.
ONE_TIME_N = 2**12
MIN_LENGTH = 8
# No 0/O, 1/l/I: a one-time password is read from paper.
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str, n: int = N) -> str:
    """Return the stored form of `password`: "scrypt$N$r$p$salt$hash" (base64), a new salt each time.

    >>> h = hash_password("mat-khau-1")
    >>> h.startswith("scrypt$32768$8$1$"), verify_password("mat-khau-1", h), verify_password("mat-khau-2", h)
    (True, True, False)
    """
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=R, p=P, maxmem=64 * 2**20, dklen=32)
    return f"scrypt${n}${R}${P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """Return True when `password` matches the stored hash (constant-time comparison)."""
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        want = base64.b64decode(digest)
        got = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                             maxmem=128 * 2**20, dklen=len(want))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, want)


def password_problem(password: str) -> str:
    """Return why `password` cannot be used (Vietnamese), or "" when it can.

    >>> password_problem("ngan"), password_problem("du-dai-roi")
    ('Mật khẩu phải có ít nhất 8 ký tự.', '')
    """
    if len(password) < MIN_LENGTH:
        return f"Mật khẩu phải có ít nhất {MIN_LENGTH} ký tự."
    if password.strip() != password:
        return "Mật khẩu không được bắt đầu hay kết thúc bằng dấu cách."
    return ""


def one_time_password() -> str:
    """Return a random password of three groups of four easy-to-read characters ("k7mq-3xpe-9tza")."""
    return "-".join("".join(secrets.choice(_ALPHABET) for _ in range(4)) for _ in range(3))
