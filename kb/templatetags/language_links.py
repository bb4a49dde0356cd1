"""The address of the current page or search in the other site language."""

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def alternate_language_url(context, language_code: str) -> str:
    """The translation of the current page (the page itself when its machine
    translation is read; its machine translation when people have not translated
    it, `machine_translation_urls`), else the same route in that language, else
    that language's home page.

    The route is the one Django resolved, reversed in the other language: the raw
    path (on a 404, "//evil.example/…" from "/%2Fevil.example/…") never becomes
    the link, so the link always stays on this site.

    Pages put their live translations in the context (one query, which their own
    template also uses); nothing here touches the database.
    """
    request = context["request"]
    page = context.get("page")
    if isinstance(page, Page):
        if page.locale.language_code == language_code:
            # Its machine translation is being read: the page itself is the way back.
            return page.get_url(request)
        for other in context.get("translations") or ():
            if other.locale.language_code == language_code:
                return other.get_url(request)
        machine = (context.get("machine_translation_urls") or {}).get(language_code)
        if machine:
            return machine
    elif (route := _same_route(request, language_code)) is not None:
        return route
    with translation.override(language_code):
        return reverse("wagtail_serve", args=("",))


def _same_route(request, language_code: str) -> str | None:
    match = getattr(request, "resolver_match", None)
    if match is None or not match.view_name:
        return None
    try:
        with translation.override(language_code):
            path = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:
        return None
    if not _is_site_path(path):
        return None
    params = request.GET.copy()
    # The other language's list is another list (a search finds 12 practices in
    # Spanish, 9 in English): its page 2 may not exist. It opens at its first.
    params.pop("page", None)
    query = params.urlencode()
    return f"{path}?{query}" if query else path


def _is_site_path(path: str) -> bool:
    """A path on this site: "/…", never "//host" or "/\\host" (browsers read both as
    another host)."""
    return (
        path.startswith("/")
        and not path.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(path, allowed_hosts=None)
    )
