"""Response headers and session limits that django-csp and Django leave to us.

- The public site gets the strict Content-Security-Policy in
  `settings.CONTENT_SECURITY_POLICY` (scripts from our own origin only, a nonce only
  on the pages that carry a JSON-LD block). Wagtail's admin ships inline scripts
  and styles in its widgets, so `/admin/` gets `ADMIN_CONTENT_SECURITY_POLICY`,
  which allows them there and nowhere else. A page rendered for the admin's
  preview keeps the public policy, except that the admin (same origin only) may
  frame it; public pages stay unframeable.
- A session ends after `SESSION_COOKIE_AGE` seconds without a request (the cookie
  is renewed on each one, `SESSION_SAVE_EVERY_REQUEST`) and, whatever the activity,
  `SESSION_MAX_AGE_SECONDS` after sign-in.
"""

import time

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.contrib.auth import logout

SESSION_STARTED_KEY = "kb.session_started_at"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        admin_prefix = getattr(settings, "ADMIN_URL_PREFIX", "/admin/")
        if report_only:
            return parts
        if request.path_info.startswith(admin_prefix):
            parts.config = default_config(
                settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
            )
        elif is_admin_preview(request):
            # The public page's policy, but the admin's preview panel may frame it.
            parts.config = default_config(
                {
                    **settings.CONTENT_SECURITY_POLICY["DIRECTIVES"],
                    "frame-ancestors": ["'self'"],
                }
            )
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if is_admin_preview(request):
            # XFrameOptionsMiddleware said DENY, as for any public page.
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response


def is_admin_preview(request) -> bool:
    """A page rendered for the admin's preview: Wagtail runs the middleware on a
    dummy request for the page's public URL (`is_dummy`), never reachable from
    outside, and shows the result in a frame of the admin (same origin)."""
    return getattr(request, "is_dummy", False) is True


class SessionMaxAgeMiddleware:
    """Sign out a session older than `SESSION_MAX_AGE_SECONDS`, however active."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            started = request.session.get(SESSION_STARTED_KEY)
            now = int(time.time())
            if started is None:
                request.session[SESSION_STARTED_KEY] = now
            elif now - int(started) > settings.SESSION_MAX_AGE_SECONDS:
                logout(request)
        return self.get_response(request)
