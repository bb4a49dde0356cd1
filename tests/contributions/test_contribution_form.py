"""The public form: into moderation, private, and closed to robots and abuse."""

import io
import time

import pytest
from django.core import mail, signing
from django.core.management import call_command
from hypothesis import (
    HealthCheck,
    given,
)
from hypothesis import (
    settings as hypothesis_settings,
)
from hypothesis import (
    strategies as st,
)

from contributions.forms import FORM_STARTED_SALT
from contributions.models import ErasureLog, Submission
from practices.importers.export import export_jsonl
from practices.models import PracticePage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]
URL = "/contribuir/"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _started(seconds_ago=30):
    return signing.dumps(time.time() - seconds_ago, salt=FORM_STARTED_SALT)


def _data(**changes):
    data = {
        "title": "Cabildo abierto digital en Tlaquepaque",
        "summary": "Sesiones de cabildo transmitidas y con preguntas del público.",
        "country": "MX",
        "subdivision": "MX-JAL",
        "municipality": "San Pedro Tlaquepaque",
        "government_level": "municipal",
        "practice_types": ["citizen-participation"],
        "themes": ["citizen-participation"],
        "actions": "El ayuntamiento transmite las sesiones y lee preguntas ciudadanas.",
        "results": "",
        "source_1": "https://example.org/cabildo",
        "name": "Ana Pérez",
        "email": "ana@example.org",
        "organisation": "Colectivo Vecinal",
        "consent": "on",
        "website": "",
        "started": _started(),
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_a_contribution_becomes_a_draft_in_moderation_never_public(
    client, settings, django_capture_on_commit_callbacks
):
    settings.MODERATOR_EMAILS = ["mod@example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, _data())
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert response["Location"].endswith(f"/{submission.reference}/")
    page = submission.practice
    assert not page.live
    assert page.source_catalogue == "contribution"
    assert page.subdivision.code == "MX-JAL"
    assert page.current_workflow_state is not None  # submitted to moderation
    assert client.get(page.url).status_code == 404
    assert [m.to for m in mail.outbox] == [["mod@example.org"]]
    status = client.get("/contribuir/estado/", {"reference": submission.reference})
    assert (
        "Esperando moderación" in status.content.decode()
        or "Waiting" in status.content.decode()
    )


def test_publishing_notifies_the_submitter_and_keeps_their_data_off_the_page(client):
    client.post(URL, _data())
    submission = Submission.objects.get()
    submission.practice.save_revision().publish()
    submission.refresh_from_db()
    assert submission.status == Submission.Status.PUBLISHED
    assert mail.outbox[-1].to == ["ana@example.org"]
    page = PracticePage.objects.get(pk=submission.practice_id)
    html = client.get(page.url).content.decode()
    assert "Cabildo abierto digital" in html
    assert (
        'href="https://example.org/cabildo" rel="nofollow ugc noopener external"'
        in html
    )
    for personal in ("Ana Pérez", "ana@example.org", "Colectivo Vecinal"):
        assert personal not in html
    out = io.StringIO()
    export_jsonl(out)
    assert "ana@example.org" not in out.getvalue() and "Ana Pérez" not in out.getvalue()


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"title": ""}, "title"),
        ({"summary": "x" * 601}, "summary"),
        ({"country": "ZZ"}, "country"),
        ({"source_1": "not a url"}, "source_1"),
        ({"email": "nope"}, "email"),
        ({"consent": None}, "consent"),
        ({"themes": ["no-such-theme"]}, "themes"),
    ],
)
def test_each_invalid_field_is_named_and_input_is_kept(client, changes, field):
    response = client.post(URL, _data(**changes))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert (
        "Cabildo abierto digital en Tlaquepaque" in response.content.decode()
        or field == "title"
    )
    assert Submission.objects.count() == 0 and PracticePage.objects.count() == 0


def test_the_honeypot_and_the_fill_time_stop_robots(client):
    assert client.post(URL, _data(website="http://spam.example")).status_code == 400
    assert client.post(URL, _data(started=_started(seconds_ago=1))).status_code == 400
    assert client.post(URL, _data(started="forged")).status_code == 400
    assert Submission.objects.count() == 0


def test_too_many_submissions_get_429(client, settings):
    settings.CONTRIBUTION_RATE_LIMIT_PER_HOUR = 2
    for n in range(2):
        assert (
            client.post(URL, _data(title=f"Práctica número {n} de prueba")).status_code
            == 302
        )
    response = client.post(URL, _data(title="Otra práctica distinta"))
    assert response.status_code == 429
    assert Submission.objects.count() == 2


def _upload(name, content, content_type):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type=content_type)


