"""Whole answers of repeated searches, shared by every worker.

A search's answer (hits, facet counts, years, suggestion) is kept in the configured
shared cache (the database or Redis) under the index's version stamp. Anything that
writes to the index (a drain, a rebuild, a deletion) changes the stamp, so every
answer kept before the change is out of reach at once: a publish is never hidden by
an old answer. Off unless `SEARCH_ANSWER_CACHE_SECONDS` is set (docs/capacity.md
has the measurements).
"""

import hashlib
import time
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from django.conf import settings

from kb.caches import counters_cache, queries_cache

from .client import index_name
from .filters import SearchFilters

Answer = TypeVar("Answer")
STAMP_SECONDS = 7 * 24 * 3600


def _stamp_key() -> str:
    return f"search:answers-stamp:{index_name('practices')}"


def index_changed() -> None:
    """Every answer kept so far is stale: the index holds something new."""
    if settings.SEARCH_ANSWER_CACHE_SECONDS:
        counters_cache().set(_stamp_key(), str(time.time_ns()), STAMP_SECONDS)


def _stamp() -> str:
    # The stamp lives with the counters, where culling cannot reach it; the answers
    # in the bounded cache of query results (kb/caches.py).
    stamps = counters_cache()
    stamp = stamps.get(_stamp_key())
    if stamp is None:
        stamp = str(time.time_ns())
        stamps.add(_stamp_key(), stamp, STAMP_SECONDS)
        stamp = stamps.get(_stamp_key(), stamp)
    return stamp


def _answer_key(filters: SearchFilters, stamp: str) -> str:
    what = "\n".join(
        [
            stamp,
            settings.SEARCH_MODE,
            settings.SEARCH_VECTOR_REQUEST,
            filters.lang,
            filters.querystring(),
        ]
    )
    return f"search:answer:{hashlib.sha256(what.encode()).hexdigest()}"


def kept_answer(filters: SearchFilters, search: Callable[[], Answer]) -> Answer:
    """The answer kept for these filters at the index's current version, else
    `search()`'s, kept for the next identical search."""
    seconds = settings.SEARCH_ANSWER_CACHE_SECONDS
    if not seconds:
        return search()
    key = _answer_key(filters, _stamp())
    answers = queries_cache()
    answer = answers.get(key)
    if answer is not None:
        # The same search, parsed anew: its own filters (and warnings) travel along.
        return replace(answer, filters=filters, warnings=list(filters.warnings))
    answer = search()
    answers.set(key, answer, seconds)
    return answer
