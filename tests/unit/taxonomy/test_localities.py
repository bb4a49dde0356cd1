"""Places named by catalogues resolve to the ISO 3166-2 subdivision they lie in."""

import pycountry
import pytest

from taxonomy.localities import (
    CITY_SUBDIVISIONS,
    SUBDIVISION_ALIASES,
    city_subdivision,
    place_subdivision,
    region_subdivision,
)


@pytest.mark.parametrize(
    "table", [SUBDIVISION_ALIASES, CITY_SUBDIVISIONS], ids=["aliases", "cities"]
)
def test_every_entry_of_the_tables_is_a_real_subdivision_of_its_country(table):
    for (country, name), code in table.items():
        subdivision = pycountry.subdivisions.get(code=code)
        assert subdivision is not None, (country, name, code)
        assert subdivision.country_code == country, (country, name, code)


@pytest.mark.parametrize(
    ("country", "region", "city", "code"),
    [
        # Mexico City by any of its names, in the region or the city field.
        ("MX", "Mexico City", "Mexico City", "MX-CMX"),
        ("MX", "Distrito Federal", "Ciudad de Mexico", "MX-CMX"),
        ("MX", "", "CDMX", "MX-CMX"),
        ("MX", "", "Ciudad de México", "MX-CMX"),
        # A city with no region given.
        ("MX", "", "San Pedro Garza García", "MX-NLE"),
        ("MX", "", "Monterrey", "MX-NLE"),
        # Córdoba: a city of Veracruz, a province of Argentina, a department of Colombia.
        ("MX", "", "Córdoba", "MX-VER"),
        ("AR", "", "Córdoba", "AR-X"),
        ("AR", "Córdoba", "Jesus María", "AR-X"),
        ("CO", "Cordoba", "Montería", "CO-COR"),
        # Buenos Aires: the autonomous city when a city is meant, else the province.
        ("AR", "Buenos Aires", "Buenos Aires", "AR-C"),
        ("AR", "", "Buenos Aires", "AR-C"),
        ("AR", "Buenos Aires Province", "La Plata", "AR-B"),
        ("AR", "Buenos Aires", "", "AR-B"),
        # Mérida: in Yucatán in Mexico, a state of its own in Venezuela.
        ("MX", "", "Mérida", "MX-YUC"),
        ("VE", "", "Mérida", "VE-L"),
        # Regions written the way catalogues write them.
        ("BR", "State of São Paulo", "", "BR-SP"),
        ("EC", "Provinz Pichincha", "Quito", "EC-P"),
        ("CL", "Santiago Metropolitan Region", "Peñalolén", "CL-RM"),
        ("CL", "Bio-Bio (VIII)", "Yungay", "CL-BI"),
        ("VE", "Capital District", "Caracas", "VE-A"),
        ("CO", "", "Pasto- Nariño Colombia.", "CO-NAR"),
    ],
)
def test_places_resolve_to_their_state(country, region, city, code):
    assert place_subdivision(country, region, city) == code


def test_unknown_places_resolve_to_nothing_rather_than_a_guess():
    assert city_subdivision("MX", "Springfield") is None
    assert region_subdivision("MX", "Atlántida") is None
    assert place_subdivision("PR", "", "Fajardo") is None
    assert place_subdivision("", "Jalisco", "") is None
