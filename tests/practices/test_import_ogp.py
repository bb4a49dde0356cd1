"""Importing the OGP commitments export: mapping, reporting and all-or-nothing writes."""

import pytest
from django.core.management import CommandError, call_command

from practices.importers.batch import run_import
from practices.importers.formats import row_reader
from practices.models import PracticePage
from practices.records.record import ImportFileError

pytestmark = pytest.mark.django_db


def _import(path, **options):
    return run_import(row_reader("ogp", path), **options)


def test_small_file_creates_one_page_per_row_in_its_language(site, ogp_small):
    report = _import(ogp_small, publish=True)
    assert (report.created, report.updated, report.rejected) == (3, 0, [])
    pages = {p.source_id: p for p in PracticePage.objects.live()}
    assert set(pages) == {"TST0001", "TST0002", "TST0003"}
    assert pages["TST0001"].locale.language_code == "es"
    assert pages["TST0003"].locale.language_code == "en"


def test_locality_and_country_names_become_iso_codes(site, ogp_small):
    _import(ogp_small)
    jalisco = PracticePage.objects.get(source_id="TST0001")
    assert (jalisco.country.code, jalisco.subdivision.code) == ("MX", "MX-JAL")
    assert jalisco.government_level.slug == "state"
    assert PracticePage.objects.get(source_id="TST0003").country.code == "SK"


def test_policy_areas_ratings_and_missing_codes_are_mapped(site, ogp_small):
    _import(ogp_small)
    jalisco = PracticePage.objects.get(source_id="TST0001")
    assert {t.slug for t in jalisco.themes.all()} == {"open-data"}
    assert {o.slug for o in jalisco.outcomes.all()} == {
        "government-opened",
        "increased-participation",
    }
    assert jalisco.evidence_level.slug == "independently-evaluated"
    assert jalisco.institutions_list() == ["Secretaría de Infraestructura"]
    assert jalisco.partners_list() == ["Colectivo ciudadano", "Universidad local"]
    assert jalisco.actions.count("<p>") == 2
    paraguay = PracticePage.objects.get(source_id="TST0002")
    assert paraguay.partners_list() == []  # ND is a missing value, not a partner
    assert paraguay.evidence_level.slug == "self-reported"
    assert list(paraguay.outcomes.all()) == []
    assert list(paraguay.keywords.names()) == []  # NA theme is missing, not a keyword
    assert [s.url for s in paraguay.sources.all()] == [
        "https://example.org/ogp/tst0002"
    ]


def test_without_publish_pages_stay_drafts(site, ogp_small):
    _import(ogp_small)
    assert PracticePage.objects.count() == 3
    assert PracticePage.objects.live().count() == 0


def test_reimporting_the_same_file_changes_nothing(site, ogp_small):
    _import(ogp_small, publish=True)
    revisions = {p.pk: p.latest_revision_id for p in PracticePage.objects.all()}
    again = _import(ogp_small, publish=True)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert {p.pk: p.latest_revision_id for p in PracticePage.objects.all()} == revisions


def test_a_changed_row_updates_its_page_in_place(site, ogp_small, write_ogp_csv):
    _import(ogp_small, publish=True)

    def retitle(header, rows):
        rows[1]["Commitment Title"] = "Consulta pública sobre tarifas de agua"
        return header, rows

    report = _import(write_ogp_csv(retitle), publish=True)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 2)
    assert PracticePage.objects.count() == 3
    assert PracticePage.objects.get(source_id="TST0002").title.endswith(
        "tarifas de agua"
    )


def _with_bad_country(header, rows):
    rows[1]["Country/Locality"] = "Atlantis"
    return header, rows


def test_one_bad_row_aborts_and_writes_nothing(site, write_ogp_csv):
    report = _import(write_ogp_csv(_with_bad_country), publish=True)
    assert report.aborted
    assert PracticePage.objects.count() == 0
    [problem] = report.rejected
    assert (problem.field, problem.reason) == (
        "Country/Locality",
        "unknown country 'Atlantis'",
    )
    assert problem.line == 6  # the first row spans lines 2-5


def test_skip_invalid_imports_the_good_rows(site, write_ogp_csv):
    report = _import(write_ogp_csv(_with_bad_country), skip_invalid=True)
    assert (report.created, report.skipped) == (2, 1)
    assert set(PracticePage.objects.values_list("source_id", flat=True)) == {
        "TST0001",
        "TST0003",
    }