def test_a_real_pdf_is_stored_privately(client, settings, tmp_path):
    settings.CONTRIBUTION_UPLOAD_ROOT = tmp_path
    response = client.post(
        URL, {**_data(), "document": _upload("informe.pdf", PDF, "application/pdf")}
    )
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.document.name.endswith(f"{submission.reference}.pdf")
    assert (tmp_path / submission.document.name).exists()


@pytest.mark.parametrize(
    "name, content, content_type",
    [
        ("informe.pdf", b"<html><script>alert(1)</script></html>", "application/pdf"),
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>',
            "image/svg+xml",
        ),
        ("run.pdf", b"MZ\x90\x00" + b"\x00" * 100, "application/pdf"),
    ],
)
def test_mislabelled_and_forged_uploads_are_refused(
    client, name, content, content_type
):
    response = client.post(
        URL, {**_data(), "document": _upload(name, content, content_type)}
    )
    assert response.status_code == 400
    assert "document" in response.context["form"].errors
    assert Submission.objects.count() == 0


def test_an_oversized_upload_is_refused(client, settings):
    settings.CONTRIBUTION_MAX_UPLOAD_BYTES = 1000
    big = PDF + b"0" * 2000
    response = client.post(
        URL, {**_data(), "document": _upload("a.pdf", big, "application/pdf")}
    )
    # The upload handler stops reading at the limit (tests/contributions/
    # test_upload_limits.py); the form's own size check stays behind it.
    assert response.status_code == 413
    assert "demasiado grande" in response.content.decode()
    assert Submission.objects.count() == 0


def test_html_in_the_text_is_stored_and_shown_inert(client):
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    client.post(URL, _data(actions=payload, title="Prueba de contenido peligroso"))
    page = Submission.objects.get().practice
    assert "<script" not in page.actions and "<img" not in page.actions
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html


def test_a_similar_title_in_the_same_country_is_flagged(client):
    client.post(URL, _data())
    client.post(
        URL,
        _data(title="Cabildo abierto digital de Tlaquepaque", email="b@example.org"),
    )
    first, second = Submission.objects.order_by("created_at")
    assert second.possible_duplicate_of_id == first.practice_id


def test_erasing_one_submitters_data_on_request_is_logged(client):
    client.post(URL, _data())
    call_command(
        "erase_contributor_data", email="ana@example.org", stdout=io.StringIO()
    )
    submission = Submission.objects.get()
    assert (submission.submitter_name, submission.submitter_email) == ("", "")
    assert submission.erased_at is not None
    assert ErasureLog.objects.get().reference == submission.reference
    assert submission.practice is not None  # the practice itself is kept


@hypothesis_settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "title",
                "summary",
                "country",
                "email",
                "source_1",
                "themes",
                "government_level",
                "started",
                "website",
                "consent",
                "actions",
            ]
        ),
        st.text(max_size=300),
    )
)
def test_generated_input_never_causes_a_server_error(client, fields):
    response = client.post(URL, {**_data(), **fields})
    assert response.status_code in (302, 400, 429)


def test_a_published_contribution_is_found_in_search_without_personal_data(
    client, settings, search_index_prefix, django_capture_on_commit_callbacks
):
    from search.client import get_client
    from search.indexer import alias_name, rebuild
    from tests.search.helpers import search

    settings.OPENSEARCH_INDEX_PREFIX = f"{search_index_prefix}-contrib"
    rebuild()
    client.post(URL, _data())
    submission = Submission.objects.get()
    assert search("q=Tlaquepaque").total == 0  # in moderation: not searchable
    with django_capture_on_commit_callbacks(execute=True):
        submission.practice.save_revision().publish()
    assert search("q=Tlaquepaque").total == 1
    document = get_client().get(
        index=alias_name(), id=str(submission.practice.translation_key)
    )
    indexed = str(document["_source"])
    for personal in ("Ana Pérez", "ana@example.org", "Colectivo Vecinal"):
        assert personal not in indexed


def test_a_contributed_practice_lives_at_its_titles_address(client):
    """Its address was "/practicas/cabildo-…-contribution-4b8cf046efb9823e/":
    English and a code in a Spanish page's link. Two of one title are numbered."""
    client.post(URL, _data())
    client.post(URL, _data(email="luis@example.org"))
    first, second = Submission.objects.order_by("pk")
    assert first.practice.slug == "cabildo-abierto-digital-en-tlaquepaque"
    assert second.practice.slug == "cabildo-abierto-digital-en-tlaquepaque-2"
    english = client.post("/en/contribute/", _data(title="Open council in Tlaquepaque"))
    assert english.status_code == 302
    assert Submission.objects.latest("pk").practice.url_path.endswith(
        "/open-council-in-tlaquepaque/"
    )
