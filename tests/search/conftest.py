"""Fixtures of the search tests that need no database."""

import pytest
from django.conf import settings

from search.client import get_client
from search.mapping import index_mappings, index_settings
from search.synonyms import synonym_rules


@pytest.fixture(scope="module")
def glossary_index(search_index_prefix):
    """An index with the mapping and the glossary's synonyms alone (no taxonomy
    labels, so no database), holding one practice."""
    name = f"{settings.OPENSEARCH_INDEX_PREFIX}-analysis"
    client = get_client()
    client.indices.create(
        index=name,
        body={
            "settings": index_settings(synonym_rules([])),
            "mappings": index_mappings(),
        },
        request_timeout=60,  # a node shared with other work
    )
    client.index(
        index=name,
        id="1",
        body={"id": "1", "title_en": "Open data portal", "title_es": "Datos abiertos"},
        refresh=True,
        request_timeout=60,
    )
    yield name
    client.indices.delete(index=name, request_timeout=60)
