"""The form's options in the reader's language, from the repertory's vocabularies
(practices/facets.py via search.labels) and the finder's own bands and aims."""

from django.utils.translation import gettext as _

from kb.text import fold
from search.labels import facet_labels
from taxonomy.models import Subdivision

from .aims import AIMS
from .assets import ASSETS
from .context import BANDS, LEVELS, FinderContext

# The form offers states of these countries' region, and of the chosen country.
HOME_REGION = "latin-america-caribbean"
FIRST_COUNTRY = "MX"
# The General Transparency Act's regulated parties (art. 23), in the law's order.
PARTIES = (
    "executive",
    "legislative",
    "judicial",
    "autonomous-bodies",
    "political-parties",
    "trade-unions",
    "trusts-public-funds",
    "public-resources-recipients",
)


def form_choices(context: FinderContext) -> dict:
    lang = context.lang
    labels = facet_labels()
    countries = sorted(
        ((code, label.text(lang)) for code, label in labels["country"].items()),
        key=lambda item: (item[0] != FIRST_COUNTRY, fold(item[1])),
    )
    country_names = dict(countries)
    return {
        "levels": [
            (v, labels["level"][v].text(lang)) for v in LEVELS if v in labels["level"]
        ],
        "parties": [
            (v, labels["regulated_party"][v].text(lang))
            for v in PARTIES
            if v in labels["regulated_party"]
        ],
        "countries": countries,
        "subdivisions": _subdivisions(context, labels, country_names),
        "bands": {
            name: [(v, str(label)) for v, label in bands]
            for name, bands in BANDS.items()
        },
        "aims": AIMS,
        "assets": ASSETS,
        "no_answer": _("Not given"),
    }


def _subdivisions(context, labels, country_names) -> list[tuple[str, str, list]]:
    """(country code, country name, [(code, name)]) for the home region's countries
    and the chosen one, the chosen (or Mexico) first."""
    wanted = Subdivision.objects.filter(parent_code="").filter(
        country__region__slug=HOME_REGION
    ) | Subdivision.objects.filter(parent_code="", country__code=context.country or "")
    grouped: dict[str, list] = {}
    for code, country in wanted.values_list("code", "country__code"):
        label = labels["subdivision"].get(code)
        if label:
            grouped.setdefault(country, []).append((code, label.text(context.lang)))
    first = context.country or FIRST_COUNTRY
    return [
        (
            country,
            country_names.get(country, country),
            sorted(items, key=lambda i: fold(i[1])),
        )
        for country, items in sorted(
            grouped.items(),
            key=lambda item: (item[0] != first, fold(country_names.get(item[0], ""))),
        )
    ]
