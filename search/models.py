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
    # Raised by every enqueue of a practice already queued: a drain deletes the row
    # only if the version is still the one it read before writing.
    version = models.PositiveIntegerField(_("version"), default=0)

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


class TextVector(models.Model):
    """The sentence vector of one text, made once and reused until the text changes.

    Keyed by a hash of the model and the exact text: a rebuild or a re-publish with
    the same title and summary embeds nothing, and changed text gets a new row.
    """

    model = models.CharField(_("model"), max_length=60)
    text_hash = models.CharField(_("text hash"), max_length=64)
    # float32, little-endian: 2 KB for 512 dimensions.
    vector = models.BinaryField(_("vector"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("text vector")
        constraints = [
            models.UniqueConstraint(
                fields=["model", "text_hash"], name="search_textvector_unique"
            )
        ]

    def __str__(self):
        return f"{self.model}:{self.text_hash[:12]}"
