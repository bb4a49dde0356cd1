"""A written demo case: one JSON file, both languages, with the provenance of its facts.

docs/demo-cases.md is the authors' guide. A case becomes two interchange records
(`PracticeRecord`, one per language) that the demo loader imports like any file.
"""

import datetime
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
from django.utils.text import slugify

from kb.text import paragraphs_html
from kb.translations import site_languages
from practices.records.record import PracticeRecord, SourceLink
from taxonomy.vocabularies import (
    EVIDENCE_LEVELS,
    GOVERNMENT_LEVELS,
    OUTCOMES,
    PRACTICE_TYPES,
    REGULATED_PARTY_TYPES,
    STATUSES,
    THEMES,
)

CASES_DIR = Path(__file__).with_name("cases")
SECTIONS = ("problem", "actions", "results", "lessons", "evidence")
CATALOGUES = ("ogp", "participedia", "editorial")
SOURCE_KINDS = ("official", "evaluation", "catalogue", "press", "academic", "other")
MAX_THEMES = 4
SUMMARY_LIMIT = 600
SLUG_LIMIT = 70
DEMO_NAMESPACE = uuid.UUID("8b0b6f8e-5c1a-4c55-9b1e-7a6c2f0d9e11")

_SLUGS = {
    "themes": {row[0] for row in THEMES},
    "outcomes": {row[0] for row in OUTCOMES},
    "practice_types": {row[0] for row in PRACTICE_TYPES},
    "evidence_level": {row[0] for row in EVIDENCE_LEVELS},
    "government_level": {row[0] for row in GOVERNMENT_LEVELS},
    "regulated_party_type": {row[0] for row in REGULATED_PARTY_TYPES},
    "status": {row[0] for row in STATUSES},
}


@dataclass
class CaseText:
    """One language's text of a case; sections are lists of plain paragraphs."""

    title: str
    summary: str
    sections: dict[str, list[str]]

    def paragraphs(self) -> list[str]:
        return [p for name in SECTIONS for p in self.sections.get(name, [])]

    def all_text(self) -> list[str]:
        return [self.title, self.summary, *self.paragraphs()]


@dataclass
class Case:
    path: Path
    data: dict
    texts: dict[str, CaseText] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.data['source_catalogue']}:{self.data['source_id']}"

    @property
    def source_urls(self) -> list[str]:
        return [s["url"] for s in self.data.get("sources", [])]

    @property
    def names(self) -> list[str]:
        """Proper names the text may quote in their own language."""
        data = self.data
        return [
            *data.get("implementing_institutions", []),
            *data.get("partners", []),
            data.get("municipality") or "",
        ]

    @property
    def provenance(self) -> list[dict]:
        return self.data.get("provenance", [])

    def to_records(self) -> list[PracticeRecord]:
        data = self.data
        key = str(uuid.uuid5(DEMO_NAMESPACE, self.key))
        records = []
        for language in site_languages():
            text = self.texts[language]
            records.append(
                PracticeRecord(
                    source_catalogue=data["source_catalogue"],
                    source_id=data["source_id"],
                    locale=language,
                    original_language=data.get("original_language", "es"),
                    title=text.title,
                    summary=text.summary,
                    slug=readable_slug(text.title),
                    **{
                        name: paragraphs_html("\n\n".join(text.sections.get(name, [])))
                        for name in SECTIONS
                    },
                    country=data["country"],
                    subdivision=data.get("subdivision"),
                    municipality=data.get("municipality") or "",
                    government_level=data.get("government_level"),
                    regulated_party_type=data.get("regulated_party_type"),
                    practice_types=list(data.get("practice_types", [])),
                    themes=list(data.get("themes", [])),
                    outcomes=list(data.get("outcomes", [])),
                    evidence_level=data.get("evidence_level"),
                    start_year=data.get("start_year"),
                    end_year=data.get("end_year"),
                    status=data.get("status"),
                    implementing_institutions=list(
                        data.get("implementing_institutions", [])
                    ),
                    partners=list(data.get("partners", [])),
                    sources=[SourceLink(**source) for source in data["sources"]],
                    keywords=[],
                    is_demo=True,
                    translation_key=key,
                )
            )
        return records


class CaseError(ValueError):
    """A case file that cannot be read; the message names the file and the field."""


def read_case(path: Path) -> Case:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CaseError(f"{path.name}: cannot read: {exc}") from exc
    problems = case_problems(data)
    if problems:
        raise CaseError(f"{path.name}: " + "; ".join(problems))
    texts = {
        language: CaseText(
            title=data[language]["title"].strip(),
            summary=data[language]["summary"].strip(),
            sections={
                name: [p.strip() for p in data[language].get(name, []) if p.strip()]
                for name in SECTIONS
            },
        )
        for language in site_languages()
    }
    return Case(path=path, data=data, texts=texts)


def read_cases(directory: Path = CASES_DIR) -> list[Case]:
    return [read_case(path) for path in sorted(directory.glob("*.json"))]


