"""The admin's place choosers search as the editor types, and the state chooser
lists only the chosen country's subdivisions."""

import pytest
from django.contrib.auth import SESSION_KEY, get_user_model
from django.urls import reverse
from wagtail.users.models import UserProfile

from taxonomy.models import Country

pytestmark = pytest.mark.django_db


def _results(client, name, **params):
    response = client.get(reverse(f"{name}:choose_results"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_country_chooser_finds_mexico_by_typing_without_accents(editor_client):
    html = _results(editor_client, "country_chooser", q="mexi")
    assert "México" in html or "Mexico" in html
    assert "Argentina" not in html


def test_the_state_chooser_lists_only_the_chosen_countrys_states(editor_client):
    mexico = Country.objects.get(code="MX")
    html = _results(editor_client, "subdivision_chooser", country=mexico.pk, q="jal")
    assert "Jalisco" in html
    html = _results(editor_client, "subdivision_chooser", country=mexico.pk)
    assert "MX-AGU" in html  # Aguascalientes: first of Mexico's, on page one
    assert "AR-" not in html and "US-" not in html
    # "nuevo leon" finds Nuevo León, accents aside.
    html = _results(
        editor_client, "subdivision_chooser", country=mexico.pk, q="nuevo leon"
    )
    assert "MX-NLE" in html


def test_the_practice_editor_uses_the_place_choosers(editor_client):
    from practices.models import PracticeIndexPage

    index = PracticeIndexPage.objects.filter(locale__language_code="es").first()
    html = editor_client.get(
        reverse("wagtailadmin_pages:add", args=["practices", "practicepage", index.pk])
    ).content.decode()
    assert reverse("country_chooser:choose") in html
    assert reverse("subdivision_chooser:choose") in html
    assert "#id_country" in html  # the state chooser follows the country field


def _speaking(client, language):
    user = get_user_model().objects.get(pk=client.session[SESSION_KEY])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return client


def test_the_state_chooser_lists_states_by_the_name_it_shows(editor_client):
    """ "Estado de México" sits under E in Spanish, not under M (its ISO name, "México")."""
    mexico = Country.objects.get(code="MX")
    html = _results(
        _speaking(editor_client, "es"), "subdivision_chooser", country=mexico.pk
    )
    assert "Estado de México" in html
    assert html.index("MX-DUR") < html.index("MX-MEX") < html.index("MX-GUA")


def test_the_state_chooser_says_the_kind_of_place_in_the_admins_language(
    editor_client,
):
    """Needs the Spanish catalogue regenerated from /work/wt/walk2-es.json."""
    mexico = Country.objects.get(code="MX")
    html = _results(
        _speaking(editor_client, "es"), "subdivision_chooser", country=mexico.pk
    )
    assert "Entidad federativa" in html and "Estado" in html
    assert ">State<" not in html and "Federal entity" not in html
    html = _results(
        _speaking(editor_client, "en"), "subdivision_chooser", country=mexico.pk
    )
    assert "Federal entity" in html


def test_the_subdivision_listing_finds_a_state_by_its_spanish_name(editor_client):
    """The State of Mexico's ISO name is "México": searching the name editors see,
    "Estado de México", found nothing."""
    response = editor_client.get(
        reverse("wagtailsnippets_taxonomy_subdivision:list"), {"q": "Estado de México"}
    )
    assert response.status_code == 200
    assert "MX-MEX" in response.content.decode()


@pytest.mark.parametrize("typed, code", [("CDMX", "MX-CMX"), ("edomex", "MX-MEX")])
def test_the_state_chooser_knows_the_names_officials_use(editor_client, typed, code):
    """ "CDMX" and "Edomex", as officials write them, found nothing."""
    mexico = Country.objects.get(code="MX")
    html = _results(editor_client, "subdivision_chooser", country=mexico.pk, q=typed)
    assert code in html
    other = Country.objects.get(code="AR")
    html = _results(editor_client, "subdivision_chooser", country=other.pk, q=typed)
    assert code not in html  # still only the chosen country's
