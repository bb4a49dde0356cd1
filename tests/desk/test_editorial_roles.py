"""What the admin walk as an editor and a moderator found: the submit button names
the workflow in the editor's own language, and moderators keep the site's role
pages (a Wagtail setting since they left the standard pages)."""

import pytest
from django.urls import reverse
from wagtail.models import Workflow
from wagtail.users.models import UserProfile

from pages.models import SitePages, StandardPage

pytestmark = pytest.mark.django_db
SITE_PAGES_URL = "/admin/settings/pages/sitepages/"


def test_the_submit_button_does_not_show_the_workflows_english_row_name(
    client_for, editor, make_practice
):
    """The workflow's name is a row Wagtail wrote in English; the button that
    starts it says "Submit for moderation", which the catalogue translates."""
    page = make_practice(publish=False)
    assert page.get_workflow().name == Workflow.objects.get().name
    html = (
        client_for(editor)
        .get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        .content.decode()
    )
    assert "Submit for moderation" in html
    assert f"Submit to {page.get_workflow().name}" not in html


def test_a_moderator_chooses_the_sites_role_pages(client_for, moderator, site):
    about = site.add_child(
        instance=StandardPage(title="Acerca del repertorio", slug="acerca-walk")
    )
    client = client_for(moderator)
    form = client.get(SITE_PAGES_URL, follow=True)
    assert form.status_code == 200
    assert form.request["PATH_INFO"].startswith(SITE_PAGES_URL)  # not the dashboard
    response = client.post(form.request["PATH_INFO"], {"about": about.pk})
    assert response.status_code == 302
    assert SitePages.load().about_id == about.pk


def test_an_editor_does_not_change_the_sites_role_pages(client_for, editor, site):
    about = site.add_child(
        instance=StandardPage(title="Acerca del repertorio", slug="acerca-walk")
    )
    before = SitePages.load().about_id
    client = client_for(editor)
    form = client.get(SITE_PAGES_URL, follow=True)
    assert form.request["PATH_INFO"] == "/admin/"
    client.post(f"{SITE_PAGES_URL}{SitePages.load().pk}/", {"about": about.pk})
    assert SitePages.load().about_id == before != about.pk
    assert "sitepages" not in client.get("/admin/").content.decode()


def test_the_status_chooser_speaks_of_the_practices_situation_in_spanish(
    client_for, editor, make_practice
):
    """The field reads "Situación"; its chooser read "Seleccionar estado", the word
    the Spanish admin uses for a page's publication state (and choosers now say
    "Elegir", kb/wagtail_spanish.py)."""
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "es"
    profile.save()
    page = make_practice(publish=False)
    html = (
        client_for(editor)
        .get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        .content.decode()
    )
    assert "Elegir situación" in html
    assert "Seleccionar estado" not in html


def test_a_create_view_turned_into_a_page_gets_no_toggle_for_the_desks_panels(
    client_for, editor, make_practice
):
    """Autosave creates the page, then asks the edit view for the parts to swap
    into the create view; the desk's panels were never drawn there, so their
    toggles must not come back (the editor's scripts failed on them)."""
    page = make_practice(publish=False)
    client = client_for(editor)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert 'data-side-panel="search_status"' in client.get(url).content.decode()
    hydrated = client.get(url, {"_w_hydrate_create_view": "1"}).content.decode()
    assert "search_status" not in hydrated
