"""The contribution limit counts every attempt per real client address."""

import pytest

from contributions.models import Submission
from tests.contributions.test_contribution_form import URL, _data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.CONTRIBUTION_RATE_LIMIT_PER_HOUR = 2


def test_visitors_behind_the_proxy_do_not_share_one_limit(client, behind_proxy):
    for n in range(2):
        response = client.post(
            URL,
            _data(title=f"Práctica {n} del primer visitante", email=f"{n}@example.org"),
            HTTP_X_FORWARDED_FOR="203.0.113.1",
        )
        assert response.status_code == 302
    blocked = client.post(
        URL, _data(email="z@example.org"), HTTP_X_FORWARDED_FOR="203.0.113.1"
    )
    assert blocked.status_code == 429 and int(blocked["Retry-After"]) > 0
    other = client.post(
        URL,
        _data(title="La práctica de otra persona", email="b@example.org"),
        HTTP_X_FORWARDED_FOR="203.0.113.2",
    )
    assert other.status_code == 302
    assert Submission.objects.count() == 3


def test_rejected_attempts_count_too(client, behind_proxy):
    for _ in range(2):
        response = client.post(
            URL,
            _data(website="http://spam.example"),
            HTTP_X_FORWARDED_FOR="198.51.100.4",
        )
        assert response.status_code == 400
    valid = client.post(URL, _data(), HTTP_X_FORWARDED_FOR="198.51.100.4")
    assert valid.status_code == 429
    assert Submission.objects.count() == 0
