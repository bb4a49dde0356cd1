"""The sitemaps' cache, emptied whenever a page's public state changes.

Sections are built once an hour, but an unpublished page must leave them at once:
it may have been unpublished for legal reasons, and crawlers would meet a 404. The
cache key carries a generation number kept in the shared cache; publishing,
unpublishing, moving or deleting a page moves it on, so every worker process stops
reading the old copies together.
"""

from functools import wraps

from django.core.cache import cache
from django.views.decorators.cache import cache_page

SITEMAP_CACHE_SECONDS = 3600
GENERATION_KEY = "sitemap-generation"


def current_generation() -> int:
    return cache.get_or_set(GENERATION_KEY, 1, timeout=None)


def forget_sitemaps() -> None:
    """Make every cached sitemap stale (the old entries then expire on their own)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet, or evicted
        cache.set(GENERATION_KEY, current_generation() + 1, timeout=None)


def cached_sitemap(view):
    """`cache_page`, keyed by the current generation."""

    @wraps(view)
    def cached(request, *args, **kwargs):
        prefix = f"sitemap-{current_generation()}"
        return cache_page(SITEMAP_CACHE_SECONDS, key_prefix=prefix)(view)(
            request, *args, **kwargs
        )

    return cached
