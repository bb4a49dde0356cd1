"""The home page in both languages: search box, browse counts, chart, newest."""

import pytest

from tests.search.helpers import search

pytestmark = pytest.mark.django_db


def test_home_shows_browse_counts_that_match_search(client, corpus):
    html = client.get("/").content.decode()
    mexico = next(v for v in search().facets["country"] if v.value == "MX")
    assert (
        f'href="/buscar/?country=MX">México</a> <span class="count">{mexico.count}</span>'
        in html
    )
    assert 'role="img"' in html and "<desc" in html  # the chart has a text alternative


def test_english_home_is_in_english(client, corpus):
    html = client.get("/en/").content.decode()
    assert '<html lang="en">' in html
    assert "Browse by theme" in html
    assert 'href="/en/search/?theme=' in html


def test_home_still_renders_when_search_is_down(client, corpus, opensearch_down):
    response = client.get("/")
    assert response.status_code == 200
    assert "Explora por tema" not in response.content.decode()


def test_home_maps_shade_countries_and_states_by_their_counts(client, corpus):
    html = client.get("/").content.decode()
    facets = search().facets
    mexico = next(v for v in facets["country"] if v.value == "MX")
    assert f"<title>México: {mexico.count}</title>" in html
    assert 'aria-labelledby="world-map-title"' in html
    # The table beside the world map lists every country with practices.
    for value in facets["country"]:
        if value.count:
            assert (
                f'<a href="/buscar/?country={value.value}">{value.label}</a></td>'
                f"<td>{value.count}</td>" in html
            )
    jalisco = next(v for v in facets["subdivision"] if v.value == "MX-JAL")
    assert (
        f'href="/buscar/?country=MX&amp;subdivision=MX-JAL">Jalisco</a> '
        f'<span class="count">{jalisco.count}</span>' in html
    )
    assert f"<title>Jalisco: {jalisco.count}</title>" in html


@pytest.mark.parametrize(
    ("home", "finder", "name"),
    [
        ("/", "/encuentra/", "Encuentra prácticas a la medida de tu institución"),
        ("/en/", "/en/find/", "Find practices that fit your institution"),
    ],
)
def test_home_leads_to_the_finder_beside_the_search_box(
    client, corpus, home, finder, name
):
    """The finder was linked from the footer only: a first visit never saw it."""
    html = client.get(home).content.decode()
    hero = html[html.index('class="hero"') :].split("</section>")[0]
    assert f'<a href="{finder}">{name}</a>' in hero


def test_home_invites_visitors_to_propose_a_practice(client, corpus):
    spanish = client.get("/").content.decode()
    assert '<a class="button" href="/contribuir/">Propón una práctica</a>' in spanish
    english = client.get("/en/").content.decode()
    assert '<a class="button" href="/en/contribute/">Propose a practice</a>' in english


def test_the_year_chart_says_what_it_counts_and_how_many_are_undated(client, corpus):
    html = client.get("/").content.decode()
    results = search()
    assert "La gráfica cuenta las prácticas por el año en que empezaron" in html
    undated = results.total - sum(count for _year, count in results.years)
    if undated:
        assert f"{undated} prácticas sin año de inicio conocido" in html
    else:
        assert "sin año de inicio conocido" not in html
