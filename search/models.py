from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingIndexUpdate(models.Model):
    """A practice whose search document must be rewritten or removed.

    Written in the same transaction as the change that caused it, so a rolled-back
    change leaves nothing behind and a committed one is never forgotten: if
    OpenSearch is down, the row waits here until a drain succeeds.
    """

    translation_key = models.UUIDField(_("practice"), unique=True)
    reason = models.CharField(_("reason"), max_length=40)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)

    class Meta:
        verbose_name = _("pending search index update")
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.translation_key} ({self.reason})"
