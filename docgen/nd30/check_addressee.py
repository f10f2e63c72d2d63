"""Who a document is sent to, against who sends it (GN-*).

GN-01: a report or dispatch whose "Kính gửi" is its own issuing body (the issuer
line under its supervising lines, ô 2), e.g. the Ban Thường trực of a province
reporting to the Ban Thường trực of the same province. GN-02: the loop "Thực hiện
Công văn … của X, X báo cáo" — a body reporting on its own dispatch. Names are
compared after expanding the usual abbreviations (MTTQ, UBND, VN …), folding case,
spacing and tone-mark placement.
"""

from __future__ import annotations

import re

from docgen.nd30.describe import where
from docgen.nd30.layout import Parts, norm
from docgen.nd30.rules import Finding, finding
from docgen.vntext import name_key

# Abbreviations of organ names → the words they stand for (compared word by word, folded).
_ABBREVIATIONS = {
    "ubmttqvn": "ủy ban mặt trận tổ quốc việt nam", "ubmttq": "ủy ban mặt trận tổ quốc",
    "mttqvn": "mặt trận tổ quốc việt nam", "mttq": "mặt trận tổ quốc", "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân", "btt": "ban thường trực", "ub": "ủy ban", "vn": "việt nam",
    "tp": "thành phố", "tw": "trung ương", "tư": "trung ương",
}
_PUNCT = re.compile(r"[^\w\s]")
_NOTE = re.compile(r"\s*\((?:[^()]*)\)\s*$")   # "(b/c)", "(để biết)" after a recipient
# "Thực hiện Công văn số … của <by> [về việc …], <who> báo cáo": the cited issuer and the reporter.
_CITED = re.compile(r"^Thực hiện\s+(?:Công văn|Văn bản)\b.*?\bcủa\s+(?P<by>.+?)(?:\s+về việc\b|,)", re.IGNORECASE)
_REPORTER = re.compile(r",\s*(?P<who>[^,]+?)\s+(?:xin\s+)?báo cáo\b", re.IGNORECASE)


def organ_key(text: str) -> str:
    """Return the key two organ names are compared by (abbreviations spelled out, punctuation dropped).

    >>> organ_key("BTT UBMTTQ VN tỉnh Điện Biên") == organ_key("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Điện Biên")
    True
    """
    words = _PUNCT.sub(" ", norm(text)).casefold().split()
    return name_key(" ".join(_ABBREVIATIONS.get(w, w) for w in words))


def issuer_key(parts: Parts) -> str:
    """Return the key of the issuing body's full name: issuer line, then its supervising lines ("" when none).

    "ỦY BAN MTTQ VIỆT NAM / TỈNH ĐIỆN BIÊN / BAN THƯỜNG TRỰC" is "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên".
    """
    lay = parts.layout
    if lay.issuer is None:
        return ""
    return organ_key(" ".join([lay.issuer.text] + [p.text for p in lay.supervising]))


def _recipients(parts: Parts) -> list[tuple[object, str]]:
    """Return each "Kính gửi" recipient with its paragraph: the one on the line, or each "- …" line."""
    lay = parts.layout
    if lay.kinh_gui is None:
        return []
    text = norm(lay.kinh_gui.text)
    tail = text.split(":", 1)[1] if ":" in text else ""
    found = [(lay.kinh_gui, tail)] if tail.strip() else []
    return found + [(p, norm(p.text)) for p in lay.recipients]


def _bare(recipient: str) -> str:
    return _NOTE.sub("", recipient.strip().removeprefix("-").strip().rstrip(" ;.,"))


def check_addressee(parts: Parts) -> list[Finding]:
    """Return GN-01 (Kính gửi is the issuer itself) and GN-02 (reporting on one's own dispatch) findings."""
    out = []
    own = issuer_key(parts)
    if own:
        for p, name in _recipients(parts):
            if organ_key(_bare(name)) == own:
                out.append(finding("GN-01", where(p), f"«Kính gửi: {_bare(name)}» là chính cơ quan ban hành văn bản"))
    for p in parts.layout.body[:6]:
        text = norm(p.text)
        cited, said = _CITED.search(text), _REPORTER.search(text)
        if cited and said and organ_key(cited["by"]) == organ_key(said["who"]):
            out.append(finding("GN-02", where(p), f"«… của {cited['by']}, {said['who']} báo cáo»"))
    return out
