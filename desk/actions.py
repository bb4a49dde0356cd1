"""The desk's single-practice actions: re-index now, mark as reviewed."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from practices.models import PracticePage
from search.service import reindex_practice

from .review import mark_reviewed
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
    messages.success(
        request,
        _("Draft translation created from “%(title)s”: translate it and save.")
        % {"title": page.title},
    )
    return _back(request, translation)
