"""A contributor's document: private until a moderator approves it, public only then.

Moderators download it from the admin (as an attachment, never rendered by the
browser). If they tick "publish the document" and publish the practice, it becomes a
Wagtail document listed among the practice's sources, and the private copy is removed.
"""

import mimetypes
from pathlib import PurePath

from django.contrib.auth.decorators import permission_required
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model

from practices.models import PracticeDocument, PracticePage

from .models import Submission


@permission_required("contributions.change_submission", raise_exception=True)
def private_document(request, pk: int):
    submission = get_object_or_404(Submission, pk=pk)
    if not submission.document:
        raise Http404("this contribution has no document")
    name = PurePath(submission.document.name).name
    response = FileResponse(
        submission.document.open("rb"),
        as_attachment=True,
        filename=name,
        content_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response


def attach_approved_document(page: PracticePage) -> None:
    """Called on every publish of a practice; does something once per approved upload."""
    submission = (
        Submission.objects.filter(practice=page, publish_document=True)
        .exclude(document="")
        .filter(published_document__isnull=True)
        .first()
    )
    if submission is None:
        return
    with transaction.atomic():
        with submission.document.open("rb") as private_file:
            content = private_file.read()
        # Named after the practice, never the submitter's reference.
        suffix = PurePath(submission.document.name).suffix
        name = f"contribution-{page.source_id}{suffix}"
        document = get_document_model()(
            title=_("Document sent with the contribution “%(title)s”")
            % {"title": page.title}
        )
        document.file.save(name, ContentFile(content), save=False)
        document.save()
        submission.published_document = document
        submission.save(update_fields=["published_document"])

        # A new revision, so later edits in the admin keep the document.
        draft = page.get_latest_revision_as_object()
        draft.documents.add(PracticeDocument(document=document))
        draft.save_revision(log_action=True).publish()
    submission.document.delete(save=False)
    Submission.objects.filter(pk=submission.pk).update(document="")
