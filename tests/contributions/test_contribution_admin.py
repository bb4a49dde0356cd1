"""In the admin, a contribution and the draft made from it link to each other, and
the contribution reads in labels and the site's time zone."""

import html
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import formats, timezone

from contributions.models import Submission

from .test_contribution_form import URL, _data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_uploads")]


def test_the_contribution_links_its_draft_in_labels_and_local_time(moderator_client):
    submission = Submission.objects.get()
    html = moderator_client.get(
        reverse("contributions:inspect", args=[submission.pk])
    ).content.decode()
    edit_url = reverse("wagtailadmin_pages:edit", args=[submission.practice_id])
    assert f'href="{edit_url}"' in html
    cells = re.findall(r"<dd[^>]*>\s*(.*?)\s*</dd>", html, re.S)
    assert "None" not in cells and "False" not in cells and "True" not in cells
    # Every empty value reads the same dash (the document's read "-").
    assert "-" not in cells and "—" in cells
    local = formats.date_format(
        timezone.localtime(submission.created_at), "SHORT_DATETIME_FORMAT"
    )
    assert local in html  # Mexico City time, as the listing shows


def test_the_draft_links_back_to_its_contribution(moderator_client):
    submission = Submission.objects.get()
    html = moderator_client.get(
        reverse("wagtailadmin_pages:edit", args=[submission.practice_id])
    ).content.decode()
    assert "data-desk-contribution" in html
    assert reverse("contributions:inspect", args=[submission.pk]) in html


@pytest.mark.parametrize(
    "typed", ["Tlaquepaque", "ana@example.org", "Ana Pérez", "Colectivo Vecinal"]
)
def test_the_inbox_finds_a_contribution_by_its_practice_or_its_sender(
    moderator_client, typed
):
    """The inbox's search box matched only the reference code, which a moderator
    looking for the Tlaquepaque contribution, or for Ana's, does not have."""
    submission = Submission.objects.get()
    html = moderator_client.get(
        reverse("contributions:index"), {"q": typed}
    ).content.decode()
    assert submission.reference in html
    other = moderator_client.get(
        reverse("contributions:index"), {"q": "Guadalajara"}
    ).content.decode()
    assert submission.reference not in other


@pytest.mark.parametrize("typed", ["Ana Perez", "PÉREZ", "participacion ciudadana"])
def test_the_inbox_search_ignores_accents_and_capitals(
    client, django_user_model, typed
):
    """ "Participacion" did not find "Participación", nor "Ana Perez" Ana Pérez: the
    inbox's search compared letters as typed."""
    client.post(URL, _data(title="Participación ciudadana en Tlaquepaque"))
    moderator = django_user_model.objects.create_user("moderadora", password="x")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    submission = Submission.objects.get()
    html = client.get(reverse("contributions:index"), {"q": typed}).content.decode()
    assert submission.reference in html


def test_the_inbox_links_each_practice_to_its_edit_page(moderator_client):
    """The practice column was plain text beside a reference that opens the
    contribution's status form; an editor reaches the practice from its title."""
    submission = Submission.objects.get()
    html = moderator_client.get(reverse("contributions:index")).content.decode()
    rows = re.findall(r"<tr>(.*?)</tr>", html.split('class="listing"', 1)[1], re.S)
    (row,) = [row for row in rows if submission.reference in row]
    edit_url = reverse("wagtailadmin_pages:edit", args=[submission.practice_id])
    title = re.escape(submission.practice.title)
    assert re.search(rf'<a href="{re.escape(edit_url)}">\s*{title}\s*</a>', row), row
    # The reference still opens the contribution itself.
    assert reverse("contributions:edit", args=[submission.pk]) in row


def test_without_a_document_there_is_no_document_to_publish(moderator_client):
    """The contribution's form offered "Publish the document with the practice"
    when the contributor had sent none."""
    submission = Submission.objects.get()
    assert not submission.document
    html = moderator_client.get(
        reverse("contributions:edit", args=[submission.pk])
    ).content.decode()
    assert 'name="status"' in html
    assert 'name="publish_document"' not in html


