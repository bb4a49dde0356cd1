"""An Atom feed of new and updated practices for any search (Django's syndication)."""

import re

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from practices.dataset import PageAddresses, practice_groups
from search.api_errors import UNAVAILABLE
from search.filters import FilterError, parse_filters
from search.scan import latest_practice_ids
from search.service import SearchUnavailable

from .views import api_error

FEED_SIZE = 50
# XML 1.0 allows no control character but tab, line feed and carriage return; a
# search for one would otherwise stop the feed's writer (a server error).
NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class PracticeFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, filters):
        self.request = request
        return filters

    def title(self, filters):
        if filters.q:
            return _("Repertorio: new and updated practices for “%(q)s”") % {
                "q": NOT_IN_XML.sub("", filters.q)
            }
        return _("Repertorio: new and updated practices")

    def subtitle(self, filters):
        return _("Open government practices matching this search, newest first.")

    def link(self, filters):
        return filters.url_with(reverse("search"), page=1)

    def feed_url(self, filters):
        return self.request.get_full_path()

    def items(self, filters):
        ids = latest_practice_ids(filters, FEED_SIZE)
        return practice_groups(
            ids, lang=filters.lang, url_for=PageAddresses(self.request)
        )

    def _page(self, group):
        return group.page(group.lang) or group.primary

    def item_title(self, group):
        return self._page(group).title

    def item_description(self, group):
        return self._page(group).summary

    def item_link(self, group):
        return group.url_for(self._page(group))

    def item_guid(self, group):
        return f"urn:uuid:{group.key}"

    item_guid_is_permalink = False

    def item_pubdate(self, group):
        moments = [p.first_published_at for p in group.pages.values()]
        return min((m for m in moments if m), default=None)

    def item_updateddate(self, group):
        moments = [p.last_published_at for p in group.pages.values()]
        return max((m for m in moments if m), default=None)

    def item_categories(self, group):
        return [theme.label(group.lang) for theme in group.primary.themes.all()]


@require_GET
def practices_feed(request):
    try:
        filters = parse_filters(request.GET, paged=False)
    except FilterError as exc:
        return api_error(400, exc.message, exc.parameter)
    with translation.override(filters.lang):
        try:
            response = PracticeFeed()(request, filters=filters)
        except SearchUnavailable:
            return api_error(503, UNAVAILABLE)
    response["Access-Control-Allow-Origin"] = "*"
    return response
