"""Moderators (and only they) see who sent each contribution."""

import datetime

from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from kb.folded_search import FoldedSearch

from .admin_forms import SubmissionDecisionForm
from .contributed_documents import private_document
from .models import ErasureLog, Submission
from .submission import decide_in_inbox


def page_link(page, *, with_state: bool = False):
    """A practice named by its title, linked to its edit page (where the editor
    reviews, publishes or opens the live page); "—" when there is none."""
    if page is None:
        return "—"
    link = format_html(
        '<a href="{}">{}</a>',
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        page.get_admin_display_title(),
    )
    if not with_state:
        return link
    return format_html("{} ({})", link, _("published") if page.live else _("draft"))


class SubmissionInspectView(InspectView):
    """Labels instead of raw values ("None", "False"), times in the site's time
    zone as the listing shows them, and a link to the draft the contribution made."""

    def get_field_display_value(self, field_name, field):
        if getattr(self, f"get_{field_name}_display_value", None) is None and (
            getattr(self.object, field_name, "") in (None, "")
        ):
            return "—"
        value = super().get_field_display_value(field_name, field)
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if isinstance(value, datetime.datetime):
            return formats.date_format(
                timezone.localtime(value), "SHORT_DATETIME_FORMAT"
            )
        return value

    def get_practice_display_value(self):
        return page_link(self.object.practice, with_state=True)

    def get_possible_duplicate_of_display_value(self):
        return page_link(self.object.possible_duplicate_of)

    def get_document_display_value(self):
        if not self.object.document:
            return "—"
        return format_html(
            '<a href="{}" download>{}</a>',
            reverse("contribution_document", args=[self.object.pk]),
            _("Download the document (private)"),
        )


class SubmissionEditView(EditView):
    """Without a document, there is nothing to publish with the practice. A status
    changed here is a decision as much as one taken on the practice: it is dated
    (the retention period runs from it) and the submitter hears of it."""

    # Wagtail's generic messages make a contribution masculine in Spanish.
    success_message = _("Contribution '%(object)s' updated.")
    error_message = _("The contribution could not be saved due to errors.")

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if not self.object.document:
            form.fields.pop("publish_document", None)
        return form

    def save_instance(self):
        submission = super().save_instance()
        if "status" in self.form.changed_data:
            decide_in_inbox(submission, submission.status, self.request.user)
        return submission


class SubmissionIndexView(FoldedSearch, IndexView):
    """The inbox: "participacion" finds "Participación", "perez" Ana Pérez, on
    SQLite and PostgreSQL alike."""


class SubmissionViewSet(ModelViewSet):
    model = Submission
    icon = "mail"
    menu_label = _("Contributions")
    index_view_class = SubmissionIndexView
    inspect_view_enabled = True
    inspect_view_class = SubmissionInspectView
    edit_view_class = SubmissionEditView
    # The reference opens the contribution (its status); the practices open their
    # edit pages, as everywhere else in the admin.
    list_display = [
        "reference",
        Column(
            "practice",
            label=capfirst(_("practice")),
            accessor=lambda submission: page_link(submission.practice),
            sort_key="practice__title",
        ),
        "status",
        Column(
            "possible_duplicate_of",
            label=capfirst(_("possible duplicate of")),
            accessor=lambda submission: page_link(submission.possible_duplicate_of),
            sort_key="possible_duplicate_of__title",
        ),
        "created_at",
    ]
    list_filter = ["status"]
    # A moderator looks for the practice or the sender, rarely has the code.
    search_fields = [
        "reference",
        "practice__title",
        "submitter_name",
        "submitter_email",
        "submitter_organisation",
    ]

    def get_form_class(self, for_update=False):
        return SubmissionDecisionForm


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
