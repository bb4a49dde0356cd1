"""The desk's pieces inside Wagtail's own screens: a dashboard panel and a side panel."""

from django.middleware.csrf import get_token
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.side_panels import BaseSidePanel
from wagtail.coreutils import get_content_languages

from contributions.models import Submission
from practices.sections import RICH_TEXT_SECTIONS
from search.index_status import practice_index_status

from .collection import collection_overview
from .translation import translation_source


def _language_names(codes) -> list[str]:
    """ "English", not "en": the index stores codes, editors read names."""
    names = get_content_languages()
    return [str(names.get(code, code)) for code in codes]


class CollectionPanel(Component):
    """The collection at a glance on the admin home page; every figure is a link."""

    name = "collection"
    template_name = "desk/collection_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {"overview": collection_overview(request.user), "request": request}


class SearchStatusSidePanel(BaseSidePanel):
    """Is it in search? On a practice's edit view: indexed, current, queued."""

    class SidePanelToggle(BaseSidePanel.SidePanelToggle):
        aria_label = _("Toggle search status")
        icon_name = "search"
        counter_classname = "w-bg-critical-200"

        def get_context_data(self, parent_context):
            context = super().get_context_data(parent_context)
            context["count"] = 0 if self.panel.status.up_to_date else 1
            return context

    name = "search_status"
    title = _("Is it in search?")
    template_name = "desk/side_panels/search_status.html"
    order = 350

    @cached_property
    def status(self):
        return practice_index_status(self.object.translation_key)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["status"] = self.status
        context["live_revision"] = self.object.live_revision
        # The verdict is about the practice; this page is one of its languages.
        language = self.object.locale.language_code
        context["language"] = self.object.locale.get_display_name()
        context["indexed_languages"] = _language_names(self.status.indexed_languages)
        context["live_languages"] = _language_names(self.status.live_languages)
        context["language_in_search"] = (
            self.status.indexed and language in self.status.indexed_languages
        )
        context["csrf_token"] = get_token(self.request)
        return context


class SourceTextSidePanel(BaseSidePanel):
    """The text this page translates, beside the draft: on a practice's edit view,
    the other language's page (its original, when this page is the translation)."""

    class SidePanelToggle(BaseSidePanel.SidePanelToggle):
        aria_label = _("Toggle the source text")
        icon_name = "globe"

    name = "source_text"
    title = _("Source text")
    template_name = "desk/side_panels/source_text.html"
    order = 360

    @cached_property
    def source(self):
        return translation_source(self.object)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        source = self.source
        context["source"] = source
        context["sections"] = [
            (source._meta.get_field(name).verbose_name, getattr(source, name))
            for name in RICH_TEXT_SECTIONS
            if getattr(source, name)
        ]
        return context


class ContributionSidePanel(BaseSidePanel):
    """On a practice made from a public contribution: the contribution it came from
    (moderators only, who may see who sent it)."""

    class SidePanelToggle(BaseSidePanel.SidePanelToggle):
        aria_label = _("Toggle the contribution")
        icon_name = "mail"

    name = "contribution"
    title = _("Contribution")
    template_name = "desk/side_panels/contribution.html"
    order = 370

    @cached_property
    def submissions(self):
        if not self.request.user.has_perm("contributions.view_submission"):
            return []
        return list(Submission.objects.filter(practice=self.object).order_by("pk"))

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["submissions"] = self.submissions
        return context
