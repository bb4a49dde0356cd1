"""Sentence vectors: cross-language matches through k-NN, stored once, text-only fallback."""

from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.http import QueryDict

from practices.models import PracticePage
from search import indexer, ranking, vectors
from search.client import get_client
from search.commands import vectors_status
from search.filters import parse_filters
from search.indexer import alias_name, index_has_vectors, rebuild
from search.mapping import VECTOR_FIELD
from search.models import TextVector
from search.query import build_search_request
from search.ranking import TEXT
from search.scan import scan_practice_ids
from search.service import search_practices

from .helpers import search, titles

pytestmark = pytest.mark.django_db

OWNERS = "Beneficial ownership register"
# Spanish, and not one word (nor stem, nor glossary synonym) shared with OWNERS.
OWNERS_IN_SPANISH = "dueños reales de las empresas"


def _text_only(q: str):
    filters = parse_filters(QueryDict(f"q={q}"))
    body = build_search_request(filters, TEXT.ranked(filters, translated=""))
    return get_client().search(index=alias_name(), body=body)


def test_the_index_holds_a_vector_per_practice(corpus):
    assert index_has_vectors()
    hit = get_client().search(
        index=alias_name(),
        body={"query": {"match_phrase": {"title_en": OWNERS}}, "size": 1},
    )["hits"]["hits"][0]
    assert len(hit["_source"][VECTOR_FIELD]) == vectors.DIMENSIONS


@pytest.mark.parametrize("knn_request", ["inline", "separate"])
def test_a_spanish_query_with_no_shared_word_finds_an_english_practice(
    corpus, settings, knn_request
):
    settings.SEARCH_VECTOR_REQUEST = knn_request
    text_hits = _text_only(OWNERS_IN_SPANISH)["hits"]["hits"]
    assert OWNERS not in {h["_source"]["titles"].get("en") for h in text_hits}

    results = search(f"q={OWNERS_IN_SPANISH}")
    assert OWNERS in titles(results)
    assert results.results[0].title == OWNERS


@pytest.mark.parametrize("knn_request", ["inline", "separate"])
def test_filters_apply_to_the_vector_half_and_facets_count_it(
    corpus, settings, knn_request
):
    settings.SEARCH_VECTOR_REQUEST = knn_request
    kept = search(f"q={OWNERS_IN_SPANISH}&country=GB")
    assert OWNERS in titles(kept)
    assert {f.value: f.count for f in kept.facets["country"]}["GB"] == kept.total
    assert OWNERS not in titles(search(f"q={OWNERS_IN_SPANISH}&country=KE"))


def test_a_selection_gets_the_nearest_practices_among_its_own(corpus, monkeypatch):
    """The whole index's nearest practices may all lie outside a selected country:
    the vector half takes the country's nearest too, so it is not left empty."""
    monkeypatch.setattr(ranking, "VECTOR_CANDIDATES", 1)
    # Any likeness counts here: the test corpus's few practices are short.
    monkeypatch.setattr(ranking, "FILTERED_VECTOR_MIN_SCORE", 0.5)
    in_kenya = search(f"q={OWNERS_IN_SPANISH}&country=KE")
    assert in_kenya.total >= 1
    assert {hit.country for hit in in_kenya.results} == {"KE"}
    assert {f.value: f.count for f in in_kenya.facets["country"]}["KE"] == (
        in_kenya.total
    )


def test_a_selection_s_nearest_few_join_though_less_alike(corpus, monkeypatch):
    """Below the likeness every neighbour needs, a selection's SELECTION_NEAREST
    nearest practices still join from SELECTION_FLOOR: as many as that, no more,
    in the one request, and counted as the results are."""
    for name in ("VECTOR_MIN_SCORE", "FILTERED_VECTOR_MIN_SCORE"):
        monkeypatch.setattr(ranking, name, 1.01)  # no neighbour is that alike
    monkeypatch.setattr(ranking, "SELECTION_FLOOR", 1.01)
    assert search(f"q={OWNERS_IN_SPANISH}&country=MX").total == 0  # words: none

    monkeypatch.setattr(ranking, "SELECTION_FLOOR", 0.0)
    monkeypatch.setattr(ranking, "SELECTION_NEAREST", 2)
    in_mexico = search(f"q={OWNERS_IN_SPANISH}&country=MX")
    assert in_mexico.total == 2
    assert {hit.country for hit in in_mexico.results} == {"MX"}
    assert {f.value: f.count for f in in_mexico.facets["country"]}["MX"] == 2
    monkeypatch.setattr(ranking, "SELECTION_NEAREST", 1)
    assert search(f"q={OWNERS_IN_SPANISH}&country=MX").total == 1


