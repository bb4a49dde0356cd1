"""Turn the @svg-maps outlines (npm, CC BY 4.0, from MapSVG) into compact map data.

    npm ci && .venv/bin/python scripts/build_maps.py

writes pages/maps/world.json (countries by ISO 3166-1 alpha-2) and
pages/maps/mexico.json (states by ISO 3166-2). The outlines are simplified for the
size they are shown at: points closer than TOLERANCE to the last kept point are
dropped, islands smaller than MIN_RING are dropped unless they are all a place has,
and coordinates are written as integers on a grid SCALE times finer than the
original viewBox. The site reads only the JSON; Node is not needed to run it.
"""

import json
import re
import sys
from pathlib import Path

from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "node_modules/@svg-maps"
OUTPUT = ROOT / "pages/maps"
SCALE = 2
TOLERANCE = (
    4.0  # two source pixels; the maps are shown at about 0.7 of their source size
)
MIN_RING = 8.0

MAPS = {
    "world": {"code": lambda source_id: source_id.upper()},
    "mexico": {"code": lambda source_id: f"MX-{source_id.upper()}"},
}
# Names the outlines give in English where Spanish differs; countries take theirs
# from CLDR (babel) in both languages.
MEXICO_NAMES_ES = {"MX-CMX": "Ciudad de México"}
TOKEN = re.compile(r"[MmLlZz]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def read_package(name: str) -> dict:
    text = (SOURCES / name / "index.js").read_text()
    return json.loads(text[text.index("{") : text.rindex("}") + 1])


def rings(path: str) -> list[list[tuple[float, float]]]:
    """Absolute points of each closed ring of a path made of M, L and Z commands."""
    result, ring = [], []
    x = y = start_x = start_y = 0.0
    command = "M"
    pieces = TOKEN.findall(path)
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        if piece in "MmLlZz":
            if piece in "Zz":
                if ring:
                    result.append(ring)
                ring = []
                # Closing returns to the ring's first point; a relative moveto
                # after it starts from there.
                x, y = start_x, start_y
            else:
                command = piece
            index += 1
            continue
        first, second = float(pieces[index]), float(pieces[index + 1])
        index += 2
        if command in "ml":
            x, y = x + first, y + second
        else:
            x, y = first, second
        if command in "Mm":
            if ring:
                result.append(ring)
            ring = []
            start_x, start_y = x, y
        ring.append((x * SCALE, y * SCALE))
        # Coordinates after a moveto are linetos of the same kind.
        command = {"M": "L", "m": "l"}.get(command, command)
    if ring:
        result.append(ring)
    return result


def simplify(ring: list[tuple[float, float]]) -> list[tuple[int, int]]:
    kept = [ring[0]]
    for point in ring[1:]:
        last = kept[-1]
        if abs(point[0] - last[0]) + abs(point[1] - last[1]) >= TOLERANCE:
            kept.append(point)
    return [(round(px), round(py)) for px, py in kept]


def extent(ring) -> float:
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return (max(xs) - min(xs)) + (max(ys) - min(ys))


def distinct(ring: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ring without repeated consecutive points (nor a last point equal to the first)."""
    kept = [point for index, point in enumerate(ring) if point != ring[index - 1]]
    return kept if len(ring) > 1 else ring


def marker(ring: list[tuple[float, float]]) -> list[tuple[int, int]]:
    """A small square where a place is too small to draw (Andorra, Tuvalu...)."""
    x = round(sum(p[0] for p in ring) / len(ring))
    y = round(sum(p[1] for p in ring) / len(ring))
    return [(x - 1, y - 1), (x + 1, y - 1), (x + 1, y + 1), (x - 1, y + 1)]


def drawable(ring: list[tuple[float, float]]) -> list[tuple[int, int]]:
    """A ring of at least three distinct points: simplified, else as is, else a marker.

    Simplification alone can leave a ring of one point, written "M959 663lz", which
    browsers reject as an invalid path.
    """
    for candidate in (simplify(ring), [(round(x), round(y)) for x, y in ring]):
        points = distinct(candidate)
        if len(points) >= 3:
            return points
    return marker(ring)


def path_data(source_path: str) -> str:
    source_rings = [ring for ring in rings(source_path) if ring]
    large = [ring for ring in source_rings if extent(ring) >= MIN_RING]
    chosen = large or sorted(source_rings, key=extent, reverse=True)[:1]
    parts = []
    for ring in chosen:
        points = drawable(ring)
        (x0, y0), rest = points[0], points[1:]
        steps = []
        px, py = x0, y0
        for x, y in rest:
            steps.append(f"{x - px} {y - py}")
            px, py = x, y
        parts.append(f"M{x0} {y0}l" + " ".join(steps) + "z")
    return "".join(parts).replace(" -", "-")


def place_names(code: str, source_name: str) -> dict[str, str]:
    """The place's name in Spanish and English, for the tooltips of each language."""
    if code.startswith("MX-"):
        return {
            "name_es": MEXICO_NAMES_ES.get(code, source_name),
            "name_en": source_name,
        }
    names = {}
    for language in ("es", "en"):
        names[f"name_{language}"] = Locale(language).territories.get(code, source_name)
    return names


def build(name: str) -> Path:
    package = read_package(name)
    _x, _y, width, height = (float(v) for v in package["viewBox"].split())
    shapes = []
    for location in package["locations"]:
        code = MAPS[name]["code"](location["id"])
        shapes.append(
            {"code": code, **place_names(code, location["name"])}
            | {"d": path_data(location["path"])}
        )
    data = {
        "source": f"@svg-maps/{name} (MapSVG, CC BY 4.0)",
        "width": round(width * SCALE),
        "height": round(height * SCALE),
        "shapes": sorted(shapes, key=lambda shape: shape["code"]),
    }
    OUTPUT.mkdir(parents=True, exist_ok=True)
    target = OUTPUT / f"{name}.json"
    target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    return target


def main() -> int:
    if not SOURCES.exists():
        print(f"{SOURCES} is missing: run `npm ci` first", file=sys.stderr)
        return 1
    for name in MAPS:
        target = build(name)
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
