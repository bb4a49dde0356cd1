"""The desk's actions: re-index now, mark as reviewed, translate, merge."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from practices.models import PracticePage
from search.index_status import reindex_practice

from .duplicates import MergeRefused, can_merge, mark_not_duplicate, merge_practices
from .models import DuplicateCandidate
from .permissions import can_use_desk
from .review import mark_reviewed
from .tasks import start_duplicate_search
from .translation import create_translation, missing_locales


def _editable_practice(request, page_id: int) -> PracticePage:
    page = get_object_or_404(PracticePage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def _back(request, page):
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


@require_POST
def reindex(request, page_id: int):
    page = _editable_practice(request, page_id)
    status = reindex_practice(page.translation_key)
    if status.up_to_date:
        messages.success(
            request,
            _("“%(title)s” is now in search as published.") % {"title": page.title}
            if status.indexed
            else _("“%(title)s” is not published: it was removed from search.")
            % {"title": page.title},
        )
    else:
        error = status.error or (status.queued.last_error if status.queued else "")
        messages.error(
            request,
            _(
                "Search could not be updated now; the update stays queued and will be "
                "retried. %(error)s"
            )
            % {"error": error},
        )
    return _back(request, page)


@require_POST
def reviewed(request, page_id: int):
    page = _editable_practice(request, page_id)
    mark_reviewed([page], request.user)
    messages.success(
        request, _("“%(title)s” marked as reviewed today.") % {"title": page.title}
    )
    return _back(request, page)


@require_POST
def translate(request, page_id: int):
    """Create the missing translation as a draft and open it in the editor."""
    page = get_object_or_404(PracticePage, pk=page_id)
    if not request.user.has_perm("simple_translation.submit_translation"):
        raise PermissionDenied
    locales = missing_locales(page)
    if not locales:
        messages.info(request, _("This practice is already in every language."))
        return _back(request, page)
    parent = page.get_parent().get_translation_or_none(locales[0])
    if (
        parent is None
        or not parent.permissions_for_user(request.user).can_add_subpage()
    ):
        raise PermissionDenied
    translation = create_translation(page, locales[0])
    if translation.title != page.title:
        text = _(
            "Draft translation created from “%(title)s”, prefilled with its machine "
            "translation: revise it and save."
        )
    else:
        text = _("Draft translation created from “%(title)s”: translate it and save.")
    messages.success(request, text % {"title": page.title})
    return _back(request, translation)


class MergeView(WagtailAdminTemplateMixin, TemplateView):
    """Compare two practices and merge one into the other (moderators only)."""

    template_name = "desk/merge.html"
    page_title = gettext_lazy("Merge duplicate practices")
    header_icon = "copy"

    def dispatch(self, request, *args, **kwargs):
        params = request.POST if request.method == "POST" else request.GET
        try:
            first, second = (int(params.get(name, "")) for name in ("first", "second"))
        except ValueError:
            return HttpResponseBadRequest(
                _("Name the two practices to compare: first and second page ids.")
            )
        self.first = get_object_or_404(PracticePage, pk=first)
        self.second = get_object_or_404(PracticePage, pk=second)
        if not can_merge(request.user, self.first, self.second):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        # Without them the header read "Home" ("Inicio") instead of the title.
        return self.breadcrumbs_items + [
            {"url": reverse("desk:duplicates"), "label": _("Possible duplicates")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["practices"] = [self.first, self.second]
        return context

    def post(self, request, *args, **kwargs):
        keep_id = request.POST.get("keep")
        if keep_id not in (str(self.first.pk), str(self.second.pk)):
            messages.error(request, _("Choose the practice to keep."))
            return self.get(request, *args, **kwargs)
        keep, retire = (
            (self.first, self.second)
            if keep_id == str(self.first.pk)
            else (self.second, self.first)
        )
        try:
            result = merge_practices(keep, retire, request.user)
        except MergeRefused as exc:
            messages.error(request, str(exc))
            return self.get(request, *args, **kwargs)
        messages.success(
            request,
            _(
                "“%(retired)s” merged into “%(kept)s”: %(sources)s sources and "
                "%(keywords)s keywords moved; its address now redirects here."
            )
            % {
                "retired": retire.title,
                "kept": keep.title,
                "sources": result.sources_moved,
                "keywords": result.keywords_moved,
            },
        )
        return _back(request, keep)


@require_POST
def find_duplicates(request):
    """Start the duplicate search (it also runs nightly) as a background task."""
    if not can_use_desk(request.user):
        raise PermissionDenied
    if start_duplicate_search():
        messages.success(
            request,
            _(
                "The search for duplicates has started; its pairs appear here "
                "when it ends, in a few minutes."
            ),
        )
    else:
        messages.info(
            request,
            _(
                "A search for duplicates is already under way; its pairs appear here "
                "when it ends."
            ),
        )
    return redirect(reverse("desk:duplicates"))


@require_POST
def not_duplicate(request, pair_id: int):
    """A moderator's judgement that a pair are two practices: kept across searches."""
    pair = get_object_or_404(DuplicateCandidate, pk=pair_id)
    if not can_merge(request.user, pair.first, pair.second):
        raise PermissionDenied
    mark_not_duplicate(pair, request.user)
    messages.success(
        request,
        _("“%(first)s” and “%(second)s” will not be paired again.")
        % {"first": pair.first.title, "second": pair.second.title},
    )
    return redirect("desk:duplicates")
