"""The link checker cannot be steered inside the server's network (issue #24):
one resolution per host, connections to the checked address, ambiguous URLs and
unresolvable names refused, every redirect hop checked, robots.txt capped in size
and time, and contributions' sources left alone until a moderator publishes them.

Only loopback servers are reached: test names resolve through a stand-in for
socket.getaddrinfo (DNS is the one part replaced; nothing else is).
"""

import gzip
import socket
import ssl
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone

from contributions.models import Submission
from desk.links import CheckPolicy, LinkChecker, source_urls
from desk.models import LinkCheck

pytestmark = pytest.mark.django_db
Result = LinkCheck.Result
# Only ever a DNS answer here: a checker that refuses the URL first never connects.
PUBLIC_ADDRESS = "8.8.8.8"
ROBOTS_PADDING_BYTES = 700 * 1024


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.requests.append((self.path, self.headers.get("Host")))
        status, headers, body = self.server.routes.get(self.path, (200, {}, b"fine"))
        if callable(body):
            body(self)
            return
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def _serve(address: str, port: int = 0, routes=None):
    httpd = ThreadingHTTPServer((address, port), _Handler)
    httpd.daemon_threads = True
    httpd.requests = []
    httpd.routes = routes or {}
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


@pytest.fixture
def servers():
    """Two servers on one port: 127.0.0.1 (allowed) and 127.0.0.2 (inside)."""
    allowed = _serve("127.0.0.1")
    inside = _serve("127.0.0.2", allowed.server_port)
    yield allowed, inside
    for httpd in (allowed, inside):
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def names(monkeypatch):
    """Test names and their answers, in order; the last answer repeats."""
    answers: dict[str, list[str | None]] = {}
    lookups: dict[str, int] = {}
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host not in answers:
            return real(host, port, *args, **kwargs)
        lookups[host] = lookups.get(host, 0) + 1
        queue = answers[host]
        address = queue.pop(0) if len(queue) > 1 else queue[0]
        if address is None:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port or 0))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return answers, lookups


def _policy(**overrides):
    values = {
        "timeout": 1.0,
        "workers": 2,
        "per_host_interval": 0.0,
        "allowed_private_networks": ("127.0.0.1/32",),
    }
    values.update(overrides)
    return CheckPolicy(**values)


def test_a_rebinding_name_is_resolved_once_and_the_checked_address_used(servers, names):
    allowed, inside = servers
    answers, lookups = names
    answers["rebind.test"] = ["127.0.0.1", "127.0.0.2"]
    url = f"http://rebind.test:{allowed.server_port}/report"
    result = LinkChecker(_policy()).check(url)
    assert result.result == Result.OK, result
    assert lookups["rebind.test"] == 1
    assert inside.requests == []
    # The original host, with its port, is what the server is told.
    assert allowed.requests == [
        ("/robots.txt", f"rebind.test:{allowed.server_port}"),
        ("/report", f"rebind.test:{allowed.server_port}"),
    ]


@pytest.mark.parametrize(
    "template",
    [
        "http://127.0.0.2:{port}\\@public.test/",
        "http://public.test@127.0.0.2:{port}/",
        "http://user:pw@127.0.0.2:{port}/",
    ],
)
def test_backslash_and_user_name_urls_are_refused_before_any_request(
    servers, names, template
):
    allowed, inside = servers
    answers, _ = names
    answers["public.test"] = [PUBLIC_ADDRESS]
    result = LinkChecker(_policy()).check(template.format(port=inside.server_port))
    assert result.result == Result.ERROR
    assert "backslash" in result.error
    assert inside.requests == [] and allowed.requests == []


def test_an_unresolvable_name_is_refused_not_treated_as_public(names):
    answers, lookups = names
    answers["nowhere.test"] = [None]
    result = LinkChecker(_policy()).check("http://nowhere.test/page")
    assert result.result == Result.ERROR
    assert "does not resolve" in result.error
    assert lookups["nowhere.test"] == 1


def test_a_redirect_to_an_inside_name_is_refused_at_that_hop(servers, names):
    allowed, inside = servers
    answers, _ = names
    answers["outside.test"] = ["127.0.0.1"]
    answers["inside.test"] = ["127.0.0.2"]
    port = allowed.server_port
    allowed.routes["/moved"] = (302, {"Location": f"http://inside.test:{port}/"}, b"")
    result = LinkChecker(_policy()).check(f"http://outside.test:{port}/moved")
    assert result.result == Result.ERROR
    assert "private address" in result.error
    assert result.final_url == f"http://inside.test:{port}/"
    assert inside.requests == []


