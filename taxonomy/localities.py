"""Where a named place lies: the ISO 3166-2 subdivision of a region or a city.

ISO 3166-2 codes states, provinces and departments, not cities, and its names are
the local official ones ("Ciudad de México", "Región Metropolitana de Santiago").
Catalogues write places as people say them, in several languages ("Mexico City",
"Provinz Pichincha", "State of São Paulo"). Two explicit tables bridge the gap:

- `SUBDIVISION_ALIASES`: other names of a subdivision, used for a region field and
  for a city that is itself a subdivision (Mexico City, Bogotá, Montevideo);
- `CITY_SUBDIVISIONS`: cities to the subdivision they lie in, keyed by country
  because the same name is a different place in each: Córdoba is a province and a
  city of Argentina (AR-X), a department of Colombia (CO-COR) and a city of Veracruz
  (MX-VER); Buenos Aires is the autonomous city (AR-C) when a city is meant and the
  province around it (AR-B) otherwise; Mérida is in Yucatán in Mexico and a state
  of its own in Venezuela.

Names are compared folded (lower case, no accents or punctuation). The tables list
the places the catalogues in ../shared/data name; `tests/taxonomy/test_localities.py`
proves every entry is a real code of its country.
"""

import re
from functools import lru_cache

from kb.text import fold

from .geography import subdivision_code_for

# (country, folded name) -> subdivision code
SUBDIVISION_ALIASES = {
    ("AR", "ciudad de buenos aires"): "AR-C",
    ("AR", "caba"): "AR-C",
    ("BO", "la paz department"): "BO-L",
    ("BR", "brasilia"): "BR-DF",
    ("CL", "santiago metropolitan region"): "CL-RM",
    ("CL", "region metropolitana"): "CL-RM",
    ("CL", "santiago metropolitan"): "CL-RM",
    ("CL", "bio bio"): "CL-BI",
    ("CL", "bio bio viii"): "CL-BI",
    ("CL", "region de coquimbo"): "CL-CO",
    ("CL", "region de los rios"): "CL-LR",
    ("CO", "bogota"): "CO-DC",
    ("CO", "bogota dc"): "CO-DC",
    ("CO", "bogota d c"): "CO-DC",
    ("EC", "provinz pichincha"): "EC-P",
    ("EC", "provinz azuay"): "EC-A",
    ("GT", "peten"): "GT-17",
    ("GT", "guatemala city"): "GT-01",
    ("MX", "mexico city"): "MX-CMX",
    ("MX", "ciudad de mexico"): "MX-CMX",
    ("MX", "cdmx"): "MX-CMX",
    ("MX", "distrito federal"): "MX-CMX",
    ("MX", "mexico df"): "MX-CMX",
    ("MX", "mexico d f"): "MX-CMX",
    ("MX", "coahuila"): "MX-COA",
    ("MX", "michoacan"): "MX-MIC",
    ("MX", "veracruz"): "MX-VER",
    ("MX", "estado de mexico"): "MX-MEX",
    ("MX", "edomex"): "MX-MEX",
    ("MX", "df"): "MX-CMX",
    ("PE", "lima metropolitana"): "PE-LMA",
    ("PY", "asuncion"): "PY-ASU",
    ("UY", "montevideo department"): "UY-MO",
    ("VE", "capital district"): "VE-A",
    ("VE", "caracas"): "VE-A",
}

