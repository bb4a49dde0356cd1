"""The public contribution form: what a contributor can know about a practice."""

import time

import filetype
from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from taxonomy.geography import fold
from taxonomy.models import Country, GovernmentLevel, PracticeType, Theme

# Documents we accept, by their content (magic bytes), never by their name.
ALLOWED_DOCUMENT_TYPES = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.oasis.opendocument.text": "odt",
    "image/png": "png",
    "image/jpeg": "jpg",
}
FORM_STARTED_SALT = "contributions.form-started"


class TermChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.label()


class TermField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.label()


class ContributionForm(forms.Form):
    title = forms.CharField(label=_("Name of the practice"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences: what it is and who did it."),
    )
    country = TermField(
        label=_("Country"), queryset=Country.objects.all(), to_field_name="code"
    )
    subdivision = forms.CharField(
        label=_("State or province"), max_length=120, required=False
    )
    municipality = forms.CharField(
        label=_("Municipality"), max_length=160, required=False
    )
    government_level = TermField(
        label=_("Government level"),
        queryset=GovernmentLevel.objects.all(),
        to_field_name="slug",
        required=False,
    )
    practice_types = TermChoiceField(
        label=_("Practice type"),
        queryset=PracticeType.objects.all(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    themes = TermChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    actions = forms.CharField(
        label=_("What was done"),
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    results = forms.CharField(
        label=_("What came of it"),
        max_length=8000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    source_1 = forms.URLField(
        label=_("Source (link)"), max_length=500, assume_scheme="https"
    )
    source_2 = forms.URLField(
        label=_("Another source"), max_length=500, required=False, assume_scheme="https"
    )
    document = forms.FileField(
        label=_("Document"),
        required=False,
        help_text=_("PDF, Word, OpenDocument, PNG or JPEG; at most 5 MB."),
    )
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("Your email"), help_text=_("To tell you the decision.")
    )
    organisation = forms.CharField(
        label=_("Organisation"), max_length=200, required=False
    )
    consent = forms.BooleanField(
        label=_(
            "I have read the privacy notice and consent to the use of my data for the purposes it states."
        )
    )
    # Traps for robots: a field people never see, and the time the form was shown.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Countries in the alphabetical order of the reader's language.
        self.fields["country"].choices = [("", "---------")] + sorted(
            ((country.code, country.label()) for country in Country.objects.all()),
            key=lambda choice: fold(choice[1]),
        )
        if not self.is_bound:
            self.initial["started"] = signing.dumps(time.time(), salt=FORM_STARTED_SALT)

    def clean_document(self):
        upload = self.cleaned_data.get("document")
        if not upload:
            return upload
        if upload.size > settings.CONTRIBUTION_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The document is larger than 5 MB."), code="too_large"
            )
        head = upload.read(8192)
        upload.seek(0)
        kind = filetype.guess(head)
        if kind is None or kind.mime not in ALLOWED_DOCUMENT_TYPES:
            raise forms.ValidationError(
                _(
                    "This kind of file is not accepted: send a PDF, Word, OpenDocument, PNG or JPEG file."
                ),
                code="bad_type",
            )
        self.document_extension = ALLOWED_DOCUMENT_TYPES[kind.mime]
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(
                _("The form could not be sent."), code="honeypot"
            )
        try:
            started = signing.loads(
                cleaned.get("started", ""), salt=FORM_STARTED_SALT, max_age=24 * 3600
            )
        except signing.BadSignature:
            raise forms.ValidationError(
                _("The form expired. Please reload the page and try again."),
                code="expired",
            ) from None
        if time.time() - float(started) < settings.CONTRIBUTION_MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _("The form was sent too quickly. Please try again."), code="too_fast"
            )
        return cleaned
