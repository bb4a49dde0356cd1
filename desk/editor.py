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
        if not self.expects_json_response:
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
