"""The translation status report and its “create the translation” action."""

import csv
import io

import pytest
from django.urls import reverse

from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def test_the_report_lists_practices_in_one_language_only(
    client_for, editor, make_practice, make_pair, empty_index
):
    make_practice("Cabildo abierto en Guadalajara")
    make_pair(
        {"title": "Presupuesto abierto", "summary": "Cuentas claras del gasto."},
        {"title": "Open budget", "summary": "Clear accounts of spending."},
    )
    response = client_for(editor).get(reverse("desk:translations"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cabildo abierto en Guadalajara" in html
    assert "Presupuesto abierto" not in html and "Open budget" not in html
    assert "Create the translation" in html


def test_create_the_translation_makes_a_prefilled_draft_in_the_other_language(
    client_for, editor, make_practice, empty_index
):
    page = make_practice("Cabildo abierto en Guadalajara", themes=["public-works"])
    response = client_for(editor).post(reverse("desk:translate", args=[page.pk]))
    translation = PracticePage.objects.get(
        translation_key=page.translation_key, locale__language_code="en"
    )
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[translation.pk])
    assert not translation.live
    assert translation.summary == page.summary
    assert [t.slug for t in translation.themes.all()] == ["public-works"]
    assert translation.get_parent().locale.language_code == "en"
    # Now complete: the report no longer lists it, and a second click changes nothing.
    html = client_for(editor).get(reverse("desk:translations")).content.decode()
    assert reverse("desk:translate", args=[page.pk]) not in html
    client_for(editor).post(reverse("desk:translate", args=[page.pk]))
    assert (
        PracticePage.objects.filter(translation_key=page.translation_key).count() == 2
    )


def test_users_without_page_permissions_do_not_see_the_reports(
    client_for, outsider, empty_index
):
    client = client_for(outsider)
    for name in ("desk:translations", "desk:broken_links", "desk:index_queue"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and response.url == "/admin/", name


def test_editors_see_the_index_queue_report_with_the_last_error(
    client_for, editor, make_practice, empty_index
):
    page = make_practice("Cabildo abierto en Guadalajara")  # queued, not yet drained
    from search.models import PendingIndexUpdate

    PendingIndexUpdate.objects.filter(translation_key=page.translation_key).update(
        last_error="ConnectionError: node down", attempts=3
    )
    html = client_for(editor).get(reverse("desk:index_queue")).content.decode()
    assert "Cabildo abierto en Guadalajara" in html
    assert "ConnectionError: node down" in html


def test_the_report_shows_the_machine_translation_and_the_draft_starts_from_it(
    client_for, editor, make_practice, empty_index
):
    from practices.translation import ApertiumTranslator, translate_practices

    page = make_practice(
        "The city council publishes its spending every month",
        summary="Residents can read every payment the council makes.",
        locale="en",
    )
    report = translate_practices(
        [page.translation_key], translator=ApertiumTranslator()
    )
    assert report.texts >= 2, report.unavailable
    client = client_for(editor)
    html = client.get(reverse("desk:translations")).content.decode()
    assert "ayuntamiento" in html.lower()  # Apertium's Spanish for "city council"

    response = client.post(reverse("desk:translate", args=[page.pk]), follow=True)
    assert "prefilled with its machine translation" in response.content.decode()
    spanish = PracticePage.objects.get(
        translation_key=page.translation_key, locale__language_code="es"
    )
    assert "ayuntamiento" in spanish.title.lower()
    assert not spanish.live


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_the_report_csv_neutralises_titles_that_a_spreadsheet_would_run(
    client_for, editor, make_practice, empty_index, start
):
    """A title such as =HYPERLINK(…) leaves as text, with the open data's apostrophe."""
    title = f'{start}HYPERLINK("http://evil.example","Abrir cabildo")'
    make_practice(title)
    response = client_for(editor).get(reverse("desk:translations") + "?export=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(body)))
    titles = [row[0] for row in rows[1:]]
    assert f"'{title}" in titles
    assert title not in titles


def test_the_reports_create_button_carries_a_working_csrf_token(
    editor, make_practice, empty_index
):
    """The button's form answered 403: its token read `None`. With CSRF checks on,
    as in a browser, the token in the page is accepted."""
    import re

    from django.test import Client

    page = make_practice("Cabildo abierto en Guadalajara")
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    for url in (reverse("desk:translations"), reverse("desk:translations_results")):
        html = client.get(url).content.decode()
        tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]*)"', html)
        assert tokens and "None" not in tokens and "" not in tokens, url
    response = client.post(
        reverse("desk:translate", args=[page.pk]),
        {"csrfmiddlewaretoken": tokens[-1]},
    )
    assert response.status_code == 302
    assert (
        PracticePage.objects.filter(translation_key=page.translation_key).count() == 2
    )


def test_wagtails_translate_action_prefills_and_translates_the_keywords(
    client_for, moderator, make_practice, empty_index
):
    """Wagtail's own "Translate" (simple_translation) starts the draft from the
    stored machine translation, with the keywords in the other language."""
    from wagtail.models import Locale

    from practices.translation import ApertiumTranslator, translate_practices

    page = make_practice(
        "The city council publishes its spending every month",
        summary="Residents can read every payment the council makes.",
        locale="en",
        keywords=["drainage", "open budget"],
    )
    translate_practices([page.translation_key], translator=ApertiumTranslator())
    response = client_for(moderator).post(
        reverse("simple_translation:submit_page_translation", args=[page.pk]),
        {"locales": [Locale.objects.get(language_code="es").pk]},
    )
    assert response.status_code == 302
    spanish = PracticePage.objects.get(
        translation_key=page.translation_key, locale__language_code="es"
    )
    draft = spanish.get_latest_revision_as_object()
    assert "ayuntamiento" in draft.title.lower()
    assert "ayuntamiento" in spanish.draft_title.lower()
    assert set(draft.keywords.names()) == {"drenaje", "presupuesto abierto"}
    assert not spanish.live


def test_the_translation_editor_shows_the_source_text_beside_the_draft(
    client_for, moderator, make_practice, empty_index
):
    page = make_practice(
        "The city council publishes its spending every month",
        summary="Residents can read every payment the council makes.",
        locale="en",
    )
    client = client_for(moderator)
    client.post(reverse("desk:translate", args=[page.pk]))
    spanish = PracticePage.objects.get(
        translation_key=page.translation_key, locale__language_code="es"
    )
    html = client.get(
        reverse("wagtailadmin_pages:edit", args=[spanish.pk])
    ).content.decode()
    assert "data-desk-source-text" in html
    assert "Residents can read every payment the council makes." in html


def test_the_source_text_names_its_language_as_spanish_writes_it(
    client_for, moderator, make_practice, empty_index
):
    """A language's name is lower case inside a Spanish sentence: the panel read
    "El texto en Español, del que se traduce." (Wagtail's name is capitalised to
    stand alone, as in "Idioma: Español")."""
    from wagtail.users.models import UserProfile

    page = make_practice("Cabildo abierto en Guadalajara")
    client = client_for(moderator)
    client.post(reverse("desk:translate", args=[page.pk]))
    english = PracticePage.objects.get(
        translation_key=page.translation_key, locale__language_code="en"
    )
    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = "es"
    profile.save()
    html = client.get(
        reverse("wagtailadmin_pages:edit", args=[english.pk])
    ).content.decode()
    assert "data-desk-source-text" in html
    assert "texto en Español" not in html
    assert "El texto original (Español), del que se traduce." in html
