"""Bulk actions on practice pages, offered in Wagtail's page listings.

Pages of other types may be selected in the same listing; they are listed as
"not possible" and left alone. Changing a practice's classification publishes it
(so search sees it), which only moderators may do; marking as reviewed and
exporting are open to editors too.
"""

from django import forms
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction

from practices.classification import (
    KeywordChange,
    apply_keyword_change,
    practice_pages,
    sharing,
)
from practices.dataset import (
    PageAddresses,
    csv_header,
    csv_lines,
    practice_groups,
    practice_row,
)
from practices.models import PracticePage
from taxonomy.models import Outcome, Theme

from .review import mark_reviewed


def _practice(page) -> PracticePage | None:
    specific = page.specific_deferred
    return specific if isinstance(specific, PracticePage) else None


class NoOptionsForm(forms.Form):
    """Practices have no child pages: Wagtail's "include descendants" box (whose
    unlabelled field showed English in the Spanish admin) has nothing to do."""


class PracticeBulkAction(PageBulkAction):
    template_name = "desk/bulk_actions/confirm.html"
    form_class = NoOptionsForm
    # Text for the confirmation page.
    question = ""
    button = ""
    # The user must be able to publish each practice (moderators), not only edit it.
    needs_publish = False

    def check_perm(self, page):
        if not _practice(page):
            return False
        permissions = page.permissions_for_user(self.request.user)
        return (
            permissions.can_publish() if self.needs_publish else permissions.can_edit()
        )

    def object_context(self, obj):
        return {"item": _practice(obj) or obj}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["view"] = self
        return context


class MarkReviewedBulkAction(PracticeBulkAction):
    display_name = _("Mark as reviewed")
    action_type = "desk_mark_reviewed"
    aria_label = _("Mark the selected practices as reviewed today")
    action_priority = 60
    question = _("Mark these practices as reviewed today?")
    button = _("Yes, mark as reviewed")

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return mark_reviewed([_practice(page) for page in objects], user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d practice marked as reviewed.",
            "%(count)d practices marked as reviewed.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class ClassificationForm(forms.Form):
    operation = forms.ChoiceField(
        label=_("Operation"),
        choices=[("add", _("Add")), ("remove", _("Remove"))],
        widget=forms.RadioSelect,
        initial="add",
    )
    theme = forms.ModelChoiceField(
        Theme.objects.all(), label=_("Theme"), required=False
    )
    outcome = forms.ModelChoiceField(
        Outcome.objects.all(), label=_("Outcome"), required=False
    )
    keyword = forms.CharField(label=_("Keyword"), max_length=100, required=False)

    def clean_keyword(self):
        return " ".join(self.cleaned_data["keyword"].split())

    def clean(self):
        data = super().clean()
        if not (data.get("theme") or data.get("outcome") or data.get("keyword")):
            raise forms.ValidationError(_("Choose a theme, an outcome or a keyword."))
        return data


class ClassifyBulkAction(PracticeBulkAction):
    """Add or remove a theme, outcome or keyword, and publish so search follows."""

    display_name = _("Theme, outcome or keyword")
    action_type = "desk_classify"
    aria_label = _("Add or remove a theme, outcome or keyword")
    action_priority = 70
    form_class = ClassificationForm
    question = _(
        "Add or remove a theme, an outcome or a keyword on these practices. Live "
        "practices are published again, so search shows the change; a practice with "
        "unpublished changes gets a new draft instead, so nobody's draft is published."
    )
    button = _("Apply")

    needs_publish = True

    def get_execution_context(self):
        return {**super().get_execution_context(), **self.cleaned_form.cleaned_data}

    @classmethod
    def execute_action(
        cls, objects, user=None, operation="add", theme=None, outcome=None, keyword=""
    ):
        """Change every page of each selected practice (all its languages), counted
        once per practice: a keyword typed on one language's page reaches the
        others translated."""
        selected = {}
        for page in objects:
            page = _practice(page)
            selected.setdefault(page.translation_key, page.locale.language_code)
        published, drafted = set(), set()
        with sharing():
            for page in practice_pages(objects):
                change = KeywordChange(
                    selected[page.translation_key],
                    [keyword] if keyword and operation == "add" else [],
                    [keyword] if keyword and operation == "remove" else [],
                )
                if _classify(page, operation, theme, outcome, change, user):
                    published.add(page.translation_key)
                else:
                    drafted.add(page.translation_key)
        return len(published), len(drafted - published)

    def get_success_message(self, num_parent_objects, num_child_objects):
        return _(
            "%(published)d practices published with the change, %(drafted)d saved as "
            "drafts."
        ) % {"published": num_parent_objects, "drafted": num_child_objects}


def _classify(page, operation, theme, outcome, keywords, user) -> bool:
    """One page's change: published when it is live without a pending draft (so
    search follows), a new draft otherwise. Returns whether it was published."""
    publish = page.live and not page.has_unpublished_changes
    latest = page.get_latest_revision_as_object()
    for relation, term in (("themes", theme), ("outcomes", outcome)):
        if term is None:
            continue
        terms = set(getattr(latest, relation).all())
        terms = terms | {term} if operation == "add" else terms - {term}
        getattr(latest, relation).set(list(terms))
    apply_keyword_change(keywords, latest)
    revision = latest.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    return publish


class ExportBulkAction(PracticeBulkAction):
    """The selected practices as the open data CSV (published content only)."""

    display_name = _("Export CSV")
    action_type = "desk_export"
    aria_label = _("Export the selected practices as CSV")
    action_priority = 80
    question = _(
        "Download these practices as CSV, in the open data format (published "
        "content only; drafts are left out)."
    )
    button = _("Download CSV")

    def form_valid(self, form):
        objects, _without_access = self.get_actionable_objects()
        keys = list(dict.fromkeys(str(page.translation_key) for page in objects))
        lang = "en" if self.request.LANGUAGE_CODE == "en" else "es"
        groups = practice_groups(keys, lang=lang, url_for=PageAddresses(self.request))
        body = csv_header(bom=True) + csv_lines(practice_row(g) for g in groups)
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        day = timezone.localdate().isoformat()
        response["Content-Disposition"] = (
            f'attachment; filename="repertorio-selection-{day}.csv"'
        )
        return response


BULK_ACTIONS = [MarkReviewedBulkAction, ClassifyBulkAction, ExportBulkAction]
