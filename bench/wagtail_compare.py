"""Side by side: our search against Wagtail's built-in OpenSearch search, same node, same data.

For each query (text plus facet selections) it measures:
- overlap: the share of our first ten practices that Wagtail's first ten also hold;
- facet correctness: the share of facet buckets whose count equals the count computed
  from the database for that engine's own matches (multi-select semantics: each facet
  filtered by every other facet's selection);
- latency: wall time for results plus every facet, p50 and p95 over repeated runs with
  the request cache cleared before each run so neither side is served from it.

Run it with `python -m bench.compare` (bench/compare.py) on the development
database and node, after `make index`.
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
# The facets Wagtail can count: direct fields of the page only.
COMPARED_FACETS = {
    "country": "country",
    "level": "government_level",
    "status": "status",
    "evidence": "evidence_level",
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
    facts = {}
    for page in PracticePage.objects.live().select_related(
        "country", "government_level", "status", "evidence_level"
    ):
        facts.setdefault(
            str(page.translation_key),
            {
                "country": page.country.code if page.country_id else None,
                "level": page.government_level.slug
                if page.government_level_id
                else None,
                "status": page.status.slug if page.status_id else None,
                "evidence": page.evidence_level.slug
                if page.evidence_level_id
                else None,
            },
        )
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


def _ours(querystring: str):
    filters = parse_filters(QueryDict(querystring))
    started = time.perf_counter()
    results = search_practices(filters)
    elapsed = (time.perf_counter() - started) * 1000
    shown = {
        facet: Counter({v.value: v.count for v in results.facets[facet] if v.count})
        for facet in COMPARED_FACETS
    }
    return results, shown, elapsed


def _wagtail(querystring: str, slug_to_pk: dict):
    filters = parse_filters(QueryDict(querystring))
    backend = get_search_backend(WAGTAIL_BACKEND)
    queryset = PracticePage.objects.live()
    for facet, field_name in COMPARED_FACETS.items():
        values = filters.values(facet)
        if values:
            queryset = queryset.filter(
                **{f"{field_name}__in": [slug_to_pk[facet][v] for v in values]}
            )
    started = time.perf_counter()
    results = backend.search(filters.q, queryset)
    top = list(results[filters.offset : filters.offset + filters.page_size])
    total = results.count()
    shown = {}
    for facet, field_name in COMPARED_FACETS.items():
        raw = backend.search(filters.q, queryset).facet(f"{field_name}_id")
        shown[facet] = Counter(
            {
                slug_to_pk[facet + "_back"][pk]: n
                for pk, n in raw.items()
                if pk in slug_to_pk[facet + "_back"]
            }
        )
    elapsed = (time.perf_counter() - started) * 1000
    return top, total, shown, elapsed


def _lookup() -> dict:
    table = {}
    for facet, model, key in (
        ("country", Country, "code"),
        ("level", GovernmentLevel, "slug"),
        ("status", PracticeStatus, "slug"),
        ("evidence", EvidenceLevel, "slug"),
    ):
        pairs = list(model.objects.values_list(key, "pk"))
        table[facet] = dict(pairs)
        table[facet + "_back"] = {pk: value for value, pk in pairs}
    return table


def compare(
    repetitions: int = 5, *, reindex_wagtail: bool = True, out=print
) -> list[Row]:
    if reindex_wagtail:
        call_command("wagtail_update_index", backend_name=WAGTAIL_BACKEND, verbosity=0)
    facts = _facts()
    lookup = _lookup()
    client = get_client()
    rows = []
    for querystring in QUERIES:
        filters = parse_filters(QueryDict(querystring))
        results, our_facets, _ = _ours(querystring)
        top, wagtail_total, wagtail_facets, _ = _wagtail(querystring, lookup)
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
            client.indices.clear_cache(request=True)
            row.ours_ms.append(_ours(variant)[2])
            client.indices.clear_cache(request=True)
            row.wagtail_ms.append(_wagtail(variant, lookup)[3])
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
        f"(1 + {len(COMPARED_FACETS)} facet requests, 4 of our 10 facets)"
    )
    out(
        f"facet correctness: ours {statistics.mean(r.ours_correct for r in rows):.0%}, "
        f"wagtail {statistics.mean(r.wagtail_correct for r in rows):.0%}; "
        f"mean top-10 overlap {statistics.mean(r.overlap for r in rows):.0%}"
    )
