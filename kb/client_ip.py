"""The address of the person behind a request, seen through our own reverse proxies.

Behind N trusted proxies that each append the address they received from
(nginx's `proxy_add_x_forwarded_for`), the client is the N-th entry from the right
of X-Forwarded-For: entries further left were written by the client and can be
forged. `TRUSTED_PROXY_COUNT = 0` (the default) trusts no header and uses the socket
address. The same rule as Werkzeug's ProxyFix; django-ipware 8 counts only proxies
that appear in the header, so behind one nginx it finds no address at all.

Axes (admin lockout), every rate limit and the contribution limit key on this.
"""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < proxies:
        # The request did not come through every proxy we expect: nothing in the
        # header can be trusted.
        return remote
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
