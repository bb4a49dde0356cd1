"""A synthetic repertory of any size, shaped like the real catalogues.

The seeds are the real OGP commitments in `../shared/data` when they are present,
else the project's demo repertory, read through the project's own importers. From
them the generator learns, per language, which word pairs occur and how often, how
long each field is, and how countries, themes, years and the other classifications
are spread. A generated practice draws its classification from those marginals and
its text as a stream of word pairs, so no seed sentence is reproduced. Records are
written as the project's JSON Lines interchange format, ready for `import_practices`.
"""

import json
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from django.utils.html import strip_tags
from tqdm import tqdm

from practices.demo.repertory import DEMO_FILE
from practices.importers.jsonl import read_jsonl
from practices.importers.ogp import read_ogp
from practices.records.record import PracticeRecord, SourceLink

OGP_FILE = "ogp_commitments_subset.csv"
TEXT_FIELDS = ("title", "summary", "problem", "actions", "results", "lessons")
SUMMARY_LIMIT = 590  # the page allows 600; a full stop is added
# Words too common to make a query anyone types on its own.
STOP = {
    "es": set(
        [
            "a",
            "al",
            "ante",
            "con",
            "de",
            "del",
            "el",
            "en",
            "es",
            "la",
            "las",
            "lo",
            "los",
            "o",
            "para",
            "por",
            "que",
            "se",
            "su",
            "sus",
            "un",
            "una",
            "y",
            "e",
            "u",
            "como",
            "más",
            "mas",
            "este",
            "esta",
            "estos",
            "estas",
            "entre",
            "sobre",
            "sin",
            "ser",
            "ha",
            "han",
        ]
    ),
    "en": set(
        [
            "a",
            "an",
            "and",
            "are",
            "as",
            "at",
            "be",
            "by",
            "for",
            "from",
            "has",
            "have",
            "in",
            "is",
            "it",
            "its",
            "of",
            "on",
            "or",
            "that",
            "the",
            "their",
            "this",
            "to",
            "was",
            "were",
            "will",
            "with",
            "which",
            "these",
            "those",
            "into",
            "such",
            "be",
            "been",
        ]
    ),
}
WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)


def seed_records(data_dir: Path) -> tuple[str, list[PracticeRecord]]:
    """The real records the corpus is shaped after, and where they came from."""
    ogp = data_dir / OGP_FILE
    if ogp.is_file():
        rows = read_ogp(ogp)
        source = f"{ogp}"
    else:
        rows = read_jsonl(DEMO_FILE)
        source = f"the demo repertory ({data_dir} is absent)"
    return source, [row.record for row in rows if row.record is not None]


@dataclass
class LanguageModel:
    """Word pairs of one language with their frequencies, sampled in bulk."""

    pairs: list[tuple[str, str]]
    pair_weights: list[int]
    content_words: list[str]
    content_weights: list[int]

    @classmethod
    def learn(cls, texts: list[str], language: str) -> "LanguageModel":
        pair_counts: Counter = Counter()
        word_counts: Counter = Counter()
        for text in texts:
            words = [w.lower() for w in WORD.findall(text)]
            pair_counts.update(pairwise(words))
            word_counts.update(w for w in words if w not in STOP[language])
        pairs, weights = zip(*pair_counts.most_common(), strict=True)
        words, counts = zip(*word_counts.most_common(), strict=True)
        return cls(list(pairs), _cumulative(weights), list(words), _cumulative(counts))

    def text(self, rng: random.Random, words: int) -> str:
        if words <= 0:
            return ""
        chosen = rng.choices(
            self.pairs, cum_weights=self.pair_weights, k=(words + 1) // 2
        )
        return " ".join(word for pair in chosen for word in pair)

    def query(self, rng: random.Random) -> str:
        """One to three words a reader might type: mid-frequency content words,
        often a real word pair."""
        n = rng.choices((1, 2, 3), weights=(4, 4, 2))[0]
        # Skip the very top words (too common) and the long tail (too rare).
        window = self.content_words[20:2000]
        if n >= 2 and rng.random() < 0.6:
            for _ in range(50):
                first, second = rng.choices(self.pairs[:5000], k=1)[0]
                if first not in STOP_ANY and second not in STOP_ANY:
                    words = [first, second]
                    break
            else:
                words = rng.sample(window, 2)
            if n == 3:
                words.append(rng.choice(window))
            return " ".join(words)
        return " ".join(rng.sample(window, n))


