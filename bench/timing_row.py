"""One line of a small timing table: count, median, p95 (nearest rank) and max."""

import statistics


def timing_row(
    name: str, millis: list[float], *, width: int, cell: int, places: int
) -> str:
    ordered = sorted(millis)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return (
        f"{name:<{width}} {len(millis):>5} {statistics.median(millis):>{cell}.{places}f} "
        f"{p95:>{cell}.{places}f} {max(millis):>{cell}.{places}f}"
    )
