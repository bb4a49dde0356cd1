from django import template
from django.utils.translation import get_language

from pages.models import SitePages
from pages.site_pages import SitePageLink, site_page_links

register = template.Library()


@register.simple_tag
def site_page(role: str) -> SitePageLink | None:
    """The about, privacy or contact page in the current language, if there is one."""
    return site_page_links(get_language() or "es").get(role)


@register.simple_tag
def footer_pages() -> list[SitePageLink]:
    links = site_page_links(get_language() or "es")
    return [links[role] for role in SitePages.ROLES if role in links]
