"""Screenshots into docs/screenshots/, by set:

- site: the home, search and practice pages at desktop and phone widths;
- desk: the editors' desk (the dashboard panel, the duplicates report and the
  "Is it in search?" side panel), signed in as a moderator created for the run
  (Spanish admin) and deleted afterwards.

    make screenshots                                  (every set)
    .venv/bin/python scripts/screenshots.py desk      (the sets named)

Needs the demo repertory indexed (`make run` once); the duplicates report shows what
`manage.py find_duplicates` last found. Serves the app from a thread on the
configured database (kb.settings.dev by default) and drives Debian's Chromium.
"""

import argparse
import os
import secrets
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "docs/screenshots"
SITE_WIDTHS = {"desktop": (1280, 900), "phone": (375, 812)}
DESK_USERNAME = "desk-screenshots"


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kb.settings.dev")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    import django

    django.setup()


@contextmanager
def served_app():
    """The app (with its static files) served from a thread; yields its base URL."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler)
    server.set_app(StaticFilesHandler(get_wsgi_application()))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


def save(page, name: str, **options) -> Path:
    target = OUTPUT / f"{name}.png"
    page.screenshot(path=str(target), **options)
    return target


def spanish_practice(preferred=None):
    """A published Spanish practice: the first that `preferred` (a narrowing of the
    queryset) keeps, if any does, else the first; exits when there is none."""
    from practices.models import PracticePage

    spanish = PracticePage.objects.live().filter(locale__language_code="es")
    practice = (preferred(spanish).first() if preferred else None) or spanish.first()
    if practice is None:
        sys.exit("No published practice: run `make run` (or load_demo) first.")
    return practice


def site_shots(browser, base: str) -> None:
    practice = spanish_practice(
        lambda pages: (
            pages.filter(country__code="MX").exclude(results="").order_by("path")
        )
    )
    pages = {
        "home": "/",
        "search": "/buscar/?q=presupuesto+participativo&country=MX&country=BR",
        "practice": practice.url,
        "search-en": "/en/search/?q=open+data&level=municipal",
    }
    for name, path in pages.items():
        for width_name, (width, height) in SITE_WIDTHS.items():
            context = browser.new_context(
                viewport={"width": width, "height": height},
                device_scale_factor=1,
                is_mobile=width_name == "phone",
            )
            page = context.new_page()
            page.goto(base + path, wait_until="networkidle")
            target = save(page, f"{name}-{width_name}", full_page=True)
            print(f"{target.relative_to(ROOT)}  {base}{path}")
            context.close()


@contextmanager
def moderator():
    """A moderator account for the run; yields (username, password)."""
    from django.contrib.auth.models import Group, User

    password = secrets.token_urlsafe(16)
    user, _created = User.objects.get_or_create(username=DESK_USERNAME)
    user.set_password(password)
    user.save()
    user.groups.add(Group.objects.get(name="Moderators"))
    try:
        yield DESK_USERNAME, password
    finally:
        User.objects.filter(username=DESK_USERNAME).delete()


def desk_shots(browser, base: str) -> None:
    practice = spanish_practice()
    with moderator() as (username, password):
        page = browser.new_context(
            viewport={"width": 1280, "height": 900}, device_scale_factor=1
        ).new_page()
        page.goto(base + "/admin/login/")
        page.locator("input[name=username]").fill(username)
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
            print(save(page, name, full_page=True).relative_to(ROOT))
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(base + f"/admin/pages/{practice.pk}/edit/", wait_until="networkidle")
        page.locator("[data-side-panel-toggle='search_status']").click()
        page.wait_for_timeout(500)
        print(save(page, "desk-search-status").relative_to(ROOT))
        page.context.close()


SETS = {"site": site_shots, "desk": desk_shots}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "sets", nargs="*", metavar="SET", help=f"{', '.join(SETS)} (default: all)"
    )
    args = parser.parse_args(argv)
    unknown = sorted(set(args.sets) - set(SETS))
    if unknown:
        parser.error(f"unknown set {', '.join(unknown)}: choose from {', '.join(SETS)}")
    setup_django()
    from playwright.sync_api import sync_playwright

    OUTPUT.mkdir(parents=True, exist_ok=True)
    with served_app() as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox"]
        )
        for name in args.sets or SETS:
            SETS[name](browser, base)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
