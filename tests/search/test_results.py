"""Results: highlighting, language of display, sorting, paging, suggestions, related."""

import pytest

from search.service import autocomplete, related_practices

from .helpers import search

pytestmark = pytest.mark.django_db


def test_matches_are_highlighted_and_escaped(corpus):
    [hit] = [h for h in search("q=asambleas+vecinales").results if "Zapopan" in h.title]
    assert any("<mark>asambleas</mark>" in snippet for snippet in hit.highlights)


def test_a_translated_practice_is_one_result_shown_in_the_request_language(corpus):
    spanish = search("q=Zapopan")
    english = search("q=Zapopan&lang=en")
    assert spanish.total == english.total == 1
    assert spanish.results[0].title == "Presupuestos participativos en Zapopan"
    assert english.results[0].title == "Participatory budgets in Zapopan"
    assert english.results[0].url.startswith("/en/")
    assert sorted(english.results[0].languages) == ["en", "es"]


def test_an_untranslated_practice_appears_in_its_original_language(corpus):
    hit = search("q=Kenya+whistleblower+law&lang=es").results[0]
    assert (hit.title, hit.language) == ("Whistleblower protection law", "en")


@pytest.mark.parametrize("sort, reverse", [("newest", True), ("oldest", False)])
def test_sorting_by_year(corpus, sort, reverse):
    years = [hit.year for hit in search(f"sort={sort}&page_size=100").results]
    assert years == sorted(years, reverse=reverse)


def test_pages_do_not_overlap_and_cover_everything(corpus):
    everything = search("page_size=100")
    first, second = search("page_size=10&page=1"), search("page_size=10&page=2")
    assert len(first.results) == 10
    assert not {h.id for h in first.results} & {h.id for h in second.results}
    assert first.page_count == -(-everything.total // 10)


def test_did_you_mean_for_a_misspelled_query(corpus):
    results = search("q=whistlebloverz+protektion")
    assert results.total < 3
    assert results.suggestion and "whistleblower" in results.suggestion


def test_no_suggestion_when_filters_not_words_empty_the_results(corpus):
    assert search("q=agua&country=GB").suggestion is None


def test_related_practices_share_subject(corpus):
    zapopan = search("q=Zapopan").results[0]
    related = {hit.title for hit in related_practices(zapopan.id, "en")}
    assert "Participatory budgeting in neighbourhoods" in related
    assert zapopan.title not in related


def test_autocomplete_offers_titles_and_terms(corpus):
    answer = autocomplete("presup", "es")
    assert "Presupuestos participativos en Zapopan" in {
        p["title"] for p in answer["practices"]
    }
    assert {
        "facet": "theme",
        "value": "participatory-budgeting",
        "label": "Presupuesto participativo",
        "facet_label": "Tema",
    } in answer["terms"]
    assert autocomplete("datos ab", "es")["practices"]
    assert autocomplete("a", "es") == {"practices": [], "terms": []}


@pytest.mark.parametrize(
    ("words", "lang", "label", "facet_labels"),
    [
        ("datos ab", "es", "Datos abiertos", {"Tema", "Tipo de práctica"}),
        ("open da", "en", "Open data", {"Theme", "Practice type"}),
    ],
)
def test_a_term_in_two_vocabularies_is_two_filters_each_named_by_its_facet(
    corpus, words, lang, label, facet_labels
):
    """ "Open data" is a theme and a practice type: chosen, each applies its own
    filter, so each is offered, saying which it is in the reader's language."""
    terms = [t for t in autocomplete(words, lang)["terms"] if t["label"] == label]
    assert {(t["facet"], t["value"]) for t in terms} == {
        ("theme", "open-data"),
        ("type", "open-data"),
    }
    assert {t["facet_label"] for t in terms} == facet_labels