def test_dry_run_reports_but_writes_nothing(site, ogp_small):
    report = _import(ogp_small, dry_run=True, publish=True)
    assert report.created == 3
    assert PracticePage.objects.count() == 0


def test_duplicate_ids_are_rejected(site, write_ogp_csv):
    def duplicate(header, rows):
        rows[2]["Commitment Unique Identifier"] = "TST0002"
        rows[2]["Country/Locality"] = "Paraguay"
        rows[2]["Full Text"] = (
            "Se publica el padrón de beneficiarios de los programas sociales."
        )
        return header, rows

    report = _import(write_ogp_csv(duplicate))
    assert report.aborted
    assert any("duplicate of line" in p.reason for p in report.rejected)


def test_years_out_of_range_and_reversed_are_rejected(site, write_ogp_csv):
    def bad_years(header, rows):
        rows[0]["Year Of Submission"] = "1975"
        return header, rows

    report = _import(write_ogp_csv(bad_years))
    assert [p.field for p in report.rejected] == ["start_year"]


def test_missing_required_column_is_a_file_error(site, write_ogp_csv):
    def drop_country(header, rows):
        header.remove("Country/Locality")
        for row in rows:
            del row["Country/Locality"]
        return header, rows

    with pytest.raises(
        ImportFileError, match="missing required column.*Country/Locality"
    ):
        _import(write_ogp_csv(drop_country))


def test_optional_columns_may_be_missing(site, write_ogp_csv):
    def minimal(header, rows):
        keep = ["Commitment Unique Identifier", "Country/Locality", "Commitment Title"]
        return keep, [{k: row[k] for k in keep} for row in rows]

    report = _import(write_ogp_csv(minimal))
    assert (report.created, report.rejected) == (3, [])


def test_wrong_encoding_is_explained(site, write_ogp_csv):
    path = write_ogp_csv(encoding="latin-1")
    with pytest.raises(ImportFileError, match="not UTF-8"):
        _import(path)
    assert PracticePage.objects.count() == 0


def test_empty_file_is_explained(site, write_ogp_csv):
    with pytest.raises(ImportFileError, match="empty"):
        _import(write_ogp_csv(text=""))


def test_malformed_quoting_is_explained_with_its_line(site, write_ogp_csv):
    text = 'Commitment Unique Identifier,Country/Locality,Commitment Title\nX1,Chile,"open\n'
    with pytest.raises(ImportFileError, match="line 2: malformed CSV"):
        _import(write_ogp_csv(text=text))


def test_a_row_with_extra_cells_is_rejected(site, write_ogp_csv):
    text = "Commitment Unique Identifier,Country/Locality,Commitment Title\nX1,Chile,Title,extra\n"
    report = _import(write_ogp_csv(text=text))
    assert report.rejected[0].reason == "1 more cell(s) than the header has columns"


def test_a_huge_cell_is_shortened_into_the_summary_and_kept_in_full(
    site, write_ogp_csv
):
    def huge(header, rows):
        rows[0]["Full Text"] = "Se publican datos. " * 20_000  # about 380 kB
        return header, rows

    report = _import(write_ogp_csv(huge))
    assert report.created == 3
    page = PracticePage.objects.get(source_id="TST0001")
    assert len(page.summary) <= 600
    assert len(page.actions) > 300_000


def test_a_cell_beyond_one_megabyte_is_a_file_error(site, write_ogp_csv):
    def enormous(header, rows):
        rows[0]["Full Text"] = "x" * 1_100_000
        return header, rows

    with pytest.raises(
        ImportFileError, match="malformed CSV: field larger than field limit"
    ):
        _import(write_ogp_csv(enormous))


def test_the_command_prints_a_report_and_fails_on_invalid_rows(
    site, write_ogp_csv, capsys
):
    with pytest.raises(CommandError, match="import aborted"):
        call_command(
            "import_practices", str(write_ogp_csv(_with_bad_country)), format="ogp"
        )
    out = capsys.readouterr().out
    assert "3 rows read: 2 would be created" in out
    assert "rejected line 6: Country/Locality: unknown country 'Atlantis'" in out
