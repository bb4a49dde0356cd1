"""A list's export: the chosen public practices, in the visitor's order, as CSV with a
BOM and the reader's headings or as a JSON array; bad ids, too many, or ids mixed with
a search are a 400 naming `ids`."""

import csv
import io
import json
import uuid

import pytest
from wagtail.models import PageViewRestriction

from practices.models import PracticePage
from shortlist.selection import MAX_LISTED

pytestmark = pytest.mark.django_db
EXPORT = "/api/v1/practices/export/"


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.parametrize(
    ("lang", "heading", "title"),
    [
        ("es", "Identificador", "Presupuestos participativos en Zapopan"),
        ("en", "Identifier", "Participatory budgets in Zapopan"),
    ],
)
def test_the_csv_holds_the_list_in_order_with_a_bom(
    client, key_of, lang, heading, title
):
    ids = [key_of("br-budget"), key_of("zapopan"), key_of("co-agua")]
    response = client.get(f"{EXPORT}?ids={','.join(ids)}&format=csv&lang={lang}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["X-Total-Count"] == "3"
    body = _body(response)
    assert body.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    assert rows[0][0] == heading
    assert [row[0] for row in rows[1:]] == ids
    assert title in rows[2]


def test_bom_and_headings_options_still_apply(client, key_of):
    response = client.get(
        f"{EXPORT}?ids={key_of('zapopan')}&format=csv&bom=0&headers=codes"
    )
    body = _body(response)
    assert body.startswith(b"id,")


def test_the_json_is_an_array_in_order(client, key_of):
    ids = [key_of("us-pb"), key_of("zapopan")]
    response = client.get(f"{EXPORT}?ids={','.join(ids)}&format=json&lang=en")
    assert response.status_code == 200
    rows = json.loads(_body(response))
    assert [row["id"] for row in rows] == ids
    assert rows[1]["title_en"] == "Participatory budgets in Zapopan"


def test_unknown_drafts_and_private_practices_are_not_exported(client, key_of):
    restricted = PracticePage.objects.get(source_id="cl-plan")
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    draft = PracticePage.objects.get(source_id="draft")
    ids = [
        str(draft.translation_key),
        key_of("zapopan"),
        str(restricted.translation_key),
        str(uuid.uuid4()),
    ]
    response = client.get(f"{EXPORT}?ids={','.join(ids)}&format=json")
    assert response["X-Total-Count"] == "1"
    assert [row["id"] for row in json.loads(_body(response))] == [key_of("zapopan")]


@pytest.mark.parametrize(
    "query",
    [
        "ids=zapopan",
        "ids=" + ",".join(str(uuid.UUID(int=n)) for n in range(MAX_LISTED + 1)),
        f"ids={uuid.UUID(int=1)}&q=agua",
        f"ids={uuid.UUID(int=2)}&country=MX",
    ],
    # Fixed ids: the test workers must collect the same tests.
    ids=["not-an-id", "over-the-cap", "with-words", "with-a-filter"],
)
def test_bad_lists_are_a_400_naming_ids(client, query):
    response = client.get(f"{EXPORT}?{query}&format=csv")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["parameter"] == "ids"
    assert error["message"]
