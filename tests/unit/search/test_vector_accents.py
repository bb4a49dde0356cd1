"""The text the query's vector is made from keeps the words as typed unless
VECTOR_ACCENTS_RESTORED (search/ranking.py; measured, off: docs/search.md,
seventh wave).

Pure logic: Apertium's dictionary is stood in for by a fixed spelling."""

import pytest

from search import ranking
from search.ranking import vector_words

pytestmark = pytest.mark.unit

ACCENTED = {"educacion publica": "educación pública"}


@pytest.fixture(autouse=True)
def dictionary(monkeypatch):
    monkeypatch.setattr(
        ranking, "spanish_with_accents", lambda q, **_: ACCENTED.get(q, q)
    )


def test_as_mapped_the_vector_reads_the_words_as_typed():
    assert vector_words("educacion publica") == "educacion publica"


def test_switched_on_the_vector_reads_the_words_with_their_accents(monkeypatch):
    monkeypatch.setattr(ranking, "VECTOR_ACCENTS_RESTORED", True)
    assert vector_words("educacion publica") == "educación pública"
