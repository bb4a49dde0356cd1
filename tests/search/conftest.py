"""Tests here search the small shared repertory."""

from tests.corpus import package_corpus

corpus = package_corpus()