def test_a_status_set_in_the_inbox_is_a_dated_decision_the_submitter_hears_of(
    moderator_client, settings
):
    """Marked "not published" from the contribution's own form, the status changed
    but nothing dated the decision: the retention period never began (the data
    was kept for ever) and the submitter was never told."""
    settings.CONTRIBUTION_RETENTION_DAYS = 0
    submission = Submission.objects.get()
    mail.outbox.clear()
    response = moderator_client.post(
        reverse("contributions:edit", args=[submission.pk]), {"status": "rejected"}
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Submission.Status.REJECTED
    assert submission.decided_at is not None
    [message] = mail.outbox
    assert message.to == ["ana@example.org"]
    call_command("erase_contributor_data", stdout=io.StringIO())
    submission.refresh_from_db()
    assert submission.submitter_email == "" and submission.erased_at is not None


def test_back_to_pending_the_decision_is_undone(moderator_client):
    submission = Submission.objects.get()
    url = reverse("contributions:edit", args=[submission.pk])
    moderator_client.post(url, {"status": "rejected"})
    moderator_client.post(url, {"status": "pending"})
    submission.refresh_from_db()
    assert submission.status == Submission.Status.PENDING
    assert submission.decided_at is None


def test_published_only_when_the_practice_is_live(moderator_client):
    """ "Published" on a draft told the submitter's status page a practice was out
    that nobody could read."""
    submission = Submission.objects.get()
    url = reverse("contributions:edit", args=[submission.pk])
    response = moderator_client.post(url, {"status": "published"})
    assert response.status_code == 200
    assert "status" in response.context["form"].errors
    submission.refresh_from_db()
    assert submission.status == Submission.Status.PENDING
    assert submission.decided_at is None


def test_the_messages_speak_of_the_contribution_in_agreement(moderator_client):
    """Wagtail's generic messages read "Contribución '…' actualizado" and "El
    contribución no puede ser guardado". Spanish from walk5-es.json: passes once
    the lead's catalogue has it."""
    submission = Submission.objects.get()
    url = reverse("contributions:edit", args=[submission.pk])
    refused = moderator_client.post(url, {"status": "published"})
    [said] = [html.unescape(str(m)) for m in refused.context["messages"]]
    assert said.startswith("No se pudo guardar la contribución")
    saved = moderator_client.post(url, {"status": "rejected"}, follow=True)
    [said] = [html.unescape(str(m)) for m in saved.context["messages"]]
    assert said.startswith(f"Contribución '{submission.reference}' actualizada.")


def test_not_published_withdraws_the_draft_from_moderation(moderator_client):
    """Marked "not published" in the inbox, its draft still waited in the
    reviewers' list, where approving it would publish what was declined."""
    submission = Submission.objects.get()
    assert submission.practice.workflow_in_progress
    moderator_client.post(
        reverse("contributions:edit", args=[submission.pk]), {"status": "rejected"}
    )
    submission.practice.refresh_from_db()
    assert not submission.practice.workflow_in_progress
    assert not submission.practice.live


def test_not_published_is_refused_while_the_practice_is_live(moderator_client):
    submission = Submission.objects.get()
    submission.practice.save_revision().publish()
    response = moderator_client.post(
        reverse("contributions:edit", args=[submission.pk]), {"status": "rejected"}
    )
    assert response.status_code == 200
    assert "status" in response.context["form"].errors
    submission.refresh_from_db()
    assert submission.status == Submission.Status.PUBLISHED


def test_changes_requested_in_moderation_are_not_a_decision(
    moderator_client, django_user_model
):
    """ "Request changes" on a contribution's draft sends it back to the editors;
    it declined nothing. It marked the contribution "not published", told the
    submitter so and started the retention clock; when the corrected draft was
    then approved and published, the inbox still read "not published" and the
    submitter never heard the practice was out."""
    submission = Submission.objects.get()
    page = submission.practice
    moderator = django_user_model.objects.get(username="moderadora")
    mail.outbox.clear()

    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "reject")

    submission.refresh_from_db()
    assert submission.status == Submission.Status.PENDING
    assert submission.decided_at is None
    assert "ana@example.org" not in [to for m in mail.outbox for to in m.to]

    page.refresh_from_db()
    page.save_revision(user=moderator).publish(user=moderator)
    submission.refresh_from_db()
    assert submission.status == Submission.Status.PUBLISHED
    assert submission.decided_at is not None
    [told] = [m for m in mail.outbox if m.to == ["ana@example.org"]]
    assert submission.reference in told.subject
