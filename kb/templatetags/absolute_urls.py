"""`{% page_absolute_url page %}`: a page's full URL on the host the reader reached
(kb/absolute_urls.py), for alternate and canonical links."""

from django import template

from kb.absolute_urls import page_url

register = template.Library()


@register.simple_tag(takes_context=True)
def page_absolute_url(context, page) -> str:
    return page_url(page, context.get("request")) or ""
