"""One practice and the vocabularies: both languages, labels, ETag and 304, CORS."""

import json
import time

import pytest

from practices.facets import FACETS
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
    classification = body["classification"]
    assert classification["country"] == {
        "code": "MX",
        "label": {"es": "México", "en": "Mexico"},
    }
    assert classification["subdivision"]["code"] == "MX-JAL"
    assert classification["theme"] == [
        {
            "code": "participatory-budgeting",
            "label": {
                "es": "Presupuesto participativo",
                "en": "Participatory budgeting",
            },
        }
    ]
    assert classification["level"]["code"] == "municipal"
    assert classification["region"]["code"] == "latin-america-caribbean"
    assert [t["code"] for t in classification["language"]] == ["en", "es"]
    assert classification["evidence"]["code"] == "documented"
    assert classification["regulated_party"]["code"] == "executive"
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
    malformed = client.get("/api/v1/practices/not-a-uuid/")
    assert (malformed.status_code, malformed["Content-Type"]) == (
        404,
        "application/json",
    )


def test_the_taxonomy_lists_every_facet_of_the_registry_with_bilingual_labels(
    client, corpus
):
    response = client.get(TAXONOMY)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    vocabularies = response.json()["vocabularies"]
    assert set(vocabularies) == {facet.name for facet in FACETS}
    theme = vocabularies["theme"]
    assert theme["label"] == {"es": "Tema", "en": "Theme"}
    assert theme["multiple"] is True
    themes = {t["code"]: t for t in theme["terms"]}
    assert themes["open-data"]["label"] == {"es": "Datos abiertos", "en": "Open data"}
    assert themes["open-data"]["parent"] == "access-to-information"
    countries = {c["code"]: c for c in vocabularies["country"]["terms"]}
    assert countries["MX"]["label"] == {"es": "México", "en": "Mexico"}
    assert countries["MX"]["region"] == "latin-america-caribbean"
    states = {s["code"]: s for s in vocabularies["subdivision"]["terms"]}
    assert states["MX-JAL"]["country"] == "MX"
    assert {"code": "es", "label": {"es": "Español", "en": "Spanish"}} in vocabularies[
        "language"
    ]["terms"]
    # Every code a practice carries in the export is a term of its vocabulary.
    terms = {name: {t["code"] for t in v["terms"]} for name, v in vocabularies.items()}
    for row in client.get("/api/v1/practices/export/?format=jsonl").streaming_content:
        for line in row.decode().splitlines():
            practice = json.loads(line)
            for facet in FACETS:
                value = practice[facet.name]
                for code in value if isinstance(value, list) else [value]:
                    assert code is None or code in terms[facet.name], (facet, code)


def test_taxonomy_etag_and_one_vocabulary(client, corpus):
    first = client.get(TAXONOMY, {"vocabulary": "status"})
    assert list(first.json()["vocabularies"]) == ["status"]
    assert (
        client.get(
            TAXONOMY, {"vocabulary": "status"}, headers={"if-none-match": first["ETag"]}
        ).status_code
        == 304
    )
    bad = client.get(TAXONOMY, {"vocabulary": "colours"})
    assert bad.status_code == 400
    assert bad.json()["error"]["parameter"] == "vocabulary"


def test_a_machine_translation_is_given_and_flagged(client, corpus):
    from practices.models import MachineTranslation
    from practices.translatable_texts import text_hash

    page = PracticePage.objects.get(title="Open data portal for municipal budgets")
    for text, translated in (
        (page.title, "Portal de datos abiertos de presupuestos municipales"),
        (page.summary, "La ciudad publica cada partida como datos abiertos."),
    ):
        MachineTranslation.objects.create(
            source_language="en",
            target_language="es",
            source_hash=text_hash(text),
            text=translated,
            engine="apertium",
        )
    body = client.get(f"/api/v1/practices/{page.translation_key}/").json()
    assert body["languages"] == ["en"]
    assert body["texts"]["en"]["machine_translated"] is False
    spanish = body["texts"]["es"]
    assert spanish["machine_translated"] is True
    assert spanish["title"] == "Portal de datos abiertos de presupuestos municipales"
    assert spanish["url"].endswith(f"/practicas/{page.slug}/")
    zapopan = client.get(f"/api/v1/practices/{_zapopan_key()}/").json()
    assert not any(text["machine_translated"] for text in zapopan["texts"].values())
