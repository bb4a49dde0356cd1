"""Oversized bodies are refused before they are read, or as soon as they pass the
limit; only web links are accepted as sources."""

import io

import pytest

from contributions.models import Submission
from tests.contributions.test_contribution_form import PDF, URL, _data, _upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]


class CountingInput(io.BytesIO):
    """A request body that records how much of it was read."""

    bytes_read = 0

    def read(self, size=-1):
        chunk = super().read(size)
        CountingInput.bytes_read += len(chunk)
        return chunk

    def readline(self, size=-1):
        line = super().readline(size)
        CountingInput.bytes_read += len(line)
        return line


def test_an_announced_oversized_body_is_refused_unread(client, settings):
    CountingInput.bytes_read = 0
    body = CountingInput(b"x" * 1000)
    response = client.generic(
        "POST",
        URL,
        b"",
        content_type="multipart/form-data; boundary=BoUnDaRy",
        CONTENT_LENGTH=str(settings.MAX_REQUEST_BODY_BYTES + 1),
        **{"wsgi.input": body},
    )
    assert response.status_code == 413
    assert "5 MB" in response.content.decode()
    assert CountingInput.bytes_read == 0


def test_the_english_page_explains_in_english(client, settings):
    response = client.post(
        "/en/contribute/",
        b"",
        content_type="application/octet-stream",
        CONTENT_LENGTH=str(settings.MAX_REQUEST_BODY_BYTES + 1),
    )
    assert response.status_code == 413
    assert "too large" in response.content.decode()


def test_an_upload_stops_at_the_limit_whatever_the_length_says(client, settings):
    """The handler stops reading: the request's length is under the announced
    limit, the file itself is over the document limit."""
    settings.CONTRIBUTION_MAX_UPLOAD_BYTES = 64 * 1024
    big = PDF + b"0" * (256 * 1024)
    response = client.post(
        URL, {**_data(), "document": _upload("a.pdf", big, "application/pdf")}
    )
    assert response.status_code == 413
    assert Submission.objects.count() == 0


@pytest.mark.parametrize(
    "url", ["ftp://example.org/informe.pdf", "file:///etc/passwd", "ftps://x.org/a"]
)
def test_a_source_that_is_not_a_web_link_is_refused_by_the_form(client, url):
    response = client.post(URL, _data(source_1=url))
    assert response.status_code == 400
    assert "http://" in str(response.context["form"].errors["source_1"])
    assert Submission.objects.count() == 0


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9200\\@example.com/",
        "http://user:secret@example.org/informe",
        "http://example.org@127.0.0.1/",
        "https://example.org\\informe.pdf",
    ],
)
def test_a_source_whose_host_depends_on_the_reader_is_refused(client, url):
    """Backslash and user@ make urlsplit and requests disagree about the host."""
    response = client.post(URL, _data(source_1=url))
    assert response.status_code == 400
    assert "barra invertida" in str(response.context["form"].errors["source_1"])
    assert Submission.objects.count() == 0
