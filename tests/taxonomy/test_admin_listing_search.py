"""The admin's taxonomy listings find terms typed without accents or capitals
("mexico" finds México, "michoacan" Michoacán), on SQLite and PostgreSQL alike."""

import pytest
from django.urls import reverse

from taxonomy.models import Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_with_site(client, django_user_model):
    from pages.site_setup import ensure_site

    ensure_site()
    user = django_user_model.objects.create_superuser("taxonomist", password="x")
    client.force_login(user)
    return client


def _listing(client, model, query):
    url = reverse(f"wagtailsnippets_taxonomy_{model}:list_results")
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_the_country_list_finds_mexico_typed_without_its_accent(
    admin_client_with_site,
):
    html = _listing(admin_client_with_site, "country", "mexico")
    assert "México" in html
    assert "Argentina" not in html
    # Only the Spanish name has the word: "republica" finds República Dominicana.
    html = _listing(admin_client_with_site, "country", "republica dominicana")
    assert "República Dominicana" in html


def test_the_subdivision_list_finds_michoacan_typed_without_its_accent(
    admin_client_with_site,
):
    html = _listing(admin_client_with_site, "subdivision", "michoacan")
    assert "MX-MIC" in html
    assert "MX-JAL" not in html
    # Words in any order and in several fields: "leon nuevo" finds Nuevo León.
    assert "MX-NLE" in _listing(admin_client_with_site, "subdivision", "LEON nuevo")


def test_a_vocabulary_list_finds_a_label_typed_without_its_accents(
    admin_client_with_site,
):
    accented = next(
        theme
        for theme in Theme.objects.all()
        if any(ch in theme.label_es for ch in "áéíóú")
    )
    plain = accented.label_es.translate(str.maketrans("áéíóú", "aeiou")).upper()
    html = _listing(admin_client_with_site, "theme", plain)
    assert accented.slug in html
