"""Facet labels in both languages, read from the taxonomy and kept briefly in memory.

Facets carry slugs and codes; people read labels. The whole vocabulary is a few
thousand rows, so it is loaded at once and kept in each process; saving a term
changes a version stamp in the shared counters cache (kb/caches.py), and every
worker reloads when it sees the stamp change (checked at most once a second).
Which facets there are, and where their terms come from, is the registry's
(practices/facets.py).
"""

import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass

from kb.caches import counters_cache
from practices.facets import FACETS

CACHE_SECONDS = 300
CHECK_SECONDS = 1.0
VERSION_KEY = "search:labels:version"
_lock = threading.Lock()
_cache: dict = {"loaded_at": 0.0, "checked_at": 0.0, "labels": None, "version": None}


@dataclass(frozen=True)
class Label:
    es: str
    en: str
    order: int = 0
    parent: str | None = None

    def text(self, language: str) -> str:
        return self.en if language == "en" else self.es


def facet_labels() -> dict[str, dict[str, Label]]:
    with _lock:
        now = time.monotonic()
        if _cache["labels"] is not None and now - _cache["checked_at"] < CHECK_SECONDS:
            return _cache["labels"]
        version = _shared_version()
        stale = (
            _cache["labels"] is None
            or _cache["version"] != version
            or now - _cache["loaded_at"] >= CACHE_SECONDS
        )
        if stale:
            _cache["labels"] = _load()
            _cache["loaded_at"] = now
            _cache["version"] = version
        _cache["checked_at"] = now
        return _cache["labels"]


def clear_label_cache(**_kwargs) -> None:
    """Every worker reloads its labels: the shared version stamp changes."""
    counters_cache().set(VERSION_KEY, uuid.uuid4().hex, None)
    with _lock:
        _cache["labels"] = None


def _shared_version() -> str:
    cache = counters_cache()
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY, "")
    return version


def _load() -> dict[str, dict[str, Label]]:
    labels = {
        facet.name: {
            term.value: Label(term.label_es, term.label_en, term.order, term.parent)
            for term in facet.terms()
        }
        for facet in FACETS
    }
    if "subdivision" in labels and "country" in labels:
        labels["subdivision"] = _with_countries(
            labels["subdivision"], labels["country"]
        )
    return labels


def _with_countries(
    subdivisions: dict[str, Label], countries: dict[str, Label]
) -> dict[str, Label]:
    """A name several countries' subdivisions share gets its country: Córdoba is a
    province of Argentina and a department of Colombia, and a filter listing two
    bare "Córdoba" says neither."""
    shared = Counter(label.es for label in subdivisions.values())
    named = {}
    for code, label in subdivisions.items():
        country = countries.get(code.split("-", 1)[0])
        if shared[label.es] > 1 and country is not None:
            label = Label(
                f"{label.es} ({country.es})", f"{label.en} ({country.en})", label.order
            )
        named[code] = label
    return named
