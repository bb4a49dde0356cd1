"""Importing Participedia's cases: the full export and the two partial files joined."""

import csv

import pytest

from practices.importers.batch import run_import
from practices.importers.formats import row_reader
from practices.importers.participedia import parse_export_row, read_participedia_joined
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


def _joined(tmp_path, text_rows, facet_rows):
    text = _write(tmp_path / "text.csv", text_rows)
    facets = _write(tmp_path / "facets.csv", facet_rows)
    return {row.record.source_id: row for row in read_participedia_joined(text, facets)}


def _facets(identifier, **values):
    row = {
        "id": identifier,
        "country_best": "Mexico",
        "city_best": "Unknown",
        "province": "",
        "approaches": "{}",
        "method_types": "{}",
        "specific_methods_tools_techniques": "{}",
    }
    return {**row, **values}


def _text(identifier, title):
    return {
        "id": identifier,
        "title": title,
        "description": "a case.",
        "url": f"https://participedia.net/case/{identifier}",
    }


def test_the_government_level_follows_how_precisely_a_case_is_located(tmp_path):
    rows = _joined(
        tmp_path,
        [_text(str(n), f"case {n}") for n in range(1, 5)]
        + [_text("5", "first national forum on security")],
        [
            _facets("1", city_best="San Pedro Garza García"),
            _facets("2", province="Jalisco"),
            _facets("3"),
            _facets("4", city_best="Mexico", country_best="Mexico"),
            _facets("5", city_best="Monterrey"),
        ],
    )
    levels = {key: row.record.government_level for key, row in rows.items()}
    assert levels == {
        "1": "municipal",
        "2": "state",
        "3": "national",
        "4": "national",
        "5": "national",  # the title says so, over the city of the venue
    }
    san_pedro = rows["1"].record
    assert (san_pedro.subdivision, san_pedro.municipality) == (
        "MX-NLE",
        "San Pedro Garza García",
    )
    assert rows["4"].record.municipality == ""


def test_a_region_written_in_the_city_field_is_a_state():
    row = parse_export_row(
        1,
        {
            "id": "1",
            "title": "Public hearings",
            "url": "https://participedia.net/case/1",
            "country": "Brazil",
            "city": "Para, Brazil",
        },
    )
    assert (row.record.subdivision, row.record.municipality) == ("BR-PA", "")
    assert row.record.government_level == "state"


def test_methods_approaches_and_titles_give_themes_participatory_budgeting_included(
    tmp_path,
):
    rows = _joined(
        tmp_path,
        [
            _text("1", "cycle 2005-2007"),
            _text("2", "neighbourhood assemblies"),
            _text("3", "participatory budgeting in araras, brazil"),
            _text("4", "watchdog clubs"),
            _text("5", "a forum"),
        ],
        [
            _facets("1", specific_methods_tools_techniques="{146,5410}"),
            _facets("2", method_types="{public,deliberative}"),
            _facets("3"),
            _facets("4", approaches="{evaluation,advocacy}"),
            _facets("5", approaches="{consultation}", method_types="{deliberative}"),
        ],
    )
    themes = {key: row.record.themes for key, row in rows.items()}
    for key in ("1", "2", "3"):
        assert "participatory-budgeting" in themes[key], key
    assert themes["4"] == [
        "citizen-participation",
        "civic-space",
        "social-accountability",
    ]
    assert themes["5"] == ["citizen-participation"]


def test_the_full_export_names_its_methods():
    row = parse_export_row(
        1,
        {
            "id": "1",
            "title": "Ciclo 2019",
            "url": "https://participedia.net/case/1",
            "country": "Mexico",
            "specific_methods_tools_techniques_titles": (
                '(146,method,"Participatory Budgeting")'
            ),
        },
    )
    assert "participatory-budgeting" in row.record.themes


def test_a_test_entry_and_an_unplaced_city_are_flagged_in_the_import_report(
    site, tmp_path
):
    rows = [
        {
            "id": "15",
            "title": "Municipal health councils (brazil) test22",
            "url": "https://participedia.net/case/15",
            "country": "Brazil",
        },
        {
            "id": "16",
            "title": "Springfield forum",
            "url": "https://participedia.net/case/16",
            "country": "Mexico",
            "city": "Springfield",
        },
    ]
    report = run_import(row_reader("participedia", _write(tmp_path / "p.csv", rows)))
    assert report.rejected == []
    reasons = {(p.line, p.field, p.reason) for p in report.warnings}
    assert (2, "title", "looks like a test entry: 'test22'") in reasons
    assert (3, "city", "no state known for 'Springfield' (MX)") in reasons
