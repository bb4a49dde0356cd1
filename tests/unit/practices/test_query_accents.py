"""How a word typed without accents is spelt again (practices/translation/accents.py),
over a dictionary given as words and their word classes."""

import pytest

from practices.translation.accents import accent_candidates, with_accents

pytestmark = pytest.mark.unit

DICTIONARY = {
    "transformación": {"n"},
    "digital": {"adj"},
    "del": {"pr"},
    "gobierno": {"n", "vblex"},
    "interés": {"n"},
    "campaña": {"n"},
    "campana": {"n"},
    "jóvenes": {"n", "adj"},
    "de": {"pr"},
    "participación": {"n"},
    "publica": {"vblex"},
    "pública": {"adj"},
    "publicó": {"vblex"},
    "opine": {"vblex"},
    "opiné": {"vblex"},
}


def lookup(words):
    return {word: DICTIONARY[word] for word in words if word in DICTIONARY}


def test_candidates_put_one_accent_from_the_end_then_an_enye():
    assert accent_candidates("pais") == ["país", "páis"]
    assert accent_candidates("ano") == ["anó", "áno", "año", "añó", "áño"]


def test_an_unknown_word_takes_its_first_known_accented_spelling():
    assert (
        with_accents("transformacion digital del gobierno", lookup)
        == "transformación digital del gobierno"
    )
    assert with_accents("Participacion de jovenes", lookup) == (
        "Participación de jóvenes"
    )


def test_a_word_known_only_as_a_verb_takes_a_spelling_that_names_a_thing():
    assert with_accents("transformacion publica", lookup) == ("transformación pública")


def test_verb_forms_alone_leave_unknown_words_as_typed():
    assert with_accents("transformacion publica", lookup, unknown_words=False) == (
        "transformacion pública"
    )


def test_a_verb_stays_a_verb_when_its_accented_spelling_is_a_verb_too():
    assert with_accents("opine", lookup) == "opine"


def test_a_word_known_as_something_else_than_a_verb_stays_as_typed():
    assert with_accents("campana", lookup) == "campana"


def test_a_word_no_spelling_of_which_is_known_stays_as_typed():
    assert with_accents("xyzzy de interes", lookup) == "xyzzy de interés"


def test_without_a_dictionary_the_query_stays_as_typed():
    assert with_accents("transformacion digital", lambda _words: None) == (
        "transformacion digital"
    )


def test_accented_and_short_words_are_not_asked_about():
    asked = []

    def recording(words):
        asked.append(set(words))
        return lookup(words)

    with_accents("la participación y yo", recording)
    assert asked == []
