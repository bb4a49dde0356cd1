"""A fixed, seeded mix of search requests and a bounded closed-loop load generator.

Each client is a thread that sends its next request as soon as the previous one is
answered, until the run's fixed number of requests is spent. The generator runs on
the same two cores as the server and the engine, so its own overhead is in the
figures: they are noisy, and comparable only with runs on the same machine.
"""

import random
import statistics
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

import urllib3

from .corpus import CorpusShape

API_PATH = "/api/v1/search/"
HTML_PATHS = {"es": "/buscar/", "en": "/en/search/"}


@dataclass(frozen=True)
class PlannedRequest:
    kind: str  # "api" or "html"
    path: str
    params: tuple[tuple[str, str], ...]

    @property
    def url_path(self) -> str:
        return f"{self.path}?{urlencode(self.params)}" if self.params else self.path


def request_mix(shape: CorpusShape, count: int, seed: int) -> list[PlannedRequest]:
    """Spanish and English text, 1–3 countries, year ranges, newest first, pages 2–4,
    and the HTML search page for about one request in seven."""
    rng = random.Random(seed)
    countries = [c for c, _sub, _mun in shape.countries if c]
    years = shape.years_seen or [2015]
    planned = []
    for _ in range(count):
        lang = rng.choices(("es", "en"), weights=(6, 4))[0]
        model = shape.models.get(lang) or next(iter(shape.models.values()))
        params: list[tuple[str, str]] = []
        if rng.random() < 0.9:
            params.append(("q", model.query(rng)))
        if rng.random() < 0.6:
            n = rng.choices((1, 2, 3), weights=(5, 3, 2))[0]
            for code in sorted(set(rng.choices(countries, k=n))):
                params.append(("country", code))
        if rng.random() < 0.3:
            start = rng.choice(years)
            params.append(("year_from", str(start)))
            if rng.random() < 0.7:
                params.append(("year_to", str(start + rng.randint(0, 4))))
        if rng.random() < 0.25:
            params.append(("sort", "newest"))
        if rng.random() < 0.5:
            params.append(("page", str(rng.randint(2, 4))))
        if rng.random() < 0.15:
            planned.append(PlannedRequest("html", HTML_PATHS[lang], tuple(params)))
        else:
            planned.append(PlannedRequest("api", API_PATH, (*params, ("lang", lang))))
    return planned


def zipf_mix(
    mix: list[PlannedRequest], count: int, seed: int, exponent: float = 1.0
) -> list[PlannedRequest]:
    """The same requests drawn with Zipf-shaped popularity, as searches are: the
    r-th most asked comes 1/r^exponent times as often as the first, so a few are
    asked again and again and a long tail once."""
    rng = random.Random(seed + 1)
    weights = [1 / rank**exponent for rank in range(1, len(mix) + 1)]
    return rng.choices(mix, weights=weights, k=count)


@dataclass
class Sample:
    kind: str
    ms: float
    status: int


@dataclass
class LoadRun:
    clients: int
    seconds: float
    samples: list[Sample] = field(default_factory=list)

    def of(self, kind: str) -> list[Sample]:
        return [s for s in self.samples if s.kind == kind]


def run_load(
    base_url: str,
    mix: list[PlannedRequest],
    *,
    clients: int,
    requests: int,
    timeout: float = 10.0,
    progress=None,
) -> LoadRun:
    """Send `requests` requests from the mix (cycled) with `clients` concurrent clients."""
    http = urllib3.PoolManager(maxsize=clients, retries=False)
    lock = threading.Lock()
    position = iter(range(requests))
    samples: list[Sample] = []

    def client() -> None:
        while True:
            with lock:
                index = next(position, None)
            if index is None:
                return
            planned = mix[index % len(mix)]
            started = time.perf_counter()
            try:
                response = http.request(
                    "GET",
                    base_url + planned.url_path,
                    timeout=timeout,
                    headers={"Accept-Encoding": "gzip"},
                )
                status = response.status
            except urllib3.exceptions.HTTPError:
                status = 0
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                samples.append(Sample(planned.kind, elapsed, status))
            if progress is not None:
                progress.update(1)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return LoadRun(clients, time.perf_counter() - started, samples)


def percentile(values: list[float], q: int) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]
