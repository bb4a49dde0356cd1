"""The bilingual glossary of public administration: Spanish and English terms for
the same concept, kept as data editors extend (`taxonomy/glossary.csv`).

One row is one concept: `area` (the field it belongs to: integrity, information,
procurement, budget, participation, parliament, justice, digital, services,
environment, inclusion, elections, government), then its Spanish and its English
phrases, each list separated by `|` and written as people type them (accents and
capitals do not matter), and last `theme`: the slug of the most specific theme
(taxonomy/vocabularies.py THEMES) the concept is about, or empty where it belongs to
none or is administration vocabulary any theme's practices use ("municipio",
"política pública"). A file without the `theme` column still loads, every theme
empty. Search treats every phrase of a row as an equivalent of every other, in both
directions (`search/synonyms.py`); a phrase belongs to one row only. Changes take
effect at the next `manage.py search rebuild`.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

from .vocabularies import THEMES

GLOSSARY_FILE = Path(__file__).with_name("glossary.csv")


@dataclass(frozen=True)
class GlossaryEntry:
    area: str
    spanish: tuple[str, ...]
    english: tuple[str, ...]
    theme: str = ""

    @property
    def phrases(self) -> tuple[str, ...]:
        return self.spanish + self.english


def glossary(path: Path = GLOSSARY_FILE) -> list[GlossaryEntry]:
    """Every row of the glossary; a row without both languages, or naming a theme
    that is not a THEMES slug, is an error."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    themes = {slug for slug, *_ in THEMES}
    entries = []
    for number, row in enumerate(rows, start=2):
        spanish, english = _phrases(row.get("es")), _phrases(row.get("en"))
        if not spanish or not english:
            raise ValueError(
                f"{path.name} line {number}: a Spanish and an English term"
            )
        theme = (row.get("theme") or "").strip()
        if theme and theme not in themes:
            raise ValueError(
                f"{path.name} line {number} ({spanish[0]}): theme {theme!r} is not "
                "a slug of taxonomy/vocabularies.py THEMES"
            )
        entries.append(
            GlossaryEntry((row.get("area") or "").strip(), spanish, english, theme)
        )
    return entries


def _phrases(cell: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (cell or "").split("|") if p.strip())
