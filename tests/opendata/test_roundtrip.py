"""Exported CSV reads back: through Python's csv module and through import_practices."""

import csv
import io
import uuid

import pytest
from django.core.management import call_command

from practices.dataset import neutralise
from practices.dataset.writers import restore
from practices.importers.dataset_csv import read_dataset_csv
from practices.models import PracticePage
from practices.records.conversion import record_from_page
from tests.factories import create_practices, practice_record

pytestmark = pytest.mark.django_db
EXPORT = "/api/v1/practices/export/"
# Fields the dataset carries one to one (rich text and source kinds are mapped).
MAPPED = (
    "source_catalogue",
    "source_id",
    "locale",
    "title",
    "summary",
    "country",
    "subdivision",
    "municipality",
    "government_level",
    "regulated_party_type",
    "practice_types",
    "themes",
    "outcomes",
    "evidence_level",
    "start_year",
    "end_year",
    "status",
    "implementing_institutions",
    "partners",
    "keywords",
    "original_language",
    "last_reviewed",
    "translation_key",
)


def _download(client, query: str, tmp_path) -> tuple[str, object]:
    text = b"".join(client.get(f"{EXPORT}?{query}").streaming_content).decode()
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    return text, path


def test_every_exported_row_reads_back_into_the_records_it_came_from(
    client, corpus, tmp_path
):
    """What the CSV link gives (BOM, Spanish headings) imports as it is."""
    text, path = _download(client, "", tmp_path)
    assert text.startswith("\ufeffIdentificador,")
    assert len(list(csv.DictReader(io.StringIO(text, newline="")))) == 22
    parsed = list(read_dataset_csv(path))
    assert all(row.record is not None for row in parsed), [
        row.problems for row in parsed if row.record is None
    ]
    records = {(r.record.translation_key, r.record.locale): r.record for r in parsed}
    pages = PracticePage.objects.live().select_related(
        "locale", "country", "subdivision"
    )
    assert len(records) == pages.count() == 23  # Zapopan is in both languages
    for page in pages:
        original = record_from_page(page)
        back = records[(original.translation_key, original.locale)]
        for name in MAPPED:
            assert getattr(back, name) == getattr(original, name), name
        assert [(s.title, s.url) for s in back.sources] == [
            (s.title, s.url) for s in original.sources
        ]


def test_import_practices_accepts_an_export(client, corpus, tmp_path):
    _text, path = _download(client, "country=MX&lang=en", tmp_path)
    out = io.StringIO()
    call_command(
        "import_practices", str(path), "--format", "csv", "--dry-run", stdout=out
    )
    assert "4 rows read" in out.getvalue()
    assert "(0 rejected)" in out.getvalue()


def test_formula_cells_are_neutralised_and_restored_on_import(
    client, own_index, tmp_path, django_capture_on_commit_callbacks
):
    source_id = f"formula-{uuid.uuid4().hex[:6]}"
    with django_capture_on_commit_callbacks(execute=True):
        create_practices(
            [
                practice_record(
                    source_id,
                    '=HYPERLINK("https://evil.example","clic")',
                    "+52 municipios publican sus presupuestos.",
                    municipality="@SUMA(A1)",
                    implementing_institutions=["-Secretaría de Finanzas"],
                )
            ]
        )
    text, path = _download(client, "q=municipios presupuestos&headers=codes", tmp_path)
    (row,) = [
        r
        for r in csv.DictReader(io.StringIO(text, newline=""))
        if r["source_id"] == source_id
    ]
    assert row["title_es"] == '\'=HYPERLINK("https://evil.example","clic")'
    assert row["summary_es"] == "'+52 municipios publican sus presupuestos."
    assert row["municipality"] == "'@SUMA(A1)"
    assert row["implementing_institutions"] == "'-Secretaría de Finanzas"
    for cells in csv.reader(io.StringIO(text, newline="")):
        assert not any(
            cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells
        )
    (parsed,) = [
        r.record for r in read_dataset_csv(path) if r.record.source_id == source_id
    ]
    assert parsed.title == '=HYPERLINK("https://evil.example","clic")'
    assert parsed.municipality == "@SUMA(A1)"
    assert parsed.implementing_institutions == ["-Secretaría de Finanzas"]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_each_formula_start_is_neutralised_and_restorable(start):
    text = f"{start}1+1"
    assert neutralise(text) == f"'{text}"
    assert restore(neutralise(text)) == text
    assert neutralise("1+1") == "1+1"
    assert restore("'quoted") == "'quoted"
