"""Production: every secret from the environment, HTTPS assumed in front."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .environment import env_bool, env_int, env_str

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
# The privacy notice names it as the address for rights requests.
if not env_str("CONTACT_EMAIL") or CONTACT_EMAIL.endswith((".invalid", "@localhost")):  # noqa: F405
    raise ImproperlyConfigured(
        "CONTACT_EMAIL must be set in production: the privacy notice and the "
        "contact page publish it as the address for rights requests."
    )

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 3600)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
