"""The HTML search page: the same filters and service as the API, usable without JS."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils.html import escape

pytestmark = pytest.mark.django_db


def test_spanish_search_page_lists_results_with_counts(client, corpus):
    response = client.get("/buscar/", {"q": "denunciantes"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Protección de denunciantes en la contraloría estatal" in html
    assert "Whistleblower protection law" in html
    assert '<html lang="es">' in html
    assert "X-Robots-Tag" not in response


def test_english_search_page_shows_the_english_translation(client, corpus):
    html = client.get("/en/search/", {"q": "Zapopan"}).content.decode()
    assert "Participatory budgets in Zapopan" in html
    assert "Presupuestos participativos en Zapopan" not in html


def test_facets_are_checkboxes_of_a_plain_get_form_with_chips(client, corpus):
    html = client.get("/buscar/", {"country": ["MX", "BR"]}).content.decode()
    assert 'name="country" value="MX" checked' in html
    assert 'name="country" value="BR" checked' in html
    assert 'class="chip" href="?country=BR"' in html  # removing MX keeps BR
    assert "Quitar todos" in html


def test_more_than_one_filter_is_not_for_search_engines(client, corpus):
    assert (
        client.get("/buscar/", {"country": ["MX", "BR"]})["X-Robots-Tag"] == "noindex"
    )
    assert "X-Robots-Tag" not in client.get("/buscar/", {"country": "MX"})


def test_a_bad_parameter_is_explained_on_the_page(client, corpus):
    response = client.get("/buscar/", {"page_size": "1000"})
    assert response.status_code == 400
    assert "page_size" in response.content.decode()


def test_the_page_says_search_is_unavailable_when_opensearch_is_down(
    client, corpus, opensearch_down
):
    response = client.get("/en/search/", {"q": "water"})
    assert response.status_code == 503
    assert "Search is temporarily unavailable" in response.content.decode()


def test_highlights_are_marked_and_user_input_is_escaped(client, corpus):
    html = client.get(
        "/buscar/", {"q": "asambleas <script>alert(1)</script>"}
    ).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("path", ["/buscar/", "/en/search/"])
def test_next_and_previous_from_page_two_lead_to_pages_three_and_one(
    client, corpus, path
):
    html = client.get(path, {"page_size": "5", "page": "2"}).content.decode()
    hrefs = {
        rel: re.search(rf'<a rel="{rel}" href="([^"]+)"', html).group(1)
        for rel in ("prev", "next")
    }
    for rel, page in (("next", ["3"]), ("prev", None)):
        url = hrefs[rel].replace("&amp;", "&")
        assert parse_qs(urlsplit(url).query).get("page") == page
        assert client.get(path + url).status_code == 200


def test_the_suggestion_link_keeps_the_filters_and_answers(client, corpus):
    html = client.get(
        "/en/search/",
        {"q": "whistlebloverz protektion", "country": "KE", "page": "1"},
    ).content.decode()
    href = re.search(r'<a href="([^"]+)" data-suggestion>', html).group(1)
    params = parse_qs(urlsplit(href.replace("&amp;", "&")).query)
    assert params["country"] == ["KE"] and "whistleblower" in params["q"][0]
    response = client.get("/en/search/" + href.replace("&amp;", "&"))
    assert response.status_code == 200
    assert "Whistleblower protection law" in response.content.decode()


@pytest.mark.parametrize(
    "path, message",
    [
        ("/buscar/", "debe ser un número entero"),
        ("/en/search/", "must be a whole number"),
    ],
)
@pytest.mark.parametrize("name", ["page", "page_size", "year_from"])
def test_unicode_digits_are_explained_on_the_page_in_its_language(
    client, corpus, path, message, name
):
    response = client.get(path, {name: "²"})
    assert response.status_code == 400
    html = response.content.decode()
    assert name in html
    if name != "year_from":
        assert message in html


FORM_WITHOUT_JAVASCRIPT = {
    "q": "presupuesto",
    "country": "MX",
    "year_from": "",
    "year_to": "",
    "sort": "relevance",
}


@pytest.mark.parametrize("path", ["/buscar/", "/en/search/"])
def test_the_form_s_empty_fields_are_redirected_out_of_the_address(
    client, corpus, path
):
    """Without JavaScript the form sent `year_from=&year_to=&sort=relevance` with
    every search: the page answers with the address of what was chosen, which
    finds the same practices."""
    response = client.get(path, FORM_WITHOUT_JAVASCRIPT)
    assert response.status_code == 302
    assert response["Location"] == f"{path}?q=presupuesto&country=MX"
    tidy = client.get(response["Location"])
    assert tidy.status_code == 200
    by_form = client.get(path, FORM_WITHOUT_JAVASCRIPT, follow=True)
    assert _titles(by_form) == _titles(tidy) != []


@pytest.mark.parametrize(
    ("path", "message"),
    [("/buscar/", "debe ser un año entre"), ("/en/search/", "must be a year between")],
)
def test_a_bad_year_sent_with_empty_fields_is_still_named_after_the_redirect(
    client, corpus, path, message
):
    response = client.get(path, {**FORM_WITHOUT_JAVASCRIPT, "year_to": "1850"})
    assert response["Location"] == f"{path}?q=presupuesto&country=MX&year_to=1850"
    shown = client.get(response["Location"])
    assert shown.status_code == 400
    html = shown.content.decode()
    assert message in html and "year_to" in html
    assert 'value="presupuesto"' in html  # the words typed are still in the box
    # So is the year, in its box, marked for correcting.
    (year_box,) = re.findall(r'<input type="number" name="year_to"[^>]*>', html)
    assert 'value="1850"' in year_box and 'aria-invalid="true"' in year_box


def _titles(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r"<h3><a [^>]*>([^<]+)</a></h3>", html)


def test_words_too_long_to_search_stay_in_the_box_to_shorten(client, corpus):
    """Past 300 characters the search leaves the words out, and the box came back
    empty: a pasted paragraph was lost instead of shortened."""
    words = "Los vecinos no saben en qué se gasta el presupuesto municipal " * 6
    response = client.get("/buscar/", {"q": words})
    assert response.status_code == 400
    html = response.content.decode()
    box = re.search(r'<input id="search-q"[^>]*>', html).group(0)
    assert f'value="{escape(words)}"' in box
    assert 'aria-invalid="true"' in box


@pytest.mark.parametrize(
    "path, message",
    [
        ("/buscar/", "«página» (page) no es válido: debe ser al menos 1."),
        ("/en/search/", "“page” (page) is not valid: must be at least 1."),
    ],
)
@pytest.mark.parametrize("page", ["-1", "0", "-20"])
def test_a_page_below_one_is_told_it_must_be_at_least_one(
    client, corpus, path, message, page
):
    """ "-1" is a whole number: the message says what is wrong with it."""
    response = client.get(path, {"q": "agua", "page": page})
    assert response.status_code == 400
    assert message in response.content.decode()
