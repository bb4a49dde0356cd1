"""What crawlers and browsers read to find the site: robots.txt, the OpenSearch
description, the sitemaps."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import views as sitemap_views

from kb.absolute_urls import absolute_url

from .sitemap_cache import cached_sitemap
from .sitemaps import SITEMAPS

# Search pages are not disallowed: a crawler must fetch a search with several
# filters to read its `X-Robots-Tag: noindex` (a disallowed page can still be
# indexed from links, without its content). Machine-readable copies of the same
# results (API, exports, feeds) and the admin are disallowed.
DISALLOWED = ("/admin/", "/api/", "/feeds/", "/documents/", "/i18n/")


@require_GET
def robots_txt(request):
    return render(
        request,
        "opendata/robots.txt",
        {
            "disallowed": DISALLOWED,
            "sitemap": absolute_url(reverse("sitemap-index"), request),
        },
        content_type="text/plain; charset=utf-8",
    )


@require_GET
def opensearch_description(request):
    return render(
        request,
        "opendata/opensearch.xml",
        {
            "search": absolute_url(reverse("search"), request),
            "feed": absolute_url(reverse("practices-feed"), request),
        },
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )


@require_GET
@cached_sitemap
def sitemap_index(request):
    return sitemap_views.index(request, SITEMAPS, sitemap_url_name="sitemap-section")


@require_GET
@cached_sitemap
def sitemap_section(request, section):
    if section not in SITEMAPS:
        raise Http404
    return sitemap_views.sitemap(request, {section: SITEMAPS[section]})
