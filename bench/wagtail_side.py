"""Our search against Wagtail's built-in OpenSearch search, same node, same selections.

Wagtail's side is what a site gets out of the box: `backend.search()` for the page of
results and its total, plus one `.facet()` request per facet it can count (the
page's own foreign keys: country, government level, status, evidence level). Both
sides run in this process, one search at a time, with the engine's request cache
cleared before each, so the ratio compares engines and request shapes, not caches.
"""

import time
from dataclasses import dataclass, field

from django.http import QueryDict
from wagtail.search.backends import get_search_backend

from practices.models import PracticePage
from search.client import get_client
from search.filters import parse_filters
from search.service import search_practices
from taxonomy.models import Country, EvidenceLevel, GovernmentLevel, PracticeStatus

WAGTAIL_BACKEND = "wagtail_opensearch"
# Facet -> (page field, vocabulary model, key): what Wagtail can filter and count.
WAGTAIL_FACETS = {
    "country": ("country", Country, "code"),
    "level": ("government_level", GovernmentLevel, "slug"),
    "status": ("status", PracticeStatus, "slug"),
    "evidence": ("evidence_level", EvidenceLevel, "slug"),
}


@dataclass
class SideBySide:
    searches: int = 0
    ours_ms: list[float] = field(default_factory=list)
    wagtail_ms: list[float] = field(default_factory=list)


def _lookup() -> dict[str, dict]:
    table = {}
    for facet, (_field, model, key) in WAGTAIL_FACETS.items():
        pairs = list(model.objects.values_list(key, "pk"))
        table[facet] = dict(pairs)
        table[f"{facet}_back"] = {pk: value for value, pk in pairs}
    return table


def wagtail_search(filters, lookup) -> tuple[list, int, dict]:
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
        facets[facet] = {
            lookup[f"{facet}_back"][pk]: n
            for pk, n in raw.items()
            if pk in lookup[f"{facet}_back"]
        }
    return top, total, facets


def compare(querystrings: list[str], progress=None) -> SideBySide:
    lookup = _lookup()
    client = get_client()
    report = SideBySide()
    for querystring in querystrings:
        filters = parse_filters(QueryDict(querystring))
        client.indices.clear_cache(request=True)
        started = time.perf_counter()
        search_practices(filters)
        report.ours_ms.append((time.perf_counter() - started) * 1000)
        client.indices.clear_cache(request=True)
        started = time.perf_counter()
        wagtail_search(filters, lookup)
        report.wagtail_ms.append((time.perf_counter() - started) * 1000)
        report.searches += 1
        if progress is not None:
            progress.update(1)
    return report
