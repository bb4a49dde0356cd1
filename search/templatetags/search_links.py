"""`{% search_url %}`: a link to the search page, built by the filter object.

Templates never write `?theme=…` by hand: they name the search and the filter
object (`SearchFilters.url_with`) writes its query string, so a link from a
practice or the home page reads exactly as one made on the search page.

    {% search_url theme=v.value %}                 a facet value by its name
    {% search_url country="MX" subdivision=code %} several facets
    {% search_url fact.facet term %}               a registry facet and one of its
                                                   terms (practices/facets.py)
    {% search_url q=keyword.name %}                words
"""

from django import template
from django.urls import reverse

from practices.facets import FACET_NAMES, Facet

from ..filters import SearchFilters

register = template.Library()


@register.simple_tag
def search_url(facet: Facet | str | None = None, term=None, *, q: str = "", **values):
    """The search page in the current language, for `q` and the facet values given.

    A facet named positionally takes `term`, a taxonomy term or its value; the
    others come as `name=value`. An unknown facet name is a template error, not a
    link the search page would ignore.
    """
    selected: dict[str, tuple[str, ...]] = {}
    if facet is not None:
        if isinstance(facet, Facet):
            selected[facet.name] = (facet.value_of(term),)
        else:
            values = {facet: term, **values}
    for name, value in values.items():
        if name not in FACET_NAMES:
            raise template.TemplateSyntaxError(f"search_url: no facet {name!r}")
        if value not in (None, ""):
            selected[name] = (str(value),)
    return SearchFilters(q=q, selected=selected).url_with(reverse("search"))
