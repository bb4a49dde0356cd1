"""Whole answers kept for identical searches (search/answers.py), on the real node:
a repeat asks the node nothing, and any write to the index makes them stale."""

import itertools

import pytest

from practices.models import PracticePage
from search import node
from search.indexer import rebuild, write_documents
from tests.factories import create_practices, practice_record

from .helpers import search, titles

pytestmark = pytest.mark.django_db
_counter = itertools.count()


@pytest.fixture
def kept_answers(settings, private_index_prefix, site, monkeypatch):
    """Answers kept, an index of this test's own, and a count of node searches."""
    settings.SEARCH_ANSWER_CACHE_SECONDS = 300
    settings.SEARCH_MODE = "text"
    sent = []
    client = node.get_client()

    class Counted:
        def search(self, body, **params):
            sent.append(body)
            return client.search(body=body, **params)

    monkeypatch.setattr(node, "get_client", Counted)
    return sent


def _practice(title: str) -> PracticePage:
    create_practices([practice_record(f"answers-{next(_counter)}", title, "Resumen.")])
    return PracticePage.objects.get(title=title)


def test_an_identical_search_is_answered_without_asking_the_node(kept_answers):
    _practice("Mesa zqkeptanswer de presupuesto")
    rebuild()
    first = search("q=zqkeptanswer")
    asked = len(kept_answers)
    again = search("q=zqkeptanswer")
    assert len(kept_answers) == asked  # nothing sent
    assert titles(again) == titles(first) == {"Mesa zqkeptanswer de presupuesto"}
    search("q=zqkeptanswer&lang=en")  # another search: asked anew
    assert len(kept_answers) > asked


def test_a_write_to_the_index_makes_kept_answers_stale(kept_answers):
    _practice("Mesa zqstaleanswer de presupuesto")
    rebuild()
    assert search("q=zqstaleanswer").total == 1
    page = _practice("Consejo zqstaleanswer ciudadano")
    write_documents([page.translation_key])  # as a drain after a publish does
    assert search("q=zqstaleanswer").total == 2


def test_answers_are_not_kept_by_default(settings, kept_answers):
    settings.SEARCH_ANSWER_CACHE_SECONDS = 0
    _practice("Mesa zqnotkept de presupuesto")
    rebuild()
    search("q=zqnotkept")
    asked = len(kept_answers)
    search("q=zqnotkept")
    assert len(kept_answers) > asked
