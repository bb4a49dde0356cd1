"""Check written demo cases as you write them: `python -m practices.demo.check_cases [FILE…]`.

Without files it checks every case in practices/demo/cases/. Needs no database and
no search node. Exit status 1 when any case has a problem.
"""

import contextlib
import os
import sys
from pathlib import Path

import django

from kb.translations import site_languages
from practices.demo.case_file import CASES_DIR, CaseError, read_case
from practices.demo.content_checks import (
    deferring_sentences,
    figures,
    foreign_sentences,
    normalise_figure,
    shared_runs,
    shared_sentences,
    shared_skeletons,
    words,
)
from practices.demo.source_texts import source_ngrams

MIN_WORDS = {"problem": 40, "actions": 40, "results": 30}
SHARED_SENTENCE_LIMIT = 3
SHARED_SKELETON_LIMIT = 10


def case_text_problems(case, sources_ngrams) -> list[str]:
    problems = []
    known = {normalise_figure(p["fact"]) for p in case.provenance}
    for language in site_languages():
        text = case.texts[language]
        for field in ("title", "summary", *text.sections):
            content = getattr(text, field, None)
            if content is None:
                content = " ".join(text.sections[field])
            for figure in figures(content):
                if figure not in known:
                    problems.append(
                        f"{language}.{field}: figure {figure} has no provenance"
                    )
            for sentence in deferring_sentences(content):
                problems.append(
                    f"{language}.{field}: defers to the sources: {sentence!r}"
                )
            for sentence, detected in foreign_sentences(content, language, case.names):
                problems.append(
                    f"{language}.{field}: reads as {detected}: {sentence!r}"
                )
            if sources_ngrams:
                for run in shared_runs(content, sources_ngrams):
                    problems.append(
                        f"{language}.{field}: copied from a source: {run!r}"
                    )
        for section, minimum in MIN_WORDS.items():
            count = len(words(" ".join(text.sections.get(section, []))))
            if count < minimum:
                problems.append(
                    f"{language}.{section}: {count} words (aim for {minimum}+)"
                )
    if case.texts["es"].title.casefold() == case.texts["en"].title.casefold():
        problems.append("the Spanish and English titles are the same")
    return problems


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(CASES_DIR.glob("*.json"))
    every_case = []
    for path in sorted(CASES_DIR.glob("*.json")):
        with contextlib.suppress(CaseError):
            every_case.append(read_case(path))
    ngram_set = source_ngrams()
    if ngram_set is None:
        print("note: ../shared/data is absent; copied runs are not checked")
    failed = 0
    for path in paths:
        try:
            case = read_case(path)
        except CaseError as exc:
            print(f"✗ {exc}")
            failed += 1
            continue
        problems = case_text_problems(case, ngram_set)
        if problems:
            failed += 1
            print(f"✗ {path.name}")
            for problem in problems:
                print(f"    {problem}")
        else:
            print(f"✓ {path.name}")
    checked = {p.name for p in paths}
    for language in site_languages():
        texts = {c.path.name: c.texts[language].all_text() for c in every_case}
        for limit, found, what in (
            (
                SHARED_SENTENCE_LIMIT,
                shared_sentences(texts, SHARED_SENTENCE_LIMIT),
                "sentence",
            ),
            (
                SHARED_SKELETON_LIMIT,
                shared_skeletons(texts, SHARED_SKELETON_LIMIT),
                "sentence shape",
            ),
        ):
            for sentence, names in found.items():
                if checked & set(names):
                    failed += 1
                    print(
                        f"✗ {language}: {what} in {len(names)} cases (limit {limit}): {sentence!r}: {', '.join(names[:6])}"
                    )
    print(f"{len(paths)} checked, {failed} with problems")
    return 1 if failed else 0


if __name__ == "__main__":
    # Run from the shell: the languages come from the project's settings.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kb.settings.dev")
    django.setup()
    sys.exit(main(sys.argv[1:]))
