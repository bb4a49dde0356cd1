"""Sentence vectors kept between bench runs, so a run on a fresh database embeds
only the texts no earlier run embedded.

Every vector is the real encoder's, of the practice's own text (no reuse, no
jitter): the cache is a file of (text hash, vector) pairs under `.cache/bench/`,
loaded into the database's `TextVector` table before the import and written back
after the rebuild. The hash covers the model and the text, so a changed corpus or
model simply misses.
"""

from pathlib import Path

import numpy as np

from search.models import TextVector
from search.vectors import DIMENSIONS, MODEL_ID

CHUNK = 2000


def cache_file(root: Path) -> Path:
    return root / f"text-vectors-{MODEL_ID}.npz"


def restore(path: Path) -> int:
    """Load the cached vectors into the database; returns how many the file held."""
    if not path.is_file():
        return 0
    data = np.load(path)
    hashes, vectors = data["hashes"], data["vectors"]
    for start in range(0, len(hashes), CHUNK):
        TextVector.objects.bulk_create(
            [
                TextVector(model=MODEL_ID, text_hash=str(h), vector=v.tobytes())
                for h, v in zip(
                    hashes[start : start + CHUNK],
                    vectors[start : start + CHUNK],
                    strict=True,
                )
            ],
            ignore_conflicts=True,
        )
    return len(hashes)


def save(path: Path) -> int:
    """Write every vector the database holds for the model; returns how many."""
    rows = TextVector.objects.filter(model=MODEL_ID).values_list("text_hash", "vector")
    hashes, vectors = [], []
    for text_hash, blob in rows.iterator(chunk_size=CHUNK):
        hashes.append(text_hash)
        vectors.append(np.frombuffer(bytes(blob), dtype=np.float32))
    if not hashes:
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial.npz")
    np.savez(
        partial,
        hashes=np.array(hashes),
        vectors=np.vstack(vectors).reshape(-1, DIMENSIONS),
    )
    partial.replace(path)
    return len(hashes)
