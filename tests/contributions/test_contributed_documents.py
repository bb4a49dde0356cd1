"""A contributor's document stays private until a moderator approves and publishes it."""

import pytest
from django.contrib.auth.models import Group

from contributions.models import Submission
from practices.models import PracticePage

from .test_contribution_form import PDF, URL, _data, _upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_uploads")]


@pytest.fixture
def submission(client):
    response = client.post(
        URL, {**_data(), "document": _upload("informe.pdf", PDF, "application/pdf")}
    )
    assert response.status_code == 302
    return Submission.objects.get()


def _publish(page, capture):
    with capture(execute=True):
        page.get_latest_revision().publish()


def _member(django_user_model, group_name):
    user = django_user_model.objects.create_user(group_name.lower(), password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_an_approved_document_is_published_with_the_practice(
    client, submission, settings, django_capture_on_commit_callbacks
):
    private_path = settings.CONTRIBUTION_UPLOAD_ROOT / submission.document.name
    submission.publish_document = True
    submission.save()
    _publish(submission.practice.specific, django_capture_on_commit_callbacks)

    page = PracticePage.objects.get(pk=submission.practice_id)
    [attached] = page.documents.all()
    assert (settings.MEDIA_ROOT / attached.document.file.name).read_bytes() == PDF
    assert not private_path.exists()  # the private copy is gone
    submission.refresh_from_db()
    assert submission.published_document == attached.document
    # Public now: named after the practice, never the submitter's reference.
    assert submission.reference not in attached.document.title
    assert submission.reference not in attached.document.file.name
    assert not submission.document
    # The document survives the next edit: it is in the latest revision.
    assert page.get_latest_revision_as_object().documents.count() == 1

    html = client.get(page.url).content.decode()
    assert f'href="{attached.document.url}"' in html
    assert "Ana Pérez" not in html and "ana@example.org" not in html


def test_an_unapproved_document_stays_private(
    client, submission, settings, django_capture_on_commit_callbacks
):
    _publish(submission.practice.specific, django_capture_on_commit_callbacks)
    page = PracticePage.objects.get(pk=submission.practice_id)
    assert page.documents.count() == 0
    assert (settings.CONTRIBUTION_UPLOAD_ROOT / submission.document.name).exists()
    assert "/documents/" not in client.get(page.url).content.decode()


def test_approving_after_publication_publishes_the_document_then(
    submission, django_capture_on_commit_callbacks
):
    _publish(submission.practice.specific, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        submission.publish_document = True
        submission.save()
    page = PracticePage.objects.get(pk=submission.practice_id)
    assert page.documents.count() == 1


def test_only_moderators_can_download_the_private_document(
    client, submission, django_user_model
):
    url = f"/admin/contributions/{submission.pk}/document/"
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]

    client.force_login(_member(django_user_model, "Editors"))
    refused = client.get(url)  # Wagtail turns the refusal into a redirect + message
    assert refused.status_code in (302, 403)
    assert "Content-Disposition" not in refused

    client.force_login(_member(django_user_model, "Moderators"))
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


def test_the_moderators_inspect_view_links_the_private_document(
    client, submission, django_user_model
):
    client.force_login(_member(django_user_model, "Moderators"))
    html = client.get(f"/admin/contributions/inspect/{submission.pk}/").content.decode()
    assert f'href="/admin/contributions/{submission.pk}/document/"' in html
    assert "ana@example.org" in html  # moderators do see who sent it


def test_the_moderator_may_approve_a_sent_document_in_the_contributions_form(
    client, submission, django_user_model
):
    client.force_login(_member(django_user_model, "Moderators"))
    html = client.get(f"/admin/contributions/edit/{submission.pk}/").content.decode()
    assert 'name="publish_document"' in html
    response = client.post(
        f"/admin/contributions/edit/{submission.pk}/",
        {"status": submission.status, "publish_document": "on"},
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.publish_document
