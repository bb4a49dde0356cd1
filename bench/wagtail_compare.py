"""Our search beside Wagtail's built-in OpenSearch search, same node, same data.

Wagtail's side is what a site gets out of the box: `backend.search()` for the page of
results and its total, plus one `.facet()` request per facet it can count (the
page's own foreign keys: country, government level, status, evidence level). Both
sides run in this process, one search at a time, with the engine's request cache
cleared before each, so latency compares engines and request shapes, not caches.

Two readers:
- `make bench` (bench/run.py) times both sides over the load mix's API selections
  (`time_side_by_side`);
- `python -m bench.compare` (bench/compare.py), on the development database and
  node after `make index`, runs ten queries (`compare`) and measures for each
  - overlap: the share of our first ten practices that Wagtail's first ten also hold;
  - facet correctness: the share of facet buckets whose count equals the count
    computed from the database for that engine's own matches (multi-select
    semantics: each facet filtered by every other facet's selection);
  - latency: p50 and p95 over repeated runs of the query and its variants.
"""

import statistics
import time
from collections import Counter
from dataclasses import dataclass, field

from django.core.management import call_command
from django.http import QueryDict
from wagtail.search.backends import get_search_backend

from practices.models import PracticePage
from search.client import get_client
from search.filters import parse_filters
from search.indexer import alias_name
from search.query import text_query
from search.service import search_practices
from taxonomy.models import Country, EvidenceLevel, GovernmentLevel, PracticeStatus

WAGTAIL_BACKEND = "wagtail_opensearch"
# Facet -> (page field, vocabulary model, key): what Wagtail can filter and count,
# the page's own foreign keys only.
WAGTAIL_FACETS = {
    "country": ("country", Country, "code"),
    "level": ("government_level", GovernmentLevel, "slug"),
    "status": ("status", PracticeStatus, "slug"),
    "evidence": ("evidence_level", EvidenceLevel, "slug"),
}
QUERIES = [
    "q=presupuesto+participativo&country=BR&country=AR",
    "q=datos+abiertos&level=municipal",
    "q=open+data&lang=en&country=MX&country=CO&country=CL",
    "q=transparencia&status=completed",
    "q=participacion+ciudadana&evidence=documented&evidence=independently-evaluated",
    "q=accountability&lang=en",
    "q=agua&level=municipal&level=state",
    "q=whistleblowers&lang=en",
    "q=contrataciones+abiertas&country=MX&country=PY",
    "q=gobierno+abierto&level=state&level=municipal",
]
VARIANTS = ["", "&sort=newest", "&year_from=2012", "&year_to=2024", "&page=2"]


def update_wagtail_index() -> None:
    call_command("wagtail_update_index", backend_name=WAGTAIL_BACKEND, verbosity=0)


def _lookup() -> dict[str, dict]:
    """Per facet, term key -> primary key, and under `<facet>_back` the reverse."""
    table = {}
    for facet, (_field, model, key) in WAGTAIL_FACETS.items():
        pairs = list(model.objects.values_list(key, "pk"))
        table[facet] = dict(pairs)
        table[f"{facet}_back"] = {pk: value for value, pk in pairs}
    return table


def wagtail_search(filters, lookup) -> tuple[list, int, dict[str, Counter]]:
    """Results page, total and every countable facet, the way Wagtail offers them."""
    backend = get_search_backend(WAGTAIL_BACKEND)
    queryset = PracticePage.objects.live()
    for facet, (field_name, _model, _key) in WAGTAIL_FACETS.items():
        values = filters.values(facet)
        if values:
            queryset = queryset.filter(
                **{f"{field_name}__in": [lookup[facet][v] for v in values]}
            )
    if filters.year_from is not None:
        queryset = queryset.filter(start_year__gte=filters.year_from)
    if filters.year_to is not None:
        queryset = queryset.filter(start_year__lte=filters.year_to)
    newest = filters.sort == "newest"
    if newest:
        queryset = queryset.order_by("-start_year")
    query = filters.q or None
    results = backend.search(query, queryset, order_by_relevance=not newest)
    top = list(results[filters.offset : filters.offset + filters.page_size])
    total = results.count()
    facets = {}
    for facet, (field_name, _model, _key) in WAGTAIL_FACETS.items():
        raw = backend.search(query, queryset, order_by_relevance=False).facet(
            f"{field_name}_id"
        )
        facets[facet] = Counter(
            {
                lookup[f"{facet}_back"][pk]: n
                for pk, n in raw.items()
                if pk in lookup[f"{facet}_back"]
            }
        )
    return top, total, facets


def _time_both(client, filters, lookup) -> tuple[float, float]:
    """Milliseconds for our search and for Wagtail's, request cache cleared before
    each."""
    client.indices.clear_cache(request=True)
    started = time.perf_counter()
    search_practices(filters)
    ours_ms = (time.perf_counter() - started) * 1000
    client.indices.clear_cache(request=True)
    started = time.perf_counter()
    wagtail_search(filters, lookup)
    wagtail_ms = (time.perf_counter() - started) * 1000
    return ours_ms, wagtail_ms


@dataclass
class SideBySide:
    searches: int = 0
    ours_ms: list[float] = field(default_factory=list)
    wagtail_ms: list[float] = field(default_factory=list)


