"""The interchange form of a practice: what importers produce and the exporter writes.

One `PracticeRecord` is one page in one locale. Vocabulary values are slugs, places
are ISO codes, rich text is HTML. The JSON Lines format in docs/interchange-format.md
is these records, one per line.
"""

from dataclasses import asdict, dataclass, field, fields


@dataclass
class SourceLink:
    title: str
    url: str
    kind: str = "other"
    date: str | None = None


@dataclass
class PracticeRecord:
    source_catalogue: str
    source_id: str
    locale: str
    title: str
    summary: str
    problem: str = ""
    actions: str = ""
    results: str = ""
    lessons: str = ""
    evidence: str = ""
    country: str | None = None
    subdivision: str | None = None
    municipality: str = ""
    government_level: str | None = None
    regulated_party_type: str | None = None
    practice_types: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    evidence_level: str | None = None
    start_year: int | None = None
    end_year: int | None = None
    status: str | None = None
    implementing_institutions: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    sources: list[SourceLink] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    original_language: str = "es"
    is_demo: bool = False
    last_reviewed: str | None = None
    translation_key: str | None = None
    slug: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "PracticeRecord":
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown fields: {', '.join(unknown)}")
        values = dict(data)
        values["sources"] = [
            SourceLink(**source) for source in data.get("sources") or []
        ]
        return cls(**values)


@dataclass
class RowProblem:
    """Why one input row cannot be imported."""

    line: int
    field: str
    reason: str

    def __str__(self):
        return f"line {self.line}: {self.field}: {self.reason}"


@dataclass
class ParsedRow:
    line: int
    record: PracticeRecord | None
    problems: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)


class ImportFileError(Exception):
    """The file as a whole cannot be read: encoding, missing columns, empty, malformed."""
