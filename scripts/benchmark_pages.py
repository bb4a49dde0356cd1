"""Server time and database queries of the public pages, measured in-process.

    make benchmark        (or: DJANGO_SETTINGS_MODULE=kb.settings.dev \
                           .venv/bin/python scripts/benchmark_pages.py --rounds 5)

Needs the app's database with the demo repertory and a running OpenSearch node with
the index built (`make run` does all three). Server time is the time Django takes
to answer a request made through its test client: routing, database, OpenSearch,
templates and middleware, without the network. Every search URL is different in
each round (its words or filters change), so the figures are not those of one
cached answer repeated.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kb.settings.dev")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from practices.models import PracticePage  # noqa: E402

WORDS = {
    "es": [
        "presupuesto participativo",
        "datos abiertos",
        "transparencia proactiva",
        "rendición de cuentas",
        "contrataciones abiertas",
        "participación ciudadana",
        "acceso a la informacion",
        "denunciantes",
        "municipio",
        "agua",
        "salud",
        "educacion",
        "",
    ],
    "en": [
        "participatory budgeting",
        "open data",
        "open contracting",
        "whistleblower protection",
        "beneficial ownership",
        "access to information",
        "citizen participation",
        "budget transparency",
        "health",
        "",
    ],
}
FILTERS = [
    "",
    "&country=MX",
    "&country=MX&country=BR",
    "&country=MX&country=BR&level=municipal",
    "&region=latin-america-caribbean&theme=open-data",
    "&theme=access-to-information&sort=newest",
    "&year_from=2016&year_to=2020",
    "&type=proactive-transparency&page=2",
]
SEARCH_PATH = {"es": "/buscar/", "en": "/en/search/"}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def timed_get(client: Client, path: str) -> tuple[float, int, int]:
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get(path)
        elapsed = (time.perf_counter() - started) * 1000
    return elapsed, response.status_code, len(captured.captured_queries)


def search_paths(round_number: int) -> list[str]:
    paths = []
    for language, words in WORDS.items():
        for index, query in enumerate(words):
            extra = FILTERS[(index + round_number) % len(FILTERS)]
            paths.append(f"{SEARCH_PATH[language]}?q={query}{extra}")
    return paths


def report(name: str, times: list[float], queries: list[int], statuses: set) -> None:
    print(
        f"{name:<28} n={len(times):<4} p50={statistics.median(times):6.1f} ms  "
        f"p95={percentile(times, 0.95):6.1f} ms  max={max(times):6.1f} ms  "
        f"queries max={max(queries)}  status={sorted(statuses)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    client = Client(HTTP_HOST="localhost")
    practices = list(
        PracticePage.objects.live().order_by("?")[:40].values_list("pk", flat=True)
    )
    if not practices:
        print("No published practices: run `make run` (or load_demo) first.")
        return 1
    practice_urls = [p.url for p in PracticePage.objects.filter(pk__in=practices)]
    client.get("/")  # first request: imports, template loading, label cache

    groups: dict[str, tuple[list, list, set]] = {}

    def measure(group: str, path: str) -> None:
        elapsed, status, queries = timed_get(client, path)
        times, counts, statuses = groups.setdefault(group, ([], [], set()))
        times.append(elapsed)
        counts.append(queries)
        statuses.add(status)

    cache.clear()
    for url in practice_urls:
        measure("practice page (first view)", url)
    for round_number in range(args.rounds):
        for path in search_paths(round_number):
            measure("search page", path)
        for path in ("/", "/en/"):
            measure("home page", path)
        for url in practice_urls:
            measure("practice page (cached body)", url)
        for path in ("/acerca/", "/en/privacy/", "/contribuir/", "/no-existe/"):
            measure("other pages", path)

    practice_count = PracticePage.objects.live().count()
    print(f"{practice_count} published practice pages; rounds={args.rounds}")
    for group, (times, counts, statuses) in groups.items():
        report(group, times, counts, statuses)
    search_p95 = percentile(groups["search page"][0], 0.95)
    verdict = "met" if search_p95 < 150 else "NOT met"
    print(f"search page server time p95 {search_p95:.1f} ms: goal < 150 ms {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
