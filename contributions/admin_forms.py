"""The moderator's form for a contribution in the admin."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Submission


class SubmissionDecisionForm(forms.ModelForm):
    """A contribution's status and whether its document is published. "Published"
    says the practice is live and "not published" that it is not, so each is
    accepted only when true: the status follows the practice's own publication.
    A reason goes only with "not published": it is the submitter's answer."""

    class Meta:
        model = Submission
        fields = ["status", "decline_reason", "publish_document"]
        widgets = {"decline_reason": forms.Textarea(attrs={"rows": 4})}

    def clean_status(self):
        status = self.cleaned_data["status"]
        practice = self.instance.practice
        if status == Submission.Status.PUBLISHED and not (practice and practice.live):
            raise forms.ValidationError(
                _(
                    "The practice is not published yet. Publish it (or approve it "
                    "in moderation) and the contribution is marked published with it."
                )
            )
        if status == Submission.Status.REJECTED and practice and practice.live:
            raise forms.ValidationError(
                _(
                    "The practice is published. Unpublish it first if it should not "
                    "be read."
                )
            )
        return status

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")  # None when refused above
        reason = cleaned.get("decline_reason", "")
        if reason and status and status != Submission.Status.REJECTED:
            self.add_error(
                "decline_reason",
                _('A reason goes with "Not published" only; leave it empty.'),
            )
        return cleaned
