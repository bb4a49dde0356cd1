"""The form on error: says what failed at the top, keeps the file, states the wait."""

import os
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core import signing

from contributions import kept_uploads
from contributions.models import Submission

from .test_contribution_form import PDF, URL, _data, _started, _upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_uploads")]


def _page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_a_one_letter_title_and_a_one_word_summary_are_refused(client):
    response = client.post(URL, _data(title="X", summary="corto"))
    assert response.status_code == 400
    page = _page(response)
    assert page.find(id="id_title_error") is not None
    assert page.find(id="id_summary_error") is not None
    assert "al menos 10" in page.find(id="id_title_error").text
    assert Submission.objects.count() == 0


def test_the_error_summary_comes_first_takes_focus_and_links_to_each_field(client):
    response = client.post(URL, _data(title="X", email="not-an-address"))
    page = _page(response)
    summary = page.find(id="error-summary")
    assert summary is not None
    assert summary.has_attr("autofocus") and summary["tabindex"] == "-1"
    form = page.find("form", class_="contribution-form")
    assert summary.find_next("form") is form  # above the form, not 2,500 px down
    links = {a["href"] for a in summary.find_all("a")}
    assert links == {"#id_title", "#id_email"}
    for href in links:
        assert page.find(id=href[1:]) is not None
    assert "corrige estos 2 problemas" in summary.text


def test_every_aria_describedby_names_an_element_that_exists(client):
    for response in (client.get(URL), client.post(URL, _data(email="x", summary=""))):
        page = _page(response)
        described = page.find_all(attrs={"aria-describedby": True})
        assert described
        for element in described:
            for target in element["aria-describedby"].split():
                assert page.find(id=target) is not None, (element.get("name"), target)
    email = page.find(id="id_email")
    assert email["aria-describedby"] == "id_email_helptext id_email_error"
    assert email["aria-invalid"] == "true"


def test_a_valid_document_is_kept_across_the_reshown_form_and_sent_with_it(
    client, settings
):
    first = client.post(
        URL,
        {
            **_data(email="no"),
            "document": _upload("informe.pdf", PDF, "application/pdf"),
        },
    )
    assert first.status_code == 400
    page = _page(first)
    token = page.find("input", attrs={"name": "kept_document"})["value"]
    assert "informe.pdf" in page.find(id="kept-document").text
    kept_dir = Path(settings.CONTRIBUTION_UPLOAD_ROOT) / "kept"
    kept_files = list(kept_dir.iterdir())
    assert len(kept_files) == 1 and kept_files[0].read_bytes() == PDF
    assert oct(kept_files[0].stat().st_mode & 0o777) == "0o600"  # private

    second = client.post(URL, {**_data(), "kept_document": token})
    assert second.status_code == 302
    submission = Submission.objects.get()
    with submission.document.open("rb") as handle:
        assert handle.read() == PDF
    assert list(kept_dir.iterdir()) == []  # the kept copy is gone


def test_a_refused_document_is_not_kept(client, settings):
    response = client.post(
        URL, {**_data(), "document": _upload("x.exe", b"MZ\x90\x00binary", "")}
    )
    assert response.status_code == 400
    assert _page(response).find("input", attrs={"name": "kept_document"}) is None


def test_a_forged_expired_or_escaping_token_brings_back_nothing(
    client, settings, monkeypatch
):
    upload = _upload("informe.pdf", PDF, "application/pdf")
    token = kept_uploads.keep(upload, "pdf")
    assert kept_uploads.restore(token) is not None
    assert kept_uploads.restore(token + "x") is None
    escaping = signing.dumps(
        {"name": "../../etc/passwd", "original": "p"}, salt=kept_uploads.SALT
    )
    assert kept_uploads.restore(escaping) is None
    monkeypatch.setattr(kept_uploads, "MAX_AGE_SECONDS", -1)
    assert kept_uploads.restore(token) is None


def test_kept_files_older_than_an_hour_are_removed(settings):
    token = kept_uploads.keep(_upload("a.pdf", PDF, "application/pdf"), "pdf")
    path = (
        Path(settings.CONTRIBUTION_UPLOAD_ROOT)
        / signing.loads(token, salt=kept_uploads.SALT)["name"]
    )
    assert kept_uploads.remove_expired() == 0 and path.exists()
    two_hours_ago = time.time() - 7200
    os.utime(path, (two_hours_ago, two_hours_ago))
    assert kept_uploads.remove_expired() == 1 and not path.exists()


def test_too_fast_says_how_long_to_wait_counting_from_the_first_render(
    client, settings
):
    settings.CONTRIBUTION_MIN_FILL_SECONDS = 30
    started = _started(seconds_ago=10)
    response = client.post(URL, _data(started=started))
    assert response.status_code == 400
    summary = _page(response).find(id="error-summary").text
    assert "espera 20 segundos" in summary or "espera 21 segundos" in summary
    # The re-shown form keeps the first render's time: waiting from it is enough.
    page = _page(response)
    assert page.find("input", attrs={"name": "started"})["value"] == started
    later = _started(seconds_ago=31)
    assert client.post(URL, _data(started=later)).status_code == 302