# (country, folded city) -> subdivision code. Cities named in the catalogues without
# their region, and the ambiguous names explained above.
CITY_SUBDIVISIONS = {
    ("AR", "buenos aires"): "AR-C",
    ("AR", "bosque formosa"): "AR-P",
    ("AR", "cordoba"): "AR-X",
    ("AR", "jesus maria"): "AR-X",
    ("AR", "la plata"): "AR-B",
    ("AR", "rafaela"): "AR-S",
    ("AR", "rosario"): "AR-S",
    ("AR", "san lorenzo"): "AR-S",
    ("AR", "santa fe"): "AR-S",
    ("AR", "santiago del estero"): "AR-G",
    ("BO", "cochabamba"): "BO-C",
    ("BR", "alagoinhas"): "BR-BA",
    ("BR", "aracaju"): "BR-SE",
    ("BR", "belo horizonte"): "BR-MG",
    ("BR", "brasilia"): "BR-DF",
    ("BR", "cruz alta"): "BR-RS",
    ("BR", "fortaleza"): "BR-CE",
    ("BR", "ipatinga"): "BR-MG",
    ("BR", "porto alegre"): "BR-RS",
    ("BR", "recife"): "BR-PE",
    ("BR", "rio de janeiro"): "BR-RJ",
    ("BR", "salvador"): "BR-BA",
    ("BR", "sao paulo"): "BR-SP",
    ("CL", "estacion central"): "CL-RM",
    ("CL", "comuna lo espejo"): "CL-RM",
    ("CL", "illapel"): "CL-CO",
    ("CL", "lo espejo"): "CL-RM",
    ("CL", "penalolen"): "CL-RM",
    ("CL", "puente alto"): "CL-RM",
    ("CL", "san antonio"): "CL-VS",
    ("CL", "santiago"): "CL-RM",
    ("CO", "bogota"): "CO-DC",
    ("CO", "cali"): "CO-VAC",
    ("CO", "cordoba"): "CO-COR",
    ("CO", "fusagasuga"): "CO-CUN",
    ("CO", "medellin"): "CO-ANT",
    ("CO", "monteria"): "CO-COR",
    ("CO", "pasto"): "CO-NAR",
    ("CO", "santander de quilichao"): "CO-CAU",
    ("DO", "jarabacoa"): "DO-13",
    ("EC", "cuenca"): "EC-A",
    ("EC", "duran"): "EC-G",
    ("EC", "guayaquil"): "EC-G",
    ("EC", "quito"): "EC-P",
    ("GT", "guatemala city"): "GT-01",
    ("MX", "cordoba"): "MX-VER",
    ("MX", "guadalajara"): "MX-JAL",
    ("MX", "merida"): "MX-YUC",
    ("MX", "mexico city"): "MX-CMX",
    ("MX", "monterrey"): "MX-NLE",
    ("MX", "oaxaca"): "MX-OAX",
    ("MX", "puebla"): "MX-PUE",
    ("MX", "san pedro"): "MX-NLE",
    ("MX", "san pedro garza garcia"): "MX-NLE",
    ("MX", "tijuana"): "MX-BCN",
    ("MX", "xalapa"): "MX-VER",
    ("MX", "zapopan"): "MX-JAL",
    ("PE", "ilo"): "PE-MOQ",
    ("PE", "lima"): "PE-LMA",
    ("PE", "tambo grande"): "PE-PIU",
    ("PE", "villa el salvador"): "PE-LMA",
    ("PY", "encarnacion"): "PY-7",
    ("UY", "montevideo"): "UY-MO",
    ("VE", "caracas"): "VE-A",
    ("VE", "merida"): "VE-L",
}

# A region field that names the capital city rather than the province around it.
CITY_WINS_OVER_REGION = {("AR", "buenos aires")}


def aliased_subdivisions(name: str) -> set[str]:
    """The subdivisions `name` is another name of, in any country ("cdmx",
    "edomex"): the admin's state chooser finds them by it."""
    folded = fold(name)
    return {
        code
        for (_country, alias), code in SUBDIVISION_ALIASES.items()
        if alias == folded
    }


def region_subdivision(country: str, name: str) -> str | None:
    """The subdivision a region field names (ISO 3166-2 name, code or alias)."""
    if not country or not name:
        return None
    return SUBDIVISION_ALIASES.get((country, fold(name))) or subdivision_code_for(
        country, name
    )


@lru_cache(maxsize=4096)
def city_subdivision(country: str, city: str) -> str | None:
    """The subdivision a city lies in: the table first, then a city that is one."""
    if not country or not city:
        return None
    key = fold(city)
    # "Pasto- Nariño Colombia.", "La Plata, Buenos Aires Province": the city comes first.
    first = fold(re.split(r"[,(]| - |- ", city, maxsplit=1)[0])
    for candidate in (key, first):
        if (country, candidate) in CITY_SUBDIVISIONS:
            return CITY_SUBDIVISIONS[(country, candidate)]
    return SUBDIVISION_ALIASES.get((country, key))


def place_subdivision(country: str, region: str, city: str) -> str | None:
    """The subdivision of a place given as region and city fields (either may be empty).

    The region decides, except where its name is also the name of the city (Buenos
    Aires): then the city is meant.
    """
    if (country, fold(region)) in CITY_WINS_OVER_REGION and fold(region) == fold(city):
        return city_subdivision(country, city)
    return region_subdivision(country, region) or city_subdivision(country, city)
