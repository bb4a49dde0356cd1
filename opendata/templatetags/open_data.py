"""Links from a search to its open data: the export files and the feed.

Built from the search's filter object (its query items), so they carry exactly the
search's parameters, without the page number.
"""

from django import template
from django.urls import reverse

register = template.Library()


def _url(name: str, filters, **extra) -> str:
    return filters.url_with(
        reverse(name), with_lang=True, extra=tuple(extra.items()), page=1
    )


@register.simple_tag
def open_data_links(filters) -> dict[str, str]:
    return {
        "csv": _url("api-export", filters, format="csv"),
        "jsonl": _url("api-export", filters, format="jsonl"),
        "feed": _url("practices-feed", filters),
    }
