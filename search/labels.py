"""Facet labels in both languages, read from the taxonomy and kept briefly in memory.

Facets carry slugs and codes; people read labels. The whole vocabulary is a few
hundred rows, so it is loaded at once and cached; saving a term clears the cache.
"""

import threading
import time
from dataclasses import dataclass

from taxonomy import models as taxonomy

CACHE_SECONDS = 300
_lock = threading.Lock()
_cache: dict = {"loaded_at": 0.0, "labels": None}


@dataclass(frozen=True)
class Label:
    es: str
    en: str
    order: int = 0

    def text(self, language: str) -> str:
        return self.en if language == "en" else self.es


LANGUAGE_LABELS = {
    "es": Label("Español", "Spanish", 0),
    "en": Label("Inglés", "English", 1),
}


def facet_labels() -> dict[str, dict[str, Label]]:
    with _lock:
        fresh = time.monotonic() - _cache["loaded_at"] < CACHE_SECONDS
        if _cache["labels"] is None or not fresh:
            _cache["labels"] = _load()
            _cache["loaded_at"] = time.monotonic()
        return _cache["labels"]


def clear_label_cache(**_kwargs) -> None:
    with _lock:
        _cache["labels"] = None


def _terms(model) -> dict[str, Label]:
    return {
        slug: Label(es, en, order)
        for slug, es, en, order in model.objects.values_list(
            "slug", "label_es", "label_en", "sort_order"
        )
    }


def _load() -> dict[str, dict[str, Label]]:
    return {
        "country": {
            code: Label(es, en)
            for code, es, en in taxonomy.Country.objects.values_list(
                "code", "name_es", "name_en"
            )
        },
        "subdivision": {
            code: Label(es or name, en or name)
            for code, name, es, en in taxonomy.Subdivision.objects.values_list(
                "code", "name", "name_es", "name_en"
            )
        },
        "region": _terms(taxonomy.Region),
        "theme": _terms(taxonomy.Theme),
        "outcome": _terms(taxonomy.Outcome),
        "evidence": _terms(taxonomy.EvidenceLevel),
        "level": _terms(taxonomy.GovernmentLevel),
        "type": _terms(taxonomy.PracticeType),
        "status": _terms(taxonomy.PracticeStatus),
        "language": dict(LANGUAGE_LABELS),
    }
