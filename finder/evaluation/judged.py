"""The judged set: official contexts written from the facts of the demo repertory's
Mexican and Latin American practices, each with the practices that should come
first (graded 3: first of all, 2: a good fit, 1: worth seeing).

It is split once, by a fixed seed, into a tuning half (what the finder's weights
were tuned on) and a held-out half (what the finder is judged on, never tuned on).
The set grew in batches (a row's `batch`, 1 when absent): each batch is split on its
own by the same seed, so adding contexts never moves an earlier one between halves.
"""

import json
import random
from dataclasses import dataclass
from pathlib import Path

CONTEXTS_FILE = Path(__file__).with_name("contexts.json")
SPLIT_SEED = 28
HALVES = ("tuning", "held-out")


@dataclass(frozen=True)
class JudgedContext:
    id: str
    params: dict
    # Source ids (the demo's `source_id`) and their grades.
    relevant: dict[str, int]
    batch: int = 1

    @property
    def problem(self) -> str:
        return self.params["problem"]

    @property
    def lang(self) -> str:
        return self.params.get("lang", "es")


def judged_contexts(path: Path = CONTEXTS_FILE) -> list[JudgedContext]:
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [
        JudgedContext(row["id"], row["context"], row["relevant"], row.get("batch", 1))
        for row in rows
    ]


def split(contexts: list[JudgedContext]) -> dict[str, list[JudgedContext]]:
    """The two halves, the same every run: each batch's ids shuffled by SPLIT_SEED,
    its first half (rounded down) for tuning."""
    tuning = set()
    for batch in sorted({context.batch for context in contexts}):
        ids = sorted(context.id for context in contexts if context.batch == batch)
        random.Random(SPLIT_SEED).shuffle(ids)
        tuning.update(ids[: len(ids) // 2])
    return {
        "tuning": [c for c in contexts if c.id in tuning],
        "held-out": [c for c in contexts if c.id not in tuning],
    }
