"""Typos: a suggestion is offered only when it finds more practices than the words,
or as many matching better; it keeps the query's punctuation and capitals. The
autocomplete forgives one typo."""

import pytest

from kb.text import fold
from practices.translation import ApertiumTranslator
from search import suggestion
from search.indexer import rebuild
from search.node import run_search
from search.query import match_strength_request, weighing_request, words_matched
from search.service import autocomplete
from search.suggestion import in_the_querys_words
from tests.factories import create_practices, practice_record

from .helpers import search

pytestmark = pytest.mark.django_db

APERTIUM = ApertiumTranslator()


def _accented(spanish: str) -> str:
    """Spanish as a suggestion writes it: with its accents where Apertium's
    dictionary gives them back, else accent-folded."""
    return spanish if APERTIUM.status().ok else fold(spanish)


@pytest.mark.parametrize(
    "q, suggestion, expected",
    [
        (
            "¿contrataciones abierats?",
            "contrataciones abiertas",
            "¿contrataciones abiertas?",
        ),
        (
            "Presupuesto municpal, Zapopan",
            "presupuesto municipal zapopan",
            "Presupuesto municipal, Zapopan",
        ),
        ("«datos abiertoz»", "datos abiertos", "«datos abiertos»"),
        (
            "participación ciudadna",
            "participacion ciudadana",
            "participación ciudadana",
        ),
        ("a-b c", "x", "x"),  # words that do not line up: the suggestion as it is
        # Capitals typed throughout stay so on the words changed.
        (
            "REGISTRO DE CABILDREOS",
            "registro de cabilderos",
            "REGISTRO DE CABILDEROS",
        ),
        ("RENDICION DE CUENTASS", "rendición de cuentas", "RENDICIÓN DE CUENTAS"),
        ("ONU Mujeres municpal", "onu mujeres municipal", "ONU Mujeres municipal"),
    ],
)
def test_the_suggestion_keeps_the_querys_punctuation(q, suggestion, expected):
    assert in_the_querys_words(q, suggestion) == expected


@pytest.mark.parametrize(
    "q, suggestion, expected",
    [
        # Accents the person typed stay, whatever the suggestion has.
        (
            "Participación ciudadna",
            "participacion ciudadana",
            "Participación ciudadana",
        ),
        # Accents they left out are given back.
        ("rendicion de cuentass", "rendición de cuentas", "rendición de cuentas"),
        (
            "Informacion publica municpal",
            "información pública municipal",
            "Información pública municipal",
        ),
        ("Éxito munisipal", "exito municipal", "Éxito municipal"),
        ("Exito munisipal", "éxito municipal", "Éxito municipal"),
        # Words that do not line up: the typed accents put back all the same.
        (
            "participación ciudadana-munisipal",
            "participacion ciudadana-municipal",
            "participación ciudadana-municipal",
        ),
    ],
)
def test_the_suggestion_keeps_typed_accents_and_gives_back_missing_ones(
    q, suggestion, expected
):
    assert in_the_querys_words(q, suggestion) == expected


def test_a_typo_among_right_words_is_corrected_though_results_were_found(corpus):
    """The other words found practices; the misspelt one found none of its own."""
    results = search("q=presupuesto+municpal")
    assert results.total > 0
    assert results.suggestion == "presupuesto municipal"


def test_the_correction_keeps_the_question_marks(corpus):
    results = search("q=¿presupuesto+municpal?")
    assert results.suggestion == "¿presupuesto municipal?"


@pytest.mark.parametrize(
    "q", ["presupuesto municipal", "presupuestos participativos", "agua potable"]
)
def test_no_suggestion_for_words_spelt_right(corpus, q):
    """Whatever the suggester proposes finds neither more nor better."""
    assert search(f"q={q}").suggestion is None


