"""The admin's date and slug fields keep what the editor typed.

Wagtail's date picker checks the field when it loses focus and, if the text is not
in its one format (2023-05-17), silently puts today's date in its place: a Spanish
editor who typed a source's date as 17/05/2023 saved 6 December 2026. Without that
check the typed text reaches the form, which reads the admin language's own formats
(17/05/2023 in Spanish) or says the date is not valid.

Wagtail's slug field, on losing focus, drops every letter outside a-z (with
`WAGTAIL_ALLOW_UNICODE_SLUGS` off): a theme typed "niñez-y-adolescencia" was saved
as "niez-y-adolescencia". It now spells the letters out as the slug made from a
title does ("ninez-y-adolescencia").
"""

from django.db import models
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput, SlugInput


class TypedDateInput(AdminDateInput):
    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}


class TransliteratingSlugInput(SlugInput):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.attrs["data-action"] = self.attrs["data-action"].replace(
            "blur->w-slug#slugify", "blur->w-slug#urlify"
        )


def keep_typed_input() -> None:
    register_form_field_override(models.DateField, override={"widget": TypedDateInput})
    register_form_field_override(
        models.SlugField, override={"widget": TransliteratingSlugInput}
    )
