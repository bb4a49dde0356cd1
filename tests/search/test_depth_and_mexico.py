"""What shows a practice's depth in search, and Mexico first: the documented results
filter and mark, the evidence facet strongest first, "México primero", and related
practices that prefer the same place and level. On the real node."""

import pytest

from search.indexer import rebuild
from search.service import related_practices
from tests.factories import create_practices, practice_record

from .helpers import search

pytestmark = pytest.mark.django_db

RESULTS = "<p>The council published 40 datasets and requests fell by half.</p>"


@pytest.fixture
def practices(settings, private_index_prefix, site):
    settings.SEARCH_MODE = "text"
    rows = [
        # source_id, country, subdivision, level, evidence, results
        ("mx-evaluated", "MX", "MX-JAL", "state", "independently-evaluated", RESULTS),
        ("mx-self", "MX", "MX-OAX", "municipal", "self-reported", RESULTS),
        ("cl-documented", "CL", None, "state", "documented", RESULTS),
        ("ar-documented-empty", "AR", None, "national", "documented", ""),
        ("pe-anecdotal", "PE", None, "national", "anecdotal", ""),
    ]
    create_practices(
        [
            practice_record(
                source_id,
                f"Presupuesto abierto {source_id}",
                "El gobierno publica su presupuesto en datos abiertos cada mes.",
                country=country,
                subdivision=subdivision,
                municipality="Oaxaca de Juárez" if level == "municipal" else "",
                government_level=level,
                evidence_level=evidence,
                results=results,
                themes=["fiscal-openness"],
            )
            for source_id, country, subdivision, level, evidence, results in rows
        ]
        + [
            practice_record(
                "uy-budgeting",
                "Presupuesto participativo uy-budgeting",
                "Los vecinos eligen obras con parte del presupuesto municipal.",
                country="UY",
                themes=["participatory-budgeting"],
            )
        ]
    )
    rebuild()


def _ids(results):
    return [hit.title.removeprefix("Presupuesto abierto ") for hit in results.results]


def test_documented_results_need_an_outside_review_and_written_results(practices):
    """Self-reported results are not documented; a documented level with no results
    text is not either."""
    found = search("documented=1")
    assert sorted(_ids(found)) == ["cl-documented", "mx-evaluated"]
    assert search("").documented_count == 2


def test_cards_carry_evidence_outcome_and_the_documented_mark(practices):
    cards = {hit.title: hit for hit in search("").results}
    evaluated = cards["Presupuesto abierto mx-evaluated"]
    assert evaluated.documented_results
    assert evaluated.evidence_label == "Evaluada de forma independiente"
    assert not cards["Presupuesto abierto mx-self"].documented_results


def test_cards_show_the_themes_editors_chose_not_their_ancestors(practices):
    """Search still finds the practice under its theme's parent."""
    card = search("q=uy-budgeting").results[0]
    assert card.themes == [("participatory-budgeting", "Presupuesto participativo")]
    parent = search("theme=citizen-participation")
    assert [hit.title for hit in parent.results] == [card.title]
    assert search("theme=fiscal-openness&q=uy-budgeting").total == 0


def test_the_evidence_facet_lists_the_strongest_level_first(practices):
    values = [v.value for v in search("").facets["evidence"]]
    assert values == [
        "independently-evaluated",
        "documented",
        "self-reported",
        "anecdotal",
    ]


def test_mexico_first_ranks_mexican_practices_ahead_of_equally_relevant_ones(
    practices,
):
    ranked = _ids(search("q=presupuesto+abierto&sort=mexico"))
    assert set(ranked[:2]) == {"mx-evaluated", "mx-self"}
    browsing = _ids(search("sort=mexico"))
    assert set(browsing[:2]) == {"mx-evaluated", "mx-self"}


def test_an_unknown_order_is_refused_with_a_clear_error(client, practices):
    response = client.get("/api/v1/search/", {"sort": "méxico"})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "sort"
    response = client.get("/api/v1/search/", {"documented": "sí"})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "documented"


def test_related_practices_prefer_the_same_country_and_level(practices):
    jalisco = search("q=mx-evaluated").results[0]
    related = related_practices(
        jalisco.id,
        "es",
        size=4,
        near={"country": "MX", "subdivision": "MX-JAL", "level": "state"},
    )
    assert related[0].title == "Presupuesto abierto mx-self"
