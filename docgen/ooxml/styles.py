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

from docgen.ooxml import Length, half_points, qn, twips, whole

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


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = _W + "val"
_JC, _IND, _SPACING, _PBDR, _PSTYLE, _NUMPR = (_W + t for t in ("jc", "ind", "spacing", "pBdr", "pStyle", "numPr"))
_IND_SIDES = (("left", (_W + "left", _W + "start")), ("right", (_W + "right", _W + "end")))
_HANGING, _FIRST_LINE = _W + "hanging", _W + "firstLine"
_SPACINGS = (("before", _W + "before"), ("after", _W + "after"), ("line", _W + "line"))
_LINE_RULE, _BEFORE_AUTO, _AFTER_AUTO = _W + "lineRule", _W + "beforeAutospacing", _W + "afterAutospacing"
_BORDERS = (("bdr_bottom", _W + "bottom"), ("bdr_top", _W + "top"))
_NUM_PARTS = (("numId", _W + "numId"), ("ilvl", _W + "ilvl"))
_RFONTS, _HINT = _W + "rFonts", _W + "hint"
_FONT_ATTRS = tuple((slot, _W + _THEME_ATTR[slot], _W + slot) for slot in _FONT_SLOTS)
_TOGGLES = tuple((key, _W + tag) for key, tag in (("b", "b"), ("i", "i"), ("caps", "caps"), ("cs", "cs"),
                                                   ("rtl", "rtl")))
_SZ, _COLOR, _U, _RSTYLE = _W + "sz", _W + "color", _W + "u", _W + "rStyle"
_PPR, _RPR = _W + "pPr", _W + "rPr"


def _on(el) -> bool:
    return el.get(_VAL, "1").lower() not in _FALSE


def _first_children(el) -> dict:
    """Return the first child of `el` of each tag (what `el.find(tag)` returns), by tag."""
    kids: dict = {}
    for child in el:
        if child.tag not in kids:
            kids[child.tag] = child
    return kids


def _ppr_props(ppr) -> dict:
    """Return the paragraph properties `ppr` sets, as a flat dict of raw values."""
    out: dict = {}
    if ppr is None:
        return out
    kids = _first_children(ppr)
    jc = kids.get(_JC)
    if jc is not None:
        out["jc"] = jc.get(_VAL)
    ind = kids.get(_IND)
    if ind is not None:
        for key, names in _IND_SIDES:
            for name in names:
                number = whole(ind.get(name))
                if number is not None:
                    out[key] = number
                    break
        hanging, first = whole(ind.get(_HANGING)), whole(ind.get(_FIRST_LINE))
        if hanging is not None:
            out["first"] = -hanging
        elif first is not None:
            out["first"] = first
    sp = kids.get(_SPACING)
    if sp is not None:
        for key, name in _SPACINGS:
            number = whole(sp.get(name))
            if number is not None:
                out[key] = number
        if sp.get(_LINE_RULE) is not None:
            out["lineRule"] = sp.get(_LINE_RULE)
        if sp.get(_BEFORE_AUTO) in ("1", "true"):
            out["before"] = 280
        if sp.get(_AFTER_AUTO) in ("1", "true"):
            out["after"] = 280
    bdr = kids.get(_PBDR)
    if bdr is not None:
        for key, tag in _BORDERS:
            el = bdr.find(tag)
            if el is not None:
                out[key] = el.get(_VAL, "nil") not in ("nil", "none")
    style = kids.get(_PSTYLE)
    if style is not None:
        out["pStyle"] = style.get(_VAL)
    num = kids.get(_NUMPR)
    if num is not None:
        for key, tag in _NUM_PARTS:
            el = num.find(tag)
            if el is not None and el.get(_VAL) is not None:
                out[key] = el.get(_VAL)
    return out


def _rpr_props(rpr) -> dict:
    """Return the run properties `rpr` sets, as a flat dict of raw values."""
    out: dict = {}
    if rpr is None:
        return out
    kids = _first_children(rpr)
    fonts = kids.get(_RFONTS)
    if fonts is not None:
        for slot, theme_attr, name_attr in _FONT_ATTRS:
            theme = fonts.get(theme_attr)
            name = fonts.get(name_attr)
            if theme:
                out["font_" + slot] = ("theme", theme)
            elif name:
                out["font_" + slot] = ("name", name)
        if fonts.get(_HINT):
            out["hint"] = fonts.get(_HINT)
    for key, tag in _TOGGLES:
        el = kids.get(tag)
        if el is not None:
            out[key] = _on(el)
    sz = kids.get(_SZ)
    if sz is not None and sz.get(_VAL):
        out["sz"] = sz.get(_VAL)
    color = kids.get(_COLOR)
    if color is not None and color.get(_VAL):
        out["color"] = color.get(_VAL).upper()
    u = kids.get(_U)
    if u is not None:
        out["u"] = u.get(_VAL, "single")
    style = kids.get(_RSTYLE)
    if style is not None:
        out["rStyle"] = style.get(_VAL)
    return out


