"""The pages with a role (about, privacy, contact), found by role for links.

Every page's footer links to them, so their titles and addresses are cached per
language; publishing, unpublishing or deleting a standard page clears the cache.
"""

from dataclasses import dataclass

from django.core.cache import cache

CACHE_KEY = "site-pages:{language}"
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
    from django.conf import settings

    cache.delete_many(
        [CACHE_KEY.format(language=code) for code, _name in settings.LANGUAGES]
    )


def _load(language: str) -> dict[str, SitePageLink]:
    from .models import StandardPage

    pages = (
        StandardPage.objects.live()
        .filter(locale__language_code=language)
        .exclude(role="")
        .order_by("path")
    )
    return {page.role: SitePageLink(page.title, page.get_url()) for page in pages}
