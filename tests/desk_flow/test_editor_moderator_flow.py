"""Issue 22's walk through the admin, in Chromium: an editor creates a practice and
finds Mexico and Jalisco by typing; a moderator publishes it, translates it with
Wagtail's Translate (prefilled from the machine translation), publishes the
translation, then adds a theme in bulk on the Spanish page. At the end the English
page, the Spanish page and the search facet agree.

Transactional, like the other desk flows: the server thread writes what the
browser sends.
"""

import itertools
import re

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from practices.models import PracticeIndexPage, PracticePage
from practices.translation import translate_pending
from search.client import get_client
from search.indexer import alias_name
from search.sync import drain
from taxonomy.models import Theme
from tests.browser.accessibility import axe_violations, describe
from tests.browser_support import sign_in_to_admin

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "desk-flow-pass-1"  # noqa: S105
TITLE = "Presupuesto participativo de Guadalajara"
SUMMARY = "Los vecinos proponen obras y las votan en asambleas de colonia."
_counter = itertools.count()


def _member(name: str, group: str) -> User:
    user = User.objects.create_user(name, password=PASSWORD)
    user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def desk_site(site_url, settings, search_index_prefix):
    from pages.site_setup import ensure_site
    from search.indexer import rebuild

    settings.OPENSEARCH_INDEX_PREFIX = f"{search_index_prefix}-journey{next(_counter)}"
    ensure_site()
    rebuild()
    return _member("flow-editor", "Editors"), _member("flow-moderator", "Moderators")


def _choose(admin, button: str, typed: str, result: str):
    """Open a chooser, type in its search box, pick the result."""
    admin.get_by_role("button", name=button).click()
    modal = admin.locator(".modal-content")
    modal.locator("input[name=q]").fill(typed)
    choice = modal.get_by_role("link", name=result, exact=True)
    expect(choice).to_have_count(1)
    # Only what was typed is listed (Jalisco was on page 326 of 505).
    expect(modal.locator("tbody tr")).to_have_count(1)
    choice.click()
    expect(modal).to_be_hidden()


def _publish(admin):
    admin.get_by_role("button", name=re.compile("More actions")).click()
    admin.get_by_role("button", name=re.compile("^Publish$")).click()


def test_create_choose_translate_publish_classify(open_page, site_url, desk_site):
    editor, moderator = desk_site
    index = PracticeIndexPage.objects.get(locale__language_code="es")

    # The editor creates the practice and finds the places by typing.
    admin = sign_in_to_admin(open_page, editor.username, PASSWORD)
    admin.goto(f"{site_url}/admin/pages/add/practices/practicepage/{index.pk}/")
    admin.locator("#id_title").fill(TITLE)
    admin.locator("#id_summary").fill(SUMMARY)
    admin.get_by_role("tab", name="Classification").click()
    _choose(admin, "Choose a country", "mexi", "Mexico")
    _choose(admin, "Choose a state or province", "jalis", "Jalisco (MX)")
    admin.get_by_role("button", name="Save draft").click()
    expect(admin.locator(".messages")).to_contain_text(TITLE)
    spanish = PracticePage.objects.get(title=TITLE)
    assert spanish.country.code == "MX" and spanish.subdivision.code == "MX-JAL"
    assert not spanish.live
    admin.context.close()

    # The moderator publishes it; the worker (make run's) translates it.
    admin = sign_in_to_admin(open_page, moderator.username, PASSWORD)
    admin.goto(f"{site_url}/admin/pages/{spanish.pk}/edit/")
    _publish(admin)
    expect(admin.locator(".messages")).to_contain_text(TITLE)
    assert translate_pending().practices == 1

    # Wagtail's Translate starts the English draft from the machine translation,
    # with the Spanish text beside it.
    admin.goto(f"{site_url}/admin/translation/submit/page/{spanish.pk}/")
    admin.get_by_label("English").check()
    admin.get_by_role("button", name="Submit").click()
    title = admin.locator("#id_title")
    expect(title).not_to_have_value(TITLE)
    expect(title).to_have_value(re.compile(r"^Participatory .* Guadalajara"))
    admin.get_by_role("button", name="Toggle the source text").click()
    expect(admin.locator("[data-desk-source-text]")).to_contain_text(SUMMARY)
    _publish(admin)
    expect(admin.locator(".messages")).to_contain_text("published")
    english = PracticePage.objects.get(
        translation_key=spanish.translation_key, locale__language_code="en"
    )
    assert english.live and english.subdivision.code == "MX-JAL"

    # A theme added in bulk on the Spanish page.
    admin.goto(f"{site_url}/admin/practices/?locale=es")
    row = admin.locator("tbody tr", has_text=TITLE)
    expect(row).to_have_count(1)  # the Spanish page only: the language filter works
    # The action's address as the listing's footer builds it for the selected row.
    admin.goto(
        f"{site_url}/admin/bulk/wagtailcore/page/desk_classify/"
        f"?id={spanish.pk}&next=/admin/practices/"
    )
    theme = Theme.objects.get(slug="water-sanitation")
    admin.locator("select[name=theme]").select_option(value=str(theme.pk))
    assert axe_violations(admin) == [], describe(axe_violations(admin))
    admin.get_by_role("button", name="Apply").click()
    expect(admin.locator(".messages")).to_contain_text("1 practices published")
    admin.context.close()

    # The English page, the Spanish page and the search facet agree.
    drain()
    pages = PracticePage.objects.filter(translation_key=spanish.translation_key)
    themes = {
        page.locale.language_code: {t.slug for t in page.themes.all()} for page in pages
    }
    assert themes["es"] == themes["en"] and "water-sanitation" in themes["en"]
    assert all(page.subdivision.code == "MX-JAL" for page in pages)
    assert all(not page.has_unpublished_changes for page in pages)
    document = get_client().get(index=alias_name(), id=str(spanish.translation_key))
    assert "water-sanitation" in document["_source"]["theme"]
    assert document["_source"]["subdivision"] == "MX-JAL"
    reader = open_page(timeout=30_000)
    for page, label in (
        (english, "Water and sanitation"),
        (spanish, "Agua y saneamiento"),
    ):
        reader.goto(site_url + PracticePage.objects.get(pk=page.pk).url)
        expect(reader.locator("main")).to_contain_text(label)
