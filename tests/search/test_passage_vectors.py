"""Passage vectors (off by default; measured in docs/search.md, sixth wave): an index
built with them holds a vector per passage of a practice, and the vector half can
score a practice by its nearest passage, selections applying as to the one vector."""

import pytest

from search import mapping, ranking
from search.client import get_client
from search.indexer import PASSAGE_FIELD, alias_name, index_fields, rebuild
from search.node import run_search
from search.vectors import query_vector
from tests.factories import create_practices, practice_record

pytestmark = pytest.mark.django_db

TITLE = "Municipal budget calendar"
SUMMARY = "The council adopts its budget two months earlier."
# A body section about something else than the title and summary.
SECTION = (
    "A public register names the real owners of every company that bids for a "
    "public contract."
)
QUERY = "beneficial ownership register of companies"


@pytest.fixture
def passage_index(private_index_prefix, site, monkeypatch):
    monkeypatch.setattr(mapping, "PASSAGE_VECTORS", True)
    create_practices(
        [
            practice_record(
                "passages-1", TITLE, SUMMARY, locale="en", actions=f"<p>{SECTION}</p>"
            )
        ]
    )
    rebuild()
    return alias_name()


def _vector_scores(*selections: dict) -> list[float]:
    """The vector half's scores: of the whole index, or among what `selections`
    leave."""
    within = {"bool": {"filter": list(selections)}} if selections else None
    clause = ranking.knn_clause(query_vector(QUERY), 0.0, within)
    hits = run_search({"query": clause, "_source": False})["hits"]["hits"]
    return [hit["_score"] for hit in hits]


def test_the_index_holds_a_vector_per_passage(passage_index):
    assert PASSAGE_FIELD in index_fields()
    (hit,) = get_client().search(
        index=passage_index, body={"query": {"match_all": {}}}
    )["hits"]["hits"]
    # The title and summary, and the one section: the empty ones make none.
    assert len(hit["_source"][PASSAGE_FIELD]) == 2


def test_a_practice_is_scored_by_its_nearest_passage(passage_index, monkeypatch):
    (one_vector,) = _vector_scores()
    monkeypatch.setattr(ranking, "VECTOR_PASSAGES", True)
    (by_passage,) = _vector_scores()
    assert by_passage > one_vector

    assert len(_vector_scores({"term": {"country": "MX"}})) == 1
    assert _vector_scores({"term": {"country": "KE"}}) == []
