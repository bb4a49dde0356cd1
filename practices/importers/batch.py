"""Validate every row, then write pages in one transaction: all or nothing by default."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from practices import services
from practices.models import PracticeIndexPage, PracticePage

from ..records.conversion import normalised, record_from_page
from ..records.record import ImportFileError, ParsedRow, PracticeRecord, RowProblem
from ..records.validation import validate_record
from ..records.vocabulary import Vocabulary

PLACE_FIELDS = {"country", "Country/Locality"}
RowSource = Callable[[], Iterable[ParsedRow]]


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    rows: int = 0
    rejected: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    dry_run: bool = False
    aborted: bool = False

    @property
    def rejected_lines(self) -> int:
        return len({problem.line for problem in self.rejected})

    def summary(self) -> str:
        verb = "would be" if self.dry_run or self.aborted else "were"
        head = (
            f"{self.rows} rows read: {self.created} {verb} created, {self.updated} "
            f"{verb} updated, {self.unchanged} unchanged, {self.skipped} skipped "
            f"({self.rejected_lines} rejected)."
        )
        if self.aborted:
            head += " Nothing was written: fix the rows below or use --skip-invalid."
        return head


class _Abort(Exception):
    pass


def run_import(
    read_rows: RowSource,
    *,
    publish: bool = False,
    dry_run: bool = False,
    skip_invalid: bool = False,
) -> ImportReport:
    """Import records from `read_rows()` (called twice: validate, then write).

    Reading twice keeps memory flat on large files: no record is kept between rows.
    """
    vocabulary = Vocabulary.load()
    report = ImportReport(dry_run=dry_run)
    languages: set[str] = set()
    invalid_lines = _validate_all(read_rows, vocabulary, report, languages)
    if invalid_lines and not skip_invalid:
        report.aborted = True
        report.skipped = len(invalid_lines)
        _count_without_writing(read_rows, invalid_lines, report)
        return report

    # Stops here, before any write (and in a dry run too), when a language of the
    # file has no practice index page yet.
    services.require_practice_indexes(languages)
    writer = _PageWriter(vocabulary, publish=publish)
    try:
        with transaction.atomic():
            for row in read_rows():
                if row.line in invalid_lines or row.record is None:
                    report.skipped += 1
                    continue
                try:
                    outcome = writer.write(normalised(row.record), dry_run=dry_run)
                except ValidationError as exc:
                    raise ImportFileError(
                        f"line {row.line} or a row before it in the same batch: "
                        f"rejected by the page model: {exc}; nothing was written"
                    ) from exc
                setattr(report, outcome, getattr(report, outcome) + 1)
            try:
                writer.new.flush()
            except ValidationError as exc:
                raise ImportFileError(
                    f"one of the last rows: rejected by the page model: {exc}; "
                    "nothing was written"
                ) from exc
            if dry_run:
                raise _Abort
    except _Abort:
        pass
    return report


def _validate_all(
    read_rows: RowSource, vocabulary: Vocabulary, report, languages: set[str]
) -> set[int]:
    """The lines that cannot be imported; `languages` gets those of the others."""
    invalid: set[int] = set()
    seen: dict[tuple[str, str, str], int] = {}
    for row in read_rows():
        report.rows += 1
        report.warnings.extend(row.warnings)
        problems = list(row.problems)
        if row.record is not None:
            place_reported = any(p.field in PLACE_FIELDS for p in row.problems)
            problems += validate_record(
                row.record, vocabulary, row.line, place_reported=place_reported
            )
            key = (row.record.source_catalogue, row.record.source_id, row.record.locale)
            if key in seen and row.record.source_id:
                problems.append(
                    RowProblem(
                        row.line,
                        "source_id",
                        f"duplicate of line {seen[key]} ({row.record.source_id})",
                    )
                )
            else:
                seen[key] = row.line
        if problems:
            invalid.add(row.line)
            report.rejected.extend(_unique(problems))
        elif row.record is not None:
            languages.add(row.record.locale)
    return invalid


def _count_without_writing(
    read_rows: RowSource, invalid_lines: set[int], report
) -> None:
    keys = {
        (r.record.source_catalogue, r.record.source_id, r.record.locale)
        for r in read_rows()
        if r.record is not None and r.line not in invalid_lines
    }
    existing = _existing_keys()
    report.updated = len(keys & existing)
    report.created = len(keys - existing)


def _existing_keys() -> set[tuple[str, str, str]]:
    return set(
        PracticePage.objects.exclude(source_id="").values_list(
            "source_catalogue", "source_id", "locale__language_code"
        )
    )


class _PageWriter:
    def __init__(self, vocabulary: Vocabulary, *, publish: bool):
        self.vocabulary = vocabulary
        self.publish = publish
        self.parents: dict[str, PracticeIndexPage] = {}
        # New practices are written many at a time; updates one by one.
        self.new = services.PracticeBatch(publish=publish, vocabulary=vocabulary)

    def write(self, record: PracticeRecord, *, dry_run: bool) -> str:
        if self.new.is_new(record):
            if not dry_run:
                self.new.add(record, parent=self._parent(record.locale))
            return "created"
        page = (
            PracticePage.objects.filter(
                source_catalogue=record.source_catalogue,
                source_id=record.source_id,
                locale__language_code=record.locale,
            )
            .select_related("country", "subdivision", "locale")
            .first()
        )
        current = record_from_page(page)
        record.translation_key = current.translation_key
        # An existing page keeps its address (an update does not move it, and an
        # editor may have renamed it): the record's slug is not compared.
        record.slug = current.slug
        if current == record and (page.live or not self.publish):
            return "unchanged"
        if not dry_run:
            services.update_practice(
                page,
                record,
                publish=self.publish,
                vocabulary=self.vocabulary,
                prepared=True,
            )
        return "updated"

    def _parent(self, language: str) -> PracticeIndexPage:
        if language not in self.parents:
            self.parents[language] = services.practice_index_for(language)
        return self.parents[language]


def _unique(problems: list[RowProblem]) -> list[RowProblem]:
    seen, unique = set(), []
    for problem in problems:
        key = (problem.line, problem.field, problem.reason)
        if key not in seen:
            seen.add(key)
            unique.append(problem)
    return unique
