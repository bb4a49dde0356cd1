"""Absolute addresses: the one the reader reached, else SITE_URL.

Wagtail builds a page's full URL from its Site record's hostname and port, which
say where the site was set up, not where a reader reached it (another host, port,
or a proxy in front). Feeds, alternates, canonical links, citations and sitemaps
take the scheme and host from the request instead (`request.build_absolute_uri`,
which checks the host against ALLOWED_HOSTS and honours SECURE_PROXY_SSL_HEADER);
dumps, emails and tasks, which have no request, take SITE_URL.
"""

from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:
    from django.http import HttpRequest
    from wagtail.models import Page


def absolute_url(path: str, request: "HttpRequest | None" = None) -> str:
    """`path` (an absolute path, or already a full URL) as a full URL."""
    if request is not None:
        return request.build_absolute_uri(path)
    if path.startswith("/"):
        return f"{settings.SITE_URL}{path}"
    return path


def page_url(page: "Page", request: "HttpRequest | None" = None) -> str | None:
    """A page's full URL, language prefix included; None if it is not routable."""
    parts = page.get_url_parts(request)
    if parts is None or parts[2] is None:
        return None
    return absolute_url(parts[2], request)
