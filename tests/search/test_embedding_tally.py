"""Embedding is counted where it happens: the drain (an import's, on commit) and
`search rebuild` say how many new texts they embedded and at what rate."""

import uuid

import pytest

from search import vectors
from search.indexer import rebuild
from search.sync import drain
from tests.factories import create_practices, practice_record

pytestmark = pytest.mark.django_db


def test_nested_tallies_both_count_each_new_text():
    outer, inner = vectors.EmbeddingTally(), vectors.EmbeddingTally()
    text = f"Mesa de seguimiento {uuid.uuid4().hex}"
    with vectors.tallied(outer), vectors.tallied(inner):
        vectors.vectors_for([text, text])  # one text, asked for twice
        vectors.vectors_for([text])  # stored now: not embedded again
    assert outer.texts == inner.texts == 1
    assert outer.seconds > 0 and outer.per_second > 0


def test_the_drain_reports_the_texts_it_embedded(settings, private_index_prefix, site):
    settings.SEARCH_MODE = "hybrid"
    rebuild()
    word = uuid.uuid4().hex[:12]
    create_practices(
        [practice_record(f"tally-{word}", f"Consejo {word}", f"Resumen {word}.")]
    )
    report = drain()  # the commit's own drain does not run inside a test's atomic
    assert report.indexed == 1
    assert report.embedded.texts == 1
    assert "embedded 1 new texts" in report.embedding_summary()
