"""A practice page: every field, linked terms, translations, JSON-LD, licence."""

import json
import re

import pytest
from django.utils import translation

from practices.facets import FACETS
from practices.models import PracticePage
from practices.records.record import SourceLink
from tests.factories import create_practices, practice_record

pytestmark = pytest.mark.django_db


def test_practice_page_shows_facts_links_and_metadata(client, corpus):
    page = PracticePage.objects.get(source_id="zapopan", locale__language_code="es")
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Presupuestos participativos en Zapopan" in html
    assert 'href="/buscar/?theme=participatory-budgeting"' in html
    assert 'hreflang="en"' in html  # the translation is linked
    assert "CC BY-NC-SA 4.0" in html
    [raw] = re.findall(
        r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S
    )
    data = json.loads(raw)
    assert data["headline"] == page.title
    assert data["spatialCoverage"]["identifier"] == "MX"


@pytest.mark.parametrize(("language", "country"), [("es", "México"), ("en", "Mexico")])
def test_json_ld_names_the_country_in_the_pages_language(
    client, corpus, language, country
):
    """The metadata speaks the page's language (`inLanguage`), its country too: a
    Spanish page's keywords were Spanish but its country "Mexico"."""
    page = PracticePage.objects.get(source_id="zapopan", locale__language_code=language)
    html = client.get(page.url).content.decode()
    [raw] = re.findall(
        r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S
    )
    data = json.loads(raw)
    assert data["inLanguage"] == language
    assert data["spatialCoverage"]["name"] == country


@pytest.mark.parametrize("language", ["es", "en"])
def test_every_fact_is_named_as_the_registry_names_it_and_links_its_search(
    client, corpus, language
):
    """The facts list follows practices/facets.py: the registry's label, then each
    term linked to the search for it, the regulated party's included."""
    page = PracticePage.objects.get(source_id="zapopan", locale__language_code=language)
    prefix = "/en/search/" if language == "en" else "/buscar/"
    html = client.get(page.url).content.decode()
    facts = html.split('<dl class="facts">')[1].split("</dl>")[0]
    listed = [facet for facet in FACETS if facet.in_facts]
    assert {"level", "regulated_party", "theme"} <= {f.name for f in listed}
    with translation.override(language):
        for facet in listed:
            for term in facet.term_objects(page):
                value = facet.value_of(term)
                assert f"<dt>{facet.label}</dt>" in facts
                assert (
                    f'<a href="{prefix}?{facet.name}={value}">{term.label()}</a>'
                    in facts
                )
    assert "?level=municipal" in facts and "?regulated_party=executive" in facts


def test_related_practices_are_listed(client, corpus):
    # Not us-pb: the practices like it are all listed as worked elsewhere, and a
    # practice is listed once (tests/finder/test_views.py).
    page = PracticePage.objects.get(source_id="gb-owners")
    html = client.get(page.url).content.decode()
    assert "Related practices" in html


def test_the_index_page_leads_to_the_search(client, corpus):
    response = client.get("/en/practices/")
    assert response.status_code == 302 and response["Location"] == "/en/search/"


@pytest.mark.parametrize(
    "path, search", [("/practicas/", "/buscar/"), ("/en/practices/", "/en/search/")]
)
def test_the_index_page_keeps_the_list_parameters_it_was_asked_with(
    client, corpus, path, search
):
    """`/practicas/?country=MX&page=2` is page 2 of Mexico's practices, not the
    whole first page; a bad page number is then explained by the search page."""
    response = client.get(path, {"country": "MX", "page": "2"})
    assert response.status_code == 302
    assert response["Location"] == f"{search}?country=MX&page=2"
    response = client.get(path, {"page": "-1"}, follow=True)
    assert response.status_code == 400


def test_a_new_revision_replaces_the_cached_body(client, corpus):
    page = PracticePage.objects.get(source_id="zapopan", locale__language_code="es")
    original = page.results
    html = client.get(page.url).content.decode()  # the body is now cached
    assert "Resultado corregido" not in html
    page.results = "<p>Resultado corregido por el equipo editorial.</p>"
    page.keywords.add("colonias")
    page.save_revision().publish()
    try:
        html = client.get(page.url).content.decode()
        assert "Resultado corregido por el equipo editorial." in html
        assert 'href="/buscar/?q=colonias">colonias</a>' in html
    finally:
        page.results = original
        page.keywords.remove("colonias")
        page.save_revision().publish()


def test_unknown_practice_slug_is_not_found(client, corpus):
    response = client.get("/practicas/no-existe-esta-practica/")
    assert response.status_code == 404
    assert "Página no encontrada" in response.content.decode()


def _years_shown(html: str) -> str:
    years = re.search(r"<dt>Years</dt><dd>(.*?)</dd>", html)
    return years.group(1) if years else ""


def test_an_ongoing_practice_reads_since_its_start_year(client, empty_index):
    """Ongoing, no end year: "since 2024", not "2024" alone (read as the one year it
    ran); ended or of unknown status: its years as they are."""
    records = [
        practice_record("years-ongoing", "Mesas en curso", "Siguen.", status="ongoing"),
        practice_record("years-done", "Mesas concluidas", "Acabó.", status="completed"),
        practice_record(
            "years-ran", "Mesas de dos años", "Duró.", status="ongoing", end_year=2025
        ),
        practice_record("years-unknown", "Mesas sin situación", "Quién sabe."),
    ]
    for record in records:
        record.locale = record.original_language = "en"
        record.start_year = 2024
    create_practices(records)
    shown = {
        page.source_id: _years_shown(client.get(page.url).content.decode())
        for page in PracticePage.objects.filter(source_id__startswith="years-")
    }
    assert shown == {
        "years-ongoing": "since 2024",
        "years-done": "2024",
        "years-ran": "2024–2025",
        "years-unknown": "2024",
    }


SOURCE_TITLES = {
    "Informe anual de la Secretaría de la Función Pública": "es",
    "Annual report of the Public Service Commission to Parliament": "en",
    "OGP: MX0075": "",  # the identifier cannot tell
}


def _source_links(html: str) -> dict[str, str]:
    """Each source title on the page, with the `lang` its link carries ("" none)."""
    links = re.findall(r'<a href="https://example\.org/[^"]*"[^>]*>[^<]*</a>', html)
    return {
        re.search(r">([^<]*)</a>", link).group(1): (
            found.group(1) if (found := re.search(r' lang="(\w+)"', link)) else ""
        )
        for link in links
    }


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_source_title_in_another_language_than_the_page_is_marked(
    client, empty_index, language
):
    """Screen readers read a Spanish source title on an English page as Spanish,
    and an English one on a Spanish page as English; a title in the page's
    language, or one the identifier is unsure of, takes the page's."""
    sources = [
        SourceLink(title, f"https://example.org/{number}")
        for number, title in enumerate(SOURCE_TITLES)
    ]
    create_practices(
        [
            practice_record(
                f"lang-{language}", "Mesas", "Hubo.", locale=language, sources=sources
            )
        ]
    )
    page = PracticePage.objects.get(source_id=f"lang-{language}")
    shown = _source_links(client.get(page.url).content.decode())
    assert shown == {
        title: "" if written == language else written
        for title, written in SOURCE_TITLES.items()
    }
