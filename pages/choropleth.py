"""Maps shaded by how many practices each place has, drawn on the server as SVG.

The outlines come from pages/maps/*.json (built by scripts/build_maps.py). Places
are grouped into a few classes by count; each class has a colour and a legend entry.
The SVG is a picture only: the same figures are given as a table next to it.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

MAPS_DIR = Path(__file__).resolve().parent / "maps"
CLASS_COUNT = 4


@dataclass(frozen=True)
class Place:
    code: str
    label: str
    count: int
    # Its search, when the map links places.
    url: str = ""


@dataclass(frozen=True)
class LegendEntry:
    css_class: str
    low: int
    high: int


@dataclass(frozen=True)
class Choropleth:
    svg: SafeString
    legend: list[LegendEntry]
    places: list[Place]  # every place with practices, most first


@cache
def outlines(name: str) -> dict:
    return json.loads((MAPS_DIR / f"{name}.json").read_text())


def shape_name(shape: dict) -> str:
    """The place's name in the language being served (the outlines carry both)."""
    return shape["name_en"] if get_language() == "en" else shape["name_es"]


def class_bounds(counts: list[int], classes: int = CLASS_COUNT) -> list[int]:
    """Upper bounds of up to `classes` groups of positive counts, by quantile.

    [1, 1, 2, 3, 5, 8, 13, 40] -> [1, 3, 8, 40]: each group holds about as many
    places as the others, and the last bound is the largest count.
    """
    values = sorted(count for count in counts if count > 0)
    if not values:
        return []
    bounds = []
    for step in range(1, classes + 1):
        position = round(step * len(values) / classes) - 1
        bound = values[min(len(values) - 1, max(0, position))]
        if not bounds or bound > bounds[-1]:
            bounds.append(bound)
    return bounds


def css_class_for(count: int, bounds: list[int]) -> str:
    if count <= 0:
        return "map-none"
    for index, bound in enumerate(bounds):
        if count <= bound:
            return f"map-c{index + 1}"
    return f"map-c{len(bounds)}"


def legend_for(bounds: list[int]) -> list[LegendEntry]:
    entries, low = [], 1
    for index, bound in enumerate(bounds):
        entries.append(LegendEntry(f"map-c{index + 1}", low, bound))
        low = bound + 1
    return entries


def choropleth(
    name: str,
    places: list[Place],
    title: str,
    title_id: str,
    link: Callable[[str], str] | None = None,
) -> Choropleth:
    """The map `name` with each shape shaded by the count of the place with its code.

    With `link`, shapes of places with practices carry `data-href` (their search), for
    a pointer click; keyboard and screen reader users have the same links in the list
    or table next to the map.
    """
    data = outlines(name)
    by_code = {place.code: place for place in places}
    bounds = class_bounds([place.count for place in places])
    paths = []
    for shape in data["shapes"]:
        place = by_code.get(shape["code"])
        count = place.count if place else 0
        css_class = css_class_for(count, bounds)
        tooltip = (
            f"{place.label}: {count}" if place else f"{shape_name(shape)}: {_('none')}"
        )
        href = (
            format_html(' data-href="{}"', link(shape["code"]))
            if link and count
            else ""
        )
        paths.append(
            format_html(
                '<path d="{}" class="{}"{}><title>{}</title></path>',
                shape["d"],
                css_class,
                href,
                tooltip,
            )
        )
    svg = format_html(
        '<svg class="map" viewBox="0 0 {} {}" role="img" aria-labelledby="{}" '
        'focusable="false"><title id="{}">{}</title>{}</svg>',
        data["width"],
        data["height"],
        title_id,
        title_id,
        title,
        mark_safe("".join(paths)),  # noqa: S308 - each part built by format_html
    )
    ranked = sorted(
        (replace(p, url=link(p.code)) if link else p for p in places if p.count > 0),
        key=lambda p: (-p.count, p.label),
    )
    return Choropleth(svg=svg, legend=legend_for(bounds), places=ranked)