STOP_ANY = STOP["es"] | STOP["en"]


def _cumulative(weights) -> list[int]:
    total, result = 0, []
    for weight in weights:
        total += weight
        result.append(total)
    return result


@dataclass
class CorpusShape:
    """What the seeds say a practice looks like."""

    source: str
    languages: list[str]
    models: dict[str, LanguageModel]
    lengths: list[dict[str, int]]
    countries: list[tuple[str | None, str | None, str]]
    years: list[tuple[int | None, int | None]]
    classifications: list[dict]
    theme_sets: list[list[str]]
    seeds: int = 0
    years_seen: list[int] = field(default_factory=list)

    @classmethod
    def learn(cls, data_dir: Path) -> "CorpusShape":
        source, records = seed_records(data_dir)
        texts: dict[str, list[str]] = {"es": [], "en": []}
        lengths = []
        for record in records:
            plain = {name: strip_tags(getattr(record, name)) for name in TEXT_FIELDS}
            texts[record.locale].append(" ".join(plain.values()))
            lengths.append({name: len(WORD.findall(plain[name])) for name in plain})
        models = {
            language: LanguageModel.learn(chunks, language)
            for language, chunks in texts.items()
            if chunks
        }
        return cls(
            source=source,
            languages=[r.locale for r in records if r.locale in models],
            models=models,
            lengths=lengths,
            countries=[(r.country, r.subdivision, r.municipality) for r in records],
            years=[(r.start_year, r.end_year) for r in records],
            classifications=[
                {
                    "government_level": r.government_level,
                    "regulated_party_type": r.regulated_party_type,
                    "practice_types": r.practice_types,
                    "outcomes": r.outcomes,
                    "evidence_level": r.evidence_level,
                    "status": r.status,
                }
                for r in records
            ],
            theme_sets=[r.themes for r in records],
            seeds=len(records),
            years_seen=sorted({r.start_year for r in records if r.start_year}),
        )

    def practice(self, rng: random.Random, number: int) -> PracticeRecord:
        language = rng.choice(self.languages)
        model = self.models[language]
        length = rng.choice(self.lengths)
        country, subdivision, municipality = rng.choice(self.countries)
        start_year, end_year = rng.choice(self.years)
        title = model.text(rng, max(3, min(length["title"], 30))).capitalize()
        summary = model.text(rng, max(8, length["summary"]))[:SUMMARY_LIMIT]
        summary = (
            summary.rsplit(" ", 1)[0] if len(summary) == SUMMARY_LIMIT else summary
        )
        rich = {
            name: _paragraphs(model, rng, length[name])
            for name in ("problem", "actions", "results", "lessons")
        }
        identifier = f"{number:07d}"
        return PracticeRecord(
            source_catalogue="demo",
            source_id=f"bench-{identifier}",
            locale=language,
            title=title[:255],
            summary=summary.capitalize() + ".",
            country=country,
            subdivision=subdivision,
            municipality=municipality,
            themes=list(rng.choice(self.theme_sets)),
            start_year=start_year,
            end_year=end_year,
            sources=[
                SourceLink(
                    f"Benchmark record {identifier}",
                    f"https://bench.invalid/practices/{identifier}",
                    "other",
                )
            ],
            original_language=language,
            slug=f"bench-{identifier}",
            **rng.choice(self.classifications),
            **rich,
        )


def _paragraphs(model: LanguageModel, rng: random.Random, words: int) -> str:
    if words <= 0:
        return ""
    paragraphs, left = [], words
    while left > 0:
        size = min(left, rng.randint(40, 120))
        paragraphs.append(f"<p>{model.text(rng, size).capitalize()}.</p>")
        left -= size
    return "".join(paragraphs)


def write_corpus(path: Path, size: int, seed: int, shape: CorpusShape) -> Path:
    """Write `size` generated practices to `path` (JSON Lines); reused if complete."""
    marker = path.with_suffix(".done")
    if path.is_file() and marker.is_file() and marker.read_text() == f"{size} {seed}":
        return path
    rng = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        for number in tqdm(range(size), desc="generate practices", unit="rec"):
            record = shape.practice(rng, number)
            out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
    marker.write_text(f"{size} {seed}")
    return path
