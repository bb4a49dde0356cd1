"""Generated requests never make the desk's reports or their CSV exports answer a
server error, and every CSV they give is formula-neutralised (issue #24).

Hypothesis draws query strings for each report as an editor would send them
(export, ordering, paging, filters, search) mixed with odd values, on practices
whose titles a spreadsheet would run. `GENERATED_INPUT_EXAMPLES` scales the run.
"""

import csv
import io
import os
from collections import Counter

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from practices.dataset.writers import FORMULA_STARTS

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("GENERATED_INPUT_EXAMPLES", "150"))
REPORTS = ("translations", "index_queue", "broken_links", "duplicates")
NAMES = ("export", "ordering", "p", "q", "locale", "page_size", "unknown")
ODD_TEXT = st.sampled_from(
    [
        "",
        "csv",
        "xlsx",
        "CSV",
        "pdf",
        "-title",
        "title",
        "live",
        "-1",
        "0",
        "2",
        "999999",
        "²",
        "es",
        "en",
        "=1+1",
        "\x00",
        "\u202e",
        "a" * 600,
        "%",
    ]
)
QUERY = st.lists(
    st.tuples(st.sampled_from(NAMES), st.one_of(ODD_TEXT, st.text(max_size=30))),
    max_size=6,
)


@pytest.fixture
def formula_titles(make_practice, empty_index):
    for start in ("=", "+", "-", "@"):
        make_practice(f'{start}HYPERLINK("http://evil.example","Cabildo {start}")')


@pytest.mark.parametrize("report", REPORTS)
def test_generated_report_requests_never_answer_a_server_error(
    client_for, editor, formula_titles, report
):
    client = client_for(editor)
    path = reverse(f"desk:{report}")
    answered = Counter()

    @hypothesis_settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(QUERY, st.booleans())
    def request(pairs, as_csv):
        query = {}
        for name, value in pairs:
            query.setdefault(name, []).append(value)
        if as_csv:
            query["export"] = ["csv"]
        response = client.get(path, query)
        answered[response.status_code] += 1
        body = (
            b"".join(response.streaming_content)
            if response.streaming
            else response.content
        )
        assert response.status_code < 500, (path, pairs, body[:300])
        if response.get("Content-Type", "").startswith("text/csv"):
            for row in csv.reader(io.StringIO(body.decode("utf-8-sig"))):
                for cell in row:
                    assert not cell.startswith(FORMULA_STARTS), (path, cell)

    request()
    print(report, answered.total(), dict(sorted(answered.items())))
    assert answered.total() >= min(EXAMPLES, 50)
    assert answered[200] > 0
