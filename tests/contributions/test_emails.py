"""Moderators and submitters are written to in their language."""

import pytest
from django.core import mail

from contributions.models import Submission

from .test_contribution_form import URL, _data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]


@pytest.fixture(autouse=True)
def _moderators(settings):
    settings.MODERATOR_EMAILS = ["mod@example.org"]


def test_moderators_get_the_reference_title_and_review_link_in_spanish(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/contribute/", _data(title="Open council in Tlaquepaque"))
    submission = Submission.objects.get()
    [message] = mail.outbox
    assert message.to == ["mod@example.org"]
    assert message.subject == (
        f"[Repertorio] Nueva contribución {submission.reference}: "
        "Open council in Tlaquepaque"
    )
    assert f"/admin/pages/{submission.practice_id}/edit/" in message.body
    assert "espera moderación" in message.body


@pytest.mark.parametrize(
    "url, subject_word, body_words",
    [
        (URL, "publicada", "ha sido publicada"),
        ("/en/contribute/", "published", "has been published"),
    ],
)
def test_the_submitter_hears_of_publication_in_their_language(
    client, url, subject_word, body_words
):
    client.post(url, _data())
    submission = Submission.objects.get()
    submission.practice.save_revision().publish()
    message = mail.outbox[-1]
    assert message.to == ["ana@example.org"]
    assert message.subject == f"[Repertorio] {submission.reference}: {subject_word}"
    assert body_words in message.body
    assert submission.practice.specific.url in message.body
    assert "&quot;" not in message.body  # plain text, not HTML-escaped
