"""The practice editor with the desk's side panel, and page creation without
autosave: Wagtail's page viewsets, extended."""

from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import PageViewSet

from pages.models import StandardPage
from practices.models import PracticePage

from .panels import (
    ContributionSidePanel,
    SearchStatusSidePanel,
    SourceTextSidePanel,
)


class CreateWithoutAutosave(CreateView):
    """A new page is saved by the editor, not by autosave.

    Wagtail 8 autosaves the create form by posting it to the create URL; the first
    autosave creates the page and only its answer points the form at the edit URL.
    "Save draft" pressed while that answer is on its way posts a second create,
    which fails with "The slug ... is already in use" (the walk saw it). Wagtail's
    one setting, WAGTAIL_AUTOSAVE_INTERVAL, would turn autosave off in the editor
    too, where the page exists and the form has one URL to post to; so it is off
    here only.
    """

    def get_context_data(self, **kwargs):
        self.autosave_enabled = False
        return super().get_context_data(**kwargs)


class PracticeEditView(EditView):
    def get_side_panels(self):
        side_panels = super().get_side_panels()
        # Hydrating a create view that autosave turned into a page swaps in the
        # toggles only: a toggle for a panel the create view never drew breaks
        # the editor's scripts ("No valid target container").
        if not self.expects_json_response and not self.hydrate_create_view:
            side_panels.append(SearchStatusSidePanel(self.page, self.request))
            source_text = SourceTextSidePanel(self.page, self.request)
            if source_text.source is not None:
                side_panels.append(source_text)
            contribution = ContributionSidePanel(self.page, self.request)
            if contribution.submissions:
                side_panels.append(contribution)
        return side_panels


class PracticePageViewSet(PageViewSet):
    model = PracticePage
    add_view_class = CreateWithoutAutosave
    edit_view_class = PracticeEditView
    # Only the editor changes: the explorer keeps its own listing.
    parent_models = []


class StandardPageViewSet(PageViewSet):
    """The site's text pages are created as practices are, without autosave."""

    model = StandardPage
    add_view_class = CreateWithoutAutosave
    parent_models = []
