import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kb.settings.production")

application = get_wsgi_application()

# The sentence encoder is loaded here, before any request: under gunicorn with
# `preload_app` (gunicorn.conf.py) in the master, whose workers then share its
# weights copy-on-write; under runserver at its start. No request loads it.
from search.vectors import preload_for_web  # noqa: E402  (after Django's setup)

preload_for_web()
