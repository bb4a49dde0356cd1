"""Playwright driving Debian's Chromium (never a downloaded browser) against a live server.

Loaded as a plugin by tests/conftest.py, for tests/browser and tests/contribution_flow.
"""

import os
import re
import select
import threading
import time
from pathlib import Path

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.core.wsgi import get_wsgi_application
from django.db import connections
from playwright.sync_api import sync_playwright

# Playwright's sync API keeps an event loop running in this thread; Django would then
# refuse database calls from the test thread, which are not async at all.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
CHROMIUM_FLAGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser(django_db_setup):
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"{CHROMIUM} is missing: apt-get install chromium (make test does it)"
        )
    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        # Playwright's greenlet gives the tests a fresh context, and with it fresh
        # database connection objects (asgiref locals) that lack the contents
        # serialized at set-up: without them a transactional test's
        # serialized_rollback finds nothing to restore after the previous flush.
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.rep_call = report


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class _CountingServer(ThreadedWSGIServer):
    """Counts its open connections, so a test's end can wait for them: a request the
    browser sent just before its context closed (Wagtail's editing-session ping
    after a save, say) still writes to the database, and a transactional test's
    flush then deadlocked with it on PostgreSQL.

    A connection counts from just before it is accepted until its thread has
    answered its last request and closed its database connections; a connection
    the browser opened but the server has not accepted yet leaves the listening
    socket readable. When neither is there, nothing the browser sent is left to
    answer: no fixed pause is needed to let a request arrive."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.open_connections = 0
        self.changed = threading.Condition()

    def _count(self, change: int) -> None:
        with self.changed:
            self.open_connections += change
            self.changed.notify_all()

    def get_request(self):
        self._count(+1)  # before the accept: never a moment with neither sign
        try:
            return super().get_request()
        except BaseException:
            self._count(-1)
            raise

    def process_request(self, request, client_address):
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._count(-1)  # no thread started to count it down
            raise

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._count(-1)

    def _connection_waiting(self) -> bool:
        readable, _, _ = select.select([self.socket], [], [], 0)
        return bool(readable)

    def wait_until_idle(self, timeout: float = 10.0, settle: float = 0.05) -> None:
        """Until no connection is open or waiting to be accepted, and none has come
        for `settle` seconds (a margin, not the signal), or `timeout`."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while time.monotonic() < deadline:
                if self.open_connections or self._connection_waiting():
                    self.changed.wait(min(0.01, max(0.0, deadline - time.monotonic())))
                elif not self.changed.wait(settle) and not self._connection_waiting():
                    return


_server: _CountingServer | None = None


@pytest.fixture(scope="session")
def site_url(django_db_setup, django_db_blocker):
    """The whole site served from a thread, on the test database.

    Not pytest-django's live_server: it turns on transactional tests, which empty every
    table after each test, taking the vocabularies with them.
    """
    global _server
    server = _server = _CountingServer(
        ("127.0.0.1", 0), _QuietHandler, allow_reuse_address=False
    )
    server.set_app(StaticFilesHandler(get_wsgi_application()))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    with django_db_blocker.unblock():
        yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def open_page(browser, request, site_url):
    """Opens a page of the live site (its address in `page.base`) in a new browser
    context, `width` px wide, with JavaScript on or off:
    `open_page(390, javascript=False)`; other keywords go to the context (`locale`,
    `permissions`, `is_mobile`...). The contexts close after the test; a failed test
    leaves a screenshot of each of its pages in test-artifacts/."""
    pages = []

    def open_(
        width=1280, javascript=True, *, height=900, timeout=10_000, **context_options
    ):
        context = browser.new_context(
            viewport={"width": width, "height": height},
            java_script_enabled=javascript,
            **context_options,
        )
        page = context.new_page()
        page.set_default_timeout(timeout)
        page.base = site_url
        pages.append(page)
        return page

    yield open_
    report = getattr(request.node, "rep_call", None)
    failed = report is not None and report.failed
    name = re.sub(r"[^\w.-]+", "_", request.node.name)
    for number, page in enumerate(pages):
        if failed and not page.is_closed():
            ARTIFACTS.mkdir(exist_ok=True)
            suffix = f"-{number}" if number else ""
            page.screenshot(path=str(ARTIFACTS / f"{name}{suffix}.png"), full_page=True)
        page.context.close()
    if _server is not None:
        _server.wait_until_idle()


@pytest.fixture
def page(open_page):
    """A desktop page of the live site, JavaScript on."""
    return open_page()


def sign_in_to_admin(open_page, username: str, password: str):
    """A desktop page of a new browser context (from the `open_page` fixture), signed
    in to the admin through its login form."""
    admin = open_page(timeout=15_000)
    admin.goto(admin.base + "/admin/login/")
    admin.locator("input[name=username]").fill(username)
    admin.locator("input[name=password]").fill(password)
    admin.locator("form button[type=submit]").click()
    return admin
