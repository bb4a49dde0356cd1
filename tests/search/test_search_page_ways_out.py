"""The search page when something is off: a bad parameter, a page past the end, no
result, a facet that cannot narrow. The reader keeps the search and gets a way on."""

import re

import pytest
from bs4 import BeautifulSoup

from search.search_page import facet_narrows
from search.service import FacetValue

from .helpers import search

pytestmark = pytest.mark.django_db


def _page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/buscar/", "«año de inicio, desde» (year_from) no es válido"),
        ("/en/search/", "“start year, from” (year_from) is not valid"),
    ],
)
def test_a_bad_parameter_is_named_and_the_rest_of_the_search_is_kept(
    client, corpus, path, expected
):
    response = client.get(
        path, {"q": "presupuesto", "country": "MX", "year_from": "dosmil"}
    )
    assert response.status_code == 400
    page = _page(response)
    assert expected in page.find(class_="notice-error").text
    assert page.find(id="search-q")["value"] == "presupuesto"
    assert page.find("input", attrs={"name": "country", "value": "MX"}).has_attr(
        "checked"
    )
    kept = search("q=presupuesto&country=MX").total
    assert kept > 0
    assert len(page.select(".result-list .result-card")) == min(kept, 20)


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/buscar/", "Ningún «País» se llama «ZZ»"),
        ("/en/search/", "No “Country” is called “ZZ”"),
    ],
)
def test_an_unknown_facet_value_is_named_and_left_out(client, corpus, path, expected):
    response = client.get(path, {"q": "presupuesto", "country": ["ZZ", "MX"]})
    assert response.status_code == 200
    page = _page(response)
    assert expected in page.find(class_="notice", role="status").text
    assert page.find("input", attrs={"name": "country", "value": "MX"}).has_attr(
        "checked"
    )
    kept = search("q=presupuesto&country=MX").total
    assert len(page.select(".result-list .result-card")) == min(kept, 20)


def test_an_error_message_is_in_the_readers_language_only(client, corpus):
    response = client.get("/buscar/", {"year_from": "2020", "year_to": "2010"})
    text = _page(response).find(class_="notice-error").text
    assert "must" not in text and "give it once" not in text
    assert "no es válido" in text
    # The reason names the other year as a reader knows it, not by its code.
    assert "no puede ser anterior al año inicial" in text
    assert "year_from" not in text


@pytest.mark.parametrize(
    "path, words",
    [("/buscar/", "No hay página 999"), ("/en/search/", "There is no page 999")],
)
def test_a_page_past_the_end_gives_the_real_count_and_links_back(
    client, corpus, path, words
):
    response = client.get(path, {"page": "999"})
    total = search().total
    assert response.status_code == 404
    notice = _page(response).find(attrs={"data-deep-page": True})
    assert words in notice.text
    assert str(total) in notice.text and "10000" not in notice.text
    last = -(-total // 20)
    links = [a["href"] for a in notice.find_all("a")]
    assert any(f"page={last}" in href for href in links)
    assert client.get(path + links[-1]).status_code == 200


def test_an_empty_result_offers_each_filter_left_out_with_its_count(client, corpus):
    response = client.get(
        "/buscar/", {"q": "presupuesto", "country": "MX", "level": "national"}
    )
    assert response.status_code == 200
    empty = _page(response).find(attrs={"data-empty": True})
    assert empty is not None
    ways = {a.text.strip(): a["href"] for a in empty.select(".ways-out a")}
    without_level = search("q=presupuesto&country=MX").total
    assert f"Sin «Federal o nacional»: {without_level} práctica" in " ".join(ways)
    for text, href in ways.items():
        count = int(re.search(r": (\d+) práctica", text).group(1))
        followed = _page(client.get("/buscar/" + href.replace("&amp;", "&")))
        heading = followed.find(id="results-heading").text
        assert heading.startswith(str(count)), (text, heading)


def test_a_facet_that_cannot_narrow_the_search_is_hidden(client, corpus):
    page = _page(client.get("/buscar/"))
    legends = {legend.text.strip() for legend in page.select(".facet legend")}
    facets = search().facets
    region = [v for v in facets["region"] if v.count]
    assert ("Región" in legends) == (len(region) > 1)
    # Every practice of the corpus is in both languages or in one: language narrows
    # only if some practice is not in every language.
    language = [v for v in facets["language"] if v.count]
    total = search().total
    narrows = len(language) > 1 and any(v.count < total for v in language)
    assert ("Idioma" in legends) == narrows
    # One value only: hidden. A country filter in use is never hidden.
    only_mexico = _page(client.get("/buscar/", {"country": "MX"}))
    assert "País" in {
        legend.text.strip() for legend in only_mexico.select(".facet legend")
    }


def test_the_rule_hides_single_values_and_values_that_hold_everything():
    def values(*counts, selected=False):
        return [
            FacetValue(str(n), str(n), count, selected)
            for n, count in enumerate(counts)
        ]

    assert not facet_narrows(values(305), 305)  # one region
    assert not facet_narrows(values(305, 305), 305)  # Español 305 / Inglés 305
    assert facet_narrows(values(300, 305), 305)
    assert facet_narrows(values(3, 2), 5)
    assert facet_narrows(values(305, selected=True), 305)  # in use: stays


def test_the_filters_are_a_disclosure_with_the_active_count(client, corpus):
    page = _page(client.get("/buscar/", {"country": ["MX", "BR"], "level": "state"}))
    panel = page.find("details", class_="filters-panel")
    assert panel.find("summary").text.strip() == "Filtros (3)"
    assert panel.find("aside", class_="facets") is not None
