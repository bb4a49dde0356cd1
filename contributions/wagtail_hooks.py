"""Moderators (and only they) see who sent each contribution."""

from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .contributed_documents import private_document
from .models import ErasureLog, Submission


class SubmissionInspectView(InspectView):
    def get_document_display_value(self):
        if not self.object.document:
            return "-"
        return format_html(
            '<a href="{}" download>{}</a>',
            reverse("contribution_document", args=[self.object.pk]),
            _("Download the document (private)"),
        )


class SubmissionViewSet(ModelViewSet):
    model = Submission
    icon = "mail"
    menu_label = _("Contributions")
    inspect_view_enabled = True
    inspect_view_class = SubmissionInspectView
    list_display = [
        "reference",
        "practice",
        "status",
        "possible_duplicate_of",
        "created_at",
    ]
    list_filter = ["status"]
    search_fields = ["reference"]
    form_fields = ["status", "publish_document"]


class ErasureLogViewSet(ModelViewSet):
    """What was erased, when and why (no personal data). Moderators may only view it."""

    model = ErasureLog
    icon = "bin"
    menu_label = _("Erasures")
    list_display = ["reference", "reason", "erased_at"]
    list_filter = ["reason"]
    search_fields = ["reference"]
    form_fields = ["reference", "reason"]
    inspect_view_enabled = True


class ContributionsGroup(ViewSetGroup):
    menu_label = _("Contributions")
    menu_icon = "mail"
    menu_order = 160
    items = (SubmissionViewSet("contributions"), ErasureLogViewSet("erasures"))


@hooks.register("register_admin_viewset")
def register_contribution_viewsets():
    return ContributionsGroup()


@hooks.register("register_admin_urls")
def register_private_document_url():
    return [
        path(
            "contributions/<int:pk>/document/",
            private_document,
            name="contribution_document",
        )
    ]
