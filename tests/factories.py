"""Practices for tests, created through the real import path (validated, real pages)."""

import uuid

from practices.importers.batch import run_import
from practices.models import PracticePage
from practices.records.record import ParsedRow, PracticeRecord, SourceLink


def practice_record(
    source_id: str, title: str, summary: str, **fields
) -> PracticeRecord:
    values = {
        "source_catalogue": "editorial",
        "source_id": source_id,
        "locale": "es",
        "original_language": fields.get("locale", "es"),
        "title": title,
        "summary": summary,
        "country": "MX",
        "sources": [
            SourceLink(f"Source of {source_id}", f"https://example.org/{source_id}")
        ],
    }
    values.update(fields)
    return PracticeRecord(**values)


def create_practices(records: list[PracticeRecord], *, publish: bool = True):
    rows = [ParsedRow(line, record) for line, record in enumerate(records, start=1)]
    report = run_import(lambda: rows, publish=publish)
    assert report.rejected == [], report.rejected
    return report


def english_only_practice(**fields) -> PracticePage:
    """A published practice written in English and in no other language: what machine
    translation is for."""
    source_id = f"mt-{uuid.uuid4().hex[:8]}"
    create_practices(
        [
            practice_record(
                source_id,
                "The city council publishes its spending every month",
                "Residents can read every payment the council makes.",
                locale="en",
                **fields,
            )
        ]
    )
    return PracticePage.objects.get(source_id=source_id)


def translation_pair(
    source_id: str, spanish: dict, english: dict
) -> list[PracticeRecord]:
    key = str(uuid.uuid4())
    shared = {
        k: v for k, v in spanish.items() if k not in ("title", "summary", "actions")
    }
    return [
        practice_record(
            source_id,
            spanish["title"],
            spanish["summary"],
            translation_key=key,
            locale="es",
            **{k: v for k, v in shared.items() if k != "locale"},
        ),
        practice_record(
            source_id,
            english["title"],
            english["summary"],
            translation_key=key,
            locale="en",
            **{k: v for k, v in shared.items() if k != "locale"},
        ),
    ]
