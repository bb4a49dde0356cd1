"""Links from a search to its open data: the export files and the feed.

Built from the search's filter object (its query items), so they carry exactly the
search's parameters, without the page number.
"""

from django import template
from django.urls import reverse
from django.utils.translation import get_language

from search.filters import SearchFilters

register = template.Library()


def _url(name: str, filters, **extra) -> str:
    return filters.url_with(
        reverse(name), with_lang=True, extra=tuple(extra.items()), page=1
    )


def _export_url(filters, file_format: str) -> str:
    # The page's language, even Spanish (which `with_lang` leaves implicit): without
    # it the export would follow the browser's Accept-Language, not the page.
    extra = {"lang": "es"} if filters.lang == "es" else {}
    return _url("api-export", filters, **extra, format=file_format)


@register.simple_tag
def open_data_links(filters) -> dict[str, str]:
    return {
        "csv": _export_url(filters, "csv"),
        "xlsx": _export_url(filters, "xlsx"),
        "json": _export_url(filters, "json"),
        "jsonl": _export_url(filters, "jsonl"),
        "feed": _url("practices-feed", filters),
    }


@register.simple_tag
def new_practices_feed_url() -> str:
    """The site's main feed, every new practice, in the reader's language."""
    return _url("practices-feed", SearchFilters(lang=get_language()))


@register.simple_tag
def whole_collection_links() -> dict[str, str]:
    """The export links of a search for everything, in the reader's language."""
    return open_data_links(SearchFilters(lang=get_language()))
