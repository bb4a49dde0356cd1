"""The search service: what pages, views and templates call. It returns plain data."""

import datetime
import logging
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.utils.dateparse import parse_datetime
from opensearchpy.exceptions import (
    NotFoundError,
    OpenSearchException,
    RequestError,
    TransportError,
)

from kb.text import fold
from practices.facets import FACET_NAMES, FACETS, facet_named
from practices.translation import translate_query

from .answers import kept_answer
from .client import get_client
from .document_builder import live_practice_pages
from .filters import SearchFilters
from .indexer import alias_name
from .labels import facet_labels
from .models import PendingIndexUpdate, ReconcileRun
from .query import (
    MACHINE_SOURCE,
    build_search_request,
    close_enough,
    documented_count,
    facet_buckets,
    facet_clauses,
    fused_query,
    hybrid_query,
    key_term_correction,
    match_strength_request,
    matching_query,
    nearby_first,
    nearest_request,
    reciprocal_rank_fusion,
    text_fields,
    text_ranking_request,
    undated_count,
    vector_query,
)
from .sync import drain, enqueue
from .vectors import query_vector, would_load_encoder

logger = logging.getLogger(__name__)

# After the node rejects a k-NN query (no plugin, or an index built without the
# vector field), search stays text-only this long before trying vectors again.
VECTORS_OFF_SECONDS = 60


class SearchUnavailable(Exception):
    """OpenSearch cannot answer now; the caller shows a clear message, not an error page."""


class QueryRejected(SearchUnavailable):
    """OpenSearch refused the request itself (HTTP 400)."""


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class PracticeHit:
    id: str
    url: str
    title: str
    summary: str
    highlights: list[str]
    country: str | None
    country_label: str
    themes: list[tuple[str, str]]
    level: str | None
    level_label: str
    year: int | None
    language: str
    languages: list[str]
    original_language: str = "es"
    evidence: str | None = None
    evidence_label: str = ""
    outcomes: list[tuple[str, str]] = field(default_factory=list)
    # Results written down and supported by an outside review (practices/evidence.py).
    documented_results: bool = False
    # Shown in the reader's language through a machine translation of the original.
    machine_translated: bool = False
    original_url: str = ""


