"""The JSON Lines format: export then import gives back exactly the same practices."""

import io
import json

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from practices.importers.batch import run_import
from practices.importers.export import export_jsonl
from practices.importers.formats import row_reader
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def _export() -> str:
    out = io.StringIO()
    export_jsonl(out)
    return out.getvalue()


def test_export_then_import_into_an_empty_repertory_is_lossless(
    site, ogp_small, tmp_path
):
    run_import(row_reader("ogp", ogp_small), publish=True)
    jalisco = PracticePage.objects.get(source_id="TST0001")
    english = jalisco.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Open data on public works"
    english.save_revision().publish()
    first = _export()
    path = tmp_path / "practices.jsonl"
    path.write_text(first, encoding="utf-8")

    for page in PracticePage.objects.all():
        page.delete()
    assert PracticePage.objects.count() == 0

    report = run_import(row_reader("jsonl", path), publish=True)
    assert (report.created, report.rejected) == (4, [])
    assert _export() == first
    restored = PracticePage.objects.get(source_id="TST0001", locale__language_code="es")
    assert restored.get_translations().get().title == "Open data on public works"


def test_the_export_command_writes_one_json_object_per_practice(
    site, ogp_small, tmp_path
):
    run_import(row_reader("ogp", ogp_small), publish=True)
    target = tmp_path / "out.jsonl"
    call_command("export_practices", output=str(target))
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    record = json.loads(lines[0])
    assert record["source_catalogue"] == "ogp"
    assert set(record) >= {
        "title",
        "summary",
        "country",
        "themes",
        "sources",
        "translation_key",
    }


def test_bad_json_lines_are_reported_with_their_line(site, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"title": \n[1, 2]\n{"nonsense": true}\n', encoding="utf-8")
    report = run_import(row_reader("jsonl", path))
    assert report.aborted
    assert [(p.line, p.field) for p in report.rejected] == [
        (1, "json"),
        (2, "json"),
        (3, "record"),
    ]
    assert "unknown fields: nonsense" in report.rejected[2].reason