@pytest.mark.parametrize(
    "q, lang, expected",
    [
        # The suggester's first rewording was "informacion public": its field
        # holds both languages' words.
        ("informasion publica", "es", "información pública"),
        ("contratos de obra publca", "es", "contratos de obra pública"),
        ("contratos de obra publca", "en", "contratos de obra pública"),
        ("whistleblower protecton", "es", "whistleblower protection"),
        # A word of the other language the reader typed is theirs to keep.
        ("portal de datos abirtos", "es", "portal de datos abiertos"),
    ],
)
def test_the_suggestion_puts_in_no_word_of_the_other_language(
    corpus, q, lang, expected
):
    assert search(f"q={q}&lang={lang}").suggestion == _accented(expected)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_spanish_suggestion_has_its_accents(corpus, lang):
    """The suggester's words are accent-folded: "acceso a la informacion"."""
    if not APERTIUM.status().ok:
        pytest.skip(
            "Apertium with apertium-en-es is not installed (its Spanish dictionary gives the accents back)"
        )
    assert search(f"q=acceso+a+la+informasion&lang={lang}").suggestion == (
        "acceso a la información"
    )


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_word_typed_without_its_accent_gets_it_back_in_the_suggestion(corpus, lang):
    """ "rendicion de cuentass" is corrected to "rendición de cuentas", not to the
    unaccented "rendicion de cuentas" the visitor typed."""
    if not APERTIUM.status().ok:
        pytest.skip(
            "Apertium with apertium-en-es is not installed (its Spanish dictionary gives the accents back)"
        )
    assert search(f"q=rendicion+de+cuentass&lang={lang}").suggestion == (
        "rendición de cuentas"
    )


def test_the_spanish_page_asks_with_both_question_marks(client, corpus):
    html = client.get("/buscar/", {"q": "presupuesto municpal"}).content.decode()
    assert "¿Quisiste decir «<a href=" in html
    assert "data-suggestion>presupuesto municipal</a>»?" in html
    html = client.get("/en/search/", {"q": "presupuesto municpal"}).content.decode()
    assert "Did you mean “<a href=" in html


@pytest.mark.parametrize(
    "typed, lang, title",
    [
        (
            "presupuestos participativos en Zapopn",
            "es",
            "Presupuestos participativos en Zapopan",
        ),
        ("Participatroy budgets", "en", "Participatory budgets in Zapopan"),
        ("presupuestos partic", "es", "Presupuestos participativos en Zapopan"),
    ],
)
def test_autocomplete_forgives_one_typo(corpus, typed, lang, title):
    titles = [p["title"] for p in autocomplete(typed, lang)["practices"]]
    assert title in titles


def test_autocomplete_terms_forgive_one_typo(corpus):
    labels = [t["label"] for t in autocomplete("presupusto", "es")["terms"]]
    assert "Presupuesto participativo" in labels


@pytest.mark.parametrize(
    "q, rewording",
    [
        ("presupuesto municpal", "presupuesto municipal"),
        ("datos abiertos", "datos abiertas"),
        ("open contracting", "open contacting"),
    ],
)
def test_the_weighing_counts_the_words_matches_as_their_own_search_does(
    corpus, q, rewording
):
    """One search weighs a rewording: its count of the words' matches is the one
    the words' own search finds, and its hits are the rewording's own search's."""
    weighing = run_search(weighing_request(rewording, q))
    words, offered = (
        run_search(match_strength_request(q)),
        run_search(match_strength_request(rewording)),
    )
    assert words_matched(weighing) == words["hits"]["total"]["value"]
    assert weighing["hits"]["total"] == offered["hits"]["total"]
    assert weighing["hits"]["max_score"] == offered["hits"]["max_score"]


def test_a_words_language_is_asked_of_the_node_once_for_many_suggestions(
    corpus, monkeypatch
):
    """The words' languages behind a suggestion are kept a while per process: the
    same misspelt search suggests the same, one search fewer the second time."""
    suggestion._leanings.clear()
    asked = []

    def counted(body, *args, **kwargs):
        if any("|" in name for name in body.get("aggs", {})):
            asked.append(sorted(body["aggs"]))
        return run_search(body, *args, **kwargs)

    monkeypatch.setattr(suggestion, "run_search", counted)
    first = search("q=contratos de obra publca").suggestion
    second = search("q=contratos de obra publca").suggestion
    assert first == second is not None
    assert len(asked) == 1


@pytest.fixture
def names_and_commoner_words(empty_index):
    """A city three practices name in their bodies (not in the titles and
    summaries the suggester draws on), and words one and two letters away that
    more practices' titles hold: a rewording of the name finds more practices."""
    create_practices(
        [
            practice_record(
                f"quito-{n}",
                f"Mesas de barrio {n}",
                "Se reúnen.",
                actions="<p>Las mesas se reunieron en Quito.</p>",
            )
            for n in range(3)
        ]
        + [
            practice_record(f"quinto-{n}", f"Quinto informe del consejo {n}", "Hubo.")
            for n in range(2)
        ]
        + [
            practice_record(f"quinta-{n}", f"La Quinta Avenida, tramo {n}", "Hubo.")
            for n in range(4)
        ]
    )
    rebuild()


