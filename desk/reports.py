"""The desk's reports, as Wagtail report views: editors and moderators see them."""

from urllib.parse import urlencode

from django.db.models import CharField, OuterRef, Subquery
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, LocaleColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from practices.models import PracticePage, PracticeSource
from practices.translation import machine_translations_for
from search.index_status import queued_index_updates

from .duplicates import can_merge
from .models import DuplicateCandidate, LinkCheck
from .permissions import editable_pages, page_policy
from .spreadsheets import NeutralisedCSVMixin


def _edit_url(page_id) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page_id])


class ActionColumn(Column):
    """A cell holding one POST button (with the CSRF token) or a link."""

    cell_template_name = "desk/tables/action_cell.html"

    def __init__(self, name, *, get_action, **kwargs):
        super().__init__(name, **kwargs)
        self._get_action = get_action

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["action"] = self._get_action(instance)
        # The table's context holds no token of its own (it read `None`): take the
        # request's, as {% csrf_token %} would.
        request = parent_context.get("request")
        context["csrf_token"] = get_token(request) if request is not None else ""
        return context


class DeskReportView(NeutralisedCSVMixin, ReportView):
    """A desk report; its CSV cells are formula-neutralised (desk/spreadsheets.py)."""

    permission_policy = page_policy
    any_permission_required = ["add", "change", "publish"]
    paginate_by = 50


class IndexQueueReport(DeskReportView):
    """Updates waiting to reach search, with their last error."""

    page_title = _("Search index queue")
    header_icon = "search"
    index_url_name = "desk:index_queue"
    index_results_url_name = "desk:index_queue_results"
    columns = [
        TitleColumn(
            "title",
            label=_("Practice"),
            get_url=lambda row: _edit_url(row.page_id) if row.page_id else None,
        ),
        Column("reason", label=_("Reason")),
        DateColumn("created_at", label=_("Queued at")),
        Column("attempts", label=_("Attempts")),
        Column("last_error", label=_("Last error")),
    ]
    list_export = ["translation_key", "reason", "created_at", "attempts", "last_error"]

    def get_queryset(self):
        pages = PracticePage.objects.filter(translation_key=OuterRef("translation_key"))
        return queued_index_updates().annotate(
            page_id=Subquery(pages.values("pk")[:1]),
            title=Subquery(pages.values("title")[:1], output_field=CharField()),
        )


def _machine_text(page) -> str:
    texts = getattr(page, "machine_texts", None) or {}
    if not texts.get("title"):
        return "—"
    summary = texts.get("summary", "")
    return f"{texts['title']} — {summary[:160]}{'…' if len(summary) > 160 else ''}"


class TranslationStatusReport(DeskReportView):
    """Practices in one language only, their machine translation where one is
    stored, and the action that starts the translation page (prefilled with it)."""

    page_title = _("Translation status")
    header_icon = "globe"
    index_url_name = "desk:translations"
    index_results_url_name = "desk:translations_results"
    list_export = ["title", "locale", "country", "live"]

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title", label=_("Practice"), get_url=lambda p: _edit_url(p.pk)
            ),
            LocaleColumn(),
            Column("country", label=_("Country")),
            Column(
                "live",
                label=_("Published"),
                accessor=lambda p: _("yes") if p.live else _("no"),
            ),
            Column(
                "machine_translation",
                label=_("Machine translation"),
                accessor=lambda p: _machine_text(p),
            ),
            ActionColumn(
                "translate",
                label=_("Translation"),
                get_action=lambda p: {
                    "url": reverse("desk:translate", args=[p.pk]),
                    "label": _("Create the translation"),
                    "post": True,
                },
            ),
        ]

    def decorate_paginated_queryset(self, object_list):
        # One query for the page shown; the table reads the same evaluated rows.
        texts = machine_translations_for(object_list)
        for page in object_list:
            page.machine_texts = texts.get(page.pk, {})
        return object_list

    def get_queryset(self):
        return (
            PracticePage.objects.without_translation()
            .filter(pk__in=editable_pages(self.request.user).values("pk"))
            .select_related("locale", "country")
            .order_by("-live", "title")
        )


