"""The words that end a paragraph are indexed as words: the body of a practice keeps
a break between its rich-text blocks, so "seguros.</p><p>El" is not read as the
single token "seguros.el"."""

import uuid

import pytest

from practices.models import PracticePage
from search.client import get_client
from search.indexer import alias_name
from tests.factories import create_practices, practice_record

pytestmark = pytest.mark.django_db


def _body_matches(word: str) -> set[str]:
    response = get_client().search(
        index=alias_name(),
        body={"query": {"match": {"body_es": word}}, "_source": ["title_es"]},
    )
    return {hit["_source"]["title_es"] for hit in response["hits"]["hits"]}


def test_the_last_word_of_a_paragraph_is_found_in_the_body(
    empty_index, django_capture_on_commit_callbacks
):
    source_id = f"paragraphs-{uuid.uuid4().hex[:8]}"
    with django_capture_on_commit_callbacks(execute=True):
        create_practices(
            [
                practice_record(
                    source_id,
                    "Mesas de obra en las colonias",
                    "Vecinos y personal municipal revisan cada obra.",
                    problem="<p>Las calles no estaban pavimentadas.</p>"
                    "<p>Nadie sabía cuándo llegaría la obra.</p>",
                )
            ]
        )
    title = PracticePage.objects.get(source_id=source_id).title
    assert title in _body_matches("pavimentadas")
    assert title in _body_matches("nadie")
