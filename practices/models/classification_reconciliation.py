from django.db import models
from django.utils.translation import gettext_lazy as _


class ClassificationReconciliation(models.Model):
    """What was merged when a practice's languages disagreed about its
    classification (written by the migration that made it one per practice)."""

    translation_key = models.UUIDField(_("practice"), db_index=True)
    reconciled_at = models.DateTimeField(_("reconciled at"), auto_now_add=True)
    pages = models.JSONField(_("pages"), default=list)
    # By field: each page's value before ({"es": …, "en": …}) and the value kept.
    changes = models.JSONField(_("changes"), default=dict)

    class Meta:
        verbose_name = _("classification reconciliation")
        ordering = ["-reconciled_at", "pk"]

    def __str__(self):
        return f"{self.translation_key}: {', '.join(sorted(self.changes))}"
