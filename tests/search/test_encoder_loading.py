"""The sentence encoder is loaded before serving, once per process tree, and never
by a web request: a search without it in memory is text only (a publish then
leaves the practice queued: tests/desk/test_search_status.py)."""

import importlib
import sys

import pytest

from search import vectors

pytestmark = pytest.mark.django_db

OWNERS = "Beneficial ownership register"
OWNERS_IN_SPANISH = "dueños reales de las empresas"


def _api_titles(client, q: str) -> list[str]:
    response = client.get("/api/v1/search/", {"q": q, "lang": "en"})
    assert response.status_code == 200
    return [hit["title"] for hit in response.json()["results"]]


def test_a_search_request_never_loads_the_encoder(corpus, client, encoder_not_loaded):
    assert OWNERS not in _api_titles(client, OWNERS_IN_SPANISH)  # the words alone
    assert client.get("/buscar/", {"q": OWNERS_IN_SPANISH}).status_code == 200
    assert encoder_not_loaded == []
    assert not vectors.encoder_loaded()


def test_once_loaded_before_serving_a_request_searches_with_vectors(
    corpus, client, encoder_not_loaded
):
    vectors.preload_for_web()
    assert OWNERS in _api_titles(client, OWNERS_IN_SPANISH)
    assert encoder_not_loaded == [1]


def test_the_wsgi_entry_point_loads_the_encoder_before_any_request(
    encoder_not_loaded,
):
    """gunicorn's master imports kb.wsgi before it forks (preload_app)."""
    if "kb.wsgi" in sys.modules:
        importlib.reload(sys.modules["kb.wsgi"])
    else:
        importlib.import_module("kb.wsgi")
    assert encoder_not_loaded == [1] and vectors.encoder_loaded()
