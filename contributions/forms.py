"""The public contribution form: what a contributor can know about a practice."""

import math
import time

import filetype
from django import forms
from django.conf import settings
from django.core import signing
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kb.text import fold
from practices.web_addresses import validate_source_url
from taxonomy.models import Country, GovernmentLevel, PracticeType, Subdivision, Theme

from . import kept_uploads

# Documents we accept, by their content (magic bytes), never by their name.
ALLOWED_DOCUMENT_TYPES = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.oasis.opendocument.text": "odt",
    "image/png": "png",
    "image/jpeg": "jpg",
}
FORM_STARTED_SALT = "contributions.form-started"
# "X" or "corto" tells moderators nothing; a name and a sentence or two do.
TITLE_MIN_LENGTH = 10
SUMMARY_MIN_LENGTH = 40


class TermChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.label()


class TermField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.label()


class WebAddressField(forms.URLField):
    """A link readers can open: http or https only (ftp:, file: and others refused),
    with no backslash or user name (see practices.web_addresses)."""

    default_validators = [validate_source_url]
    default_error_messages = {
        "invalid": _("Give a web address that starts with http:// or https://."),
    }


# The site's own words for Django's generic messages ("Asegúrese de que este valor
# tenga al menos 10 carácter(es) (tiene8)"), worded to read right for any count
# ("so far it has 1", where "there are 1" did not).
MESSAGES = {
    "required": _("Please fill this in."),
    "min_length": _(
        "Please write at least %(limit_value)d characters; so far it has "
        "%(show_value)d."
    ),
    "max_length": _(
        "Please keep it to %(limit_value)d characters; it has %(show_value)d."
    ),
    "invalid_choice": _("Please choose one of the options."),
    "invalid_list": _("Please choose from the list."),
}
MEXICO = "MX"


