"""Screenshots of the editors' desk: the dashboard panel, the duplicates report and
the "Is it in search?" side panel.

    DJANGO_SETTINGS_MODULE=kb.settings.dev .venv/bin/python scripts/desk_screenshots.py

Needs the demo repertory indexed (`make run` once) and `manage.py find_duplicates`.
Serves the app from a thread on the configured database, logs in as a moderator it
creates (Spanish admin), drives Debian's Chromium; pictures go to docs/screenshots/.
"""

import os
import secrets
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kb.settings.dev")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from django.contrib.staticfiles.handlers import StaticFilesHandler  # noqa: E402
from django.core.servers.basehttp import (  # noqa: E402
    ThreadedWSGIServer,
    WSGIRequestHandler,
)
from django.core.wsgi import get_wsgi_application  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from practices.models import PracticePage  # noqa: E402

OUTPUT = ROOT / "docs/screenshots"
USERNAME = "desk-screenshots"


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def moderator(password: str) -> User:
    user, _created = User.objects.get_or_create(username=USERNAME)
    user.set_password(password)
    user.save()
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def main() -> int:
    practice = PracticePage.objects.live().filter(locale__language_code="es").first()
    if practice is None:
        sys.exit("No published practice: run `make run` (or load_demo) first.")
    password = secrets.token_urlsafe(16)
    moderator(password)
    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler)
    server.set_app(StaticFilesHandler(get_wsgi_application()))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    OUTPUT.mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox"]
            )
            page = browser.new_context(
                viewport={"width": 1280, "height": 900}, device_scale_factor=1
            ).new_page()
            page.goto(base + "/admin/login/")
            page.locator("input[name=username]").fill(USERNAME)
            page.locator("input[name=password]").fill(password)
            page.locator("form button[type=submit]").click()
            page.wait_for_url(base + "/admin/")
            shots = [
                ("desk-dashboard", "/admin/"),
                ("desk-duplicates-report", "/admin/desk/duplicates/"),
            ]
            for name, path in shots:
                # The admin scrolls inside its main column: a tall window shows it all.
                page.set_viewport_size({"width": 1280, "height": 2000})
                page.goto(base + path, wait_until="networkidle")
                target = OUTPUT / f"{name}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target.relative_to(ROOT))
            page.set_viewport_size({"width": 1280, "height": 900})
            page.goto(
                base + f"/admin/pages/{practice.pk}/edit/", wait_until="networkidle"
            )
            page.locator("[data-side-panel-toggle='search_status']").click()
            page.wait_for_timeout(500)
            target = OUTPUT / "desk-search-status.png"
            page.screenshot(path=str(target))
            print(target.relative_to(ROOT))
            browser.close()
    finally:
        User.objects.filter(username=USERNAME).delete()
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
