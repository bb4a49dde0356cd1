"""Caps on requests in progress at once, per client and overall.

A rate limit counts requests started per minute; a long download holds a worker
for minutes, so a few at once can take every worker. A slot is counted in the
shared counters cache (kb/caches.py), so every worker sees the same numbers, and
given back when the response is closed. A slot lost with a killed worker is
forgotten when its key expires (`hold_seconds` after the first of a busy spell).
"""

import logging
from dataclasses import dataclass, field

from .caches import counters_cache

logger = logging.getLogger(__name__)


@dataclass
class Slot:
    """A place taken; `release()` gives it back (once, however often called)."""

    keys: tuple[str, ...]
    released: bool = field(default=False)

    def release(self) -> None:
        if not self.released:
            self.released = True
            _give_back(self.keys)


def take_slot(
    group: str, client: str, *, per_client: int, overall: int, hold_seconds: int
) -> Slot | None:
    """A slot for `client` in `group`, or None when the client or everyone together
    already holds as many as allowed."""
    taken: list[str] = []
    for key, limit in (
        (f"busy:{group}:all", overall),
        (f"busy:{group}:{client}", per_client),
    ):
        try:
            count = _increment(key, hold_seconds)
        except Exception:  # noqa: BLE001 - a cache failure must not stop the site
            logger.warning("concurrency count failed; not limiting", exc_info=True)
            _give_back(taken)
            return Slot(())
        taken.append(key)
        if count > limit:
            _give_back(taken)
            return None
    return Slot(tuple(taken))


def _increment(key: str, hold_seconds: int) -> int:
    cache = counters_cache()
    if cache.add(key, 1, hold_seconds):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between the add and the increment
        cache.set(key, 1, hold_seconds)
        return 1


def _give_back(keys) -> None:
    cache = counters_cache()
    for key in keys:
        try:
            cache.decr(key)
        except ValueError:
            pass  # expired meanwhile: nothing left to give back
        except Exception:  # noqa: BLE001
            logger.warning("concurrency release failed", exc_info=True)
