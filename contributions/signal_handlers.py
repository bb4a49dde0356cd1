from django.db import transaction
from django.db.models.signals import post_save, pre_delete
from wagtail.signals import page_published, workflow_rejected

from practices.models import PracticePage

from .contributed_documents import attach_approved_document
from .models import Submission
from .submission import record_decision


def _published(sender, instance, **kwargs):
    record_decision(instance, Submission.Status.PUBLISHED)
    attach_approved_document(instance)


def _practice_deleted(sender, instance, **kwargs):
    """A draft deleted instead of rejected is still a decision: the retention clock starts."""
    record_decision(instance, Submission.Status.REJECTED)


def _submission_saved(sender, instance, **kwargs):
    """Approving the document of an already published practice publishes it now."""
    if not (
        instance.publish_document
        and instance.document
        and instance.published_document_id is None
    ):
        return
    page = PracticePage.objects.live().filter(pk=instance.practice_id).first()
    if page is not None:
        transaction.on_commit(lambda: attach_approved_document(page))


def _rejected(sender, instance, user=None, **kwargs):
    page = instance.content_object
    if isinstance(page, PracticePage) or hasattr(page, "specific"):
        specific = page.specific if hasattr(page, "specific") else page
        if isinstance(specific, PracticePage):
            record_decision(specific, Submission.Status.REJECTED)


def connect():
    page_published.connect(
        _published, sender=PracticePage, dispatch_uid="contribution-published"
    )
    workflow_rejected.connect(_rejected, dispatch_uid="contribution-rejected")
    post_save.connect(
        _submission_saved, sender=Submission, dispatch_uid="contribution-saved"
    )
    pre_delete.connect(
        _practice_deleted, sender=PracticePage, dispatch_uid="contribution-deleted"
    )
