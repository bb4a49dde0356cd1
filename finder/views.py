"""The finder's page (the form, and the ranked practices under it), its printable
brief, and its JSON API. All three parse the context once (finder/context.py)."""

import json

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from kb.translations import site_languages
from search.api_errors import UNAVAILABLE, error_response
from search.service import SearchUnavailable

from .brief import first_steps
from .choices import form_choices
from .context import ContextError, FinderContext, names_a_context, parse_context
from .serializers import answer_json
from .service import find_for

# How many practices the brief covers (the issue: three to five).
BRIEF_PRACTICES = 5
MAX_BODY_BYTES = 20_000


def _reader_language() -> str:
    return "en" if (get_language() or "es").startswith("en") else "es"


def _page_context(context: FinderContext) -> dict:
    return {
        "context": context,
        "choices": form_choices(context),
        "brief_url": context.url(reverse("finder-brief")),
        "finder_url": context.url(reverse("finder")),
        "answer": None,
        "unavailable": False,
    }


@require_GET
def finder_page(request):
    context = parse_context(request.GET, lang=_reader_language())
    data = _page_context(context)
    status = 200
    # A first visit: the form, not errors. The finder has no pages: `?page=2` or a
    # campaign's tag alone is a first visit too.
    if not names_a_context(request.GET):
        context = FinderContext(lang=context.lang)
        data["context"] = context
    elif not context.is_valid:
        status = 400
    else:
        try:
            data["answer"] = find_for(context)
        except SearchUnavailable:
            data["unavailable"] = True
            status = 503
    response = render(request, "finder/finder_page.html", data, status=status)
    # An official's context is theirs: results pages stay out of search engines.
    if request.GET:
        response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def finder_brief(request):
    context = parse_context(request.GET, lang=_reader_language())
    data = _page_context(context)
    status = 200
    if not context.is_valid:
        status = 400
    else:
        try:
            answer = find_for(context, size=BRIEF_PRACTICES)
        except SearchUnavailable:
            answer = None
            data["unavailable"] = True
            status = 503
        data["answer"] = answer
        data["steps"] = first_steps(answer.practices) if answer else []
    response = render(request, "finder/brief.html", data, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response


@csrf_exempt  # a JSON API without cookies or sessions: nothing to forge
@require_POST
def finder_api(request):
    if len(request.body) > MAX_BODY_BYTES:
        return error_response(400, f"at most {MAX_BODY_BYTES} bytes")
    try:
        body = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return error_response(400, "the body must be a JSON object")
    if not isinstance(body, dict):
        return error_response(400, "the body must be a JSON object")
    lang = body.get("lang", "es")
    if lang not in site_languages():
        return error_response(
            400, f"must be one of {', '.join(site_languages())}", "lang"
        )
    context = parse_context(body, lang=lang)
    if not context.is_valid:
        error: ContextError = context.errors[0]
        return error_response(400, error.message, error.parameter)
    try:
        answer = find_for(context)
    except SearchUnavailable:
        return error_response(503, UNAVAILABLE)
    return JsonResponse(answer_json(answer))
