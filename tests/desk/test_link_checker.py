"""check_sources against a local HTTP server: 404, redirect, timeout, robots.txt."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.urls import reverse

from desk.links import CheckPolicy, LinkChecker, check_sources
from desk.models import LinkCheck
from practices.models import PracticePage

pytestmark = pytest.mark.django_db
SLOW_SECONDS = 1.5


class _Handler(BaseHTTPRequestHandler):
    routes = {
        "/robots.txt": (200, {}, b"User-agent: *\nDisallow: /private/\n"),
        "/ok": (200, {}, b"fine"),
        "/missing": (404, {}, b"gone"),
        "/moved": (301, {"Location": "/ok"}, b""),
        "/private/report": (200, {}, b"secret"),
    }

    def do_GET(self):
        self.server.requests.append((self.path, time.monotonic()))
        if self.path == "/slow":
            time.sleep(SLOW_SECONDS)
            status, headers, body = 200, {}, b"late"
        else:
            status, headers, body = self.routes.get(self.path, (404, {}, b""))
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # the checker gave up waiting: nothing to answer

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd, f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


POLICY = CheckPolicy(
    timeout=0.5, workers=4, per_host_interval=0.05, allow_private_hosts=True
)


def test_each_case_is_recorded_with_its_status_and_date(server, settings):
    httpd, base = server
    urls = [f"{base}/ok", f"{base}/missing", f"{base}/moved", f"{base}/slow"]
    urls.append(f"{base}/private/report")
    report = check_sources(POLICY, urls=urls)
    assert report.checked == 5
    found = {check.url.removeprefix(base): check for check in LinkCheck.objects.all()}
    assert found["/ok"].result == LinkCheck.Result.OK
    assert found["/ok"].status_code == 200
    assert found["/missing"].result == LinkCheck.Result.BROKEN
    assert found["/missing"].status_code == 404
    assert found["/moved"].result == LinkCheck.Result.REDIRECTED
    assert found["/moved"].final_url == f"{base}/ok"
    assert found["/slow"].result == LinkCheck.Result.TIMEOUT
    assert found["/private/report"].result == LinkCheck.Result.ROBOTS
    assert all(check.checked_at for check in found.values())
    asked = [path for path, _at in httpd.requests]
    assert "/private/report" not in asked  # robots.txt was obeyed
    assert asked.count("/robots.txt") == 1  # read once per host


def test_requests_to_one_host_are_spaced_by_the_interval(server):
    httpd, base = server
    interval = 0.2
    policy = CheckPolicy(
        timeout=2, workers=4, per_host_interval=interval, allow_private_hosts=True
    )
    LinkChecker(policy).check_all([f"{base}/ok?n={n}" for n in range(4)])
    times = sorted(at for _path, at in httpd.requests)
    assert len(times) == 5  # robots.txt and four pages, although four workers ran
    gaps = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
    # Without the gate four workers arrive together (gaps near 0); half the interval
    # leaves room for the server thread's scheduling on a loaded machine.
    assert min(gaps) >= interval * 0.5, gaps


def test_private_addresses_are_refused_unless_allowed(server):
    httpd, base = server
    refused = LinkChecker(CheckPolicy(timeout=1, allow_private_hosts=False)).check(
        f"{base}/ok"
    )
    assert refused.result == LinkCheck.Result.ERROR
    assert "private address" in refused.error
    assert httpd.requests == []


def test_the_report_lists_broken_links_by_practice_for_editors(
    server, client_for, editor, make_practice, settings
):
    httpd, base = server
    settings.LINK_CHECK_ALLOW_PRIVATE_HOSTS = True
    settings.LINK_CHECK_TIMEOUT_SECONDS = 0.5
    settings.LINK_CHECK_PER_HOST_INTERVAL_SECONDS = 0.01
    broken = make_practice("Cabildo abierto en Guadalajara")
    fine = make_practice("Contraloría social de obra")
    broken.sources.update(url=f"{base}/missing")
    fine.sources.update(url=f"{base}/ok")
    call_command("check_sources", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert set(LinkCheck.objects.values_list("result", flat=True)) == {"ok", "broken"}

    html = client_for(editor).get(reverse("desk:broken_links")).content.decode()
    assert "Cabildo abierto en Guadalajara" in html
    assert f"{base}/missing" in html
    assert "Contraloría social de obra" not in html

    # The editor fixes the link; the next check clears the report.
    PracticePage.objects.get(pk=broken.pk).sources.update(url=f"{base}/ok")
    check_sources(CheckPolicy.from_settings())
    assert not LinkCheck.objects.filter(url=f"{base}/missing").exists()
    html = client_for(editor).get(reverse("desk:broken_links")).content.decode()
    assert "Cabildo abierto en Guadalajara" not in html