def case_problems(data: dict) -> list[str]:
    """What is wrong with a case's structure and metadata (its text is checked apart)."""
    problems = []
    if not isinstance(data, dict):
        return ["a case is a JSON object"]
    if data.get("source_catalogue") not in CATALOGUES:
        problems.append(f"source_catalogue must be one of {', '.join(CATALOGUES)}")
    if not str(data.get("source_id") or "").strip():
        problems.append("source_id is missing")
    country = data.get("country")
    if not country or pycountry.countries.get(alpha_2=country) is None:
        problems.append(f"country {country!r} is not an ISO 3166-1 alpha-2 code")
    subdivision = data.get("subdivision")
    if subdivision:
        found = pycountry.subdivisions.get(code=subdivision)
        if found is None or not subdivision.startswith(f"{country}-"):
            problems.append(f"subdivision {subdivision!r} is not a code of {country}")
    level = data.get("government_level")
    if level == "municipal" and not data.get("municipality"):
        problems.append("a municipal practice names its municipality")
    if data.get("municipality") and level not in ("municipal", "multi-level"):
        problems.append("only a municipal practice names a municipality")
    if level in ("state", "municipal") and not subdivision:
        problems.append("a state or municipal practice names its subdivision")
    for name in ("government_level", "regulated_party_type", "evidence_level"):
        if data.get(name) not in _SLUGS[name]:
            problems.append(f"{name} {data.get(name)!r} is not in the vocabulary")
    if data.get("status") is not None and data["status"] not in _SLUGS["status"]:
        problems.append(f"status {data['status']!r} is not in the vocabulary")
    for name in ("themes", "outcomes", "practice_types"):
        values = data.get(name) or []
        unknown = [v for v in values if v not in _SLUGS[name]]
        if unknown:
            problems.append(f"{name}: not in the vocabulary: {', '.join(unknown)}")
        if len(set(values)) != len(values):
            problems.append(f"{name}: a value is repeated")
    themes = data.get("themes") or []
    if not 1 <= len(themes) <= MAX_THEMES:
        problems.append(f"themes: 1 to {MAX_THEMES}, most relevant first")
    start, end = data.get("start_year"), data.get("end_year")
    if not isinstance(start, int) or not 1980 <= start <= 2030:
        problems.append("start_year is a year from 1980")
    if end is not None and (not isinstance(end, int) or end < (start or 0)):
        problems.append("end_year is a year not before start_year")
    if end is not None and isinstance(end, int) and end > datetime.date.today().year:
        problems.append("end_year is past, not planned: say a planned end in the text")
    sources = data.get("sources") or []
    if not sources:
        problems.append("sources: at least one")
    for index, source in enumerate(sources, 1):
        if not isinstance(source, dict) or set(source) - {
            "title",
            "url",
            "kind",
            "date",
        }:
            problems.append(f"source {index}: only title, url, kind and date")
            continue
        if not str(source.get("title") or "").strip():
            problems.append(f"source {index} has no title")
        if not str(source.get("url") or "").startswith("https://") and not str(
            source.get("url") or ""
        ).startswith("http://"):
            problems.append(f"source {index}: url must start with https://")
        if source.get("date") is not None and not _is_iso_date(source["date"]):
            problems.append(f"source {index}: date is YYYY-MM-DD, or null")
        if source.get("kind", "other") not in SOURCE_KINDS:
            problems.append(f"source {index}: kind must be one of {SOURCE_KINDS}")
    urls = [s.get("url") for s in sources if isinstance(s, dict)]
    if len(set(urls)) != len(urls):
        problems.append("sources: a URL is listed twice")
    for language in site_languages():
        text = data.get(language)
        if not isinstance(text, dict):
            problems.append(f"{language}: missing")
            continue
        unknown = set(text) - {"title", "summary", *SECTIONS}
        if unknown:
            problems.append(f"{language}: unknown fields {', '.join(sorted(unknown))}")
        if not str(text.get("title") or "").strip():
            problems.append(f"{language}.title is missing")
        summary = str(text.get("summary") or "").strip()
        if not summary:
            problems.append(f"{language}.summary is missing")
        elif len(summary) > SUMMARY_LIMIT:
            problems.append(f"{language}.summary is over {SUMMARY_LIMIT} characters")
        for name in SECTIONS:
            value = text.get(name, [])
            if not isinstance(value, list) or not all(
                isinstance(p, str) for p in value
            ):
                problems.append(f"{language}.{name} is a list of paragraphs")
            elif any("<" in p for p in value):
                problems.append(f"{language}.{name}: plain text, no HTML")
    for index, entry in enumerate(data.get("provenance") or [], 1):
        if not isinstance(entry, dict) or set(entry) != {"fact", "url"}:
            problems.append(f"provenance {index}: {{'fact': …, 'url': …}}")
        elif entry["url"] not in urls:
            problems.append(
                f"provenance {index} ({entry['fact']}): its URL is not a source"
            )
    return problems


def readable_slug(title: str, limit: int = SLUG_LIMIT) -> str:
    """The title as a URL slug, cut at a word: written cases need no catalogue id
    to be told apart (a test keeps their slugs unique)."""
    slug = slugify(title)
    if len(slug) <= limit:
        return slug
    return slug[:limit].rsplit("-", 1)[0]


def _is_iso_date(value) -> bool:
    try:
        datetime.date.fromisoformat(str(value))
    except ValueError:
        return False
    return len(str(value)) == 10
