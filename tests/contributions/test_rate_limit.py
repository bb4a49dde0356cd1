"""The contribution limit counts every attempt per real client address."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile

from contributions.models import Submission
from tests.contributions.test_contribution_form import PDF, URL, _data

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


def test_a_proposal_held_back_by_the_limit_comes_back_as_written(client, settings):
    """The limit counts rejected attempts too, so a person who fixed a few mistakes
    can meet it with a good proposal: it is not stored, and not lost either."""
    settings.CONTRIBUTION_RATE_LIMIT_PER_HOUR = 1
    assert client.post(URL, _data(website="http://spam.example")).status_code == 400
    written = _data(
        title="Mesas vecinales de obra en Tlaquepaque",
        summary="Vecinos y funcionarios revisan cada mes las obras en mesas abiertas.",
        website="http://trap.example",
    )
    response = client.post(URL, written)

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert Submission.objects.count() == 0
    form = BeautifulSoup(response.content, "html.parser").select_one(
        "form.contribution-form"
    )
    assert form.select_one("input[name=title]")["value"] == written["title"]
    assert form.select_one("textarea[name=summary]").text.strip() == written["summary"]
    assert form.select_one("select[name=country] option[selected]")["value"] == "MX"
    assert form.select_one("input[name=themes][value=citizen-participation]").has_attr(
        "checked"
    )
    assert form.select_one("input[name=consent]").has_attr("checked")
    assert form.select_one("input[name=website]").get("value", "") == ""
    assert "error-summary" in response.content.decode()


def test_a_document_sent_over_the_limit_is_not_stored_and_the_reader_is_told(
    client, settings, private_uploads
):
    settings.CONTRIBUTION_RATE_LIMIT_PER_HOUR = 0
    document = SimpleUploadedFile("informe.pdf", PDF, content_type="application/pdf")
    response = client.post(URL, _data(document=document))
    assert response.status_code == 429
    assert response.context["document_dropped"]
    assert not list((settings.CONTRIBUTION_UPLOAD_ROOT).rglob("*.pdf"))


def test_a_kept_document_is_not_promised_after_the_wait(
    client, settings, private_uploads
):
    """A document kept from an earlier attempt expires within the hour the
    contributor is asked to wait: the form does not say it is kept, it asks for it
    again."""
    settings.CONTRIBUTION_RATE_LIMIT_PER_HOUR = 1
    document = SimpleUploadedFile("informe.pdf", PDF, content_type="application/pdf")
    first = client.post(URL, _data(email="", document=document))
    assert first.status_code == 400
    kept = first.context["form"].kept_token
    assert kept
    response = client.post(URL, _data(kept_document=kept))
    assert response.status_code == 429
    assert response.context["document_dropped"]
    assert 'name="kept_document"' not in response.content.decode()