def test_robots_txt_is_read_only_to_its_cap_however_well_it_compresses(servers):
    """The Disallow line sits after 700 KB of comments (a few KB gzipped): a
    checker that stops at 512 KB decompressed never sees it."""
    allowed, _ = servers
    text = b"User-agent: *\n" + b"#" * ROBOTS_PADDING_BYTES + b"\nDisallow: /\n"
    allowed.routes["/robots.txt"] = (
        200,
        {"Content-Encoding": "gzip", "Content-Type": "text/plain"},
        gzip.compress(text),
    )
    base = f"http://127.0.0.1:{allowed.server_port}"
    result = LinkChecker(_policy()).check(f"{base}/page")
    assert result.result == Result.OK, result


def test_a_robots_txt_that_drips_is_abandoned_at_the_deadline(servers):
    allowed, _ = servers

    def drip(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/plain")
        handler.end_headers()
        try:
            for _ in range(100):  # 100 bytes over 10 s, each within the read timeout
                handler.wfile.write(b"#")
                handler.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass

    allowed.routes["/robots.txt"] = (200, {}, drip)
    base = f"http://127.0.0.1:{allowed.server_port}"
    started = time.monotonic()
    result = LinkChecker(_policy(timeout=1.0)).check(f"{base}/page")
    assert time.monotonic() - started < 4
    assert result.result == Result.OK  # no robots.txt read in time: all allowed


@pytest.fixture
def tls_server(tmp_path):
    """A TLS server on 127.0.0.1 that records the SNI name each client sends."""
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=other.test", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    names_seen = []
    context.sni_callback = lambda sock, name, ctx: names_seen.append(name)
    listener = socket.create_server(("127.0.0.1", 0))

    def accept():
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            try:
                with context.wrap_socket(conn, server_side=True):
                    pass
            except (ssl.SSLError, OSError):
                pass

    threading.Thread(target=accept, daemon=True).start()
    yield listener.getsockname()[1], names_seen
    listener.close()


def test_tls_names_the_host_although_the_address_is_pinned(tls_server, names):
    port, names_seen = tls_server
    answers, _ = names
    answers["pinned.test"] = ["127.0.0.1"]
    result = LinkChecker(_policy()).check(f"https://pinned.test:{port}/")
    # The certificate (self-signed, for another name) is refused, after the
    # handshake has told the server which host was meant.
    assert result.result == Result.ERROR
    assert "pinned.test" in names_seen


def test_sources_of_unpublished_contributions_are_never_checked(make_practice):
    contributed = make_practice("Propuesta de un visitante", publish=False)
    edited = make_practice("Cabildo abierto en Guadalajara")
    contributed.sources.update(url="http://planted.example/inside")
    submission = Submission.objects.create(
        practice=contributed, consent_given_at=timezone.now()
    )
    urls = source_urls()
    assert "http://planted.example/inside" not in urls
    assert edited.sources.get().url in urls

    submission.status = Submission.Status.PUBLISHED
    submission.save()
    assert "http://planted.example/inside" in source_urls()


def _drip_headers(handler):
    """A status line, then headers a byte every 0.1 s for 10 s: each read is
    within the read timeout, the whole never ends in time."""
    try:
        handler.wfile.write(b"HTTP/1.1 200 OK\r\n")
        handler.wfile.flush()
        for _ in range(100):
            handler.wfile.write(b"X")
            handler.wfile.flush()
            time.sleep(0.1)
    except OSError:
        pass


@pytest.mark.parametrize("path", ["/robots.txt", "/page"])
def test_a_server_that_drips_its_headers_is_cut_off_at_the_deadline(servers, path):
    allowed, _ = servers
    allowed.routes[path] = (200, {}, _drip_headers)
    base = f"http://127.0.0.1:{allowed.server_port}"
    started = time.monotonic()
    result = LinkChecker(_policy(timeout=1.0)).check(f"{base}/page")
    assert time.monotonic() - started < 4
    if path == "/page":
        assert result.result in (Result.ERROR, Result.TIMEOUT)
