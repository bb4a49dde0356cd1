"""A translation's address is in its own language: its slug comes from its title
(the walk found English practices at Spanish words), unique among its siblings,
until it is published or an editor chooses another."""

import io

import pytest
from django.urls import reverse
from django.utils.text import slugify

from practices.models import PracticeIndexPage, PracticePage
from practices.translation import ApertiumTranslator, translate_practices
from tests.admin_forms import edit_form, form_values

pytestmark = pytest.mark.django_db
SPANISH_TITLE = "Cabildo abierto en Guadalajara"


def _translate(client, page) -> PracticePage:
    client.post(reverse("desk:translate", args=[page.pk]))
    return PracticePage.objects.get(
        translation_key=page.translation_key, locale__language_code="en"
    )


def _post_editor(client, page, changes: dict, button: str = "action-draft"):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = edit_form(client.get(url).content.decode())
    response = client.post(url, form_values(form) | changes | {button: "1"})
    assert response.status_code == 302, response.content.decode()[-3000:]
    return PracticePage.objects.get(pk=page.pk)


def _draft_slug(page) -> str:
    return page.get_latest_revision_as_object().slug


def test_a_translation_made_from_a_machine_translation_takes_its_english_title(
    client_for, editor, make_practice, empty_index
):
    page = make_practice(SPANISH_TITLE)
    report = translate_practices(
        [page.translation_key], translator=ApertiumTranslator()
    )
    assert report.texts >= 2, report.unavailable
    translation = _translate(client_for(editor), page)
    assert translation.title != page.title  # Apertium's English
    assert translation.slug == slugify(translation.title) != page.slug
    assert _draft_slug(translation) == translation.slug
    assert translation.url_path.endswith(f"/{translation.slug}/")


def test_the_slug_is_unique_among_the_english_practices(
    client_for, editor, make_practice, empty_index
):
    english_index = PracticeIndexPage.objects.get(locale__language_code="en")
    english_index.add_child(
        instance=PracticePage(
            title="Taken", slug=slugify(SPANISH_TITLE), summary="x", live=False
        )
    )
    page = make_practice(SPANISH_TITLE)
    translation = _translate(client_for(editor), page)  # no machine translation
    assert translation.slug == f"{slugify(SPANISH_TITLE)}-2"


def test_the_slug_follows_the_title_the_translator_writes_until_published(
    client_for, editor, moderator, make_practice, empty_index
):
    page = make_practice(SPANISH_TITLE)
    translation = _translate(client_for(editor), page)
    translation = _post_editor(
        client_for(editor), translation, {"title": "Open town hall in Guadalajara"}
    )
    assert _draft_slug(translation) == "open-town-hall-in-guadalajara"

    translation = _post_editor(
        client_for(moderator),
        translation,
        {"title": "Open town hall meetings in Guadalajara"},
        button="action-publish",
    )
    assert translation.live
    assert translation.slug == "open-town-hall-meetings-in-guadalajara"
    assert translation.url == "/en/practices/open-town-hall-meetings-in-guadalajara/"

    # Published: a new title no longer moves the page.
    translation = _post_editor(
        client_for(moderator),
        translation,
        {"title": "Open town halls"},
        button="action-publish",
    )
    assert translation.slug == "open-town-hall-meetings-in-guadalajara"


def test_a_slug_the_editor_chose_is_kept(
    client_for, editor, make_practice, empty_index
):
    page = make_practice(SPANISH_TITLE)
    translation = _translate(client_for(editor), page)
    translation = _post_editor(
        client_for(editor),
        translation,
        {"title": "Open town hall in Guadalajara", "slug": "guadalajara-town-hall"},
    )
    assert _draft_slug(translation) == "guadalajara-town-hall"
    translation = _post_editor(
        client_for(editor), translation, {"title": "Open town halls in Guadalajara"}
    )
    assert _draft_slug(translation) == "guadalajara-town-hall"


def test_an_original_keeps_its_slug_when_its_title_changes(
    client_for, editor, make_practice, empty_index
):
    page = make_practice(SPANISH_TITLE, publish=False)
    page = _post_editor(client_for(editor), page, {"title": "Cabildo de Zapopan"})
    assert _draft_slug(page) == page.slug