class ContributionForm(forms.Form):
    title = forms.CharField(
        label=_("Name of the practice"),
        min_length=TITLE_MIN_LENGTH,
        max_length=200,
    )
    summary = forms.CharField(
        label=_("Summary"),
        min_length=SUMMARY_MIN_LENGTH,
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Two or three sentences (at least 40 characters): what it is and who did it."
        ),
    )
    country = TermField(
        label=_("Country"), queryset=Country.objects.all(), to_field_name="code"
    )
    subdivision = forms.ChoiceField(
        label=_("State (Mexico)"),
        required=False,
        help_text=_("For a practice in Mexico: the state, chosen from the list."),
    )
    subdivision_other = forms.CharField(
        label=_("State or province (other countries)"),
        max_length=120,
        required=False,
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
    problem = forms.CharField(
        label=_("Problem it addressed"),
        max_length=8000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
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
    evidence = forms.CharField(
        label=_("How the results are known"),
        max_length=8000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("An evaluation, an audit, official figures, press coverage…"),
    )
    source_1 = WebAddressField(
        label=_("Source (link)"), max_length=500, assume_scheme="https"
    )
    source_2 = WebAddressField(
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

    def __init__(self, data=None, files=None, **kwargs):
        # A document kept from an earlier attempt stands in for an empty file input.
        self.kept_token = ""
        if data is not None and not (files and files.get("document")):
            kept = kept_uploads.restore(data.get("kept_document", ""))
            if kept is not None:
                files = files.copy() if files is not None else MultiValueDict()
                files["document"] = kept
                self.kept_token = kept.kept_token
        super().__init__(data, files, **kwargs)
        # Countries in the alphabetical order of the reader's language.
        self.fields["country"].choices = [("", "---------")] + sorted(
            ((country.code, country.label()) for country in Country.objects.all()),
            key=lambda choice: fold(choice[1]),
        )
        self.fields["subdivision"].choices = [("", "---------")] + sorted(
            (
                (state.code, state.label())
                for state in Subdivision.objects.filter(
                    country__code=MEXICO, parent_code=""
                )
            ),
            key=lambda choice: fold(choice[1]),
        )
        self.fields["themes"].choices = _themes_by_group()
        for field in self.fields.values():
            field.error_messages = {**field.error_messages, **_messages(field)}
        if not self.is_bound:
            self.initial["started"] = signing.dumps(time.time(), salt=FORM_STARTED_SALT)
        self._describe_fields()

    @classmethod
    def as_written(cls, data) -> "ContributionForm":
        """A fresh form showing what `data` (a POST) said, neither checked nor
        stored: for a proposal held back by the rate limit, to be sent later. The
        trap field does not come back, and no document does: a kept one expires
        within the hour the contributor is asked to wait."""
        form = cls()
        for name, field in form.fields.items():
            if name in ("website", "started", "document") or name not in data:
                continue
            multiple = isinstance(
                field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField
            )
            form.initial[name] = data.getlist(name) if multiple else data.get(name)
        return form

    @property
    def kept_document_name(self) -> str:
        return kept_uploads.original_name(self.kept_token)

    def full_clean(self):
        super().full_clean()
        if self.is_bound and self.errors:
            self._keep_document()
        self._describe_fields()

    def _keep_document(self) -> None:
        """Keep a valid document across the re-shown form; drop a refused one."""
        if "document" in self.errors:
            self.kept_token = ""
            return
        upload = self.cleaned_data.get("document")
        if upload and not self.kept_token:
            self.kept_token = kept_uploads.keep(upload, self.document_extension)

    def _describe_fields(self) -> None:
        """Point each input at its hint and its error by the ids the template gives."""
        for name, field in self.fields.items():
            auto_id = self[name].auto_id
            ids = [f"{auto_id}_helptext"] if field.help_text else []
            if name in self.errors:
                ids.append(f"{auto_id}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)

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

    def clean_source_1(self):
        return _with_scheme(self.cleaned_data.get("source_1"))

    def clean_source_2(self):
        return _with_scheme(self.cleaned_data.get("source_2"))

    def clean(self):
        cleaned = super().clean()
        country = cleaned.get("country")
        if cleaned.get("subdivision") and country and country.code != MEXICO:
            self.add_error(
                "subdivision",
                forms.ValidationError(
                    _(
                        "This state is in Mexico: choose Mexico as the country, or "
                        "write the state or province below."
                    ),
                    code="not_in_country",
                ),
            )
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
        # Counted from when the form was first shown: a re-shown form keeps its time.
        wait = settings.CONTRIBUTION_MIN_FILL_SECONDS - (time.time() - float(started))
        if wait > 0:
            seconds = math.ceil(wait)
            raise forms.ValidationError(
                ngettext(
                    "The form was sent too quickly: wait %(seconds)d second and send it again.",
                    "The form was sent too quickly: wait %(seconds)d seconds and send it again.",
                    seconds,
                )
                % {"seconds": seconds},
                code="too_fast",
            )
        return cleaned


def _messages(field) -> dict:
    """The site's messages for the codes this field can raise."""
    chosen = {"required": MESSAGES["required"]}
    if isinstance(field, forms.CharField):
        chosen |= {k: MESSAGES[k] for k in ("min_length", "max_length")}
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        chosen["invalid_choice"] = MESSAGES["invalid_choice"]
    if isinstance(field, forms.ModelMultipleChoiceField):
        chosen["invalid_list"] = MESSAGES["invalid_list"]
    if isinstance(field, forms.BooleanField):
        chosen["required"] = _("Please tick this box to send the form.")
    if isinstance(field, forms.EmailField):
        chosen["invalid"] = _("Please give an email address such as name@example.org.")
    return chosen


def _with_scheme(url: str | None) -> str | None:
    """An address typed without its scheme ("www.gob.mx/…") is read as https."""
    if url and "://" not in url:
        return f"https://{url}"
    return url


def _themes_by_group() -> list:
    """Themes under their broad theme (the tree's first level), for a form that
    shows a few short lists rather than one of twenty-six; broad themes without
    narrower ones together at the end."""
    groups: dict = {}
    for theme in Theme.objects.select_related("parent"):
        groups.setdefault(theme.parent or theme, []).append(theme)
    grouped, alone = [], []
    for top, members in sorted(groups.items(), key=lambda item: fold(item[0].label())):
        if len(members) == 1:
            alone.append((top.slug, top.label()))
            continue
        choices = sorted(
            ((t.slug, t.label()) for t in members),
            key=lambda choice, top=top: (choice[0] != top.slug, fold(choice[1])),
        )
        grouped.append((top.label(), choices))
    if alone:
        grouped.append(
            (str(_("Other themes")), sorted(alone, key=lambda c: fold(c[1])))
        )
    return grouped
