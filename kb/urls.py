from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from desk.spreadsheets import wagtail_report_patterns
from finder import urls as finder_urls
from kb import health
from kb.two_factor import admin_sign_in_instead
from opendata import urls as opendata_urls
from search.search_page import search_page
from shortlist import urls as shortlist_urls

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("api/v1/", include("search.urls")),
    path("api/v1/", include(opendata_urls.api_patterns)),
    path("api/v1/", include(finder_urls.api_patterns)),
    *opendata_urls.site_patterns,
    # Wagtail's report pages with formula-neutralised CSV exports (desk/spreadsheets.py).
    path("admin/reports/", include(wagtail_report_patterns)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Spanish is served without a prefix, English under /en/. Wagtail's catch-all comes last.
localized_patterns = [
    path(_("search/"), search_page, name="search"),
    path(_("contribute/"), include("contributions.urls")),
    path(_("find/"), include(finder_urls.page_patterns)),
    *shortlist_urls.page_patterns,
    *opendata_urls.localized_patterns,
]
urlpatterns += i18n_patterns(
    *localized_patterns,
    # Before Wagtail's own: its password-only sign-in would skip the second factor.
    path("_util/login/", admin_sign_in_instead, name="front_end_sign_in"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
