"""Importing Participedia's cases: the full export and the two partial files joined."""

import csv

import pytest

from practices.importers.formats import row_reader
from practices.importers.loader import run_import
from practices.models import PracticePage

from .conftest import shared_file

pytestmark = pytest.mark.django_db


def _write(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        columns = list(dict.fromkeys(key for row in rows for key in row))
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_country_names_in_other_languages_are_normalised(site, tmp_path):
    base = {"title": "Cabildo abierto", "url": "https://example.org/case/1", "body": ""}
    rows = [
        {**base, "id": "1", "country": "Italia", "description": "Asamblea vecinal."},
        {**base, "id": "2", "country": "Deutschland", "description": "Bürgerrat."},
        {
            **base,
            "id": "3",
            "country": "México",
            "description": "Presupuesto vecinal.",
            "province": "Nuevo León",
            "city": "Monterrey",
            "scope_of_influence_1": "city/town",
            "original_language": "es",
            "start_date": "2019-03-01",
            "ongoing": "1",
        },
    ]
    report = run_import(row_reader("participedia", _write(tmp_path / "p.csv", rows)))
    assert report.rejected == []
    places = dict(PracticePage.objects.values_list("source_id", "country__code"))
    assert places == {"1": "IT", "2": "DE", "3": "MX"}
    monterrey = PracticePage.objects.get(source_id="3")
    assert (monterrey.subdivision.code, monterrey.municipality) == (
        "MX-NLE",
        "Monterrey",
    )
    assert (monterrey.government_level.slug, monterrey.status.slug) == (
        "municipal",
        "ongoing",
    )
    assert monterrey.locale.language_code == "es"


def test_a_country_that_is_not_a_country_is_rejected(site, tmp_path):
    rows = [
        {"id": "9", "title": "X", "url": "https://example.org/9", "country": "5000"}
    ]
    report = run_import(row_reader("participedia", _write(tmp_path / "p.csv", rows)))
    assert [(p.field, p.reason) for p in report.rejected] == [
        ("country", "unknown country '5000'")
    ]


def test_the_real_111_column_sample_imports_and_reimports_unchanged(site):
    path = shared_file("participedia_cases_export_sample.csv")
    report = run_import(row_reader("participedia", path), publish=True)
    assert (report.created, report.rejected) == (10, [])
    case = PracticePage.objects.get(source_id="1")
    assert case.country.code == "CA" and case.subdivision.code == "CA-BC"
    assert len(case.actions) > 10_000  # the long body is kept
    again = run_import(row_reader("participedia", path), publish=True)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 10)


def test_the_real_partial_files_join_on_id(site):
    text = shared_file("participedia_cases_text.csv")
    facets = shared_file("participedia_cases_facets.csv")
    report = run_import(row_reader("participedia", text, facets), dry_run=True)
    assert report.rows == 2258
    assert report.created == 2258 - report.rejected_lines
    assert all(p.field == "country" for p in report.rejected)
    assert PracticePage.objects.count() == 0
