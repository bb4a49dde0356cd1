"""HTTP for the link checker that cannot be steered inside the server's network.

A name is resolved once and the address is checked; the request then connects to
that very address (no second lookup for DNS rebinding to answer), while the Host
header, TLS SNI and certificate check still name the host. Bodies are read to a
size cap, decompressed by hand, before a deadline; and within `overall_deadline`
a request's socket is shut when the deadline passes, so a server that drips its
headers a byte at a time cannot hold a thread (requests' timeouts are per read).
"""

import ipaddress
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from urllib.parse import urlsplit, urlunsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

BODY_CAP_BYTES = 512 * 1024
_CHUNK_BYTES = 16 * 1024


class AddressRefused(Exception):
    """The host cannot be checked: it does not resolve, or it is not public."""


def resolve_checked_address(
    hostname: str, is_allowed: Callable[[ipaddress._BaseAddress], bool]
) -> str:
    """The one address to connect to for `hostname`, or AddressRefused.

    Every address the name has must be allowed: a name with one private address
    among public ones is refused, since which one is used is up to the resolver.
    """
    try:
        infos = socket.getaddrinfo(hostname, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError) as exc:
        raise AddressRefused(f"name does not resolve: not checked ({exc})") from exc
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    if not addresses:
        raise AddressRefused("name does not resolve: not checked")
    for address in addresses:
        if not is_allowed(address):
            raise AddressRefused("private address: not checked")
    return str(addresses[0])


def pinned_url(url: str, address: str) -> str:
    """`url` with its host replaced by `address` (the port and path kept)."""
    parts = urlsplit(url)
    host = f"[{address}]" if ":" in address else address
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return urlunsplit(parts._replace(netloc=f"{host}:{port}"))


class _Watch:
    """One `overall_deadline`: when it ends, its timers, and whether one fired."""

    def __init__(self, seconds: float):
        self.deadline = time.monotonic() + seconds
        self.timers: list[threading.Timer] = []
        self.expired = False  # set by a timer's thread, read by the requester's


_current = threading.local()


@contextmanager
def overall_deadline(seconds: float) -> Iterator[None]:
    """Requests this thread starts inside are cut off `seconds` from now; if one
    was, requests.Timeout is raised (what it read by then, perhaps a status line
    and half a header, is not an answer)."""
    watch = _current.watch = _Watch(seconds)
    try:
        yield
    except Exception as exc:
        if watch.expired:
            raise requests.Timeout(f"no complete answer in {seconds:g}s") from exc
        raise
    finally:
        for timer in watch.timers:
            timer.cancel()
        _current.watch = None
    if watch.expired:
        raise requests.Timeout(f"no complete answer in {seconds:g}s")


def _arm(connection) -> None:
    watch = getattr(_current, "watch", None)
    if watch is None:
        return

    def cut_off():
        watch.expired = True
        sock = connection.sock
        if sock is not None:
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    timer = threading.Timer(max(0.0, watch.deadline - time.monotonic()), cut_off)
    timer.daemon = True
    watch.timers.append(timer)
    timer.start()


class _DeadlineHTTPConnection(HTTPConnection):
    def request(self, *args, **kwargs):
        _arm(self)
        return super().request(*args, **kwargs)


class _DeadlineHTTPSConnection(HTTPSConnection):
    def request(self, *args, **kwargs):
        _arm(self)
        return super().request(*args, **kwargs)


class _DeadlineHTTPPool(HTTPConnectionPool):
    ConnectionCls = _DeadlineHTTPConnection


class _DeadlineHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _DeadlineHTTPSConnection


class PinnedAddressAdapter(HTTPAdapter):
    """Connects to the address in the request's URL; TLS names the Host header's
    host (SNI and certificate), so the certificate is checked for the name.
    Its connections honour `overall_deadline`."""

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _DeadlineHTTPPool,
            "https": _DeadlineHTTPSPool,
        }

    def build_connection_pool_key_attributes(self, request, verify, cert=None):
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(
            request, verify, cert
        )
        if host_params["scheme"] == "https":
            hostname = urlsplit("//" + request.headers["Host"]).hostname
            pool_kwargs["server_hostname"] = hostname
            pool_kwargs["assert_hostname"] = hostname
        return host_params, pool_kwargs


def read_capped(
    response: requests.Response, *, deadline: float, cap: int = BODY_CAP_BYTES
) -> bytes:
    """At most `cap` bytes of the decoded body, read until `deadline` (monotonic).

    Decompression is done here, never by urllib3, so a small gzip cannot grow past
    the cap in memory. TimeoutError past the deadline; ValueError for an encoding
    other than gzip or deflate.
    """
    encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding in ("", "identity"):
        decoder = None
    elif encoding in ("gzip", "x-gzip"):
        decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        decoder = zlib.decompressobj()
    else:
        raise ValueError(f"unsupported content encoding {encoding!r}")
    body = bytearray()
    while len(body) < cap:
        if time.monotonic() > deadline:
            raise TimeoutError("body not read before the deadline")
        chunk = response.raw.read1(_CHUNK_BYTES, decode_content=False)
        if not chunk:
            break
        if decoder is not None:
            chunk = decoder.decompress(chunk, cap - len(body))
        body += chunk
    return bytes(body[:cap])
