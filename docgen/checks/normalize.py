"""Normalisation of the values a clerk types: text, phone numbers, e-mails (docgen.values.contact, shared
with the form kinds), and page links.

Pure functions, value in → `Normal` out: the canonical value, whether it differs
from what was typed in a way worth telling the clerk, and, when the value cannot
be used, why (Vietnamese). No files, no rule IDs: `docgen.checks.rules` turns
these into findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from docgen.values.contact import Normal, as_text, as_typed, clean_value, email, phone, text  # noqa: F401


def upper_first(text: str) -> str:
    """Return `text` with its first letter in upper case (unlike str.capitalize, the rest is kept).

    >>> upper_first("xã Chung Chải")
    'Xã Chung Chải'
    """
    return text[:1].upper() + text[1:]


# --- links ---------------------------------------------------------------------------------

# Sub-domains that show the same page (mobile, basic, web) and are dropped.
_HOST_PREFIXES = ("www.", "m.", "mbasic.", "web.", "touch.", "mobile.", "business.", "vi-vn.", "vi.")
# First path segments that are a post, group or media, not a page.
NOT_A_PAGE = frozenset({
    "groups", "events", "photo", "photo.php", "photos", "posts", "permalink.php", "story.php", "watch",
    "videos", "reel", "share", "sharer.php", "login", "login.php", "search", "hashtag", "home.php", "",
})
# Query parameters that carry the page itself (all others are tracking and are dropped).
KEEP_QUERY = ("id",)


_PLAIN_LINK = re.compile(r"https://www\.([a-z0-9.-]+)/([A-Za-z0-9._-]+)")


def _platform_of(host: str, platforms: dict[str, tuple[str, ...]]) -> tuple[str, str]:
    """Return (platform name, its main domain) for a host, or ("", "")."""
    for name, domains in platforms.items():
        for domain in domains:
            if host == domain or host.endswith("." + domain):
                return name, domains[0]
    return "", ""


def _loose(url: str) -> str:
    """Return a URL with the differences not worth a warning folded (www., trailing slash)."""
    return url.replace("://www.", "://", 1).rstrip("/")


@dataclass(frozen=True)
class Link(Normal):
    """A normalised link: also its platform, and `empty` when the cell says there is no page."""

    platform: str = ""
    empty: bool = False


def link(value: object, platforms: dict[str, tuple[str, ...]], no_page=None) -> Link:
    """Return the page link in its canonical form "https://www.<platform domain>/<page>".

    No scheme, http, m./mbasic./web. sub-domains, alias domains (fb.com), tracking
    parameters and trailing slashes are folded; profile.php keeps only its id.
    Words like "chưa có", "đang xây dựng", "-" give `empty`: the campaign's (`no_page`, a
    campaigns.form.NoPageWords; `Campaign.no_page`); without them only an empty cell does.

    >>> fb = {"Facebook": ("facebook.com", "fb.com", "fb.me")}
    >>> link("m.facebook.com/MatTranChungChai/", fb).value
    'https://www.facebook.com/MatTranChungChai'
    >>> link("https://web.facebook.com/profile.php?id=100064&mibextid=ZbWKwL", fb).value
    'https://www.facebook.com/profile.php?id=100064'
    >>> link("fb.com/mattranmuongnhe", fb).platform
    'Facebook'
    >>> link("https://www.facebook.com/mattran/", fb).changed
    False
    >>> from docgen.campaigns.form import no_page_words
    >>> link("đang xây dựng", fb, no_page_words(["chưa có"], ["đang xây"])).empty, link("đang xây dựng", fb).empty
    (True, False)
    >>> link("https://zalo.me/mattran", fb).problem
    '«https://zalo.me/mattran» không phải Trang trên nền tảng được chấp nhận (Facebook)'
    >>> link("https://www.facebook.com/groups/123", fb).problem
    '«https://www.facebook.com/groups/123» là nhóm, bài viết hoặc ảnh, không phải địa chỉ của Trang'
    """
    typed = clean_value(value)[0]
    plain = _PLAIN_LINK.fullmatch(typed)
    if plain and plain.group(2).casefold() not in NOT_A_PAGE and not plain.group(2).endswith(".php"):
        name = next((n for n, domains in platforms.items() if domains[0] == plain.group(1)), "")
        if name:   # already canonical: the common case, no parsing
            return Link(typed, False, "", typed, platform=name)
    if not typed or no_page is not None and no_page.says_no_page(typed):
        return Link("", False, "", typed, empty=True)
    allowed = ", ".join(platforms)
    candidate = typed if re.match(r"^[a-z][a-z0-9+.-]*://", typed, re.I) else "https://" + typed.lstrip("/")
    try:
        parts = urlsplit(candidate)
        host = (parts.hostname or "").lower()
    except ValueError:
        host = ""
    if " " in typed or "." not in host:
        return Link("", False, f"«{typed}» không phải một địa chỉ liên kết", typed)
    if parts.scheme.lower() not in ("http", "https"):
        return Link("", False, f"«{typed}» không phải địa chỉ trang web (http/https)", typed)
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix):
            host = host[len(prefix):]
    name, main = _platform_of(host, platforms)
    if not name:
        return Link("", False, f"«{typed}» không phải Trang trên nền tảng được chấp nhận ({allowed})", typed)
    path = re.sub(r"/{2,}", "/", parts.path).rstrip("/")
    first = path.lstrip("/").split("/")[0].casefold()
    query = parse_qs(parts.query)
    kept = [(k, query[k][0]) for k in KEEP_QUERY if k in query and first == "profile.php"]
    if first in NOT_A_PAGE or (first == "profile.php" and not kept):
        return Link("", False, f"«{typed}» là nhóm, bài viết hoặc ảnh, không phải địa chỉ của Trang", typed)
    canonical = f"https://www.{main}{path}" + "".join(f"?{k}={v}" for k, v in kept)
    return Link(canonical, _loose(canonical) != _loose(typed), "", typed, platform=name)


def link_key(url: str) -> str:
    """Return the key two canonical links are compared by (page names are case-insensitive).

    >>> link_key("https://www.facebook.com/MatTran") == link_key("https://www.facebook.com/mattran")
    True
    """
    return url.casefold()
