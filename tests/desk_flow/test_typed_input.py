"""What an editor types in a date or a slug field is kept (kb/admin_inputs.py).

A date typed the way the admin's language writes it is kept: Wagtail's date
picker replaced any text not in its own format (2023-05-17) with today's date
when the field lost focus, so a source dated 17/05/2023 in the Spanish admin was
saved with the day it was edited. Now the form reads the language's formats, or
says the date is not valid and keeps the typed text."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from practices.models import PracticePage
from tests.browser_support import sign_in_to_admin
from tests.factories import create_practices, practice_record

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "typed-dates-pass-1"  # noqa: S105
TITLE = "Contrataciones abiertas del instituto de Guanajuato"


def _editor(language: str) -> User:
    from pages.site_setup import ensure_site

    ensure_site()
    create_practices(
        [practice_record("dates-1", TITLE, "El instituto publica sus contratos.")]
    )
    user = User.objects.create_user(f"dates-editor-{language}", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def _add_a_source_dated(admin, practice, typed: str, *, tab: str, save: str):
    admin.goto(f"{admin.base}/admin/pages/{practice.pk}/edit/")
    admin.get_by_role("tab", name=tab).click()
    admin.locator("#id_sources-ADD").click()
    admin.locator("input[id^=id_sources-][id$=-title]").last.fill("Informe anual 2023")
    admin.locator("input[id^=id_sources-][id$=-url]").last.fill(
        "https://example.org/informe-2023"
    )
    admin.locator("select[id^=id_sources-][id$=-kind]").last.select_option(index=1)
    date = admin.locator("input[id^=id_sources-][id$=-date]").last
    date.fill(typed)
    admin.get_by_role("tab", name=tab).click()  # leaves the field: the picker's check
    expect(date).to_have_value(typed)
    admin.get_by_role("button", name=re.compile(save)).first.click()
    admin.wait_for_load_state()
    return date


def _saved_source_dates(practice) -> list:
    draft = PracticePage.objects.get(pk=practice.pk).get_latest_revision().as_object()
    return [source.date for source in draft.sources.all()]


def test_a_spanish_date_is_saved_as_typed(open_page, site_url):
    editor = _editor("es")
    practice = PracticePage.objects.get(title=TITLE)
    admin = sign_in_to_admin(open_page, editor.username, PASSWORD)

    _add_a_source_dated(
        admin,
        practice,
        "17/05/2023",
        tab="Fuentes",
        save="Guardar borrador",
    )

    assert datetime.date(2023, 5, 17) in _saved_source_dates(practice)
    assert datetime.date.today() not in _saved_source_dates(practice)


def test_a_date_the_language_does_not_read_is_refused_and_kept(open_page, site_url):
    editor = _editor("en")
    practice = PracticePage.objects.get(title=TITLE)
    admin = sign_in_to_admin(open_page, editor.username, PASSWORD)

    date = _add_a_source_dated(
        admin,
        practice,
        "17/05/2023",
        tab="Sources",
        save="Save draft",
    )

    admin.get_by_role("tab", name=re.compile("Sources")).click()
    expect(admin.get_by_text("Enter a valid date.")).to_be_visible()
    expect(date).to_have_value("17/05/2023")
    assert datetime.date.today() not in _saved_source_dates(practice)


def test_a_slug_typed_with_accents_is_spelled_out_not_cut(open_page, site_url):
    """Wagtail's slug field dropped the letters outside a-z when it lost focus: a
    theme typed "niñez-y-adolescencia" was saved as "niez-y-adolescencia"."""
    from taxonomy.models import Theme

    moderator = User.objects.create_user("slug-moderator", password=PASSWORD)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    admin = sign_in_to_admin(open_page, moderator.username, PASSWORD)

    admin.goto(f"{admin.base}/admin/snippets/taxonomy/theme/add/")
    admin.locator("input[name=label_es]").fill("Niñez y adolescencia")
    admin.locator("input[name=label_en]").fill("Children and youth")
    slug = admin.locator("input[name=slug]")
    slug.fill("niñez-y-adolescencia")
    slug.blur()
    expect(slug).to_have_value("ninez-y-adolescencia")
    admin.locator("main form button[type=submit]").first.click()
    admin.wait_for_load_state()

    assert Theme.objects.filter(slug="ninez-y-adolescencia").exists()
