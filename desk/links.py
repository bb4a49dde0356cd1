"""Checking the source links of every practice, politely.

Each URL is fetched once (GET, body not read) with connect and read timeouts, by a
bounded pool of threads. Requests to one host are spaced by a minimum interval, and
a host's robots.txt is read first (capped in size and time) and obeyed. Redirects
are followed by hand, so that every hop is checked again: the checker runs on the
server and must not become a way to probe its network. Each host is resolved once
per run, its addresses checked, and the requests connect to the checked address
(desk/pinned_http.py). The sources of contributions not yet published by a
moderator are never checked.
"""

import ipaddress
import threading
import time
import urllib.robotparser
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings
from django.utils import timezone

from contributions.models import Submission
from practices.models import PracticeSource
from practices.web_addresses import is_valid_source_url

from .models import LinkCheck
from .pinned_http import (
    AddressRefused,
    PinnedAddressAdapter,
    overall_deadline,
    pinned_url,
    read_capped,
    resolve_checked_address,
)

USER_AGENT = "RepertorioLinkChecker/1.0"
MAX_REDIRECTS = 10
Result = LinkCheck.Result


@dataclass(frozen=True)
class CheckPolicy:
    timeout: float = 10.0
    workers: int = 8
    per_host_interval: float = 1.0
    allow_private_hosts: bool = False
    # Non-public networks reachable all the same (an intranet, or a test's loopback).
    allowed_private_networks: tuple[str, ...] = ()

    @classmethod
    def from_settings(cls, **overrides) -> "CheckPolicy":
        values = {
            "timeout": settings.LINK_CHECK_TIMEOUT_SECONDS,
            "workers": settings.LINK_CHECK_WORKERS,
            "per_host_interval": settings.LINK_CHECK_PER_HOST_INTERVAL_SECONDS,
            "allow_private_hosts": settings.LINK_CHECK_ALLOW_PRIVATE_HOSTS,
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


@dataclass
class LinkResult:
    url: str
    result: str
    status_code: int | None = None
    final_url: str = ""
    error: str = ""


@dataclass
class CheckReport:
    checked: int = 0
    by_result: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    seconds: float = 0.0

    def summary(self) -> str:
        parts = ", ".join(f"{n} {name}" for name, n in sorted(self.by_result.items()))
        return f"{self.checked} source URLs checked in {self.seconds:.1f}s: {parts or 'none'}."


class HostGate:
    """Spaces requests to one host by `interval` seconds, across threads."""

    def __init__(self, interval: float):
        self.interval = interval
        self._locks: dict[str, threading.Lock] = defaultdict(threading.Lock)
        self._guard = threading.Lock()
        self._next_at: dict[str, float] = {}

    def wait(self, host: str) -> None:
        with self._guard:
            lock = self._locks[host]
        with lock:
            delay = self._next_at.get(host, 0.0) - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            self._next_at[host] = time.monotonic() + self.interval


class LinkChecker:
    def __init__(self, policy: CheckPolicy):
        self.policy = policy
        self.gate = HostGate(policy.per_host_interval)
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._locks_guard = threading.Lock()
        self._robots_locks: dict[str, threading.Lock] = defaultdict(threading.Lock)
        self._addresses: dict[str, str | AddressRefused] = {}
        self._address_locks: dict[str, threading.Lock] = defaultdict(threading.Lock)
        self._local = threading.local()
        self._allowed_networks = [
            ipaddress.ip_network(network) for network in policy.allowed_private_networks
        ]

    @property
    def session(self) -> requests.Session:
        # requests' Session is not thread-safe: one per worker thread.
        if not hasattr(self._local, "session"):
            session = requests.Session()
            session.headers["User-Agent"] = USER_AGENT
            session.trust_env = False  # no proxies or netrc from the environment
            session.mount("http://", PinnedAddressAdapter())
            session.mount("https://", PinnedAddressAdapter())
            self._local.session = session
        return self._local.session

    def check_all(self, urls: Iterable[str]) -> list[LinkResult]:
        ordered = _interleave_by_host(urls)
        with ThreadPoolExecutor(max_workers=max(1, self.policy.workers)) as pool:
            return list(pool.map(self.check, ordered))

    def check(self, url: str) -> LinkResult:
        current = url
        try:
            for _hop in range(MAX_REDIRECTS + 1):
                refusal = self._refusal(current)
                if refusal is not None:
                    refusal.url = url
                    refusal.final_url = current if current != url else ""
                    return refusal
                with overall_deadline(self.policy.timeout):
                    response = self._get(current)
                    response.close()
                if response.is_redirect:
                    current = urljoin(current, response.headers["location"])
                    continue
                if response.status_code >= 400:
                    return LinkResult(
                        url, Result.BROKEN, response.status_code, _other(current, url)
                    )
                if current != url:
                    return LinkResult(
                        url, Result.REDIRECTED, response.status_code, current
                    )
                return LinkResult(url, Result.OK, response.status_code)
            return LinkResult(url, Result.ERROR, error="too many redirects")
        except requests.Timeout:
            return LinkResult(
                url,
                Result.TIMEOUT,
                final_url=_other(current, url),
                error=f"no answer in {self.policy.timeout:g}s",
            )
        except (requests.RequestException, OSError, ValueError, AddressRefused) as exc:
            return LinkResult(
                url,
                Result.ERROR,
                final_url=_other(current, url),
                error=f"{type(exc).__name__}: {exc}"[:300],
            )

    def _get(self, url: str, **kwargs) -> requests.Response:
        """GET `url` from the address its host was checked at (Host header kept)."""
        parts = urlsplit(url)
        address = self._address_for(parts.hostname)
        self.gate.wait(parts.netloc)
        headers = {"Host": parts.netloc, **kwargs.pop("headers", {})}
        return self.session.get(
            pinned_url(url, address),
            headers=headers,
            timeout=self.policy.timeout,
            allow_redirects=False,
            stream=True,
            **kwargs,
        )

    def _address_for(self, hostname: str) -> str:
        """The host's checked address, resolved once per run (AddressRefused if
        it does not resolve or is not public)."""
        with self._locks_guard:
            host_lock = self._address_locks[hostname]
        with host_lock:
            if hostname not in self._addresses:
                try:
                    self._addresses[hostname] = resolve_checked_address(
                        hostname, self._is_allowed
                    )
                except AddressRefused as refused:
                    self._addresses[hostname] = refused
        found = self._addresses[hostname]
        if isinstance(found, AddressRefused):
            raise found
        return found

    def _is_allowed(self, address) -> bool:
        return (
            address.is_global
            or self.policy.allow_private_hosts
            or any(address in network for network in self._allowed_networks)
        )

    def _refusal(self, url: str) -> LinkResult | None:
        if not is_valid_source_url(url):
            return LinkResult(
                url, Result.ERROR, error="not an http(s) URL without user or backslash"
            )
        parts = urlsplit(url)
        try:
            self._address_for(parts.hostname)
        except AddressRefused as refused:
            return LinkResult(url, Result.ERROR, error=str(refused))
        if not self._robots_for(parts).can_fetch(USER_AGENT, url):
            return LinkResult(url, Result.ROBOTS)
        return None

    def _robots_for(self, parts) -> urllib.robotparser.RobotFileParser:
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._locks_guard:
            origin_lock = self._robots_locks[origin]
        # One reader per origin; the other threads wait for its answer.
        with origin_lock:
            cached = self._robots.get(origin)
            if cached is None:
                cached = self._robots[origin] = self._read_robots(origin)
        return cached

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser:
        """robots.txt, its first 512 KB (decompressed) read within the timeout."""
        parser = urllib.robotparser.RobotFileParser(f"{origin}/robots.txt")
        deadline = time.monotonic() + self.policy.timeout
        try:
            with overall_deadline(self.policy.timeout):
                response = self._get(
                    f"{origin}/robots.txt",
                    headers={"Accept-Encoding": "gzip, deflate"},
                )
                try:
                    if response.status_code in (401, 403):
                        parser.disallow_all = True
                    elif response.status_code >= 400:
                        parser.allow_all = True
                    else:
                        body = read_capped(response, deadline=deadline)
                        parser.parse(body.decode("utf-8", "replace").splitlines())
                finally:
                    response.close()
        except (requests.RequestException, OSError, ValueError, AddressRefused):
            # No readable robots.txt: the standard's default is that all is allowed.
            parser.allow_all = True
        return parser


def _other(current: str, original: str) -> str:
    return current if current != original else ""


def _interleave_by_host(urls: Iterable[str]) -> list[str]:
    """Round-robin over hosts, so a host with many links does not hold up the rest."""
    queues: dict[str, deque[str]] = defaultdict(deque)
    for url in dict.fromkeys(urls):
        queues[urlsplit(url).netloc].append(url)
    ordered = []
    while queues:
        for host in list(queues):
            ordered.append(queues[host].popleft())
            if not queues[host]:
                del queues[host]
    return ordered


def checked_sources():
    """Every practice source, except those of contributions a moderator has not
    published: a visitor must not be able to plant URLs for the server to fetch."""
    unpublished_contributions = Submission.objects.exclude(
        status=Submission.Status.PUBLISHED
    ).exclude(practice=None)
    return PracticeSource.objects.exclude(
        page__in=unpublished_contributions.values("practice")
    )


def source_urls() -> list[str]:
    return sorted(set(checked_sources().values_list("url", flat=True)))


def check_sources(
    policy: CheckPolicy | None = None,
    urls: Iterable[str] | None = None,
    progress: Callable[[LinkResult], None] | None = None,
) -> CheckReport:
    """Check every source URL (or `urls`), record each result, forget URLs no
    practice cites any more."""
    policy = policy or CheckPolicy.from_settings()
    started = time.monotonic()
    urls_given = urls
    urls = source_urls() if urls is None else list(urls)
    report = CheckReport()
    checker = LinkChecker(policy)
    now = timezone.now()
    for result in checker.check_all(urls):
        LinkCheck.objects.update_or_create(
            url=result.url,
            defaults={
                "result": result.result,
                "status_code": result.status_code,
                "final_url": result.final_url[:2000],
                "error": result.error[:300],
                "checked_at": now,
            },
        )
        report.checked += 1
        report.by_result[result.result] += 1
        if progress:
            progress(result)
    if urls_given is None:
        LinkCheck.objects.exclude(url__in=checked_sources().values("url")).delete()
    report.seconds = time.monotonic() - started
    return report
