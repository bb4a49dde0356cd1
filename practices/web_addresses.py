"""The one rule for a source's web address, shared by the contribution form, the
importers, the practice model and the link checker."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _


@deconstructible
class SourceURLValidator(URLValidator):
    """An http(s) URL with no backslash and no user name or password.

    Django's URLValidator accepts `http://127.0.0.1:9200\\@example.com/`, whose host
    is example.com to urlsplit but 127.0.0.1 to requests and to browsers: a URL
    whose host depends on who reads it is refused.
    """

    ambiguous_message = _(
        "Give a web address without a backslash, user name or password."
    )

    def __init__(self, **kwargs):
        super().__init__(schemes=["http", "https"], **kwargs)

    def __call__(self, value):
        if isinstance(value, str) and ("\\" in value or "@" in _netloc(value)):
            raise ValidationError(
                self.ambiguous_message, code="ambiguous", params={"value": value}
            )
        super().__call__(value)


def _netloc(value: str) -> str:
    try:
        return urlsplit(value).netloc
    except ValueError:
        return ""  # malformed: URLValidator says so


validate_source_url = SourceURLValidator()


def is_valid_source_url(url: str) -> bool:
    try:
        validate_source_url(url)
    except ValidationError:
        return False
    return True
