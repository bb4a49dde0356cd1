"""The Excel export: the same rows as the CSV, in an .xlsx workbook whose cells are
typed text, so Excel opens it right whatever the computer's regional settings (no
separator or encoding to guess) and never runs a cell as a formula."""

import csv
import io
import uuid

import openpyxl
import pytest
from django.utils import timezone

from tests.factories import create_practices, practice_record

pytestmark = pytest.mark.django_db
EXPORT = "/api/v1/practices/export/"


def _sheet(response):
    body = b"".join(response.streaming_content)
    return openpyxl.load_workbook(io.BytesIO(body)).active


def _csv_rows(client, query: str) -> list[list[str]]:
    text = b"".join(client.get(f"{EXPORT}?{query}").streaming_content).decode(
        "utf-8-sig"
    )
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize(
    ("lang", "heading", "sheet", "stem"),
    [
        ("es", "Identificador", "Prácticas", "repertorio-practicas"),
        ("en", "Identifier", "Practices", "repertorio-practices"),
    ],
)
def test_the_workbook_holds_the_csv_rows_with_headings_in_the_language(
    client, corpus, lang, heading, sheet, stem
):
    response = client.get(f"{EXPORT}?country=MX&format=xlsx&lang={lang}")
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="{stem}-{today}.xlsx"'
    )
    worksheet = _sheet(response)
    assert worksheet.title == sheet
    cells = [
        ["" if value is None else str(value) for value in row]
        for row in worksheet.iter_rows(values_only=True)
    ]
    assert cells[0][0] == heading
    assert cells == _csv_rows(client, f"country=MX&format=csv&lang={lang}")
    assert int(response["X-Total-Count"]) == len(cells) - 1 > 1


def test_codes_as_headings_and_a_list_of_practices_too(client, corpus):
    response = client.get(f"{EXPORT}?q=Zapopan&format=xlsx&headers=codes")
    rows = list(_sheet(response).iter_rows(values_only=True))
    assert rows[0][:2] == ("id", "url_es")
    key = rows[1][0]
    response = client.get(f"{EXPORT}?ids={key}&format=xlsx&lang=en")
    rows = list(_sheet(response).iter_rows(values_only=True))
    assert [row[0] for row in rows] == ["Identifier", key]


def test_a_cell_that_looks_like_a_formula_is_text_as_written(
    client, own_index, django_capture_on_commit_callbacks
):
    source_id = f"formula-{uuid.uuid4().hex[:6]}"
    title = '=HYPERLINK("https://evil.example","clic")'
    with django_capture_on_commit_callbacks(execute=True):
        create_practices(
            [
                practice_record(
                    source_id,
                    title,
                    "+52 municipios publican sus presupuestos.",
                    municipality="@SUMA(A1)",
                )
            ]
        )
    response = client.get(
        f"{EXPORT}?q=municipios presupuestos&headers=codes&format=xlsx"
    )
    worksheet = _sheet(response)
    names = [cell.value for cell in next(worksheet.iter_rows(max_row=1))]
    (row,) = [
        row
        for row in worksheet.iter_rows(min_row=2)
        if row[names.index("source_id")].value == source_id
    ]
    cell = row[names.index("title_es")]
    assert (cell.value, cell.data_type) == (title, "s")
    assert row[names.index("municipality")].value == "@SUMA(A1)"
