"""The pages with a role (about, open data, privacy notice, contact), for links.

Which page has which role is the `SitePages` setting (Wagtail's settings, in the
admin under Settings); each reader gets the live translation in their language.
Every page's footer links to them, so their titles and addresses are cached per
language; saving the setting, or publishing, unpublishing or deleting a standard
page, clears the cache.
"""

from dataclasses import dataclass

from django.core.cache import cache

from kb.translations import site_languages

from .models import SitePages, StandardPage

# v2: keyed by the `SitePages` fields (open_data), not the old roles (open-data).
CACHE_KEY = "site-pages-v2:{language}"
CACHE_SECONDS = 3600


@dataclass(frozen=True)
class SitePageLink:
    title: str
    url: str


def site_page_links(language: str) -> dict[str, SitePageLink]:
    key = CACHE_KEY.format(language=language)
    links = cache.get(key)
    if links is None:
        links = _load(language)
        cache.set(key, links, CACHE_SECONDS)
    return links


def clear_site_page_links(**_kwargs) -> None:
    cache.delete_many([CACHE_KEY.format(language=code) for code in site_languages()])


def _load(language: str) -> dict[str, SitePageLink]:
    chosen = SitePages.load()
    roles = {
        role: getattr(chosen, f"{role}_id")
        for role in SitePages.ROLES
        if getattr(chosen, f"{role}_id")
    }
    keys = dict(
        StandardPage.objects.filter(pk__in=roles.values()).values_list(
            "pk", "translation_key"
        )
    )
    pages = {
        page.translation_key: page
        for page in StandardPage.objects.live().filter(
            translation_key__in=keys.values(), locale__language_code=language
        )
    }
    links = {}
    for role, pk in roles.items():
        page = pages.get(keys.get(pk))
        if page is not None:
            links[role] = SitePageLink(page.title, page.get_url())
    return links
