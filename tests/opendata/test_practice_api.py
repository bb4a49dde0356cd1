"""One practice and the vocabularies: both languages, labels, ETag and 304, CORS."""

import time

import pytest

from practices.models import PracticePage

pytestmark = pytest.mark.django_db
TAXONOMY = "/api/v1/taxonomy/"


def _zapopan_key() -> str:
    return str(
        PracticePage.objects.get(
            title__contains="Zapopan", locale__language_code="es"
        ).translation_key
    )


def test_a_practice_in_both_languages_with_codes_labels_sources_and_licence(
    client, corpus
):
    key = _zapopan_key()
    response = client.get(f"/api/v1/practices/{key}/")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert body["id"] == key
    assert body["languages"] == ["en", "es"]
    assert body["texts"]["es"]["title"] == "Presupuestos participativos en Zapopan"
    assert body["texts"]["en"]["title"] == "Participatory budgets in Zapopan"
    assert "/en/practices/" in body["texts"]["en"]["url"]
    assert body["country"] == {"code": "MX", "label": {"es": "México", "en": "Mexico"}}
    assert body["subdivision"]["code"] == "MX-JAL"
    assert body["themes"][0]["code"] == "participatory-budgeting"
    assert set(body["themes"][0]["label"]) == {"es", "en"}
    assert body["government_level"]["code"] == "municipal"
    assert body["sources"] == [
        {
            "title": "Source of zapopan",
            "url": "https://example.org/zapopan",
            "kind": "other",
            "date": None,
        }
    ]
    assert (
        body["licence"]["url"] == "https://creativecommons.org/licenses/by-nc-sa/4.0/"
    )


def test_etag_and_last_modified_answer_304_until_the_practice_changes(client, corpus):
    url = f"/api/v1/practices/{_zapopan_key()}/"
    first = client.get(url)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag and modified
    assert client.get(url, headers={"if-none-match": etag}).status_code == 304
    not_modified = client.get(url, headers={"if-modified-since": modified})
    assert not_modified.status_code == 304
    assert not_modified["Access-Control-Allow-Origin"] == "*"
    assert client.get(url, headers={"if-none-match": '"other"'}).status_code == 200

    time.sleep(1)  # Last-Modified has a resolution of one second
    page = PracticePage.objects.get(
        translation_key=_zapopan_key(), locale__language_code="es"
    )
    page.summary += " Ahora con votación en línea."
    page.save_revision().publish()
    changed = client.get(url, headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert client.get(url, headers={"if-modified-since": modified}).status_code == 200


def test_drafts_and_unknown_ids_are_404(client, corpus):
    draft = PracticePage.objects.get(source_id="draft")
    assert client.get(f"/api/v1/practices/{draft.translation_key}/").status_code == 404
    missing = client.get("/api/v1/practices/00000000-0000-0000-0000-000000000000/")
    assert missing.status_code == 404
    assert "error" in missing.json()


def test_the_taxonomy_lists_every_vocabulary_with_bilingual_labels(client, corpus):
    response = client.get(TAXONOMY)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    vocabularies = response.json()["vocabularies"]
    assert set(vocabularies) == {
        "themes",
        "outcomes",
        "evidence_levels",
        "government_levels",
        "regulated_party_types",
        "practice_types",
        "statuses",
        "regions",
        "countries",
        "subdivisions",
        "languages",
    }
    themes = {t["code"]: t for t in vocabularies["themes"]}
    assert themes["open-data"]["label"] == {"es": "Datos abiertos", "en": "Open data"}
    assert themes["open-data"]["parent"] == "access-to-information"
    countries = {c["code"]: c for c in vocabularies["countries"]}
    assert countries["MX"]["label"] == {"es": "México", "en": "Mexico"}
    states = {s["code"]: s for s in vocabularies["subdivisions"]}
    assert states["MX-JAL"]["country"] == "MX"
    assert {"code": "es", "label": {"es": "Español", "en": "Spanish"}} in vocabularies[
        "languages"
    ]


def test_taxonomy_etag_and_one_vocabulary(client, corpus):
    first = client.get(TAXONOMY, {"vocabulary": "statuses"})
    assert list(first.json()["vocabularies"]) == ["statuses"]
    assert (
        client.get(
            TAXONOMY,
            {"vocabulary": "statuses"},
            headers={"if-none-match": first["ETag"]},
        ).status_code
        == 304
    )
    bad = client.get(TAXONOMY, {"vocabulary": "colours"})
    assert bad.status_code == 400
    assert bad.json()["error"]["parameter"] == "vocabulary"
