"""Creating a practice in the admin: "Save draft" never meets a page that autosave
made a moment before (the walk saw "The slug ... is already in use")."""

import pytest
from django.urls import reverse
from wagtail.models import Page, get_page_models

from pages.models import HomePage, StandardPage
from practices.models import PracticeIndexPage, PracticePage
from practices.page_form import SitePageForm
from tests.admin_forms import edit_form, form_values

pytestmark = pytest.mark.django_db


def _autosaves(form) -> bool:
    return "w-autosave" in form["data-controller"].split()


def test_save_draft_on_a_new_practice_does_not_collide_with_autosave(
    client_for, editor
):
    """The browser's sequence: the editor types a title; if the create form
    autosaves, its first autosave (a JSON post to the create URL) creates the page;
    "Save draft" pressed before that answer came back posts a create again."""
    client = client_for(editor)
    index = PracticeIndexPage.objects.get(locale__language_code="es")
    create_url = reverse(
        "wagtailadmin_pages:add", args=["practices", "practicepage", index.pk]
    )
    form = edit_form(client.get(create_url).content.decode())
    typed = form_values(form) | {
        "title": "Cabildo abierto en Zapopan",
        "slug": "cabildo-abierto-en-zapopan",
        "summary": "Los vecinos proponen y votan obras en sesiones abiertas.",
    }
    if _autosaves(form):
        autosave = client.post(create_url, typed, HTTP_ACCEPT="application/json")
        assert autosave.json()["success"], autosave.content

    response = client.post(create_url, typed | {"action-draft": "1"}, follow=True)

    html = response.content.decode()
    assert "already in use" not in html
    assert "could not be created" not in html
    [page] = PracticePage.objects.filter(slug="cabildo-abierto-en-zapopan")
    assert response.redirect_chain[-1][0].startswith(
        reverse("wagtailadmin_pages:edit", args=[page.pk])
    )


def test_autosave_stays_on_while_editing_a_practice(client_for, editor, make_practice):
    """Once the page exists there is one URL to post to, and nothing to race."""
    page = make_practice(publish=False)
    html = client_for(editor).get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert _autosaves(edit_form(html.content.decode()))


@pytest.mark.parametrize(
    ("app", "model", "parent"),
    [
        ("practices", "practicepage", "practices.PracticeIndexPage"),
        ("pages", "standardpage", "pages.HomePage"),
    ],
)
def test_the_create_forms_do_not_autosave(client_for, moderator, app, model, parent):
    from django.apps import apps

    parent_page = apps.get_model(parent).objects.get(locale__language_code="es")
    url = reverse("wagtailadmin_pages:add", args=[app, model, parent_page.pk])
    response = client_for(moderator).get(url)
    assert response.status_code == 200
    assert not _autosaves(edit_form(response.content.decode()))


def test_a_practice_created_in_the_admin_gets_an_ascii_address(client_for, editor):
    """Like every imported or translated practice's: the slug field folds accents
    as the editor types, and the server folds a slug typed with them."""
    client = client_for(editor)
    index = PracticeIndexPage.objects.get(locale__language_code="es")
    create_url = reverse(
        "wagtailadmin_pages:add", args=["practices", "practicepage", index.pk]
    )
    form = edit_form(client.get(create_url).content.decode())
    slug_field = form.select_one("input[name=slug]")
    # Present (a true boolean attribute) would let the browser keep "á".
    assert not slug_field.has_attr("data-w-slug-allow-unicode-value")

    typed = form_values(form) | {
        "title": "Mesas de diálogo en Oaxaca",
        "slug": "mesas-de-diálogo-en-oaxaca",
        "summary": "Vecinos y funcionarios revisan las obras cada mes en mesas.",
        "action-draft": "1",
    }
    client.post(create_url, typed)
    page = PracticePage.objects.get(title=typed["title"])
    assert page.slug == "mesas-de-dialogo-en-oaxaca"
    assert page.url.endswith("/mesas-de-dialogo-en-oaxaca/")


def test_a_slug_with_no_latin_letter_is_refused_with_a_clear_error(client_for, editor):
    """A slug that folds to nothing ("オアハカ") is sent back, not saved empty."""
    client = client_for(editor)
    index = PracticeIndexPage.objects.get(locale__language_code="es")
    create_url = reverse(
        "wagtailadmin_pages:add", args=["practices", "practicepage", index.pk]
    )
    typed = form_values(edit_form(client.get(create_url).content.decode())) | {
        "title": "Mesas de diálogo en Oaxaca",
        "slug": "オアハカ",
        "summary": "Vecinos y funcionarios revisan las obras cada mes en mesas.",
        "action-draft": "1",
    }
    response = client.post(create_url, typed)
    assert response.status_code == 200
    assert response.context["form"].errors["slug"]
    assert not PracticePage.objects.filter(title=typed["title"]).exists()


def test_a_standard_page_created_without_javascript_gets_an_ascii_address(
    client_for, moderator
):
    """Any page type, not only practices: the slug as typed, accents and all (no
    script folded it in the browser), is folded by the server."""
    client = client_for(moderator)
    home = HomePage.objects.get(locale__language_code="es")
    create_url = reverse(
        "wagtailadmin_pages:add", args=["pages", "standardpage", home.pk]
    )
    typed = form_values(edit_form(client.get(create_url).content.decode())) | {
        "title": "Política de participación",
        "slug": "política-de-participación",
        "action-draft": "1",
    }
    client.post(create_url, typed)
    page = StandardPage.objects.get(title=typed["title"])
    assert page.slug == "politica-de-participacion"


def test_renaming_a_standard_pages_slug_with_accents_keeps_it_ascii(
    client_for, moderator
):
    client = client_for(moderator)
    home = HomePage.objects.get(locale__language_code="es")
    page = home.add_child(instance=StandardPage(title="Aviso", slug="aviso"))
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    typed = form_values(edit_form(client.get(edit_url).content.decode())) | {
        "slug": "aviso-de-privacidad-según-la-ley",
    }
    client.post(edit_url, typed)
    page.refresh_from_db()
    assert (
        page.get_latest_revision_as_object().slug == "aviso-de-privacidad-segun-la-ley"
    )


def test_every_page_type_edits_with_the_sites_page_form():
    """A page type added later without `SitePage` would take Wagtail's own form,
    and with it accented addresses."""
    plain = [
        model.__name__
        for model in get_page_models()
        if model is not Page and not issubclass(model.base_form_class, SitePageForm)
    ]
    assert plain == []
