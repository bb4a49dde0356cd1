from wagtail.signals import page_published, workflow_rejected

from practices.models import PracticePage

from .models import Submission
from .submission import record_decision


def _published(sender, instance, **kwargs):
    record_decision(instance, Submission.Status.PUBLISHED)


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
