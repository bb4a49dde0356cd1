"""Local development: debug on, emails to the console, a throwaway secret key."""

from .base import *  # noqa: F403
from .environment import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-change-me"  # noqa: F405
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# `make run` runs the task workers beside the server; a server run alone may do the
# index drain at once instead (inside the request that published, as tests do).
if env_bool("TASKS_AT_ONCE", False):
    TASKS = {
        **TASKS,  # noqa: F405
        "index": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": ["index"],
        },
    }
