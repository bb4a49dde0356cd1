"""Exports, the practice and taxonomy API and feeds are rate-limited like the search
API (kb.rate_limits): 429 with Retry-After past a client's limit."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def tight_limits(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.RATE_LIMITS = {
        "api-export": "2/d",
        "api-taxonomy": "2/d",
        "api-practice": "2/d",
        "practices-feed": "2/d",
        "readyz": "2/d",
        "sitemap-index": "2/d",
        "sitemap-section": "2/d",
    }


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/practices/export/?format=jsonl",
        "/api/v1/taxonomy/?vocabulary=status",
        "/api/v1/practices/00000000-0000-0000-0000-000000000000/",
        "/feeds/practices.atom",
        "/readyz",
        "/sitemap.xml",
        "/sitemap-pages.xml",
    ],
)
def test_a_client_past_its_limit_gets_429_with_retry_after(
    client, corpus, tight_limits, path
):
    def get():
        response = client.get(path, HTTP_X_FORWARDED_FOR="203.0.113.9")
        if response.streaming:
            # Read to the end, as a download does: one export at a time per client.
            b"".join(response.streaming_content)
        return response

    assert [get().status_code == 429 for _ in range(2)] == [False, False]
    limited = get()
    assert limited.status_code == 429
    assert int(limited["Retry-After"]) >= 1
    other = client.get(path, HTTP_X_FORWARDED_FOR="203.0.113.10")
    assert other.status_code != 429


def test_the_default_export_limit_is_tighter_than_the_apis(settings):
    def per_minute(rate: str) -> float:
        count, period = rate.split("/")
        return int(count) / {"s": 1 / 60, "m": 1, "h": 60, "d": 1440}[period]

    limits = settings.RATE_LIMITS
    assert per_minute(limits["api-export"]) < per_minute(limits["api-search"])
    assert limits["api-practice"] == limits["api-search"]