class _StyleSet:
    """The styles part read into props per style, with the resolved bases (shared by equal styles parts)."""

    def __init__(self, root):
        self.styles: dict[str, tuple] = {}
        self.defaults_p: dict = {}
        self.defaults_r: dict = {}
        self.default_para: str | None = None
        self.default_char: str | None = None
        self.para_cache: dict = {}
        self.run_cache: dict = {}
        if root is None:
            return
        dd = root.find(qn("w:docDefaults"))
        if dd is not None:
            self.defaults_p = _ppr_props(dd.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}"))
            self.defaults_r = _rpr_props(dd.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}"))
        style_id, style_type, based_on, default = qn("w:styleId"), qn("w:type"), qn("w:basedOn"), qn("w:default")
        ppr, rpr = qn("w:pPr"), qn("w:rPr")
        for st in root.iter(qn("w:style")):
            sid = st.get(style_id)
            kind = st.get(style_type, "paragraph")
            based = st.find(based_on)
            based_id = based.get(_VAL) if based is not None else None
            self.styles[sid] = (kind, based_id, _ppr_props(st.find(ppr)), _rpr_props(st.find(rpr)))
            if st.get(default) in ("1", "true"):
                if kind == "paragraph":
                    self.default_para = sid
                elif kind == "character":
                    self.default_char = sid


_STYLE_SETS: dict[bytes, _StyleSet] = {}  # styles part bytes → its _StyleSet (a few templates at most)
_STYLE_SETS_MAX = 8


def _style_set(pkg) -> _StyleSet:
    """Return the _StyleSet of a package: shared when its styles bytes were seen, else read now."""
    key = pkg.styles_key
    if key is None:
        return _StyleSet(pkg.styles)
    found = _STYLE_SETS.get(key)
    if found is None:
        try:
            root = etree.fromstring(key, _STYLES_PARSER)
        except etree.XMLSyntaxError:
            root = None
        found = _StyleSet(root)
        if len(_STYLE_SETS) >= _STYLE_SETS_MAX:
            _STYLE_SETS.pop(next(iter(_STYLE_SETS)))
        _STYLE_SETS[key] = found
    return found


_STYLES_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False, load_dtd=False, no_network=True)
_THEME_PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)


class Formatting:
    """Resolver of effective formatting for one document (styles and theme read once).

    `document` is a python-docx Document or a `docgen.ooxml.package.Package`.
    """

    def __init__(self, document):
        from docgen.ooxml.package import as_package

        pkg = as_package(document)
        self.package = pkg
        s = _style_set(pkg)
        self._styles = s.styles
        self._defaults_p, self._defaults_r = s.defaults_p, s.defaults_r
        self._default_para, self._default_char = s.default_para, s.default_char
        self._para_cache, self._run_cache = s.para_cache, s.run_cache
        self._theme: dict[str, str] = {}
        self._numbering: dict[tuple[str, str], dict] = {}
        self._load_theme(pkg.theme)
        self._load_numbering(pkg.numbering)
        self._theme_items = tuple(sorted(self._theme.items()))

    # ----- loading
    def _load_theme(self, blob: bytes | None) -> None:
        if blob is not None:
            self._theme.update(_theme_fonts(blob))

    def _load_numbering(self, root) -> None:
        """Read each list level's paragraph properties (its indents), keyed by (numId, ilvl)."""
        if root is None:
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
        direct = _ppr_props(p.find(_PPR))
        key = (table_style, direct.get("pStyle"))
        base = self._para_cache.get(key)
        if base is None:
            base = self._para_cache[key] = self._base(table_style, direct.get("pStyle"), None, 2)
        props = {**base, **direct}
        if props.get("numId") not in (None, "0"):
            # list indents sit between the style and direct formatting
            level = self._numbering.get((props["numId"], props.get("ilvl", "0")), {})
            props = {**base, **level, **direct}
        return _para_format_cached(tuple(sorted(props.items())), direct.get("pStyle") or self._default_para)

    def run(self, r, p_style: str | None, table_style: str | None = None) -> RunFormat:
        """Return the effective RunFormat of run element `r` in a paragraph of style `p_style`."""
        direct = _rpr_props(r.find(_RPR))
        key = (table_style, p_style, direct.get("rStyle"))
        base = self._run_cache.get(key)
        if base is None:
            base = self._run_cache[key] = self._base(table_style, p_style, direct.get("rStyle"), 3)
        return self._run_format({**base, **direct})

    def _run_format(self, props: dict) -> RunFormat:
        return _run_format_cached(tuple(sorted(props.items())), self._theme_items)


@lru_cache(maxsize=8)
def _theme_fonts(blob: bytes) -> dict[str, str]:
    """Return the theme's major/minor fonts by slot ("minorHAnsi" → "Calibri"); the caller copies it."""
    out: dict[str, str] = {}
    try:
        root = etree.fromstring(blob, _THEME_PARSER)
    except etree.XMLSyntaxError:
        return out
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    for major in ("major", "minor"):
        font = root.find(f".//{a}{major}Font")
        if font is None:
            continue
        for tag, suffixes in (("latin", ("HAnsi", "Ascii")), ("ea", ("EastAsia",)), ("cs", ("Bidi",))):
            el = font.find(a + tag)
            if el is not None and el.get("typeface"):
                for s in suffixes:
                    out[major + s] = el.get("typeface")
    return out


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


@lru_cache(maxsize=4096)
def _para_format_cached(items: tuple, style_id: str | None) -> ParaFormat:
    return _para_format(dict(items), style_id)


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
