"""`python -m bench.dictionary_words`: what asking Apertium's dictionaries costs a
search.

Over every judged query of the relevance harness (search/evaluation/queries.csv,
in its own language), `--rounds` times: the key-term correction without the
dictionary check (as before) and with it (`corrected_query(keep_words=True)`:
the analyser of the language, warm in this process, asked about the words about
to be corrected), and telling the words' language before translating them
(`language_of`: both analysers asked about every word). Prints milliseconds per
query, and how many queries asked the analyser for a correction. No database,
no index.
"""

import argparse
import os
import sys
import time
from pathlib import Path

from .timing_row import timing_row

REPO = Path(__file__).resolve().parent.parent


def _row(name: str, millis: list[float]) -> str:
    return timing_row(name, millis, width=40, cell=8, places=2)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.dictionary_words", description=__doc__
    )
    parser.add_argument("--rounds", type=int, default=5, help="passes over the queries")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kb.settings.dev")
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from practices.translation import language_of
    from practices.translation.apertium import warm_analyser
    from search import key_terms
    from search.evaluation.judgements import read_queries

    queries = [(row["q"], row["lang"]) for row in read_queries()]
    for q, language in queries:  # the glossary's words, read once per process
        key_terms.corrected_query(q, language, keep_words=False)
    started = time.perf_counter()
    for language in ("en", "es"):
        warm_analyser(language).known_words(["start"])
    first = (time.perf_counter() - started) * 1000
    asking = {
        position
        for position, (q, language) in enumerate(queries)
        if key_terms.corrected_query(q, language, keep_words=False)
    }
    timed = {False: [], True: []}
    for _round in range(args.rounds):
        for keep_words in (False, True):
            for position, (q, language) in enumerate(queries):
                started = time.perf_counter()
                key_terms.corrected_query(q, language, keep_words=keep_words)
                millis = (time.perf_counter() - started) * 1000
                timed[keep_words].append((position in asking, millis))
    print(
        f"{len(queries)} queries, {len(asking)} with a word near a term (the "
        f"analyser asked), {args.rounds} rounds"
    )
    print(
        f"{'key-term correction (ms)':<40} {'n':>5} {'median':>8} {'p95':>8} {'max':>8}"
    )
    for keep_words, name in (
        (False, "any word near a term corrected"),
        (True, "the language's words kept"),
    ):
        print(_row(f"{name}, all", [ms for _a, ms in timed[keep_words]]))
        print(_row(f"{name}, asking", [ms for a, ms in timed[keep_words] if a]))
    told = []
    for _round in range(args.rounds):
        for q, language in queries:
            started = time.perf_counter()
            language_of(q, language)
            told.append((time.perf_counter() - started) * 1000)
    print(_row("the words' language told", told))
    print(_row("analysers started (English, Spanish)", [first]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
