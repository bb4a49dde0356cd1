"""An official may paste their problem, up to the 300 characters a query holds: the
search answers it instead of failing on the node's limit of clauses."""

from urllib.parse import urlencode

import pytest

from .helpers import search

pytestmark = pytest.mark.django_db

# Three of the finder's judged problems (finder/evaluation/contexts.json), cut at
# 300 characters: before the clauses were bounded, texts half this long failed.
PASTED_PROBLEM = (
    "No existe un espacio formal donde autoridades, sociedad civil y el instituto "
    "de transparencia definan juntos compromisos de gobierno abierto para el "
    "estado. Las peticiones de colonias y poblados nunca llegan al cabildo; "
    "queremos sesiones de cabildo abiertas que se hagan en las propias comunidades."
)


def test_a_pasted_problem_of_300_characters_is_searched(client, corpus):
    assert len(PASTED_PROBLEM) <= 300
    assert search(urlencode({"q": PASTED_PROBLEM})).total >= 1
    response = client.get("/buscar/", {"q": PASTED_PROBLEM})
    assert response.status_code == 200
