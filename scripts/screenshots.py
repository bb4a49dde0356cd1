"""Screenshots of the home, search and practice pages at desktop and phone widths.

    make screenshots      (needs the demo repertory indexed: `make run` once)

Serves the app from a thread on the configured database (kb.settings.dev by default)
and drives Debian's Chromium; the pictures go to docs/screenshots/.
"""

import os
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kb.settings.dev")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import django  # noqa: E402

django.setup()

from django.contrib.staticfiles.handlers import StaticFilesHandler  # noqa: E402
from django.core.servers.basehttp import (  # noqa: E402
    ThreadedWSGIServer,
    WSGIRequestHandler,
)
from django.core.wsgi import get_wsgi_application  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from practices.models import PracticePage  # noqa: E402

OUTPUT = ROOT / "docs/screenshots"
WIDTHS = {"desktop": (1280, 900), "phone": (375, 812)}


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def practice_path() -> str:
    practice = (
        PracticePage.objects.live()
        .filter(locale__language_code="es", country__code="MX")
        .exclude(results="")
        .order_by("path")
        .first()
    ) or PracticePage.objects.live().filter(locale__language_code="es").first()
    if practice is None:
        sys.exit("No published practice: run `make run` (or load_demo) first.")
    return practice.url


def main() -> int:
    pages = {
        "home": "/",
        "search": "/buscar/?q=presupuesto+participativo&country=MX&country=BR",
        "practice": practice_path(),
        "search-en": "/en/search/?q=open+data&level=municipal",
    }
    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler)
    server.set_app(StaticFilesHandler(get_wsgi_application()))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    OUTPUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox"]
        )
        for name, path in pages.items():
            for width_name, (width, height) in WIDTHS.items():
                context = browser.new_context(
                    viewport={"width": width, "height": height},
                    device_scale_factor=1,
                    is_mobile=width_name == "phone",
                )
                page = context.new_page()
                page.goto(base + path, wait_until="networkidle")
                target = OUTPUT / f"{name}-{width_name}.png"
                page.screenshot(path=str(target), full_page=True)
                print(f"{target.relative_to(ROOT)}  {base}{path}")
                context.close()
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
