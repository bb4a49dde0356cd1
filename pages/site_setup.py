"""Create the two locales, a home page per language and the default site, idempotently."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from practices.models import PracticeIndexPage

from .initial_content import standard_pages
from .models import HomePage, SitePages, StandardPage

HOME_CONTENT = {
    "es": {
        "title": "Repertorio de gobierno abierto",
        "introduction": (
            "Prácticas de gobierno abierto y transparencia proactiva que otras "
            "autoridades ya aplicaron, con lo que resolvieron y lo que lograron."
        ),
    },
    "en": {
        "title": "Open government repertory",
        "introduction": (
            "Open government and proactive transparency practices that other "
            "authorities have already carried out, what they solved and what came of it."
        ),
    },
}


@transaction.atomic
def ensure_site() -> HomePage:
    """Return the Spanish home page, creating the locales, homes and site as needed."""
    spanish = Locale.objects.get_or_create(language_code="es")[0]
    english = Locale.objects.get_or_create(language_code="en")[0]
    root = Page.get_first_root_node()
    if root.locale_id != spanish.pk:
        # Wagtail's initial migration creates the root in LANGUAGE_CODE's locale, but
        # only if the locale existed then; keep the tree consistent either way.
        Page.objects.filter(pk=root.pk).update(locale=spanish)
        root.refresh_from_db()

    home = HomePage.objects.filter(locale=spanish).first()
    if home is None:
        home = root.add_child(
            instance=HomePage(slug="inicio", locale=spanish, **HOME_CONTENT["es"])
        )
    english_home = home.get_translation_or_none(english)
    if english_home is None:
        english_home = home.copy_for_translation(english)
        english_home.title = HOME_CONTENT["en"]["title"]
        english_home.introduction = HOME_CONTENT["en"]["introduction"]
        english_home.save_revision().publish()

    _ensure_practice_indexes(home, english)
    _ensure_standard_pages(home, english)
    _remove_wagtail_welcome_page(root)
    hostname, port = site_address()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name="Repertorio",
        )
    elif site.root_page_id != home.pk or (site.hostname, site.port) in PLACEHOLDERS:
        site.root_page = home
        site.site_name = "Repertorio"
        site.hostname, site.port = hostname, port
        site.save()
    return home


# Addresses earlier set-ups gave the site: replaced by SITE_URL's, never an edited one.
PLACEHOLDERS = {("localhost", 80)}


def site_address() -> tuple[str, int]:
    """Host and port of settings.SITE_URL, the site's address without a request.

    Wagtail builds a page's full URL from its site (https when the port is 443);
    pages served to a reader print the host reached instead (kb/absolute_urls.py).
    """
    url = urlsplit(settings.SITE_URL)
    default_port = 443 if url.scheme == "https" else 80
    return url.hostname or "localhost", url.port or default_port


def _remove_wagtail_welcome_page(root: Page) -> None:
    for child in root.get_children().exclude(
        content_type__model="homepage", content_type__app_label="pages"
    ):
        if child.slug == "home" and child.specific_class is Page:
            Site.objects.filter(root_page=child).delete()
            child.delete()


PRACTICE_INDEX_CONTENT = {
    "es": {"title": "Prácticas", "slug": "practicas"},
    "en": {"title": "Practices", "slug": "practices"},
}


def _ensure_practice_indexes(home: HomePage, english: Locale) -> None:
    index = PracticeIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=PracticeIndexPage(**PRACTICE_INDEX_CONTENT["es"])
        )
    if index.get_translation_or_none(english) is None:
        translated = index.copy_for_translation(english)
        translated.title = PRACTICE_INDEX_CONTENT["en"]["title"]
        translated.slug = PRACTICE_INDEX_CONTENT["en"]["slug"]
        translated.save_revision().publish()


def _ensure_standard_pages(home: HomePage, english: Locale) -> None:
    """About, open data, privacy and contact in both languages, chosen in the
    `SitePages` setting; pages already chosen are left alone."""
    chosen = SitePages.load()
    for role, content in standard_pages().items():
        page = getattr(chosen, role)
        if page is None:
            page = home.add_child(instance=StandardPage(**content["es"]))
            page.save_revision().publish()
            setattr(chosen, role, page)
            chosen.save()
        if page.get_translation_or_none(english) is None:
            translated = page.copy_for_translation(english)
            for field, value in content["en"].items():
                setattr(translated, field, value)
            translated.save_revision().publish()


def practice_index_for(language_code: str) -> PracticeIndexPage:
    """The parent page for practices in one language; the site is created if missing."""
    index = PracticeIndexPage.objects.filter(
        locale__language_code=language_code
    ).first()
    if index is None:
        ensure_site()
        index = PracticeIndexPage.objects.get(locale__language_code=language_code)
    return index
