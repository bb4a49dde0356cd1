"""The shading of the maps: class bounds, classes, and the SVG each place gets."""

import re

import pytest
from django.utils import translation

from pages.choropleth import Place, choropleth, class_bounds, css_class_for, outlines


def test_class_bounds_split_places_by_quantile():
    assert class_bounds([1, 1, 2, 3, 5, 8, 13, 40]) == [1, 3, 8, 40]
    assert class_bounds([0, 0]) == []
    assert class_bounds([7]) == [7]
    assert class_bounds([2, 2, 2, 2, 9]) == [2, 9]


def test_each_count_gets_the_class_of_its_bound():
    bounds = [1, 3, 8, 40]
    assert [css_class_for(n, bounds) for n in (0, 1, 2, 3, 4, 40)] == [
        "map-none",
        "map-c1",
        "map-c2",
        "map-c2",
        "map-c3",
        "map-c4",
    ]


def test_every_country_and_mexican_state_has_an_outline():
    world = {shape["code"] for shape in outlines("world")["shapes"]}
    assert {"MX", "BR", "US", "FR", "ZA", "IN", "AU"} <= world
    states = {shape["code"] for shape in outlines("mexico")["shapes"]}
    assert len(states) == 32 and "MX-CMX" in states and "MX-JAL" in states


def test_the_svg_shades_places_and_names_them():
    result = choropleth(
        "mexico",
        [Place("MX-JAL", "Jalisco", 3), Place("MX-OAX", "Oaxaca <b>", 1)],
        "Mapa de México",
        "mx-title",
    )
    svg = str(result.svg)
    assert 'role="img" aria-labelledby="mx-title"' in svg
    assert '<title id="mx-title">Mapa de México</title>' in svg
    assert 'class="map-c2"><title>Jalisco: 3</title>' in svg
    assert "Oaxaca &lt;b&gt;: 1" in svg  # labels are escaped
    assert svg.count('class="map-none"') == 30
    assert [p.code for p in result.places] == ["MX-JAL", "MX-OAX"]


def test_places_with_practices_link_to_their_search():
    result = choropleth(
        "mexico",
        [Place("MX-JAL", "Jalisco", 3), Place("MX-OAX", "Oaxaca", 0)],
        "Mapa",
        "t",
        link=lambda code: f"/buscar/?subdivision={code}",
    )
    svg = str(result.svg)
    assert svg.count("data-href=") == 1
    assert 'data-href="/buscar/?subdivision=MX-JAL"' in svg


PATH = re.compile(r"M(-?\d+) (-?\d+)l((?:-?\d+ ?-?\d+ ?)*)z")
NUMBER = re.compile(r"-?\d+")


@pytest.mark.parametrize("name", ["world", "mexico"])
def test_every_path_of_both_maps_is_valid_svg_with_rings_of_three_points(name):
    """No "M959 663lz": every ring parses and has at least three distinct points."""
    for shape in outlines(name)["shapes"]:
        d = shape["d"]
        rings = PATH.findall(d)
        assert rings, shape["code"]
        assert "".join(m.group(0) for m in PATH.finditer(d)) == d, shape["code"]
        for x, y, steps in rings:
            numbers = [int(n) for n in NUMBER.findall(steps)]
            assert len(numbers) % 2 == 0, shape["code"]
            points = {(int(x), int(y))}
            px, py = int(x), int(y)
            for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
                px, py = px + dx, py + dy
                points.add((px, py))
            assert len(points) >= 3, (shape["code"], d)


def test_unshaded_places_are_named_in_the_language_of_the_page():
    with translation.override("es"):
        spanish = str(choropleth("world", [], "Mapa", "w").svg)
    with translation.override("en"):
        english = str(choropleth("world", [], "Map", "w").svg)
    assert "<title>Estados Unidos: ninguna</title>" in spanish
    assert "United States" not in spanish
    assert "<title>United States: none</title>" in english
    with translation.override("es"):
        mexico = str(choropleth("mexico", [], "Mapa", "m").svg)
    assert "<title>Ciudad de México: ninguna</title>" in mexico
    assert "Mexico City" not in mexico
