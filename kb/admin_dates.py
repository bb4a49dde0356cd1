"""The admin's date fields keep what the editor typed.

Wagtail's date picker checks the field when it loses focus and, if the text is not
in its one format (2023-05-17), silently puts today's date in its place: a Spanish
editor who typed a source's date as 17/05/2023 saved 6 December 2026. Without that
check the typed text reaches the form, which reads the admin language's own formats
(17/05/2023 in Spanish) or says the date is not valid.
"""

from django.db import models
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput


class TypedDateInput(AdminDateInput):
    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}


def keep_typed_dates() -> None:
    register_form_field_override(models.DateField, override={"widget": TypedDateInput})