def test_a_word_the_repertory_holds_is_not_corrected(names_and_commoner_words):
    """ "quito" (the demo's Quito: 8 practices) was offered as "quinto", which more
    practices hold; a word three practices hold is a word, not a typo."""
    assert search("q=quito").suggestion is None
    assert search("q=mesas+en+Quito").suggestion is None


def test_a_misspelt_word_next_to_the_known_one_is_still_corrected(
    names_and_commoner_words,
):
    """A word no practice holds is still a typo: the suggester's commonest
    neighbour is offered."""
    assert search("q=quimto").suggestion in {"quinto", "quinta"}


@pytest.fixture
def lobbying_and_councils(empty_index):
    """Two practices about a register of lobbyists, and more whose titles hold a
    word one letter nearer the typo "cabildreos": open councils, cabildos."""
    create_practices(
        [
            practice_record(
                f"cabilderos-{n}",
                f"Registro de cabilderos del congreso {n}",
                "Quien gestiona intereses ante el congreso se inscribe.",
            )
            for n in range(2)
        ]
        + [
            practice_record(
                f"cabildos-{n}", f"Cabildos abiertos del barrio {n}", "Se reúnen."
            )
            for n in range(5)
        ]
    )
    rebuild()


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_misspelt_key_term_is_offered_as_the_glossarys_term(
    lobbying_and_councils, lang
):
    """The phrase suggester offered "registro de cabildos", which finds more
    practices (councils); the glossary's correction, which the search itself
    matches, is offered instead: the register of lobbyists."""
    assert search(f"q=registro+de+cabildreos&lang={lang}").suggestion == (
        "registro de cabilderos"
    )


def test_a_misspelt_key_term_in_a_question_is_offered_in_its_punctuation(
    lobbying_and_councils,
):
    """The question marks are no part of the word: "cabildreos?" is corrected."""
    assert search("q=%C2%BFregistro+de+cabildreos%3F").suggestion == (
        "¿registro de cabilderos?"
    )


@pytest.fixture
def conflicts_of_interest(empty_index):
    create_practices(
        [
            practice_record(
                f"conflicts-{n}",
                f"Conflict of interest declarations {n}",
                "Officials declare their interests.",
                locale="en",
            )
            for n in range(2)
        ]
    )
    rebuild()


def test_the_glossary_fix_is_in_the_querys_language(conflicts_of_interest):
    """On the Spanish site the search's own correction, by the Spanish terms, is
    "conflicto of intrest"; the query's words are English, so the English terms'
    correction is offered."""
    assert search("q=conflict+of+intrest&lang=es").suggestion == (
        "conflict of interest"
    )


@pytest.fixture
def a_name_in_both_languages(empty_index):
    """A city one Spanish and one English practice name, and commoner words one
    letter away in more practices' titles."""
    create_practices(
        [
            practice_record(
                "quito-es",
                "Mesas de barrio",
                "Se reúnen.",
                actions="<p>Las mesas se reunieron en Quito.</p>",
            ),
            practice_record(
                "quito-en",
                "Neighbourhood tables",
                "They meet.",
                locale="en",
                actions="<p>The tables met in Quito.</p>",
            ),
        ]
        + [
            practice_record(f"quinto-{n}", f"Quinto informe del consejo {n}", "Hubo.")
            for n in range(4)
        ]
    )
    rebuild()


def test_a_name_both_languages_hold_is_not_corrected(a_name_in_both_languages):
    """Two practices are fewer than KNOWN_WORD, but a word written alike in both
    languages' text is a name, not a typo: no rewording may change it."""
    assert suggestion.changing_rare_words("mesas en quito", ["mesas en quinto"]) == []
    assert suggestion.changing_rare_words("mesas en quitto", ["mesas en quinto"]) == [
        "mesas en quinto"
    ]
    assert search("q=quito").suggestion is None


def test_a_glossary_fix_that_leaves_a_typo_is_not_offered(corpus):
    """On the Spanish site the Spanish terms correct "protektion" and leave
    "whistlebloverz"; the English terms correct both ("whistleblowers" is one
    edit nearer than the singular), and that is offered."""
    offered = search("q=whistlebloverz+protektion&lang=es").suggestion
    assert offered in {"whistleblower protection", "whistleblowers protection"}
