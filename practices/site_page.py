"""What every page type of the site shares, declared once: mixed in before Wagtail's
`Page` by each of them (a test checks that none is left out)."""

from .editorial import EditorialPagePermissions
from .page_form import SitePageForm


class SitePage(EditorialPagePermissions):
    """The editorial permission rule, and an editor's form that keeps addresses in
    ASCII. A page type with its own form derives it from `SitePageForm`."""

    base_form_class = SitePageForm
