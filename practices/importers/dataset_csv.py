"""Reading a CSV file exported by Repertorio (the open dataset) back into records.

Each row is a practice in up to two languages, so it gives one record per language
with a title. What the dataset holds as plain text (the four rich-text parts) comes
back as paragraphs; source kinds and dates, which the dataset leaves out, come back
as "other" and empty. Codes, years, lists and the translation key map one to one. The header may hold the
columns' codes or their headings in either language (what the site's CSV link gives).
"""

from collections.abc import Iterator
from pathlib import Path

from kb.text import paragraphs_html
from practices.dataset.columns import FORMAT_LANGUAGES, column_names_by_heading
from practices.dataset.writers import LIST_SEPARATOR, restore
from practices.facets import EDITABLE_FACETS
from practices.sections import RICH_TEXT_SECTIONS

from ..records.record import ParsedRow, PracticeRecord, RowProblem, SourceLink
from .csv_rows import read_csv_rows, shape_problem

REQUIRED_COLUMNS = {"id", "original", "source_catalogue", "country"} | {
    f"{name}_{language}"
    for name in ("title", "summary")
    for language in FORMAT_LANGUAGES
}


def read_dataset_csv(path: Path) -> Iterator[ParsedRow]:
    rename = column_names_by_heading()
    for line, raw in read_csv_rows(path, REQUIRED_COLUMNS, rename=rename):
        problem = shape_problem(raw)
        if problem:
            yield ParsedRow(line, None, [RowProblem(line, "row", problem)])
            continue
        row = {name: restore(value or "") for name, value in raw.items()}
        languages = [
            lang for lang in FORMAT_LANGUAGES if row.get(f"title_{lang}", "").strip()
        ]
        if not languages:
            yield ParsedRow(line, None, [RowProblem(line, "title", "missing")])
            continue
        for language in languages:
            try:
                yield ParsedRow(line, _record(row, language))
            except ValueError as exc:
                yield ParsedRow(line, None, [RowProblem(line, "row", str(exc))])


def _list(row: dict, name: str) -> list[str]:
    value = row.get(name, "")
    return [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]


def _facet(row: dict, facet):
    """A facet's column as the record's field holds it (the column is the facet's
    name, the field is the page's)."""
    if facet.multiple:
        return _list(row, facet.name)
    return row.get(facet.name) or None


def _year(row: dict, name: str) -> int | None:
    value = row.get(name, "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise ValueError(f"{name}: {value!r} is not a year")
    return int(value)


def _record(row: dict, language: str) -> PracticeRecord:
    titles, urls = _list(row, "source_titles"), _list(row, "source_urls")
    return PracticeRecord(
        source_catalogue=row["source_catalogue"] or "editorial",
        source_id=row.get("source_id") or row["id"],
        locale=language,
        title=row[f"title_{language}"].strip(),
        summary=row[f"summary_{language}"].strip(),
        **{
            name: paragraphs_html(row.get(f"{name}_{language}", ""))
            for name in RICH_TEXT_SECTIONS
        },
        municipality=row.get("municipality", ""),
        **{facet.field: _facet(row, facet) for facet in EDITABLE_FACETS},
        start_year=_year(row, "start_year"),
        end_year=_year(row, "end_year"),
        implementing_institutions=_list(row, "implementing_institutions"),
        partners=_list(row, "partners"),
        sources=[
            SourceLink(title, url) for title, url in zip(titles, urls, strict=False)
        ],
        keywords=_list(row, "keywords"),
        original_language=row["original"] or language,
        last_reviewed=row.get("last_reviewed") or None,
        translation_key=row["id"],
    )
