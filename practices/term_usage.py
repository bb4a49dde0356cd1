"""A vocabulary term that classifies practices is not deleted from under them.

A theme, type or outcome is held in a many-to-many table: deleting the term would
silently strip it from every practice (search and the live revisions would still
name it), and Wagtail's reference index does not count those rows, so its delete
screen said "0 references". Single-valued terms are protected by their foreign
keys already; they are counted here too, so every term answers the same way.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import ngettext

from .facets import FACETS
from .models import PracticePage


def practices_classified_with(term) -> int:
    """How many practice pages (any language, drafts included) hold the term."""
    fields = [
        facet.field
        for facet in FACETS
        if facet.vocabulary is type(term) and facet.editable and "__" not in facet.field
    ]
    if not fields:
        return 0
    pages = PracticePage.objects.none()
    for field in fields:
        pages = pages | PracticePage.objects.filter(**{field: term})
    return pages.distinct().count()


def refuse_to_delete_terms_in_use(request, instances):
    """`before_delete_snippet`: name each term in use and go back to its listing."""
    in_use = [(term, practices_classified_with(term)) for term in instances]
    in_use = [(term, count) for term, count in in_use if count]
    if not in_use:
        return None
    for term, count in in_use:
        messages.error(
            request,
            ngettext(
                "“%(term)s” was not deleted: %(count)s practice is classified with "
                "it. Remove the term from that practice first.",
                "“%(term)s” was not deleted: %(count)s practices are classified with "
                "it. Remove the term from those practices first.",
                count,
            )
            % {"term": term, "count": count},
        )
    return redirect(type(in_use[0][0]).snippet_viewset.get_url_name("list"))
