"""The list and comparison pages are drawn from `?ids=` alone: chosen public practices
in order, with their citations, export links and a comparison built from the facet
registry and the written sections; bad or unknown ids get a message, never a 500."""

import uuid

import pytest
from wagtail.models import PageViewRestriction

from practices.facets import FACETS
from practices.models import PracticePage
from shortlist.selection import MAX_LISTED

from .conftest import address

pytestmark = pytest.mark.django_db

ES_AUTHOR, EN_AUTHOR = "Equipo editorial de Repertorio.", "Repertorio editorial team."


def _text(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_list_shows_the_chosen_practices_in_order_with_citations_and_exports(
    client, key_of, language
):
    ids = [key_of("co-agua"), key_of("zapopan"), key_of("br-budget")]
    response = client.get(address("shortlist", language, ids))
    assert response.status_code == 200
    html = _text(response)
    zapopan = PracticePage.objects.get(
        source_id="zapopan", locale__language_code=language
    )
    positions = [html.index(f'value="{key}"') for key in ids]
    assert positions == sorted(positions), "the visitor's order is kept"
    assert zapopan.title in html
    assert (EN_AUTHOR if language == "en" else ES_AUTHOR) in html
    assert zapopan.url in html, "the practice in the reader's language is linked"
    joined = ",".join(ids)
    assert (
        f"/api/v1/practices/export/?ids={joined}&amp;format=csv&amp;lang={language}"
        in html
    )
    assert f"ids={joined}&amp;format=json" in html
    assert f"ids={joined}&amp;format=xlsx&amp;lang={language}" in html
    assert 'name="robots" content="noindex"' in html


def test_a_practice_only_in_the_other_language_is_shown_in_its_own(client, key_of):
    response = client.get(address("shortlist", "es", [key_of("br-budget")]))
    html = _text(response)
    assert 'lang="en"' in html
    assert "Open data portal for municipal budgets" in html


def test_unknown_drafts_and_private_practices_are_left_out_and_counted(client, key_of):
    restricted = PracticePage.objects.get(source_id="cl-plan")
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    draft = PracticePage.objects.get(source_id="draft")
    assert not draft.live
    ids = [
        key_of("zapopan"),
        str(draft.translation_key),
        str(restricted.translation_key),
        str(uuid.uuid4()),
    ]
    response = client.get(address("shortlist", "en", ids))
    assert response.status_code == 200
    html = _text(response)
    assert "Participatory budgets in Zapopan" in html
    assert draft.title not in html
    assert restricted.title not in html
    assert "3 of the chosen practices could not be found" in html
    # The exports and the comparison offered are for what is left.
    assert f"ids={key_of('zapopan')}&amp;format=csv" in html


@pytest.mark.parametrize("name", ["shortlist", "compare"])
def test_an_id_that_is_not_one_is_a_clear_400(client, key_of, name):
    response = client.get(address(name, "en", f"{key_of('zapopan')},not-an-id"))
    assert response.status_code == 400
    assert "“not-an-id” is not a practice id." in _text(response)


def test_more_than_the_cap_is_a_clear_400(client):
    many = [str(uuid.uuid4()) for _ in range(MAX_LISTED + 1)]
    response = client.get(address("shortlist", "en", many))
    assert response.status_code == 400
    assert f"At most {MAX_LISTED} practices" in _text(response)


def test_an_empty_list_explains_how_lists_are_kept(client):
    response = client.get(address("shortlist", "en", ""))
    assert response.status_code == 200
    assert "kept in this browser only" in _text(response)


@pytest.mark.parametrize("language", ["es", "en"])
def test_two_practices_are_compared_on_every_facet_they_hold_and_their_sections(
    client, key_of, language
):
    ids = [key_of("jalisco-obra"), key_of("co-agua")]
    response = client.get(address("compare", language, ids))
    assert response.status_code == 200
    html = _text(response)
    pages = [PracticePage.objects.filter(translation_key=key).first() for key in ids]
    for facet in FACETS:
        held = any(facet.page_values(page) for page in pages)
        assert (f'data-row="{facet.name}"' in html) == held, facet.name
    assert 'data-row="years"' in html
    assert "2019–2021" in html
    assert 'data-row="sources"' in html
    assert "https://example.org/jalisco-obra" in html
    for page in pages:
        assert page.url in html, "each practice links to its page"


def test_a_section_no_practice_has_is_left_out(client, key_of):
    response = client.get(
        address("compare", "en", [key_of("ke-whistle"), key_of("gb-owners")])
    )
    html = _text(response)
    assert 'data-row="results"' not in html
    assert 'data-row="outcome"' in html  # Kenya's
    assert "Policy or law change" in html


@pytest.mark.parametrize("count", [0, 1, 5])
def test_fewer_than_two_or_more_than_four_is_a_message(client, key_of, count):
    sources = ["zapopan", "co-agua", "cl-plan", "br-budget", "us-pb"]
    ids = [key_of(source) for source in sources[:count]]
    response = client.get(address("compare", "en", ids))
    assert response.status_code == 400
    html = _text(response)
    assert "<table" not in html
    assert (
        "practices can be compared at once" in html
        if count == 5
        else ("Choose between 2 and 4 practices to compare" in html)
    )


def test_two_asked_but_one_unknown_is_not_found_and_says_so(client, key_of):
    response = client.get(
        address("compare", "en", [key_of("zapopan"), str(uuid.uuid4())])
    )
    assert response.status_code == 404
    html = _text(response)
    assert "One of the chosen practices could not be found" in html
    assert "<table" not in html


def test_cards_and_practice_pages_carry_a_hidden_add_button(client, key_of):
    zapopan = PracticePage.objects.get(source_id="zapopan", locale__language_code="en")
    for url in (zapopan.url, "/en/search/?q=zapopan"):
        html = _text(client.get(url))
        assert f'data-shortlist-toggle="{key_of("zapopan")}"' in html, url
        assert 'aria-pressed="false"' in html
    assert "data-shortlist-count" in html, "the header's link and counter"
