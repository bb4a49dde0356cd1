"""Browser tests of the public site, on the small shared repertory."""

import pytest

from tests.corpus import package_corpus

corpus = package_corpus()


@pytest.fixture(autouse=True)
def _with_corpus(corpus):
    pass