@dataclass
class SearchResults:
    filters: SearchFilters
    total: int
    took_ms: int
    results: list[PracticeHit]
    facets: dict[str, list[FacetValue]]
    years: list[tuple[int, int]]
    suggestion: str | None
    warnings: list[str] = field(default_factory=list)
    # How many practices with documented results the other selections leave.
    documented_count: int = 0
    # How many practices have no start year, under every selection but the years.
    undated_count: int = 0

    @property
    def undated_shown(self) -> int:
        """How many of the practices found have no start year (they sort last)."""
        return self.undated_count if self.filters.includes_undated else 0

    @property
    def undated_left_out(self) -> int:
        """How many undated practices a year range leaves out."""
        if not self.filters.has_years or self.filters.includes_undated:
            return 0
        return self.undated_count

    @property
    def page_count(self) -> int:
        reachable = min(self.total, 10_000)
        return max(1, -(-reachable // self.filters.page_size))


def _search(body: dict, **params) -> dict:
    # The node stops a search that runs too long, rather than finish it for a
    # client that has given up: `timeout` returns what the shards found so far,
    # `cancel_after_time_interval` cancels the search task itself.
    # (`timeout` goes in the body: as a keyword, opensearch-py takes it for its own.)
    limit = f"{int(settings.OPENSEARCH_SEARCH_TIMEOUT_SECONDS * 1000)}ms"
    body = {"timeout": limit, **body}
    params.setdefault("cancel_after_time_interval", limit)
    with _engine_errors():
        return get_client().search(index=alias_name(), body=body, **params)


@contextmanager
def _engine_errors():
    """The client's errors as the service's: unavailable, or the query refused."""
    try:
        yield
    except NotFoundError as exc:
        raise SearchUnavailable("the practices index does not exist yet") from exc
    except RequestError as exc:
        raise QueryRejected(f"OpenSearch rejected the query: {exc.error}") from exc
    except (OpenSearchException, TransportError, OSError) as exc:
        raise SearchUnavailable(
            f"OpenSearch did not answer: {type(exc).__name__}"
        ) from exc


def _vectors_off_key() -> str:
    return f"search:vectors-off:{alias_name()}"


def vectors_rejected() -> str | None:
    """Why the node last refused the vector half of a search, if it did lately."""
    return cache.get(_vectors_off_key())


def _vectors_refused(exc: QueryRejected) -> None:
    logger.warning("k-NN query rejected, searching text only: %s", exc)
    cache.set(_vectors_off_key(), str(exc)[:300], VECTORS_OFF_SECONDS)


def nearest_practices(q: str) -> dict[str, float] | None:
    """Practice ids whose vectors lie near the query's, with their scores, from a
    k-NN request of their own; None when vectors are unavailable (no encoder, or the
    node refuses k-NN on this index)."""
    if not q or settings.SEARCH_MODE == "text" or vectors_rejected():
        return None
    vector = query_vector(q)
    if vector is None:
        return None
    try:
        return close_enough(_search(nearest_request(vector))["hits"]["hits"])
    except QueryRejected as exc:
        _vectors_refused(exc)
        return None


def _inline_vectors() -> bool:
    return (
        settings.SEARCH_MODE == "hybrid"
        and settings.SEARCH_FUSION != "rrf"
        and settings.SEARCH_VECTOR_REQUEST != "separate"
    )


def search_query(filters: SearchFilters, translated: str = "") -> dict | None:
    """Which practices a search matches and how they rank: the words' query, joined
    by the query's nearest practices when vectors are on; None means the words
    alone. By default the nearest practices are a k-NN clause of this query (one
    request); rank fusion and the vectors-only mode ask for them first."""
    if _inline_vectors():
        if not filters.q or vectors_rejected():
            return None
        vector = query_vector(filters.q)
        if vector is None:
            return None
        return hybrid_query(matching_query(filters.q, translated), vector)
    neighbours = nearest_practices(filters.q)
    if neighbours is None:
        return None
    if settings.SEARCH_MODE == "vectors":
        return vector_query(neighbours)
    if settings.SEARCH_FUSION == "rrf":
        text_hits = _search(text_ranking_request(filters))["hits"]["hits"]
        fused = reciprocal_rank_fusion([h["_id"] for h in text_hits], list(neighbours))
        return fused_query(filters.q, fused, neighbours)
    return hybrid_query(
        matching_query(filters.q, translated, key_term_correction(filters)),
        neighbours,
    )


def _text_scored(query: dict | None) -> bool:
    """The phrase rescore refines text scores (the words alone, or summed with the
    vectors'), not vector or rank-fused scores."""
    return query is None or (
        settings.SEARCH_MODE != "vectors" and settings.SEARCH_FUSION != "rrf"
    )


def search_practices(filters: SearchFilters) -> SearchResults:
    """One page of a search: hits, facet counts, years, suggestion (an identical
    search's answer when whole answers are kept: search/answers.py)."""
    return kept_answer(filters, lambda: _answer(filters))


def _answer(filters: SearchFilters) -> SearchResults:
    started = time.monotonic()
    translated = (
        translate_query(filters.q, "es", "en")
        if filters.q and settings.SEARCH_QUERY_TRANSLATION
        else ""
    )
    query = search_query(filters, translated)
    try:
        response = _search_page(filters, query, translated)
    except QueryRejected as exc:
        if query is None or not _inline_vectors():
            raise
        # The index has no vector field (or the node no k-NN): the words alone.
        _vectors_refused(exc)
        query = None
        response = _search_page(filters, query, translated)
    labels = facet_labels()
    lang = filters.lang
    hits = [_hit(hit, lang, labels) for hit in response["hits"]["hits"]]
    total = response["hits"]["total"]["value"]
    facets = {
        facet: _facet_values(
            facet, facet_buckets(response["aggregations"], facet), filters, labels
        )
        for facet in FACET_NAMES
    }
    years = [
        (int(bucket["key"]), bucket["doc_count"])
        for bucket in facet_buckets(response["aggregations"], "year")
    ]
    return SearchResults(
        filters=filters,
        total=total,
        took_ms=int((time.monotonic() - started) * 1000),
        results=hits,
        facets=facets,
        years=years,
        suggestion=_suggestion(filters.q, response, translated) if filters.q else None,
        warnings=list(filters.warnings),
        documented_count=documented_count(response["aggregations"]),
        undated_count=undated_count(response["aggregations"]),
    )


def _search_page(filters: SearchFilters, query: dict | None, translated: str) -> dict:
    return _search(
        build_search_request(
            filters,
            query,
            translated,
            rescored=_text_scored(query),
        ),
        # Without words (the home page, browsing by facet) the same few requests
        # come again and again: the node keeps their answers in its request cache,
        # which a refresh that changed the index empties (a publish invalidates).
        **({} if filters.q else {"request_cache": "true"}),
    )


def count_practices(filters: SearchFilters) -> int:
    """How many practices a search finds (text matching only; no hits, no facets):
    what an empty search page offers instead, one count per way out."""
    body = {
        "query": build_search_request(filters)["query"],
        "post_filter": {"bool": {"filter": list(facet_clauses(filters).values())}},
        "size": 0,
        "track_total_hits": True,
    }
    return _search(body)["hits"]["total"]["value"]


def _pick(values: dict, lang: str, fallback: str) -> str:
    return values.get(lang) or values.get(fallback) or next(iter(values.values()), "")


def _own_terms(values: list[str], known: dict) -> list[str]:
    """A hierarchical facet's values less the ancestors the document adds (a
    practice on participatory budgeting is also on citizen participation): what
    its editors chose, for showing."""
    ancestors = {known[v].parent for v in values if v in known}
    return [v for v in values if v in known and v not in ancestors]


def _hit(hit: dict, lang: str, labels) -> PracticeHit:
    source = hit["_source"]
    original = source.get("original_language") or "es"
    shown = (
        lang
        if lang in source.get("urls", {})
        else (
            original
            if original in source.get("urls", {})
            else next(iter(source.get("urls") or {"es": ""}))
        )
    )
    highlight = hit.get("highlight", {})
    # Snippets in the language the card is shown in, never the other one's: when
    # the words matched only the other language's text, the card shows its summary.
    snippets = highlight.get(f"summary_{shown}") or highlight.get(f"body_{shown}") or []
    country = source.get("country")
    level = source.get("level")
    title = _pick(source.get("titles", {}), shown, original)
    summary = _pick(source.get("summaries", {}), shown, original)
    url = source["urls"].get(shown, "")
    machine = shown != lang and lang in source.get("machine_titles", {})
    if machine:
        title = source["machine_titles"][lang]
        summary = source.get("machine_summaries", {}).get(lang, summary)
        url = source.get("machine_urls", {}).get(lang, url)
        snippets = []  # the highlights are in the original language
    return PracticeHit(
        id=source["id"],
        url=url,
        title=title,
        summary=summary,
        highlights=snippets[:3],
        country=country,
        country_label=labels["country"][country].text(lang)
        if country in labels["country"]
        else "",
        themes=[
            (slug, labels["theme"][slug].text(lang))
            for slug in _own_terms(source.get("theme", []), labels["theme"])
        ],
        level=level,
        level_label=labels["level"][level].text(lang)
        if level in labels["level"]
        else "",
        year=source.get("year"),
        language=lang if machine else shown,
        languages=source.get("language", []),
        original_language=original,
        machine_translated=machine,
        original_url=source["urls"].get(shown, "") if machine else "",
        evidence=source.get("evidence"),
        evidence_label=labels["evidence"][source["evidence"]].text(lang)
        if source.get("evidence") in labels["evidence"]
        else "",
        outcomes=[
            (slug, labels["outcome"][slug].text(lang))
            for slug in source.get("outcome", [])
            if slug in labels["outcome"]
        ],
        documented_results=bool(source.get("documented_results")),
    )


def _facet_values(
    facet: str, buckets: list[dict], filters: SearchFilters, labels
) -> list[FacetValue]:
    known = labels[facet]
    selected = set(filters.values(facet))
    values = [
        FacetValue(
            value=bucket["key"],
            label=known[bucket["key"]].text(filters.lang)
            if bucket["key"] in known
            else bucket["key"],
            count=bucket["doc_count"],
            selected=bucket["key"] in selected,
        )
        for bucket in buckets
    ]
    present = {v.value for v in values}
    for value in selected - present:
        values.append(FacetValue(value, known[value].text(filters.lang), 0, True))
    if facet_named(facet).ranked:
        # Strongest first, whatever the counts: readers compare levels, not sizes.
        values.sort(key=lambda v: -known[v.value].order if v.value in known else 0)
    else:
        values.sort(key=lambda v: (-v.count, fold(v.label)))
    return values


def _suggestion(q: str, response: dict, translated: str = "") -> str | None:
    """The suggester's rewording of the words, offered only when it finds more
    practices than they do, or as many matching better; written with the query's
    own punctuation and capitals ("¿contrataciones abiertas?")."""
    candidate = None
    for entry in response.get("suggest", {}).get("did_you_mean", []):
        for option in entry.get("options", []):
            text = option.get("text", "")
            if text and fold(text) != fold(q):
                candidate = text
                break
    if candidate is None:
        return None
    asked, offered = _search_both(
        match_strength_request(q, translated), match_strength_request(candidate)
    )
    if suggestion_wins(asked["hits"], offered["hits"]):
        return in_the_querys_words(q, candidate)
    return None


def suggestion_wins(asked: dict, offered: dict) -> bool:
    """Whether the rewording (`offered`, the hits section of its answer) finds more
    practices than the words (`asked`), or as many matching better."""
    more = offered["total"]["value"] > asked["total"]["value"]
    better = (
        offered["total"]["value"] == asked["total"]["value"] > 0
        and (offered["max_score"] or 0) > (asked["max_score"] or 0) * BETTER_MATCH
    )
    return more or better


def _search_both(first: dict, second: dict) -> tuple[dict, dict]:
    """Two searches in one round trip (`_msearch`; the node runs them side by
    side), under `_search`'s time limit and errors."""
    limit = f"{int(settings.OPENSEARCH_SEARCH_TIMEOUT_SECONDS * 1000)}ms"
    body = []
    for search in (first, second):
        body += [{}, {"timeout": limit, **search}]
    with _engine_errors():
        responses = get_client().msearch(
            index=alias_name(),
            body=body,
            params={"cancel_after_time_interval": limit},
        )["responses"]
    for response in responses:
        if "error" in response:
            raise QueryRejected(f"OpenSearch rejected the query: {response['error']}")
    return responses[0], responses[1]


# How much higher the best score must be for as many practices to count as better.
BETTER_MATCH = 1.2
WORD = re.compile(r"\w+")


def in_the_querys_words(q: str, suggestion: str) -> str:
    """The suggestion's words put in the query's places, keeping what lies between
    them (¿, ?, commas, quotes) and a capital letter where the query had one."""
    asked = list(WORD.finditer(q))
    offered = suggestion.split()
    if len(asked) != len(offered):
        return suggestion
    pieces, end = [], 0
    for match, word in zip(asked, offered, strict=True):
        pieces.append(q[end : match.start()])
        original = match.group()
        if fold(original) == fold(word):
            word = original  # unchanged: as the person wrote it, accents and all
        elif original[:1].isupper():
            word = word[:1].upper() + word[1:]
        pieces.append(word)
        end = match.end()
    pieces.append(q[end:])
    return "".join(pieces)


def related_practices(
    translation_key: str, lang: str, size: int = 4, *, near: dict | None = None
) -> list[PracticeHit]:
    """Practices most alike in text and classification, those that share the place
    and government level in `near` (`{"country": "MX", "subdivision": "MX-JAL",
    "level": "state"}`) first among alike ones; [] when search is down."""
    alike = {
        "more_like_this": {
            "fields": [f.split("^")[0] for f in text_fields()] + ["theme", "type"],
            "like": [{"_index": alias_name(), "_id": str(translation_key)}],
            "min_term_freq": 1,
            "min_doc_freq": 1,
            "max_query_terms": 40,
        }
    }
    body = {
        "size": size,
        "query": nearby_first(alike, near or {}),
        "_source": [
            "id",
            "urls",
            "titles",
            "summaries",
            *MACHINE_SOURCE,
            "original_language",
            "language",
            "country",
            "theme",
            "level",
            "year",
            "evidence",
            "outcome",
            "documented_results",
        ],
    }
    try:
        response = _search(body)
    except SearchUnavailable:
        return []
    labels = facet_labels()
    return [_hit(hit, lang, labels) for hit in response["hits"]["hits"]]


def autocomplete(prefix: str, lang: str, size: int = 8) -> dict:
    """Practice titles and taxonomy terms that start like what was typed."""
    prefix = " ".join(prefix.split())[:100]
    if len(prefix) < 2:
        return {"practices": [], "terms": []}
    folded = fold(prefix)
    terms = []
    for facet in FACETS:
        if not facet.in_autocomplete:
            continue
        for value, label in facet_labels()[facet.name].items():
            text = label.text(lang)
            if any(_starts_nearly(word, folded) for word in _prefixes(fold(text))):
                terms.append({"facet": facet.name, "value": value, "label": text})
    body = {
        "size": size,
        "query": {
            "bool": {
                "should": [
                    # What was typed, as typed, first; then within one typo a
                    # word ("municpal"), for words of four letters or more.
                    {
                        "match": {
                            "title_autocomplete": {
                                "query": prefix,
                                "operator": "and",
                                "boost": 2,
                            }
                        }
                    },
                    {
                        "match": {
                            "title_autocomplete": {
                                "query": prefix,
                                "operator": "and",
                                "fuzziness": AUTOCOMPLETE_FUZZINESS,
                                "prefix_length": 1,
                                "max_expansions": 20,
                            }
                        }
                    },
                ]
            }
        },
        "_source": ["id", "urls", "titles", "original_language"],
    }
    response = _search(body)
    practices = []
    for hit in response["hits"]["hits"]:
        source = hit["_source"]
        shown = (
            lang if lang in source["urls"] else source.get("original_language", "es")
        )
        practices.append(
            {
                "title": _pick(source["titles"], shown, "es"),
                "url": _pick(source["urls"], shown, "es"),
            }
        )
    return {"practices": practices, "terms": terms[:size]}


# At most one typo, and none in words shorter than four letters.
AUTOCOMPLETE_FUZZINESS = "AUTO:4,1000"


def _starts_nearly(text: str, typed: str) -> bool:
    """`text` starts with `typed`, or (for four letters or more) with a string one
    edit away from it: a letter missing, added, changed or two swapped."""
    if text.startswith(typed):
        return True
    if len(typed) < 4:
        return False
    return any(
        _one_edit_apart(text[:length], typed)
        for length in (len(typed) - 1, len(typed), len(typed) + 1)
    )


def _one_edit_apart(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        differ = [i for i in range(len(a)) if a[i] != b[i]]
        if len(differ) == 1:
            return True
        first, second = differ[0], differ[-1]
        return (
            len(differ) == 2
            and second == first + 1
            and a[first] == b[second]
            and a[second] == b[first]
        )
    shorter, longer = sorted((a, b), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def _prefixes(text: str) -> list[str]:
    """The label and each of its word-suffixes, so 'datos' finds 'Datos abiertos'
    and 'abiertos' does too."""
    words = text.split()
    return [" ".join(words[i:]) for i in range(len(words))]


# What the editors' desk asks about the index: one practice's state, the queue and
# the last reconcile. Plain data; the database answers when OpenSearch does not.


@dataclass
class QueuedUpdate:
    reason: str
    queued_at: datetime.datetime
    attempts: int
    last_error: str
    last_attempt_at: datetime.datetime | None


@dataclass
class PracticeIndexStatus:
    """Whether search holds a practice, and the version it holds."""

    translation_key: str
    should_be_indexed: bool
    live_published_at: datetime.datetime | None
    indexed: bool = False
    indexed_published_at: datetime.datetime | None = None
    indexed_languages: list[str] = field(default_factory=list)
    live_languages: list[str] = field(default_factory=list)
    queued: QueuedUpdate | None = None
    error: str = ""

    @property
    def up_to_date(self) -> bool:
        if self.error:
            return False
        if not self.should_be_indexed:
            return not self.indexed
        return (
            self.indexed
            and self.indexed_published_at == self.live_published_at
            and self.indexed_languages == self.live_languages
        )


def practice_index_status(translation_key) -> PracticeIndexStatus:
    key = str(translation_key)
    live = list(
        live_practice_pages([key]).values_list(
            "last_published_at", "locale__language_code"
        )
    )
    published = [at for at, _lang in live if at]
    status = PracticeIndexStatus(
        translation_key=key,
        should_be_indexed=bool(live),
        live_published_at=max(published) if published else None,
        live_languages=sorted({lang for _at, lang in live}),
    )
    pending = PendingIndexUpdate.objects.filter(translation_key=key).first()
    if pending is not None:
        status.queued = QueuedUpdate(
            pending.reason,
            pending.created_at,
            pending.attempts,
            pending.last_error,
            pending.last_attempt_at,
        )
    try:
        document = get_client().get(
            index=alias_name(),
            id=key,
            params={"_source_includes": "published_at,language"},
        )
    except NotFoundError:
        return status
    except (OpenSearchException, TransportError, OSError) as exc:
        status.error = f"OpenSearch did not answer: {type(exc).__name__}"
        return status
    source = document.get("_source", {})
    status.indexed = bool(document.get("found"))
    status.indexed_published_at = (
        parse_datetime(source["published_at"]) if source.get("published_at") else None
    )
    status.indexed_languages = sorted(source.get("language", []))
    return status


def reindex_practice(translation_key) -> PracticeIndexStatus:
    """Write (or remove) one practice's document now; a failure stays queued (and
    so does the practice when this web process has no encoder to embed it)."""
    enqueue([translation_key], "editor")
    if not would_load_encoder():
        drain()
    return practice_index_status(translation_key)


@dataclass
class IndexQueueSummary:
    queued: int
    oldest_queued_at: datetime.datetime | None
    last_error: str
    last_error_at: datetime.datetime | None
    last_reconcile: ReconcileRun | None


def index_queue_summary() -> IndexQueueSummary:
    oldest = PendingIndexUpdate.objects.order_by("created_at").first()
    failing = (
        PendingIndexUpdate.objects.exclude(last_error="")
        .order_by("-last_attempt_at")
        .first()
    )
    return IndexQueueSummary(
        queued=PendingIndexUpdate.objects.count(),
        oldest_queued_at=oldest.created_at if oldest else None,
        last_error=failing.last_error if failing else "",
        last_error_at=failing.last_attempt_at if failing else None,
        last_reconcile=ReconcileRun.objects.first(),
    )


def queued_index_updates():
    """The durable index queue, oldest first, for the desk's report."""
    return PendingIndexUpdate.objects.order_by("created_at")
