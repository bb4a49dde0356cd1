"""Turning a valid form into a draft practice in moderation, and keeping its submitter apart."""

import difflib
import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kb.text import fold, paragraphs_html
from practices.models import PracticePage
from practices.records.record import PracticeRecord, SourceLink
from practices.services import create_practice, practice_index_for
from practices.translation_slugs import available_title_slug
from taxonomy.geography import subdivision_code_for

from .emails import notify_moderators, notify_submitter
from .models import Submission, new_public_id


def client_fingerprint(ip_address: str) -> str:
    """A keyed hash: enough to count requests, useless to recover the address."""
    return hmac.new(
        settings.SECRET_KEY.encode(), ip_address.encode(), hashlib.sha256
    ).hexdigest()


def over_rate_limit(fingerprint: str, email: str) -> bool:
    since = timezone.now() - timedelta(hours=1)
    recent = Submission.objects.filter(created_at__gte=since)
    limit = settings.CONTRIBUTION_RATE_LIMIT_PER_HOUR
    return (
        recent.filter(client_fingerprint=fingerprint).count() >= limit
        or recent.filter(submitter_email__iexact=email).count() >= limit
    )


def similar_practice(title: str, country_code: str) -> PracticePage | None:
    wanted = fold(title)
    best, best_ratio = None, 0.0
    for pk, other in PracticePage.objects.filter(
        country__code=country_code
    ).values_list("pk", "title"):
        ratio = difflib.SequenceMatcher(None, wanted, fold(other)).ratio()
        if ratio > best_ratio:
            best, best_ratio = pk, ratio
    return PracticePage.objects.get(pk=best) if best and best_ratio >= 0.85 else None


@transaction.atomic
def submit_contribution(data: dict, *, language: str, fingerprint: str) -> Submission:
    country = data["country"].code
    submission = Submission(
        submitter_name=data["name"],
        submitter_email=data["email"],
        submitter_organisation=data.get("organisation", ""),
        consent_given_at=timezone.now(),
        client_fingerprint=fingerprint,
        possible_duplicate_of=similar_practice(data["title"], country),
    )
    subdivision = data.get("subdivision") or subdivision_code_for(
        country, data.get("subdivision_other") or ""
    )
    record = PracticeRecord(
        source_catalogue="contribution",
        source_id=new_public_id(),
        # Its address says what it is ("/practicas/mesas-de-obra/"), not the
        # importers' "<title>-contribution-<id>".
        slug=available_title_slug(data["title"], practice_index_for(language)),
        locale=language,
        original_language=language,
        title=data["title"],
        summary=data["summary"],
        problem=paragraphs_html(data.get("problem", "")),
        actions=paragraphs_html(data["actions"]),
        results=paragraphs_html(data.get("results", "")),
        evidence=paragraphs_html(data.get("evidence", "")),
        country=country,
        subdivision=subdivision,
        municipality=data.get("municipality", ""),
        government_level=data["government_level"].slug
        if data.get("government_level")
        else None,
        practice_types=[t.slug for t in data.get("practice_types", [])],
        themes=[t.slug for t in data.get("themes", [])],
        sources=[
            SourceLink(_("Source given by the contributor"), url, "other")
            for url in (data.get("source_1"), data.get("source_2"))
            if url
        ],
    )
    # A draft in moderation; InvalidPractice (a ValueError) if validation rejects it.
    submission.practice = page = create_practice(record, publish=False)
    if data.get("document"):
        upload = data["document"]
        upload.name = f"{submission.reference}.{data['document_extension']}"
        submission.document = upload
    submission.save()
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, None)
    transaction.on_commit(lambda: notify_moderators(submission))
    return submission


def record_decision(page: PracticePage, status: str) -> None:
    """The practice was published, rejected or deleted: its pending contribution
    is decided so."""
    submission = Submission.objects.filter(
        practice=page, status=Submission.Status.PENDING
    ).first()
    if submission is not None:
        decide(submission, status, page)


def decide(submission: Submission, status: str, page: PracticePage | None) -> None:
    """A moderator's decision on a contribution, however it was taken: its status,
    when (the retention period runs from it) and word to the submitter, with the
    moderator's reason when it is "not published" and they gave one. Back to
    pending, nothing is decided and the retention clock waits again."""
    submission.status = status
    decided = status != Submission.Status.PENDING
    submission.decided_at = timezone.now() if decided else None
    submission.save(update_fields=["status", "decided_at"])
    if decided and page is not None:
        notify_submitter(submission, page)


def decide_in_inbox(submission: Submission, status: str, user) -> None:
    """A decision taken on the contribution itself (its form in the admin): as
    `decide`, and "not published" withdraws its draft from moderation too, so it
    leaves the reviewers' list instead of waiting there for an approval that
    would contradict the decision."""
    practice = submission.practice
    decide(submission, status, practice)
    if status == Submission.Status.REJECTED and practice is not None:
        state = practice.current_workflow_state
        if state is not None:
            state.cancel(user=user)


def erase_personal_data(submissions, reason: str) -> int:
    from .models import ErasureLog

    count = 0
    for submission in submissions:
        if submission.document:
            submission.document.delete(save=False)
        submission.submitter_name = ""
        submission.submitter_email = ""
        submission.submitter_organisation = ""
        submission.client_fingerprint = ""
        # Written to the submitter, it may name them or quote their proposal.
        submission.decline_reason = ""
        submission.erased_at = timezone.now()
        submission.save()
        ErasureLog.objects.create(reference=submission.reference, reason=reason)
        count += 1
    return count


def expired_submissions():
    cutoff = timezone.now() - timedelta(days=settings.CONTRIBUTION_RETENTION_DAYS)
    return Submission.objects.filter(erased_at__isnull=True, decided_at__lt=cutoff)
