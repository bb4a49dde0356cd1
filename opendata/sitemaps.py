"""The sitemap: every public page in both languages, each with its hreflang alternates.

Wagtail's sitemap lists the default site's tree only, which holds the Spanish
pages; the English home is a sibling tree. This one lists every locale's live,
public pages and names each page's translations, as search engines ask
(https://developers.google.com/search/docs/specialty/international/localized-versions).
"""

from collections import defaultdict

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page

from kb.absolute_urls import page_url
from practices.models import PracticeIndexPage, public_pages


class PagesSitemap(WagtailSitemap):
    def items(self):
        return (
            public_pages(Page.objects.filter(depth__gt=1))
            .not_type(PracticeIndexPage)  # it redirects to the search page
            .select_related("locale")
            .order_by("path")
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        alternates = self._alternates({p.translation_key for p in pages})
        urls = []
        for item in pages:
            urls.append(
                {
                    "item": item,
                    "location": page_url(item, self.request),
                    "lastmod": item.last_published_at,
                    "alternates": alternates[item.translation_key],
                }
            )
        moments = [url["lastmod"] for url in urls if url["lastmod"]]
        if moments:
            self.latest_lastmod = max(moments)
        return urls

    def _alternates(self, keys) -> dict:
        result = defaultdict(list)
        translations = (
            public_pages(Page.objects.filter(translation_key__in=keys))
            .select_related("locale")
            .order_by("locale__language_code")
        )
        for translation in translations:
            result[translation.translation_key].append(
                {
                    "lang_code": translation.locale.language_code,
                    "location": page_url(translation, self.request),
                }
            )
        return result


class SearchSitemap(DjangoSitemap):
    """The search page in each language (the practice index redirects to it)."""

    i18n = True
    alternates = True
    changefreq = "daily"

    def items(self):
        return ["search"]

    def location(self, item):
        return reverse(item)


# Classes: Wagtail's sitemap views give each Wagtail sitemap the request.
SITEMAPS = {"pages": PagesSitemap, "search": SearchSitemap}
