"""The admin's search finds practices by the words of their summaries and bodies."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_admin_search_reads_summaries_and_bodies(client_for, editor, make_practice):
    make_practice(
        "Cabildo abierto",
        summary="Obras de drenaje en las colonias del oriente.",
        actions="<p>Las obras se publican georreferenciadas en un mapa.</p>",
    )
    client = client_for(editor)
    for query in ("drenaje", "georreferenciadas"):
        for url in (reverse("practices:index"), reverse("wagtailadmin_pages:search")):
            html = client.get(url, {"q": query}).content.decode()
            assert "Cabildo abierto" in html, (url, query)


@pytest.mark.parametrize("query", ["participacion", "PARTICIPACIÓN", "tlaquepaque"])
def test_admin_search_ignores_accents_and_capitals(
    client_for, editor, make_practice, query
):
    """On PostgreSQL "participacion" missed "Participación": Wagtail's backend
    matched with configurations that keep accents (SQLite's index folds them)."""
    make_practice("Participación ciudadana en Tlaquepaque")
    client = client_for(editor)
    for url in (reverse("practices:index"), reverse("wagtailadmin_pages:search")):
        html = client.get(url, {"q": query}).content.decode()
        assert "Participación ciudadana en Tlaquepaque" in html, (url, query)


@pytest.mark.parametrize("query", ["jalisco", "Zapopan"])
def test_admin_search_finds_practices_by_their_state_and_municipality(
    client_for, editor, make_practice, query
):
    """An editor looking for the practices of Jalisco, or of Zapopan, found only
    those whose text named it."""
    make_practice(
        "Cabildo abierto",
        summary="Los vecinos proponen y votan obras en sesiones abiertas.",
        subdivision="MX-JAL",
        municipality="Zapopan",
    )
    make_practice("Consulta vecinal", subdivision="MX-NLE")
    client = client_for(editor)
    for url in (reverse("practices:index"), reverse("wagtailadmin_pages:search")):
        html = client.get(url, {"q": query}).content.decode()
        assert "Cabildo abierto" in html, (url, query)
        assert "Consulta vecinal" not in html, (url, query)
