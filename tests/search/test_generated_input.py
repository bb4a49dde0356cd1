"""Generated requests never make a public endpoint answer a server error.

Hypothesis draws query strings from every public parameter, with values that mix
valid codes, numbers in other scripts (², ٣, ４), long and control-character text,
repeated parameters and unknown names, and sends them to the search API, the HTML
search page in both languages, autocomplete, the export, the feed, the sitemaps and
/readyz, on the shared corpus and the real node. `GENERATED_INPUT_EXAMPLES` scales
the run (docs/search.md, docs/security.md). The desk's CSV exports have their own
run (tests/desk/test_generated_input.py).
"""

import os
from collections import Counter

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from practices.facets import FACET_NAMES

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("GENERATED_INPUT_EXAMPLES", "150"))
ENDPOINTS = (
    "/api/v1/search/",
    "/buscar/",
    "/en/search/",
    "/api/v1/autocomplete/",
    "/api/v1/practices/export/",
    "/feeds/practices.atom",
    "/sitemap.xml",
    "/sitemap-pages.xml",
    "/sitemap-search.xml",
    "/readyz",
)
NAMES = (
    "q",
    "lang",
    "sort",
    "page",
    "page_size",
    "year_from",
    "year_to",
    "format",
    "bom",
    "limit",
    "p",
    *FACET_NAMES,
    "unknown",
)
ODD_TEXT = st.sampled_from(
    [
        "",
        " ",
        "²",
        "٣",
        "４",
        "-1",
        "0",
        "1",
        "2",
        "999999",
        "1e3",
        "0x10",
        "2015",
        "1800",
        "MX",
        "mx",
        "transparencia",
        "open-data",
        "municipal",
        "csv",
        "jsonl",
        "relevance",
        "newest",
        "es",
        "en",
        "presupuesto participativo",
        '"unclosed',
        "a" * 600,
        "\x00",
        "\u202e",
        "%",
        "(*)",
        "AND OR NOT",
    ]
)
VALUES = st.one_of(ODD_TEXT, st.text(max_size=40))
QUERY = st.lists(st.tuples(st.sampled_from(NAMES), VALUES), max_size=8)


@pytest.fixture
def unlimited(settings):
    settings.RATE_LIMITS = {}


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_generated_requests_never_answer_a_server_error(
    client, corpus, unlimited, endpoint
):
    answered = []

    @hypothesis_settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(QUERY)
    def request(pairs):
        query = {}
        for name, value in pairs:
            query.setdefault(name, []).append(value)
        response = client.get(endpoint, query)
        answered.append(response.status_code)
        if response.streaming:
            b"".join(response.streaming_content)  # as a client reads it
        assert response.status_code < 500, (
            endpoint,
            pairs,
            response.status_code,
            b"" if response.streaming else response.content[:300],
        )

    request()
    print(endpoint, len(answered), dict(sorted(Counter(answered).items())))
    assert len(answered) >= min(EXAMPLES, 50)
    assert any(code == 200 for code in answered)
