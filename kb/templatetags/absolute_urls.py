"""Full URLs on the host the reader reached (kb/absolute_urls.py):
`{% page_absolute_url page %}` for alternate and canonical links, `{% absolute_url
path %}` for an address printed as text."""

from django import template

from kb.absolute_urls import absolute_url as full_url
from kb.absolute_urls import page_url

register = template.Library()


@register.simple_tag(takes_context=True)
def page_absolute_url(context, page) -> str:
    return page_url(page, context.get("request")) or ""


@register.simple_tag(takes_context=True)
def absolute_url(context, path: str) -> str:
    return full_url(path, context.get("request"))
