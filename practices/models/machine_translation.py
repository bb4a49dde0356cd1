from django.db import models
from django.utils.translation import gettext_lazy as _


class MachineTranslation(models.Model):
    """A machine translation of one piece of practice text (a title, a summary, a
    body), keyed by a hash of the source text.

    Keyed by the text rather than the page: a text that has not changed is never
    translated again, and an edit re-translates only the part that changed. It lives
    beside the pages, never in them, so an editor's text is never overwritten; once a
    real translation page exists, it wins.
    """

    source_language = models.CharField(_("source language"), max_length=8)
    target_language = models.CharField(_("target language"), max_length=8)
    source_hash = models.CharField(_("hash of the source text"), max_length=64)
    text = models.TextField(_("translation"))
    engine = models.CharField(_("engine"), max_length=40)
    created_at = models.DateTimeField(_("translated at"), auto_now_add=True)

    class Meta:
        verbose_name = _("machine translation")
        constraints = [
            models.UniqueConstraint(
                fields=["source_language", "target_language", "source_hash"],
                name="unique_machine_translation",
            )
        ]

    def __str__(self):
        return f"{self.source_language}→{self.target_language} {self.source_hash[:12]}"


class PendingTranslation(models.Model):
    """A practice whose machine translation may be missing or stale.

    Written when a page is published, in the same transaction; the index queue's
    worker (`manage.py search drain`) translates outside the web request and then
    re-indexes the practice.
    """

    translation_key = models.UUIDField(_("practice"), unique=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    # Why the last try left it queued (Apertium missing, a failed run), for the desk.
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)

    class Meta:
        verbose_name = _("pending machine translation")
        ordering = ["created_at"]

    def __str__(self):
        return str(self.translation_key)
