"""Properties of the normalisers over any text a cell can hold (hypothesis): they never raise, and a value
they produce comes back unchanged when normalised again."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from docgen.checks import normalize
from docgen.vntext import clean, name_key, shown, strip_xml_invalid, unsurrogate

FB = {"Facebook": ("facebook.com", "fb.com", "fb.me")}
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
cell_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)
cells = st.one_of(cell_text, st.integers(-10**12, 10**12), st.floats(allow_nan=True), st.none(), st.booleans())
phones = st.builds(lambda lead, digits, sep: lead + sep.join(digits[i:i + 3] for i in range(0, len(digits), 3)),
                   st.sampled_from(["0", "+84 ", "84", "(+84) ", ""]), st.text("0123456789", min_size=8, max_size=11),
                   st.sampled_from([" ", ".", "-", ""]))
vietnamese = st.text(alphabet="aăâeêioôơuưy hòàáảãạHÒÀÁẢÃẠđĐ ", min_size=1, max_size=30)


@SETTINGS
@given(cells)
def test_every_normaliser_takes_any_cell_without_raising(value):
    for result in (normalize.phone(value), normalize.email(value), normalize.link(value, FB), normalize.text(value)):
        assert isinstance(result.value, str) and (result.ok or result.problem)


@SETTINGS
@given(st.one_of(phones, cell_text))
@example("0912 345 678; 0987.654.321")
@example("0098 111 000")   # dials Iran: once written nationally as "011 1000", it passed for a number here
def test_a_normalised_phone_is_its_own_normal_form(typed):
    first = normalize.phone(typed)
    if first.ok and first.value:
        again = normalize.phone(first.value)
        assert again.value == first.value and not again.changed


@SETTINGS
@given(st.one_of(st.emails(), cell_text))
def test_a_normalised_email_is_its_own_normal_form(typed):
    first = normalize.email(typed)
    if first.ok and first.value:
        assert normalize.email(first.value).value == first.value


@SETTINGS
@given(st.one_of(st.builds(lambda host, page: f"{host}/{page}", st.sampled_from(
    ["facebook.com", "m.facebook.com", "https://web.facebook.com", "fb.com", "http://www.facebook.com"]),
    st.text("abcdefghijklmnopqrstuvwxyz0123456789.", min_size=1, max_size=20)), cell_text))
def test_a_normalised_link_is_its_own_normal_form(typed):
    first = normalize.link(typed, FB)
    if first.ok and first.value:
        assert normalize.link(first.value, FB).value == first.value


@SETTINGS
@given(vietnamese)
def test_names_compare_alike_whatever_the_spacing_case_and_tone_placement(name):
    assert name_key(name) == name_key("  " + name.upper().replace(" ", "   ") + " ")
    assert name_key(name) == name_key(unicodedata.normalize("NFD", name))


@SETTINGS
@given(st.text(max_size=60))
def test_cleaning_is_idempotent_and_gives_nfc(text):
    once = clean(unsurrogate(text))
    assert clean(once) == once and unicodedata.is_normalized("NFC", once)


@SETTINGS
@given(st.text(max_size=60))
def test_what_is_shown_holds_no_control_character_nor_undecodable_byte(text):
    out = shown(text)
    assert len(out) == len(text) and not any(ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF for c in out)
    kept, _ = strip_xml_invalid(unsurrogate(text))
    kept.encode("utf-8")   # fit for XML and any UTF-8 output