def test_an_export_of_the_search_holds_what_the_page_shows(corpus):
    filters = parse_filters(QueryDict(f"q={OWNERS_IN_SPANISH}"))
    scan = scan_practice_ids(filters)
    exported = [key for batch in scan.batches for key in batch]
    shown = search_practices(filters)
    assert scan.total == shown.total
    assert exported[: len(shown.results)] == [hit.id for hit in shown.results]


def test_unchanged_text_is_not_embedded_again(monkeypatch):
    calls = []
    real_embed = vectors.embed

    def counting_embed(texts):
        calls.append(list(texts))
        return real_embed(texts)

    monkeypatch.setattr(vectors, "embed", counting_embed)
    first = vectors.vectors_for(["Portal de contrataciones", "Open budget"])
    again = vectors.vectors_for(["Open budget", "Portal de contrataciones"])
    assert calls == [["Portal de contrataciones", "Open budget"]]
    assert again == [first[1], first[0]]
    assert TextVector.objects.filter(model=vectors.MODEL_ID).count() >= 2

    vectors.vectors_for(["Open budget data"])  # changed text: embedded anew
    assert calls[-1] == ["Open budget data"]


def test_without_the_k_nn_plugin_search_is_text_only_and_status_says_so(
    corpus, private_index_prefix, monkeypatch
):
    monkeypatch.setattr(indexer, "knn_plugin_installed", lambda: False)
    assert indexer.vectors_problem()
    rebuild()
    assert not index_has_vectors()
    results = search_practices(parse_filters(QueryDict("q=whistleblower")))
    assert "Whistleblower protection law" in titles(results)
    assert "opensearch-knn" in vectors_status()
    assert vectors_status().startswith("vectors: off")


def test_an_index_without_the_vector_field_still_answers(corpus, private_index_prefix):
    """The node has the plugin, but the index predates the vector field."""
    name = f"{alias_name()}-old"
    indexer.create_index(name, with_vectors=False)
    get_client().indices.put_alias(index=name, name=alias_name())
    indexer.write_documents(
        [r.translation_key for r in _owners_pages()]
    )  # indexed without vectors, since the index has no field for them
    results = search(f"q={OWNERS_IN_SPANISH}")
    assert results.total == 0  # text only: the words do not match, and no error
    assert "Whistleblower protection law" in titles(search("q=whistleblower"))
    assert "no vector field" in vectors_status()


def test_without_the_encoder_search_is_text_only(corpus, monkeypatch):
    monkeypatch.setattr(vectors, "USE", None)
    assert OWNERS not in titles(search(f"q={OWNERS_IN_SPANISH}"))
    assert "Whistleblower protection law" in titles(search("q=whistleblower"))
    assert "not installed" in vectors_status()


def test_search_status_reports_vectors_on(corpus):
    out = []
    call_command("search", "status", stdout=_Lines(out))
    assert any(line.startswith("vectors: on") for line in out), out


class _Lines:
    def __init__(self, lines):
        self.lines = lines

    def write(self, text):
        self.lines.extend(text.splitlines())

    def flush(self):
        pass


def _owners_pages():
    return PracticePage.objects.live().filter(
        title__in=[OWNERS, "Whistleblower protection law"]
    )


def test_a_questions_vector_is_its_topics(settings):
    """A question's asking words ("¿cómo…?", "how do other countries") are left
    out of the query's vector, as they are out of its words' match."""
    settings.SEARCH_MODE = "hybrid"
    question = "how do other countries regulate lobbying?"
    ranked = ranking.HybridRanking().ranked(
        parse_filters(QueryDict(urlencode({"q": question}))), translated=""
    )
    (vector,) = _knn_vectors(ranked.query)
    assert vector == vectors.query_vector("regulate lobbying")
    assert vector != vectors.query_vector(question)


def _knn_vectors(clause):
    """The query vectors of the k-NN queries inside a search's query."""
    if isinstance(clause, dict):
        if "knn" in clause:
            return [knn["vector"] for knn in clause["knn"].values()]
        return [v for value in clause.values() for v in _knn_vectors(value)]
    if isinstance(clause, list):
        return [v for value in clause for v in _knn_vectors(value)]
    return []


@pytest.mark.parametrize(
    "typed", ["Dueños Reales de las Empresas", "DUEÑOS REALES DE LAS EMPRESAS"]
)
def test_the_vector_half_finds_the_same_practices_whatever_the_case(corpus, typed):
    """The encoder tells capitals apart ("Jalisco", "jalisco" found 55 and 37 on the
    demo); the query is embedded in lower case, so the k-NN bar admits the same
    practices however the words were typed."""
    assert vectors.query_vector(typed) == vectors.query_vector(OWNERS_IN_SPANISH)
    as_typed, lower = search(f"q={typed}"), search(f"q={OWNERS_IN_SPANISH}")
    assert as_typed.total == lower.total
    assert [hit.title for hit in as_typed.results] == [
        hit.title for hit in lower.results
    ]
