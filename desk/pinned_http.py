"""HTTP for the link checker that cannot be steered inside the server's network.

A name is resolved once and the address is checked; the request then connects to
that very address (no second lookup for DNS rebinding to answer), while the Host
header, TLS SNI and certificate check still name the host. Bodies are read to a
size cap, decompressed by hand, before a deadline.
"""

import ipaddress
import socket
import time
import zlib
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

import requests
from requests.adapters import HTTPAdapter

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


class PinnedAddressAdapter(HTTPAdapter):
    """Connects to the address in the request's URL; TLS names the Host header's
    host (SNI and certificate), so the certificate is checked for the name."""

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
