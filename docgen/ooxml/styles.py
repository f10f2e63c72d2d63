"""Effective run and paragraph formatting, resolved the way Word resolves it.

Order, lowest to highest: document defaults → table style (of the enclosing table)
→ paragraph style and its `basedOn` chain → character style chain → direct
formatting. Each property is merged on its own, so a style that sets only the
size leaves the font of the level below in place. Theme fonts (`w:asciiTheme`)
are looked up in the document's theme. Toggle properties (bold, italic, caps) are
taken from the highest level that sets them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from docgen.ooxml import Length, half_points, qn, twips

_FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
_THEME_ATTR = {"ascii": "asciiTheme", "hAnsi": "hAnsiTheme", "eastAsia": "eastAsiaTheme", "cs": "cstheme"}
_FALSE = {"0", "false", "off", "none"}
_ALIGN = {"start": "left", "end": "right", "justify": "both", "distribute": "both"}


@dataclass(frozen=True)
class RunFormat:
    """Effective formatting of one run. `size` is a Length; `color` is "auto" or upper-case hex.

    `fonts` maps the four rFonts slots (ascii, hAnsi, eastAsia, cs) to a font name,
    theme fonts already resolved; a slot no level sets is absent.
    """

    fonts: tuple[tuple[str, str], ...]
    size: Length | None
    bold: bool
    italic: bool
    caps: bool
    color: str | None
    underline: str | None
    hint: str | None
    complex_script: bool

    def font(self, slot: str) -> str | None:
        """Return the font name of one slot ("ascii", "hAnsi", "eastAsia", "cs"), or None."""
        return dict(self.fonts).get(slot)


@dataclass(frozen=True)
class ParaFormat:
    """Effective formatting of one paragraph. Lengths are Length; 0 when no level sets them.

    `align` is "left", "center", "right" or "both" (None: never set, which Word shows as left).
    `first_line` is negative for a hanging indent. `line` is a multiple of single
    spacing when `line_rule` is "auto" (1.0, 1.5), else a Length ("exact", "atLeast").
    """

    align: str | None
    left: Length
    right: Length
    first_line: Length
    space_before: Length
    space_after: Length
    line: float | Length | None
    line_rule: str | None
    border_bottom: bool
    border_top: bool
    style_id: str | None


def _on(el) -> bool:
    return el.get(qn("w:val"), "1").lower() not in _FALSE


def _ppr_props(ppr) -> dict:
    """Return the paragraph properties `ppr` sets, as a flat dict of raw values."""
    out: dict = {}
    if ppr is None:
        return out
    jc = ppr.find(qn("w:jc"))
    if jc is not None:
        out["jc"] = jc.get(qn("w:val"))
    ind = ppr.find(qn("w:ind"))
    if ind is not None:
        for key, names in (("left", ("w:left", "w:start")), ("right", ("w:right", "w:end"))):
            for name in names:
                if ind.get(qn(name)) is not None:
                    out[key] = int(float(ind.get(qn(name))))
                    break
        if ind.get(qn("w:hanging")) is not None:
            out["first"] = -int(float(ind.get(qn("w:hanging"))))
        elif ind.get(qn("w:firstLine")) is not None:
            out["first"] = int(float(ind.get(qn("w:firstLine"))))
    sp = ppr.find(qn("w:spacing"))
    if sp is not None:
        for key, name in (("before", "w:before"), ("after", "w:after"), ("line", "w:line")):
            if sp.get(qn(name)) is not None:
                out[key] = int(float(sp.get(qn(name))))
        if sp.get(qn("w:lineRule")) is not None:
            out["lineRule"] = sp.get(qn("w:lineRule"))
        if sp.get(qn("w:beforeAutospacing")) in ("1", "true"):
            out["before"] = 280
        if sp.get(qn("w:afterAutospacing")) in ("1", "true"):
            out["after"] = 280
    bdr = ppr.find(qn("w:pBdr"))
    if bdr is not None:
        for side in ("bottom", "top"):
            el = bdr.find(qn(f"w:{side}"))
            if el is not None:
                out[f"bdr_{side}"] = el.get(qn("w:val"), "nil") not in ("nil", "none")
    if ppr.find(qn("w:pStyle")) is not None:
        out["pStyle"] = ppr.find(qn("w:pStyle")).get(qn("w:val"))
    num = ppr.find(qn("w:numPr"))
    if num is not None:
        for key, tag in (("numId", "w:numId"), ("ilvl", "w:ilvl")):
            el = num.find(qn(tag))
            if el is not None and el.get(qn("w:val")) is not None:
                out[key] = el.get(qn("w:val"))
    return out


def _rpr_props(rpr) -> dict:
    """Return the run properties `rpr` sets, as a flat dict of raw values."""
    out: dict = {}
    if rpr is None:
        return out
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        for slot in _FONT_SLOTS:
            theme = fonts.get(qn("w:" + _THEME_ATTR[slot]))
            name = fonts.get(qn("w:" + slot))
            if theme:
                out["font_" + slot] = ("theme", theme)
            elif name:
                out["font_" + slot] = ("name", name)
        if fonts.get(qn("w:hint")):
            out["hint"] = fonts.get(qn("w:hint"))
    for key, tag in (("b", "w:b"), ("i", "w:i"), ("caps", "w:caps"), ("cs", "w:cs"), ("rtl", "w:rtl")):
        el = rpr.find(qn(tag))
        if el is not None:
            out[key] = _on(el)
    sz = rpr.find(qn("w:sz"))
    if sz is not None and sz.get(qn("w:val")):
        out["sz"] = sz.get(qn("w:val"))
    color = rpr.find(qn("w:color"))
    if color is not None and color.get(qn("w:val")):
        out["color"] = color.get(qn("w:val")).upper()
    u = rpr.find(qn("w:u"))
    if u is not None:
        out["u"] = u.get(qn("w:val"), "single")
    if rpr.find(qn("w:rStyle")) is not None:
        out["rStyle"] = rpr.find(qn("w:rStyle")).get(qn("w:val"))
    return out


class Formatting:
    """Resolver of effective formatting for one document (styles and theme read once)."""

    def __init__(self, document):
        self._styles: dict[str, tuple] = {}
        self._defaults_p: dict = {}
        self._defaults_r: dict = {}
        self._default_para: str | None = None
        self._default_char: str | None = None
        self._theme: dict[str, str] = {}
        self._numbering: dict[tuple[str, str], dict] = {}
        self._load_styles(document)
        self._load_theme(document)
        self._load_numbering(document)
        self._para_cache: dict = {}
        self._run_cache: dict = {}

    # ----- loading
    def _load_styles(self, document) -> None:
        try:
            root = document.styles.element
        except Exception:  # a document without a styles part
            return
        dd = root.find(qn("w:docDefaults"))
        if dd is not None:
            self._defaults_p = _ppr_props(dd.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}"))
            self._defaults_r = _rpr_props(dd.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}"))
        for st in root.iter(qn("w:style")):
            sid = st.get(qn("w:styleId"))
            kind = st.get(qn("w:type"), "paragraph")
            based = st.find(qn("w:basedOn"))
            based_id = based.get(qn("w:val")) if based is not None else None
            self._styles[sid] = (kind, based_id, _ppr_props(st.find(qn("w:pPr"))),
                                 _rpr_props(st.find(qn("w:rPr"))))
            if st.get(qn("w:default")) in ("1", "true"):
                if kind == "paragraph":
                    self._default_para = sid
                elif kind == "character":
                    self._default_char = sid

    def _load_theme(self, document) -> None:
        for rel in document.part.rels.values():
            if rel.reltype.endswith("/theme") and not rel.is_external:
                try:
                    root = etree.fromstring(rel.target_part.blob)
                except etree.XMLSyntaxError:
                    return
                a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
                for major in ("major", "minor"):
                    font = root.find(f".//{a}{major}Font")
                    if font is None:
                        continue
                    for tag, suffixes in (("latin", ("HAnsi", "Ascii")), ("ea", ("EastAsia",)), ("cs", ("Bidi",))):
                        el = font.find(a + tag)
                        if el is not None and el.get("typeface"):
                            for s in suffixes:
                                self._theme[major + s] = el.get("typeface")
                return

    def _load_numbering(self, document) -> None:
        """Read each list level's paragraph properties (its indents), keyed by (numId, ilvl)."""
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for an in root.iter(qn("w:abstractNum")):
            abstract[an.get(qn("w:abstractNumId"))] = {
                lvl.get(qn("w:ilvl")): _ppr_props(lvl.find(qn("w:pPr"))) for lvl in an.iter(qn("w:lvl"))}
        for num in root.iter(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            levels = abstract.get(ref.get(qn("w:val")) if ref is not None else None, {})
            for ilvl, props in levels.items():
                self._numbering[(num.get(qn("w:numId")), ilvl)] = props

    # ----- chains
    def _chain(self, sid: str | None, index: int) -> list[dict]:
        """Return the props (pPr at index 2, rPr at 3) of a style and its basedOn ancestors, root first."""
        out, seen = [], set()
        while sid and sid in self._styles and sid not in seen:
            seen.add(sid)
            out.append(self._styles[sid][index])
            sid = self._styles[sid][1]
        return out[::-1]

    def _base(self, table_style: str | None, p_style: str | None, r_style: str | None, want: int) -> dict:
        merged = dict(self._defaults_p if want == 2 else self._defaults_r)
        p_style = p_style if p_style in self._styles else self._default_para
        for sid in (table_style, p_style):
            for props in self._chain(sid, want):
                merged.update(props)
        if want == 3:
            for props in self._chain(r_style or self._default_char, 3):
                merged.update(props)
        return merged

    # ----- public
    def paragraph(self, p, table_style: str | None = None) -> ParaFormat:
        """Return the effective ParaFormat of paragraph element `p` (inside a table using `table_style`)."""
        direct = _ppr_props(p.find(qn("w:pPr")))
        key = (table_style, direct.get("pStyle"))
        base = self._para_cache.get(key)
        if base is None:
            base = self._para_cache[key] = self._base(table_style, direct.get("pStyle"), None, 2)
        props = {**base, **direct}
        if props.get("numId") not in (None, "0"):
            # list indents sit between the style and direct formatting
            level = self._numbering.get((props["numId"], props.get("ilvl", "0")), {})
            props = {**base, **level, **direct}
        return _para_format(props, direct.get("pStyle") or self._default_para)

    def run(self, r, p_style: str | None, table_style: str | None = None) -> RunFormat:
        """Return the effective RunFormat of run element `r` in a paragraph of style `p_style`."""
        direct = _rpr_props(r.find(qn("w:rPr")))
        key = (table_style, p_style, direct.get("rStyle"))
        base = self._run_cache.get(key)
        if base is None:
            base = self._run_cache[key] = self._base(table_style, p_style, direct.get("rStyle"), 3)
        return self._run_format({**base, **direct})

    def _run_format(self, props: dict) -> RunFormat:
        return _run_format_cached(tuple(sorted(props.items())), tuple(sorted(self._theme.items())))


@lru_cache(maxsize=4096)
def _run_format_cached(items: tuple, theme_items: tuple) -> RunFormat:
    props, theme = dict(items), dict(theme_items)
    fonts = []
    for slot in _FONT_SLOTS:
        value = props.get("font_" + slot)
        if value is None:
            continue
        kind, name = value
        if kind == "theme":
            name = theme.get(name, name) if name else None
        if name:
            fonts.append((slot, name))
    u = props.get("u")
    return RunFormat(
        fonts=tuple(fonts),
        size=half_points(props.get("sz")),
        bold=bool(props.get("b", False)),
        italic=bool(props.get("i", False)),
        caps=bool(props.get("caps", False)),
        color=props.get("color"),
        underline=None if u in (None, "none") else u,
        hint=props.get("hint"),
        complex_script=bool(props.get("cs") or props.get("rtl")),
    )


def _para_format(props: dict, style_id: str | None) -> ParaFormat:
    rule = props.get("lineRule", "auto" if "line" in props else None)
    line = props.get("line")
    if line is not None:
        line = round(line / 240, 3) if rule == "auto" else twips(str(line))
    jc = props.get("jc")
    return ParaFormat(
        align=_ALIGN.get(jc, jc),
        left=twips(str(props.get("left", 0))),
        right=twips(str(props.get("right", 0))),
        first_line=twips(str(props.get("first", 0))),
        space_before=twips(str(props.get("before", 0))),
        space_after=twips(str(props.get("after", 0))),
        line=line,
        line_rule=rule,
        border_bottom=bool(props.get("bdr_bottom", False)),
        border_top=bool(props.get("bdr_top", False)),
        style_id=style_id,
    )
