"""Template helpers of the finder's pages, and `{% practices_elsewhere page %}` for
practice pages: practices like this one that worked elsewhere."""

from django import template
from django.utils.translation import gettext_lazy as _

from search.finder import practices_elsewhere as find_elsewhere

from ..aims import aim_named
from ..assets import ASSETS
from ..choices import form_choices

register = template.Library()

# What readers call the form's parameters, in error messages.
FIELD_LABELS = {
    "problem": _("The problem, in your own words"),
    "level": _("Government level"),
    "party": _("Type of institution"),
    "country": _("Country"),
    "subdivision": _("State or province"),
    "population": _("Population served"),
    "improve": _("What do you want to improve?"),
    "has": _("What do you already have?"),
    "staff": _("Staff"),
    "budget": _("Budget"),
    "time": _("Time"),
}


@register.simple_tag
def field_label(parameter: str) -> str:
    return str(FIELD_LABELS.get(parameter, parameter))


@register.filter
def error_for(context, parameter: str) -> str:
    return context.error_for(parameter)


@register.simple_tag
def practices_elsewhere(page, size: int = 4):
    """Up to `size` practices like `page` from another state (or country, when the
    page names no state), the better evidenced first; [] when search is down."""
    machine = getattr(page, "machine_translation", None) or {}
    language = machine.get("language") or page.locale.language_code
    place = {
        "country": page.country.code if page.country_id else None,
        "subdivision": page.subdivision.code if page.subdivision_id else None,
    }
    return [
        hit
        for hit, _source in find_elsewhere(
            str(page.translation_key), language, place, size
        )
    ]


@register.simple_tag
def context_facts(context) -> list[tuple[str, str]]:
    """The context an official gave, as (label, value) pairs in their language."""
    choices = form_choices(context)
    named = {
        "level": dict(choices["levels"]),
        "party": dict(choices["parties"]),
        "country": dict(choices["countries"]),
        "subdivision": {
            code: name
            for _country, _name, states in choices["subdivisions"]
            for code, name in states
        },
        **{name: dict(bands) for name, bands in choices["bands"].items()},
    }
    facts = []
    for name in ("level", "party", "country", "subdivision", "population"):
        value = getattr(context, name)
        if value:
            facts.append((field_label(name), named[name].get(value, value)))
    if context.improve:
        facts.append(
            (
                field_label("improve"),
                "; ".join(str(aim_named(v).label) for v in context.improve),
            )
        )
    facts.append((field_label("problem"), context.problem))
    if context.has:
        labels = {asset.value: str(asset.label) for asset in ASSETS}
        facts.append((field_label("has"), "; ".join(labels[v] for v in context.has)))
    for name in ("staff", "budget", "time"):
        value = getattr(context, name)
        if value:
            facts.append((field_label(name), named[name].get(value, value)))
    return facts
