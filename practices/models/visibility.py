"""What readers can reach: one definition for search, exports, feeds, sitemaps and
the open data dumps, so that none of them shows a page another hides."""

from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Substr
from wagtail.models import Page
from wagtail.query import PageQuerySet


def public_pages(pages: PageQuerySet) -> PageQuerySet:
    """The pages a reader can open: live, with no view restriction (a password,
    sign-in or group) on them or an ancestor, and under no unpublished page, whose
    address answers 404 for everything below it.

    A locked page is public: Wagtail's lock stops editing, not reading.
    """
    unpublished_ancestor = Page.objects.filter(
        live=False,
        numchild__gt=0,
        depth__lt=OuterRef("depth"),
        path=Substr(OuterRef("path"), 1, F("depth") * Page.steplen),
    )
    return pages.live().public().exclude(Exists(unpublished_ancestor))
