"""Horizontal lines drawn as shapes (DrawingML or VML) in a paragraph: the rules ND30 asks under names and titles."""

from __future__ import annotations

import re
from dataclasses import dataclass

from docgen.ooxml import NS, Emu, Length, Pt, qn, whole

_FALLBACK = "{%s}Fallback" % NS["mc"]
_A = "{%s}" % NS["a"]
_V = "{%s}" % NS["v"]
_WP = "{%s}" % NS["wp"]


@dataclass(frozen=True)
class LineShape:
    """A horizontal line drawn as a shape; `width` is None when the file does not say."""

    kind: str  # "drawing" or "vml"
    width: Length | None


def _drawing_line(drawing) -> LineShape | None:
    geom = drawing.find(f".//{_A}prstGeom")
    connector = drawing.find(".//{%s}cNvCnPr" % NS["wps"]) is not None
    extent = drawing.find(f".//{_WP}extent")
    cx = (whole(extent.get("cx")) or 0) if extent is not None else 0
    cy = (whole(extent.get("cy")) or 0) if extent is not None else 0
    prst = geom.get("prst") if geom is not None else ""
    thin_rect = prst == "rect" and 0 < cy <= Emu(Pt(1.5)) and cx > cy * 10
    if prst in ("line", "straightConnector1") or connector or thin_rect:
        return LineShape("drawing", Emu(cx) if cx else None)
    return None


_LEN = re.compile(r"(-?[\d.]+)\s*(pt|in|cm|mm|px)?")
_UNIT = {"pt": 12700, "in": 914400, "cm": 360000, "mm": 36000, "px": 9525, None: 9525}


def _vml_len(value: str) -> int | None:
    m = _LEN.match(value.strip()) if value else None
    try:
        return int(float(m.group(1)) * _UNIT[m.group(2)]) if m else None
    except (ValueError, OverflowError):   # "1.2.3", or digits past a float's range: not a length
        return None


def _vml_line(el) -> LineShape | None:
    if el.tag == _V + "line":
        x = [_vml_len(v.split(",")[0]) for v in (el.get("from", "0,0"), el.get("to", "0,0"))]
        width = abs(x[1] - x[0]) if None not in x else None
        return LineShape("vml", Emu(width) if width else None)
    style = dict(kv.split(":", 1) for kv in el.get("style", "").split(";") if ":" in kv)
    ctype = el.get("{urn:schemas-microsoft-com:office:office}connectortype")
    if ctype or "32" == el.get("{urn:schemas-microsoft-com:office:office}spt"):
        width = _vml_len(style.get("width", ""))
        return LineShape("vml", Emu(width) if width else None)
    return None


def line_shapes(p) -> list[LineShape]:
    """Return the horizontal line shapes anchored in paragraph element `p` (fallback copies left out)."""
    out = []
    for el in p.iter(qn("w:drawing"), _V + "line", _V + "shape"):
        if any(a.tag == _FALLBACK for a in el.iterancestors()):
            continue
        shape = _drawing_line(el) if el.tag == qn("w:drawing") else _vml_line(el)
        if shape is not None:
            out.append(shape)
    return out
