"""The site's URLs plus one view that fails, to see the 500 page as people would."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.urls.resolvers import LocalePrefixPattern
from wagtail import urls as wagtail_urls

from kb import urls as site_urls

ERROR_PATH = "test-error/"


def failing_view(request):
    raise RuntimeError("deliberate failure to render the 500 page")


urlpatterns = [
    pattern
    for pattern in site_urls.urlpatterns
    if not isinstance(pattern.pattern, LocalePrefixPattern)
] + i18n_patterns(
    path(ERROR_PATH, failing_view),
    *site_urls.localized_patterns,
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
