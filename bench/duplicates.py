"""How long the duplicate search takes for one country-and-language group.

`python -m bench.duplicates [--sizes 1000,2000,4000,8000]` times the title stage of
desk.duplicates (every pair of a group compared, quadratic) on titles made by
recombining the words of real OGP commitment titles (../shared/data), or of a fixed
word list when that folder is absent, and prints one table. No database, no node.
"""

import argparse
import csv
import os
import random
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
FALLBACK = [
    "presupuesto",
    "participativo",
    "datos",
    "abiertos",
    "obra",
    "publica",
    "transparencia",
    "consejo",
    "ciudadano",
    "contraloria",
    "social",
    "municipal",
    "portal",
    "rendicion",
    "cuentas",
    "agua",
    "salud",
    "educacion",
    "compras",
    "contratos",
    "gobierno",
    "abierto",
    "plan",
    "accion",
    "local",
    "vecinos",
]


def title_words() -> tuple[list[str], str]:
    path = SHARED / "ogp_commitments_subset.csv"
    if not path.is_file():
        return FALLBACK, "fixed word list (../shared/data absent)"
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    column = next(name for name in rows[0] if "title" in name.lower())
    words = [w for row in rows for w in row[column].split() if len(w) > 2]
    return words, f"words of {len(rows)} OGP commitment titles"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.duplicates")
    parser.add_argument("--sizes", default="1000,2000,4000,8000")
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument(
        "--workers", type=int, help="threads (DUPLICATE_SEARCH_WORKERS by default)"
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kb.settings.dev")
    import django

    django.setup()
    from django.conf import settings

    from desk.duplicates import close_titles, sorted_words

    workers = args.workers or settings.DUPLICATE_SEARCH_WORKERS

    words, origin = title_words()
    rng = random.Random(args.seed)
    print(f"titles: {origin}; {os.cpu_count()} CPUs, {workers} threads")
    print(
        f"{'group size':>10} {'pairs compared':>15} {'close titles':>13} {'seconds':>8}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        titles = [
            sorted_words(" ".join(rng.sample(words, rng.randint(4, 10))))
            for _ in range(size)
        ]
        started = time.monotonic()
        close = sum(1 for _ in close_titles(titles, workers))
        seconds = time.monotonic() - started
        print(f"{size:>10} {size * (size - 1) // 2:>15} {close:>13} {seconds:>8.2f}")


if __name__ == "__main__":
    main()
