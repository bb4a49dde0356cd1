"""The practices listing filters by language with the code the dashboard links use."""

import pytest
from django.utils import translation

from desk.collection import collection_overview

pytestmark = pytest.mark.django_db


def test_the_language_filter_and_the_dashboards_links_agree(
    client_for, editor, make_practice, make_pair, empty_index
):
    make_practice("Solo en español")
    make_pair(
        {"title": "Presupuesto abierto", "summary": "Cuentas claras."},
        {"title": "Open budget", "summary": "Clear accounts."},
    )
    client = client_for(editor)
    english = client.get("/admin/practices/?locale=en")
    assert english.status_code == 200
    html = english.content.decode()
    assert "Open budget" in html
    assert "Solo en español" not in html and "Presupuesto abierto" not in html

    with translation.override("en"):
        groups = collection_overview().groups
    languages = next(group for group in groups if group.title == "Language")
    for figure in languages.figures:
        response = client.get(figure.url)
        assert response.status_code == 200, figure.url
        titles = response.content.decode()
        if "locale=es" in figure.url:
            assert "Solo en español" in titles and "Open budget" not in titles


def test_the_active_filter_chips_read_labels(client_for, editor, make_practice):
    """The chips read "Status: null" and "Live: True"."""
    make_practice("Sin estado")
    html = (
        client_for(editor)
        .get("/admin/practices/", {"status": "null", "live": "true"})
        .content.decode()
    )
    assert "Sin estado" in html
    chips = (
        html[html.index("w-active-filters") :] if "w-active-filters" in html else html
    )
    assert "Not stated" in chips and "Published" in chips
    assert ": null" not in chips and "True" not in chips
