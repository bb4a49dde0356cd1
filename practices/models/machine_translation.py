from collections.abc import Iterable

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..translatable_texts import other_language, source_texts, text_hash


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


def stored_machine_translations(pages: Iterable) -> dict[int, dict[str, str]]:
    """For each practice page, by field, the stored translation of its current text
    into the site's other language (one query).

    Only for pages whose text has been translated; a changed text has a new hash, so
    an out-of-date translation is never returned.
    """
    wanted: dict[int, dict[str, tuple[str, str, str]]] = {}
    for page in pages:
        target = other_language(page.locale.language_code)
        if target is None:
            continue
        wanted[page.pk] = {
            name: (page.locale.language_code, target, text_hash(text))
            for name, text in source_texts(page).items()
        }
    hashes = {key[2] for fields in wanted.values() for key in fields.values()}
    if not hashes:
        return {}
    found = {
        (row.source_language, row.target_language, row.source_hash): row.text
        for row in MachineTranslation.objects.filter(source_hash__in=hashes)
    }
    result = {}
    for pk, fields in wanted.items():
        texts = {name: found[key] for name, key in fields.items() if key in found}
        if texts:
            result[pk] = texts
    return result


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
