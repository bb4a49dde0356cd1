"""A moderator who marks a contribution "not published" may say why: the submitter
reads the reason in the decision email, nobody else reads it anywhere public, and
it is erased with the submitter's personal data."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from contributions.models import Submission

from .test_contribution_form import _data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_uploads")]

REASON = "No encontramos fuentes públicas que confirmen las sesiones de 2023."


def _decline(client, submission, reason=""):
    mail.outbox.clear()
    return client.post(
        reverse("contributions:edit", args=[submission.pk]),
        {"status": "rejected", "decline_reason": reason},
    )


def test_the_reason_reaches_the_submitters_email(moderator_client):
    """Declined, the submitter read only "was not published": no reason, though
    the moderator had one."""
    submission = Submission.objects.get()
    response = _decline(moderator_client, submission, REASON)
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["ana@example.org"]
    assert REASON in message.body
    # In the language the proposal was written in (Spanish here).
    assert "no fue publicada" in message.body
    submission.refresh_from_db()
    assert submission.decline_reason == REASON


def test_the_reason_is_introduced_in_the_submitters_language(client, moderator_client):
    """An English proposal's email reads in English around the reason."""
    client.post("/en/contribute/", _data(title="Open council in Tlaquepaque"))
    submission = Submission.objects.get(practice__title="Open council in Tlaquepaque")
    _decline(moderator_client, submission, "No public source confirms it.")
    [message] = mail.outbox
    assert "was not published.\n\nWhy it was not published:\n" in message.body
    assert "No public source confirms it." in message.body


def test_without_a_reason_the_email_is_as_before(client, moderator_client, settings):
    """An empty reason (or only spaces) leaves the email exactly as it was."""
    settings.CONTRIBUTION_RETENTION_DAYS = 365
    client.post("/en/contribute/", _data(title="Open council in Tlaquepaque"))
    submission = Submission.objects.get(practice__title="Open council in Tlaquepaque")
    _decline(moderator_client, submission, "   ")
    [message] = mail.outbox
    assert message.body == (
        f'Your contribution {submission.reference} ("Open council in Tlaquepaque") '
        "was not published.\n\n"
        "Your name and email address will be erased 365 days after this decision, "
        "or earlier if you ask for it with your reference code.\n\n"
    )


def test_a_reason_goes_only_with_not_published(moderator_client):
    """A reason typed while the contribution stays pending would wait, unseen,
    for a decision it may not fit: the form refuses it."""
    submission = Submission.objects.get()
    response = moderator_client.post(
        reverse("contributions:edit", args=[submission.pk]),
        {"status": "pending", "decline_reason": REASON},
    )
    assert response.status_code == 200
    assert "decline_reason" in response.context["form"].errors
    submission.refresh_from_db()
    assert submission.decline_reason == ""


def test_back_to_pending_the_reason_goes_with_the_decision(moderator_client):
    submission = Submission.objects.get()
    _decline(moderator_client, submission, REASON)
    moderator_client.post(
        reverse("contributions:edit", args=[submission.pk]),
        {"status": "pending", "decline_reason": ""},
    )
    submission.refresh_from_db()
    assert submission.status == Submission.Status.PENDING
    assert submission.decline_reason == ""


def test_the_reason_is_not_on_the_public_status_page(client, moderator_client):
    submission = Submission.objects.get()
    _decline(moderator_client, submission, REASON)
    client.logout()
    page = client.get(
        reverse("contribution-status"), {"reference": submission.reference}
    )
    assert page.status_code == 200
    assert "No publicada" in page.content.decode()
    assert "fuentes públicas" not in page.content.decode()


@pytest.mark.parametrize("how", ["retention", "request"])
def test_the_reason_is_erased_with_the_personal_data(moderator_client, settings, how):
    """Written to the submitter, the reason may name them: it was kept after their
    name and email address were erased."""
    settings.CONTRIBUTION_RETENTION_DAYS = 0
    submission = Submission.objects.get()
    _decline(moderator_client, submission, REASON)
    options = {"reference": submission.reference} if how == "request" else {}
    call_command("erase_contributor_data", stdout=io.StringIO(), **options)
    submission.refresh_from_db()
    assert submission.erased_at is not None
    assert submission.submitter_email == ""
    assert submission.decline_reason == ""
