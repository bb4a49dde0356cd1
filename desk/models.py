from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LinkCheck(models.Model):
    """The last time `check_sources` visited a source URL, and what it found.

    Keyed by URL, not by source row: one address cited by several practices is
    checked once, and a source row re-created by a publish keeps its history.
    """

    class Result(models.TextChoices):
        OK = "ok", _("Works")
        REDIRECTED = "redirected", _("Redirects elsewhere")
        BROKEN = "broken", _("Broken")
        TIMEOUT = "timeout", _("No answer in time")
        ERROR = "error", _("Could not connect")
        ROBOTS = "robots", _("Not checked: robots.txt disallows it")

    url = models.URLField(_("URL"), max_length=500, unique=True)
    result = models.CharField(_("result"), max_length=12, choices=Result.choices)
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True)
    final_url = models.URLField(_("final URL"), max_length=2000, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    checked_at = models.DateTimeField(_("checked at"))

    BROKEN_RESULTS = (Result.BROKEN, Result.TIMEOUT, Result.ERROR)

    class Meta:
        verbose_name = _("source link check")
        verbose_name_plural = _("source link checks")
        indexes = [models.Index(fields=["result"])]

    def __str__(self):
        return f"{self.url} ({self.result})"


class DuplicateCandidate(models.Model):
    """Two published practices that read alike, found by the last duplicate search."""

    first = models.ForeignKey(
        "practices.PracticePage",
        verbose_name=_("practice"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    second = models.ForeignKey(
        "practices.PracticePage",
        verbose_name=_("looks like"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title_score = models.PositiveSmallIntegerField(_("title similarity"))
    summary_score = models.PositiveSmallIntegerField(_("summary similarity"))
    score = models.PositiveSmallIntegerField(_("similarity"))
    found_at = models.DateTimeField(_("found at"), auto_now_add=True)

    class Meta:
        verbose_name = _("possible duplicate")
        verbose_name_plural = _("possible duplicates")
        ordering = ["-score", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="desk_pair_once")
        ]

    def __str__(self):
        return f"{self.first_id} ~ {self.second_id} ({self.score})"


class NotDuplicate(models.Model):
    """Two practices a moderator judged distinct: the duplicate search never pairs
    them again. Keyed by the practices (translation keys, in order), so the
    decision outlives the nightly search and holds for every language."""

    first_key = models.UUIDField(_("practice"))
    second_key = models.UUIDField(_("other practice"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), auto_now_add=True)

    class Meta:
        verbose_name = _("not a duplicate")
        verbose_name_plural = _("not duplicates")
        constraints = [
            models.UniqueConstraint(
                fields=["first_key", "second_key"], name="desk_not_duplicate_once"
            )
        ]

    def __str__(self):
        return f"{self.first_key} ≠ {self.second_key}"

    @staticmethod
    def ordered(a, b) -> tuple:
        return tuple(sorted((a, b), key=str))
