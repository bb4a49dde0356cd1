"""Every record is checked before anything is written."""

import datetime

from django.core.exceptions import ValidationError

from kb.translations import site_languages
from practices.models.practice_page import EARLIEST_YEAR, SUMMARY_MAX_LENGTH, Language
from practices.web_addresses import validate_source_url

from .record import PracticeRecord, RowProblem, SourceLink
from .vocabulary import Vocabulary

TITLE_MAX_LENGTH = 255


def validate_record(
    record: PracticeRecord,
    vocabulary: Vocabulary,
    line: int,
    *,
    place_reported: bool = False,
) -> list[RowProblem]:
    """Problems with one record; `place_reported`: the reader already said why no country."""
    problems: list[RowProblem] = []

    def problem(field: str, reason: str) -> None:
        problems.append(RowProblem(line, field, reason))

    if not record.source_id:
        problem("source_id", "missing")
    if record.locale not in site_languages():
        problem(
            "locale",
            f"{record.locale!r} is not one of {', '.join(site_languages())}",
        )
    if record.original_language not in Language.values:
        problem("original_language", f"unknown language {record.original_language!r}")
    if not record.title.strip():
        problem("title", "missing")
    elif len(record.title) > TITLE_MAX_LENGTH:
        problem("title", f"{len(record.title)} characters, at most {TITLE_MAX_LENGTH}")
    if not record.summary.strip():
        problem("summary", "missing")
    elif len(record.summary) > SUMMARY_MAX_LENGTH:
        problem(
            "summary", f"{len(record.summary)} characters, at most {SUMMARY_MAX_LENGTH}"
        )
    if not record.country and not place_reported:
        problem("country", "missing")

    for field_name, terms in vocabulary.single_fields().items():
        value = getattr(record, field_name)
        if value and value not in terms:
            problem(field_name, f"unknown value {value!r}")
    for field_name, terms in vocabulary.multiple_fields().items():
        for value in getattr(record, field_name):
            if value not in terms:
                problem(field_name, f"unknown value {value!r}")
    subdivision = vocabulary.terms["subdivision"].get(record.subdivision or "")
    if subdivision and record.country and subdivision.country.code != record.country:
        problem("subdivision", f"{record.subdivision} is not in {record.country}")

    this_year = datetime.date.today().year
    for field_name in ("start_year", "end_year"):
        year = getattr(record, field_name)
        if year is not None and not EARLIEST_YEAR <= year <= this_year:
            problem(field_name, f"{year} is outside {EARLIEST_YEAR}–{this_year}")
    if record.start_year and record.end_year and record.end_year < record.start_year:
        problem(
            "end_year",
            f"{record.end_year} is before the start year {record.start_year}",
        )

    for source in record.sources:
        problems.extend(_validate_source(source, line))
    if record.last_reviewed:
        try:
            datetime.date.fromisoformat(record.last_reviewed)
        except ValueError:
            problem(
                "last_reviewed", f"{record.last_reviewed!r} is not a YYYY-MM-DD date"
            )
    return problems


def _validate_source(source: SourceLink, line: int) -> list[RowProblem]:
    problems = []
    try:
        validate_source_url(source.url)
    except ValidationError as error:
        reason = (
            "has a backslash, user name or password"
            if error.code == "ambiguous"
            else "is not a valid URL"
        )
        problems.append(RowProblem(line, "sources.url", f"{source.url!r} {reason}"))
    if not source.title.strip():
        problems.append(RowProblem(line, "sources.title", "missing"))
    if source.date:
        try:
            datetime.date.fromisoformat(source.date)
        except ValueError:
            problems.append(
                RowProblem(line, "sources.date", f"{source.date!r} is not a date")
            )
    return problems