def time_side_by_side(querystrings: list[str], progress=None) -> SideBySide:
    """Both sides' latency over the given search query strings."""
    lookup = _lookup()
    client = get_client()
    report = SideBySide()
    for querystring in querystrings:
        ours_ms, wagtail_ms = _time_both(
            client, parse_filters(QueryDict(querystring)), lookup
        )
        report.ours_ms.append(ours_ms)
        report.wagtail_ms.append(wagtail_ms)
        report.searches += 1
        if progress is not None:
            progress.update(1)
    return report


@dataclass
class Row:
    query: str
    ours_total: int
    wagtail_total: int
    overlap: float
    ours_correct: float
    wagtail_correct: float
    ours_ms: list[float] = field(default_factory=list)
    wagtail_ms: list[float] = field(default_factory=list)


def _facts() -> dict:
    """Per translation key, the compared facets' values, straight from the database."""
    page_fields = [page_field for page_field, _model, _key in WAGTAIL_FACETS.values()]
    facts = {}
    for page in PracticePage.objects.live().select_related(*page_fields):
        values = {}
        for facet, (page_field, _model, key) in WAGTAIL_FACETS.items():
            term = getattr(page, page_field)
            values[facet] = getattr(term, key) if term is not None else None
        facts.setdefault(str(page.translation_key), values)
    return facts


def _expected(matches: set[str], facts: dict, selected: dict, facet: str) -> Counter:
    counts = Counter()
    for key in matches:
        fact = facts.get(key)
        if fact is None or not fact[facet]:
            continue
        if all(
            fact[f] in values
            for f, values in selected.items()
            if f != facet and f in fact
        ):
            counts[fact[facet]] += 1
    return counts


def _share_correct(shown: dict[str, Counter], matches, facts, selected) -> float:
    right = total = 0
    for facet, counts in shown.items():
        expected = _expected(matches, facts, selected, facet)
        for value in set(expected) | set(counts):
            total += 1
            right += expected.get(value, 0) == counts.get(value, 0)
    return right / total if total else 1.0


def _our_matches(q: str) -> set[str]:
    body = {"query": text_query(q), "size": 10_000, "_source": False}
    return {
        hit["_id"]
        for hit in get_client().search(index=alias_name(), body=body)["hits"]["hits"]
    }


def compare(
    repetitions: int = 5, *, reindex_wagtail: bool = True, out=print
) -> list[Row]:
    if reindex_wagtail:
        update_wagtail_index()
    facts = _facts()
    lookup = _lookup()
    client = get_client()
    rows = []
    for querystring in QUERIES:
        filters = parse_filters(QueryDict(querystring))
        results = search_practices(filters)
        our_facets = {
            facet: Counter({v.value: v.count for v in results.facets[facet] if v.count})
            for facet in WAGTAIL_FACETS
        }
        top, wagtail_total, wagtail_facets = wagtail_search(filters, lookup)
        wagtail_ids = {str(page.translation_key) for page in top[:10]}
        our_ids = [hit.id for hit in results.results[:10]]
        overlap = len(set(our_ids) & wagtail_ids) / len(our_ids) if our_ids else 1.0
        wagtail_matches = {
            str(p.translation_key)
            for p in get_search_backend(WAGTAIL_BACKEND).search(
                filters.q, PracticePage.objects.live()
            )
        }
        row = Row(
            querystring,
            results.total,
            wagtail_total,
            overlap,
            _share_correct(
                our_facets, _our_matches(filters.q), facts, dict(filters.selected)
            ),
            _share_correct(
                wagtail_facets, wagtail_matches, facts, dict(filters.selected)
            ),
        )
        for n in range(repetitions):
            variant = querystring + VARIANTS[n % len(VARIANTS)]
            ours_ms, wagtail_ms = _time_both(
                client, parse_filters(QueryDict(variant)), lookup
            )
            row.ours_ms.append(ours_ms)
            row.wagtail_ms.append(wagtail_ms)
        rows.append(row)
    _print(rows, out)
    return rows


def _p(values: list[float], q: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def _print(rows: list[Row], out) -> None:
    out(f"{'query':<78} {'total o/w':>11} {'overlap':>7} {'facets ok o/w':>14}")
    for r in rows:
        out(
            f"{r.query:<78} {r.ours_total:>5}/{r.wagtail_total:<5} {r.overlap:>7.0%} "
            f"{r.ours_correct:>6.0%}/{r.wagtail_correct:<6.0%}"
        )
    ours = [ms for r in rows for ms in r.ours_ms]
    wagtail = [ms for r in rows for ms in r.wagtail_ms]
    out("")
    out(
        f"latency over {len(ours)} searches (results + all facets, request cache cleared):"
    )
    out(
        f"  ours:    p50 {_p(ours, 50):6.1f} ms   p95 {_p(ours, 95):6.1f} ms   (1 request)"
    )
    out(
        f"  wagtail: p50 {_p(wagtail, 50):6.1f} ms   p95 {_p(wagtail, 95):6.1f} ms   "
        f"(1 + {len(WAGTAIL_FACETS)} facet requests, 4 of our 10 facets)"
    )
    out(
        f"facet correctness: ours {statistics.mean(r.ours_correct for r in rows):.0%}, "
        f"wagtail {statistics.mean(r.wagtail_correct for r in rows):.0%}; "
        f"mean top-10 overlap {statistics.mean(r.overlap for r in rows):.0%}"
    )
