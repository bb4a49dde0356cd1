"""`{{ url|choosing_language:"en" }}`: a language switch's link, marked so that the
choice is remembered (kb/language_memory.py)."""

from urllib.parse import urlsplit, urlunsplit

from django import template
from django.utils.http import urlencode

from kb.language_memory import CHOICE

register = template.Library()


@register.filter
def choosing_language(url: str, language: str) -> str:
    parts = urlsplit(url)
    marker = urlencode({CHOICE: language})
    query = f"{parts.query}&{marker}" if parts.query else marker
    return urlunsplit(parts._replace(query=query))
