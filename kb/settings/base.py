"""Settings shared by every environment. Values that differ come from the environment."""

import zoneinfo
from pathlib import Path

from csp.constants import NONCE
from django.utils.translation import gettext_lazy as _

from .environment import (
    caches_from_url,
    database_from_url,
    env_bool,
    env_int,
    env_list,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DATA_DIR = Path(env_str("REPERTORIO_DATA_DIR", str(BASE_DIR / "data")))

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "kb",
    "pages",
    "taxonomy",
    "practices",
    "search",
    "contributions",
    "finder",
    "shortlist",
    "desk",
    "opendata",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.settings",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "kb.security.ContentSecurityPolicyMiddleware",
    "kb.uploads.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages carry inline SVG maps; Django's gzip adds random padding against BREACH
    # (Django 4.2+) and CSRF tokens are masked per response.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # The language switch's choice, kept in a cookie that "/" follows.
    "kb.language_memory.LanguageMemoryMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "kb.two_factor.SecondFactorMiddleware",
    "kb.security.SessionMaxAgeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "kb.rate_limits.RateLimitMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A write that meets another's lock: a message and a retry, not a 500.
    "kb.database_busy.DatabaseBusyMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kb.urls"
WSGI_APPLICATION = "kb.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

_database_url = env_str("DATABASE_URL")
if not _database_url:
    # The embedded default: a SQLite file in the git-ignored data folder.
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    _database_url = f"sqlite:///{DATA_DIR / 'repertorio.sqlite3'}"
DATABASES = {"default": database_from_url(_database_url)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it refuses a locked-out username + address before the password
# is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Spanish first: the repertory is built for Mexican officials.
LANGUAGE_CODE = "es"
LANGUAGES = [("es", _("Spanish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Mexico_City"
USE_I18N = True
USE_TZ = True
# The time zones an editor may choose in the admin: the system's tz database less
# its own files, which are not zone names ("localtime" made the browser's
# Intl.DateTimeFormat throw on the account page).
WAGTAIL_USER_TIME_ZONES = sorted(
    zoneinfo.available_timezones() - {"localtime", "Factory", "posixrules"}
)

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Repertorio"
# No Gravatar: the admin's Content-Security-Policy allows no third-party images,
# and editors' addresses are not sent to a third party for an avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The site's public address where there is no request (dumps, emails, tasks); the
# default Wagtail site takes its host and port from it. Pages, feeds and sitemaps use
# the host the reader reached instead (kb/absolute_urls.py).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", SITE_URL)
# The admin's own search stays on the database so editors never depend on OpenSearch:
# Wagtail's database backend, ignoring accents on PostgreSQL too (kb/admin_search.py;
# the configurations are ignored on SQLite).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "kb.admin_search",
        "SEARCH_CONFIG": "repertorio_spanish_folded",
        "AUTOCOMPLETE_CONFIG": "repertorio_folded",
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Addresses in ASCII, as the importers and translations make them (practices/
# services.py, translation_slugs.py): the editor's slug field folds "diálogo" to
# "dialogo" instead of publishing /mesas-de-di%C3%A1logo/.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True

# Public search: OpenSearch, owned by the search app.
OPENSEARCH_URL = env_list("OPENSEARCH_URL", "http://127.0.0.1:9200")
OPENSEARCH_INDEX_PREFIX = env_str("OPENSEARCH_INDEX_PREFIX", "repertorio")
OPENSEARCH_TIMEOUT_SECONDS = float(env_str("OPENSEARCH_TIMEOUT_SECONDS", "1.5"))
# Server side: the node cancels a search task running longer than this (below the
# client's timeout, so the node stops first).
OPENSEARCH_SEARCH_TIMEOUT_SECONDS = float(
    env_str("OPENSEARCH_SEARCH_TIMEOUT_SECONDS", "1.25")
)
# The ranking (search/ranking.py): "hybrid", text and sentence-vector matches, scores
# added; "text", no vectors (the model is never loaded in web workers).
SEARCH_MODE = env_str("SEARCH_MODE", "hybrid")
# Where the sum's vector half runs: "inline", a k-NN clause of the search request
# itself; "separate", a k-NN request first whose hits join the search as id clauses
# (the design before issue #25, kept for the comparison in docs/capacity.md).
SEARCH_VECTOR_REQUEST = env_str("SEARCH_VECTOR_REQUEST", "inline")
# Keep whole search answers this long in the shared cache for identical searches
# (search/answers.py; any index write makes them stale at once); 0: off.
SEARCH_ANSWER_CACHE_SECONDS = env_int("SEARCH_ANSWER_CACHE_SECONDS", 0)
# Copies of each shard beyond the primary: 0 on one node, 1 on a cluster of three
# (docs/capacity.md). A rebuild fills the new index without them, then adds them.
OPENSEARCH_NUMBER_OF_REPLICAS = env_int("OPENSEARCH_NUMBER_OF_REPLICAS", 0)

# Machine translation of single-language practices (Debian apertium, apertium-en-es).
APERTIUM_COMMAND = env_str("APERTIUM_COMMAND", "apertium")
# Also match the query translated Spanish->English (a warm Apertium pipeline per
# process, cached per query). On: it pays on the harness's tuning half
# (docs/search.md); off when Apertium is absent, as nothing is translated.
SEARCH_QUERY_TRANSLATION = env_bool("SEARCH_QUERY_TRANSLATION", True)
# Also match the query with misspelt glossary terms corrected (search/key_terms.py).
SEARCH_KEY_TERM_TYPOS = env_bool("SEARCH_KEY_TERM_TYPOS", True)
# Match a multi-word synonym as a phrase (OpenSearch's default, which also makes
# the words typed a phrase) or as words (better on the harness: docs/search.md).
SEARCH_SYNONYM_PHRASES = env_bool("SEARCH_SYNONYM_PHRASES", False)

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "repertorio@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
MODERATOR_EMAILS = env_list("MODERATOR_EMAILS")
# Published on the contact and privacy pages when they are first created; required
# in production. Elsewhere a placeholder that is plainly not a mailbox (.invalid).
CONTACT_EMAIL = env_str("CONTACT_EMAIL") or "contacto-sin-configurar@repertorio.invalid"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "opensearch": {"level": "ERROR"},
        "urllib3": {"level": "WARNING"},
        # Wagtail logs every page action and background task at INFO.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

# Wagtail's own OpenSearch backend (its opensearch3 module matches opensearch-py 3)
# on the same node, only for `manage.py search
# compare` (the side-by-side benchmark); it never updates itself on save.
WAGTAILSEARCH_BACKENDS["wagtail_opensearch"] = {
    "BACKEND": "wagtail.search.backends.opensearch3",
    "URLS": OPENSEARCH_URL,
    "INDEX_PREFIX": f"{OPENSEARCH_INDEX_PREFIX}-wagtail-",
    "AUTO_UPDATE": False,
    "TIMEOUT": 10,
}

# Open data: where `manage.py export_practices --dump` writes the dated full dumps.
# Background tasks (docs/architecture.md, "Task path"): Wagtail's own run at once, as
# before ("default"); ours, which a web request must not run, go to database queues:
# the index drain with its embedding ("index", read by `manage.py db_worker --backend
# index`, deploy/systemd/repertorio-index-queue), and the duplicate search, machine
# translation and the open data dumps ("background", `manage.py db_worker --backend
# background --queue-name '*'`, deploy/systemd/repertorio-tasks). Tests run the index
# drain at once (kb/settings/test.py); so may development (TASKS_AT_ONCE).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "index": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["index"]},
    "background": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["desk", "translation", "opendata"],
    },
}
# Cores the duplicate search may use (rapidfuzz's cdist), in the worker.
DUPLICATE_SEARCH_WORKERS = env_int("DUPLICATE_SEARCH_WORKERS", 1)
OPEN_DATA_DUMP_DIR = Path(env_str("OPEN_DATA_DUMP_DIR", str(DATA_DIR / "open-data")))
# Live exports in progress at once (opendata/views.py, kb/concurrency.py): a large
# one holds a web worker for minutes, so fewer than the workers, and one per client.
EXPORT_CONCURRENT_PER_CLIENT = env_int("EXPORT_CONCURRENT_PER_CLIENT", 1)
EXPORT_CONCURRENT_TOTAL = env_int("EXPORT_CONCURRENT_TOTAL", 2)
EXPORT_SLOT_SECONDS = env_int("EXPORT_SLOT_SECONDS", 900)
EXPORT_RETRY_AFTER_SECONDS = 60

# Contributions from the public form.
CONTRIBUTION_UPLOAD_ROOT = Path(
    env_str("CONTRIBUTION_UPLOAD_ROOT", str(DATA_DIR / "private-uploads"))
)
CONTRIBUTION_MAX_UPLOAD_BYTES = env_int(
    "CONTRIBUTION_MAX_UPLOAD_BYTES", 5 * 1024 * 1024
)
CONTRIBUTION_RETENTION_DAYS = env_int("CONTRIBUTION_RETENTION_DAYS", 365)
CONTRIBUTION_RATE_LIMIT_PER_HOUR = env_int("CONTRIBUTION_RATE_LIMIT_PER_HOUR", 5)
CONTRIBUTION_MIN_FILL_SECONDS = env_int("CONTRIBUTION_MIN_FILL_SECONDS", 4)
DATA_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024
# A public request announcing a larger body is refused before it is read (413): one
# document plus the form's text.
MAX_REQUEST_BODY_BYTES = env_int(
    "MAX_REQUEST_BODY_BYTES", CONTRIBUTION_MAX_UPLOAD_BYTES + 1024 * 1024
)
# The admin's document and image upload views alone may take more (kb/uploads.py).
ADMIN_UPLOAD_MAX_REQUEST_BODY_BYTES = env_int(
    "ADMIN_UPLOAD_MAX_REQUEST_BODY_BYTES",
    max(WAGTAILDOCS_MAX_UPLOAD_SIZE, WAGTAILIMAGES_MAX_UPLOAD_SIZE) + 1024 * 1024,
)

# The daily source link checker (manage.py check_sources). Private and loopback
# addresses are refused unless allowed: the checker must not probe the server's network.
LINK_CHECK_TIMEOUT_SECONDS = float(env_str("LINK_CHECK_TIMEOUT_SECONDS", "10"))
LINK_CHECK_WORKERS = env_int("LINK_CHECK_WORKERS", 8)
LINK_CHECK_PER_HOST_INTERVAL_SECONDS = float(
    env_str("LINK_CHECK_PER_HOST_INTERVAL_SECONDS", "1")
)
LINK_CHECK_ALLOW_PRIVATE_HOSTS = env_bool("LINK_CHECK_ALLOW_PRIVATE_HOSTS", False)
# The client address behind our reverse proxies (kb/client_ip.py): how many proxies
# in front of the app append to X-Forwarded-For. 0 trusts no header.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Caches shared by every worker (kb/caches.py): "default" for facet labels, footer
# links and practice fragments; "counters" for rate-limit counts and version stamps,
# which no flood of other entries may cull; "queries" for query vectors and query
# translations, one per unique search, bounded. The database by default (tables
# created by migrations), Redis when REDIS_URL or CACHE_URL is set.
CACHES = caches_from_url(
    env_str("REDIS_URL") or env_str("CACHE_URL"),
    max_entries={
        "default": env_int("CACHE_MAX_ENTRIES", 5_000),
        "counters": env_int("COUNTER_CACHE_MAX_ENTRIES", 50_000),
        "queries": env_int("QUERY_CACHE_MAX_ENTRIES", 10_000),
    },
)

# Requests per client (URL name -> rate such as 120/m or 10/5m, kb/rate_limits.py),
# answered with 429 and Retry-After beyond it. Autocomplete asks on every keystroke.
RATE_LIMITS = {
    "search": env_str("SEARCH_RATE_LIMIT", "120/m"),
    "api-search": env_str("API_RATE_LIMIT", "120/m"),
    "api-autocomplete": env_str("AUTOCOMPLETE_RATE_LIMIT", "600/m"),
    # Open data reads count like the API; an export streams a whole result set, so
    # a client gets fewer of them.
    "api-practice": env_str("API_RATE_LIMIT", "120/m"),
    "api-taxonomy": env_str("API_RATE_LIMIT", "120/m"),
    "practices-feed": env_str("API_RATE_LIMIT", "120/m"),
    "api-export": env_str("EXPORT_RATE_LIMIT", "10/m"),
    # Cheap now (cached), but public: no client may make them a load.
    "readyz": env_str("API_RATE_LIMIT", "120/m"),
    "sitemap-index": env_str("API_RATE_LIMIT", "120/m"),
    "sitemap-section": env_str("API_RATE_LIMIT", "120/m"),
    # The practice finder's page and brief count like searches, its API like the API.
    "finder": env_str("SEARCH_RATE_LIMIT", "120/m"),
    "finder-brief": env_str("SEARCH_RATE_LIMIT", "120/m"),
    "api-finder": env_str("API_RATE_LIMIT", "120/m"),
}

# Admin sign-in: django-axes locks a username out for AXES_COOLOFF_MINUTES after
# SIGN_IN_FAILURES_PER_ADDRESS failures from one client address, or after
# SIGN_IN_FAILURES_PER_USERNAME failures from any addresses (kb/sign_in_limits.py).
SIGN_IN_FAILURES_PER_ADDRESS = env_int("AXES_FAILURE_LIMIT", 5)
SIGN_IN_FAILURES_PER_USERNAME = env_int("SIGN_IN_FAILURES_PER_USERNAME", 20)
AXES_FAILURE_LIMIT = "kb.sign_in_limits.failure_limit"
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username"]
AXES_CLIENT_IP_CALLABLE = "kb.client_ip.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin_locked_out.html"

# Optional second factor (django-otp, TOTP): an editor or moderator who sets it up in
# the admin must give a code at every sign-in.
OTP_TOTP_ISSUER = "Repertorio"
# After a wrong code, wait 1 s, then 2, 4, 8… before the next is checked.
OTP_TOTP_THROTTLE_FACTOR = 1
WAGTAILADMIN_USER_LOGIN_FORM = "kb.two_factor.LoginForm"
# Login-restricted pages send readers to the admin sign-in, which asks for the code;
# Wagtail's password-only one (/_util/login/) redirects there too (kb/urls.py).
WAGTAIL_FRONTEND_LOGIN_URL = "/admin/login/"

# Sessions end after an hour without a request and 12 hours after sign-in.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_SECONDS", 3600)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_MAX_AGE_SECONDS = env_int("SESSION_MAX_AGE_SECONDS", 12 * 3600)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Content-Security-Policy (django-csp): no inline script on the public site; the
# practice page's JSON-LD block carries the one nonce. Wagtail's admin needs inline
# script and style in its widgets: it gets its own policy (kb/security.py).
_CSP_COMMON = {
    "default-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "connect-src": ["'self'"],
    "font-src": ["'self'"],
}
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **_CSP_COMMON,
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-ancestors": ["'none'"],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **_CSP_COMMON,
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "media-src": ["'self'", "blob:"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# Features the site never uses, switched off for it and anything it embeds.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}
ADMIN_URL_PREFIX = "/admin/"
AXES_VERBOSE = False
