import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from .storage import private_storage


def new_reference() -> str:
    """The submitter's code for status, access and erasure requests: it stays in
    the moderators' tables and is never published."""
    return secrets.token_hex(5).upper()


def new_public_id() -> str:
    """The contributed practice's id in open data, its slug and its URL: random,
    unrelated to the reference, so it proves nothing about the submitter."""
    return secrets.token_hex(8)


class Submission(models.Model):
    """One contribution: the draft practice it became, and who sent it.

    The submitter's personal data lives here, never on the practice page, so it is
    never rendered, indexed or exported with the practice, and can be erased alone.
    So does a moderator's reason for not publishing it, written to the submitter.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Not published")

    reference = models.CharField(
        _("reference"), max_length=12, unique=True, default=new_reference
    )
    practice = models.ForeignKey(
        "practices.PracticePage",
        verbose_name=_("practice"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    possible_duplicate_of = models.ForeignKey(
        "practices.PracticePage",
        verbose_name=_("possible duplicate of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitter_name = models.CharField(_("name"), max_length=200, blank=True)
    submitter_email = models.EmailField(_("email"), blank=True)
    submitter_organisation = models.CharField(
        _("organisation"), max_length=200, blank=True
    )
    consent_given_at = models.DateTimeField(_("consent given at"))
    client_fingerprint = models.CharField(
        _("client fingerprint"),
        max_length=64,
        blank=True,
        help_text=_("A keyed hash of the IP address, for rate limits."),
    )
    document = models.FileField(
        _("document"),
        upload_to="contributions/%Y/%m/",
        blank=True,
        storage=private_storage,
    )
    publish_document = models.BooleanField(
        _("publish the document with the practice"),
        default=False,
        help_text=_(
            "Tick only after reading the document: when the practice is published it "
            "becomes public, listed among its sources."
        ),
    )
    published_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("published document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decline_reason = models.TextField(
        _("why it is not published"),
        max_length=1000,
        blank=True,
        help_text=_(
            'Optional, with "Not published": a few words for the submitter, written '
            "in the language of the proposal. They go in the email that tells them, "
            "never on the site, and are erased with their name and email address."
        ),
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    erased_at = models.DateTimeField(
        _("personal data erased at"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["-created_at"]

    def __str__(self):
        return self.reference


class ErasureLog(models.Model):
    """What was erased and why; holds no personal data itself."""

    reference = models.CharField(_("reference"), max_length=12)
    reason = models.CharField(_("reason"), max_length=40)
    erased_at = models.DateTimeField(_("erased at"), auto_now_add=True)

    class Meta:
        verbose_name = _("erasure")
        ordering = ["-erased_at"]

    def __str__(self):
        return f"{self.reference} ({self.reason})"
