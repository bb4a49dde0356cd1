"""The language a reader chose, remembered: the language switch's link carries
`?chosen_language=en`; this middleware keeps the choice in Django's language cookie and
sends the reader on to the same address without the marker. The Spanish home page
(`/`) then sends a reader who chose English to `/en/`.

Only `/` is redirected: every other address names its language, and search
engines, which keep no cookies, still find both languages there and through
hreflang.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme

# Not `language` nor `lang`: the search and the API already take those.
CHOICE = "chosen_language"
ONE_YEAR = 365 * 24 * 3600


def _languages() -> set[str]:
    return {code for code, _name in settings.LANGUAGES}


class LanguageMemoryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.GET.get(CHOICE)
        if request.method == "GET" and chosen in _languages():
            return self._remember(request, chosen)
        if request.path == "/" and request.method in ("GET", "HEAD"):
            remembered = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
            if remembered in _languages() and remembered != settings.LANGUAGE_CODE:
                response = HttpResponseRedirect(f"/{remembered}/")
                patch_vary_headers(response, ["Cookie"])
                return response
            response = self.get_response(request)
            patch_vary_headers(response, ["Cookie"])
            return response
        return self.get_response(request)

    def _remember(self, request, chosen: str):
        query = request.GET.copy()
        query.pop(CHOICE)
        # The same path on this site, never another: "//evil.example/" or "/\\evil"
        # would read as another host, so such a path goes home instead.
        target = request.path + (f"?{query.urlencode()}" if query else "")
        if not url_has_allowed_host_and_scheme(target, allowed_hosts=None):
            target = "/"
        response = HttpResponseRedirect(target)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            chosen,
            max_age=ONE_YEAR,
            samesite="Lax",
            secure=request.is_secure(),
        )
        response["Cache-Control"] = "no-store"
        return response
