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


class ReconcileRun(models.Model):
    """The outcome of one `search reconcile`, kept so editors can see the last one."""

    finished_at = models.DateTimeField(_("finished at"), auto_now_add=True)
    missing = models.PositiveIntegerField(_("missing documents fixed"), default=0)
    stale = models.PositiveIntegerField(_("stale documents removed"), default=0)
    failed = models.PositiveIntegerField(_("could not be fixed"), default=0)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("search reconcile run")
        ordering = ["-finished_at"]

    def __str__(self):
        return f"{self.finished_at:%Y-%m-%d %H:%M} (+{self.missing} -{self.stale})"

    @property
    def ok(self) -> bool:
        return not (self.failed or self.error)