def test_wagtails_translate_action_names_the_copy_after_its_title(
    client_for, editor, make_practice, empty_index
):
    """The editor's "Translate" (wagtail.contrib.simple_translation) copies through
    the same signal as the desk's button."""
    from wagtail.models import Locale

    page = make_practice(SPANISH_TITLE)
    english = Locale.objects.get(language_code="en")
    response = client_for(editor).post(
        reverse("simple_translation:submit_page_translation", args=[page.pk]),
        {"locales": [english.pk]},
    )
    assert response.status_code == 302
    translation = PracticePage.objects.get(
        translation_key=page.translation_key, locale=english
    )
    assert translation.slug == slugify(SPANISH_TITLE) != page.slug


def _pair_at_one_slug(make_pair, original_language: str = "es"):
    """As translations were made before: the translation at its original's slug.
    Returns (original, translation)."""
    english, spanish = make_pair(  # ordered by language code
        {
            "title": SPANISH_TITLE,
            "summary": "Vecinos en sesión.",
            "slug": "cabildo" if original_language == "es" else "town-hall",
            "original_language": original_language,
        },
        {"title": "Open town hall in Guadalajara", "summary": "Residents meet."},
    )
    assert english.locale.language_code == "en" and english.slug == spanish.slug
    return (spanish, english) if original_language == "es" else (english, spanish)


@pytest.mark.parametrize(
    ("original_language", "new_url"),
    [
        ("es", "/en/practices/open-town-hall-in-guadalajara/"),
        ("en", "/practicas/cabildo-abierto-en-guadalajara/"),
    ],
)
def test_existing_translations_are_renamed_and_their_old_address_redirects(
    make_pair,
    empty_index,
    client,
    django_capture_on_commit_callbacks,
    original_language,
    new_url,
):
    """The old address answers 301 to the new one: before, the index page's
    fallback for practices not written in its language served the translation
    there with a 200, so Wagtail's redirect (acted on only for a 404) never ran."""
    from django.core.management import call_command
    from wagtail.contrib.redirects.models import Redirect

    original, translation = _pair_at_one_slug(make_pair, original_language)
    old_url = translation.url
    listing = io.StringIO()
    call_command("rename_copied_slugs", stdout=listing)
    assert new_url.split("/")[-2] in listing.getvalue()
    assert PracticePage.objects.get(pk=translation.pk).slug == original.slug  # listed

    with django_capture_on_commit_callbacks(execute=True):
        call_command("rename_copied_slugs", "--apply", stdout=io.StringIO())

    translation = PracticePage.objects.get(pk=translation.pk)
    assert translation.live and translation.url == new_url
    assert Redirect.objects.get(old_path=old_url.rstrip("/")).redirect_page_id == (
        translation.pk
    )
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == new_url
    assert client.get(new_url).status_code == 200
    assert client.get(original.url).status_code == 200  # the original stays put


def test_a_translation_with_a_pending_draft_waits(make_pair, empty_index):
    from practices.copied_slugs import copied_slugs, rename_copied_slugs

    _spanish, english = _pair_at_one_slug(make_pair)
    english.title = "Open town halls"
    english.save_revision()
    [found] = copied_slugs()
    assert found.waits_for_draft
    assert rename_copied_slugs([found]) == 0
    assert PracticePage.objects.get(pk=english.pk).slug == "cabildo"


def _pair_at_their_own_slugs(make_pair):
    english, spanish = make_pair(
        {"title": SPANISH_TITLE, "summary": "Vecinos en sesión."},
        {"title": "Open town hall in Guadalajara", "summary": "Residents meet."},
    )
    assert english.slug != spanish.slug
    return spanish, english


def test_the_other_languages_slug_redirects_to_the_translation(
    make_pair, empty_index, client
):
    """Where a practice not written in a language is read through its machine
    translation (its original's slug under that language's index) answers, once
    people translated it, with a 301 to the translation's own address: not the
    translation served a second time at a 200."""
    spanish, english = _pair_at_their_own_slugs(make_pair)
    for index_url, slug, translation in (
        ("/en/practices/", spanish.slug, english),
        ("/practicas/", english.slug, spanish),
    ):
        response = client.get(f"{index_url}{slug}/")
        assert response.status_code == 301, index_url
        assert response["Location"] == translation.url


def test_a_redirect_an_editor_recorded_for_that_address_wins(
    make_pair, empty_index, client
):
    from wagtail.contrib.redirects.models import Redirect

    spanish, _english = _pair_at_their_own_slugs(make_pair)
    old_url = f"/en/practices/{spanish.slug}/"
    Redirect.objects.create(
        old_path=Redirect.normalise_path(old_url), redirect_link="/en/search/"
    )
    response = client.get(old_url)
    assert response.status_code == 301 and response["Location"] == "/en/search/"
