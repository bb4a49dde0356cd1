"""The emails of the contribution workflow, in the language of whoever reads them.

Moderators read the site's default language; a submitter reads the language they
wrote their proposal in. Sending never fails the request that caused it.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from kb.absolute_urls import page_url

from .models import Submission


def _send(template: str, context: dict, recipients: list[str], language: str) -> None:
    with translation.override(language):
        subject = render_to_string(
            f"contributions/email/{template}_subject.txt", context
        )
        body = render_to_string(f"contributions/email/{template}.txt", context)
    send_mail(
        subject=" ".join(subject.split()),
        message=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=recipients,
        fail_silently=True,
    )


def moderator_recipients() -> list[str]:
    return list(settings.MODERATOR_EMAILS) or list(
        Group.objects.get(name="Moderators")
        .user_set.exclude(email="")
        .values_list("email", flat=True)
    )


def notify_moderators(submission: Submission) -> None:
    recipients = moderator_recipients()
    if not recipients:
        return
    page = submission.practice
    context = {
        "submission": submission,
        "page": page,
        "review_url": f"{settings.WAGTAILADMIN_BASE_URL}/admin/pages/{page.pk}/edit/",
    }
    _send("new_contribution", context, recipients, settings.LANGUAGE_CODE)


def notify_submitter(submission: Submission, page) -> None:
    if not submission.submitter_email:
        return
    published = submission.status == Submission.Status.PUBLISHED
    context = {
        "submission": submission,
        "page": page,
        "published": published,
        "page_url": page_url(page) if published else "",
        "reason": "" if published else submission.decline_reason.strip(),
        "retention_days": settings.CONTRIBUTION_RETENTION_DAYS,
    }
    _send("decision", context, [submission.submitter_email], page.locale.language_code)
