from django.db import transaction
from django.db.models.signals import post_save, pre_delete
from wagtail.signals import page_published

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


def connect():
    page_published.connect(
        _published, sender=PracticePage, dispatch_uid="contribution-published"
    )
    # No handler for `workflow_rejected`: "Request changes" sends the draft back to
    # the editors and declines nothing. A contribution is declined by marking it
    # "not published" in the inbox or by deleting its draft.
    post_save.connect(
        _submission_saved, sender=Submission, dispatch_uid="contribution-saved"
    )
    pre_delete.connect(
        _practice_deleted, sender=PracticePage, dispatch_uid="contribution-deleted"
    )
