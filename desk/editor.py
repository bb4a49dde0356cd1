"""The practice editor with the desk's side panel: Wagtail's page viewset, extended."""

from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import PageViewSet

from practices.models import PracticePage

from .panels import (
    ContributionSidePanel,
    SearchStatusSidePanel,
    SourceTextSidePanel,
)


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
    edit_view_class = PracticeEditView
    # Only the edit view changes: the explorer keeps its own listing.
    parent_models = []
