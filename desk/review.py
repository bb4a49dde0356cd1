"""Marking practices as reviewed: an editorial fact, not a content change.

A review changes no text a reader sees, so it needs no moderation and no new
revision: the date is written on the page and on its latest revision (so that
publishing a draft saved before the review does not undo it), and logged.
"""

import datetime
from collections.abc import Iterable

from django.db import transaction
from wagtail.log_actions import log

from practices.models import PracticePage

REVIEWED_ACTION = "desk.mark_reviewed"


@transaction.atomic
def mark_reviewed(
    pages: Iterable[PracticePage], user, today: datetime.date | None = None
) -> int:
    today = today or datetime.date.today()
    count = 0
    for page in pages:
        PracticePage.objects.filter(pk=page.pk).update(last_reviewed=today)
        revision = page.latest_revision
        if revision is not None and isinstance(revision.content, dict):
            revision.content["last_reviewed"] = today.isoformat()
            revision.save(update_fields=["content"])
        page.last_reviewed = today
        log(instance=page, action=REVIEWED_ACTION, user=user)
        count += 1
    return count
