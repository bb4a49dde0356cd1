"""Personal data is kept for the retention period after the decision, then erased."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from contributions.models import ErasureLog, Submission

from .test_contribution_form import URL, _data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]


def _erase_expired() -> str:
    out = io.StringIO()
    call_command("erase_contributor_data", stdout=out)
    return out.getvalue()


def test_data_is_erased_only_after_the_retention_period(client, settings):
    settings.CONTRIBUTION_RETENTION_DAYS = 30
    client.post(URL, _data())
    client.post(URL, _data(title="Otra práctica", email="luis@example.org"))
    old, recent = Submission.objects.order_by("pk")
    old.practice.save_revision().publish()
    recent.practice.save_revision().publish()
    Submission.objects.filter(pk=old.pk).update(
        decided_at=timezone.now() - timedelta(days=31)
    )

    assert "1 contribution(s) (retention)" in _erase_expired()
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.submitter_email == "" and old.erased_at is not None
    assert recent.submitter_email == "luis@example.org"
    assert list(ErasureLog.objects.values_list("reference", "reason")) == [
        (old.reference, "retention")
    ]
    assert "0 contribution(s)" in _erase_expired()  # nothing erased twice


def test_pending_contributions_are_kept_until_decided(client, settings):
    settings.CONTRIBUTION_RETENTION_DAYS = 0
    client.post(URL, _data())
    assert "0 contribution(s)" in _erase_expired()
    assert Submission.objects.get().submitter_email == "ana@example.org"


def test_deleting_the_draft_counts_as_a_decision(client):
    client.post(URL, _data())
    submission = Submission.objects.get()
    submission.practice.delete()
    submission.refresh_from_db()
    assert submission.status == Submission.Status.REJECTED
    assert submission.decided_at is not None


def test_moderators_can_read_the_erasure_log_but_not_change_it(
    client, django_user_model
):
    from django.contrib.auth.models import Group

    client.post(URL, _data())
    call_command(
        "erase_contributor_data", email="ana@example.org", stdout=io.StringIO()
    )
    moderator = django_user_model.objects.create_user("mod", password="x")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    listing = client.get("/admin/erasures/")
    assert listing.status_code == 200
    assert Submission.objects.get().reference in listing.content.decode()
    log = ErasureLog.objects.get()
    assert client.get(f"/admin/erasures/edit/{log.pk}/").status_code in (302, 403)
