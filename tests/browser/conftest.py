"""Browser tests of the public site, on the small shared repertory."""

import pytest


@pytest.fixture(autouse=True)
def _with_corpus(corpus):
    pass