class BrokenLinksReport(DeskReportView):
    """Source links that answered with an error or not at all, by practice."""

    page_title = _("Broken source links")
    header_icon = "link"
    index_url_name = "desk:broken_links"
    index_results_url_name = "desk:broken_links_results"
    list_export = ["page.title", "title", "url", "result", "status_code", "checked_at"]

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "page",
                label=_("Practice"),
                accessor="page.title",
                get_url=lambda s: _edit_url(s.page_id),
            ),
            Column("title", label=_("Source")),
            Column("url", label=_("URL")),
            Column(
                "result",
                label=_("Result"),
                accessor=lambda s: LinkCheck.Result(s.result).label,
            ),
            Column("status_code", label=_("HTTP status")),
            DateColumn("checked_at", label=_("Checked")),
        ]

    def get_queryset(self):
        checks = LinkCheck.objects.filter(url=OuterRef("url"))
        return (
            PracticeSource.objects.filter(
                url__in=LinkCheck.objects.filter(
                    result__in=LinkCheck.BROKEN_RESULTS
                ).values("url"),
                page__in=editable_pages(self.request.user).values("pk"),
            )
            .annotate(
                result=Subquery(checks.values("result")[:1]),
                status_code=Subquery(checks.values("status_code")[:1]),
                checked_at=Subquery(checks.values("checked_at")[:1]),
            )
            .select_related("page")
            .order_by("page__title", "sort_order")
        )


class DuplicatesReport(DeskReportView):
    """Published practices of one country and language that read alike."""

    page_title = _("Possible duplicates")
    header_icon = "copy"
    template_name = "desk/reports/duplicates.html"
    index_url_name = "desk:duplicates"
    index_results_url_name = "desk:duplicates_results"
    list_export = ["first.title", "second.title", "score", "found_at"]

    @cached_property
    def columns(self):
        user = self.request.user

        def merge_action(pair):
            if not can_merge(user, pair.first, pair.second):
                return None
            query = urlencode({"first": pair.first_id, "second": pair.second_id})
            return {
                "url": f"{reverse('desk:merge')}?{query}",
                "label": _("Compare and merge"),
            }

        columns = [
            TitleColumn(
                "first",
                label=_("Practice"),
                accessor="first.title",
                get_url=lambda pair: _edit_url(pair.first_id),
            ),
            TitleColumn(
                "second",
                label=_("Looks like"),
                accessor="second.title",
                get_url=lambda pair: _edit_url(pair.second_id),
            ),
            Column("country", label=_("Country"), accessor="first.country"),
            Column(
                "language",
                label=_("Language"),
                accessor="first.locale.get_display_name",
            ),
            Column("score", label=_("Similarity")),
        ]
        if not self.may_merge:
            # An editor's two action columns would stay empty on every row.
            return columns
        return columns + [
            ActionColumn("merge", label=_("Merge"), get_action=merge_action),
            ActionColumn(
                "not_duplicate",
                label=_("Not a duplicate"),
                get_action=lambda pair: (
                    {
                        "url": reverse("desk:not_duplicate", args=[pair.pk]),
                        "label": _("Not a duplicate"),
                        "post": True,
                    }
                    if can_merge(user, pair.first, pair.second)
                    else None
                ),
            ),
        ]

    @cached_property
    def may_merge(self) -> bool:
        """Whether the user may publish practices at all: only moderators merge."""
        return page_policy.user_has_permission(self.request.user, "publish")

    def get_queryset(self):
        editable = editable_pages(self.request.user).values("pk")
        return DuplicateCandidate.objects.filter(
            first__live=True,
            second__live=True,
            first__in=editable,
            second__in=editable,
        ).select_related("first__locale", "first__country", "second")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        latest = DuplicateCandidate.objects.order_by("-found_at").first()
        context["last_search"] = latest.found_at if latest else None
        context["may_merge"] = self.may_merge
        return context
