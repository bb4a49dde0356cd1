"""Which reader handles which --format."""

from collections.abc import Iterable
from pathlib import Path

from ..records.record import ImportFileError, ParsedRow
from .dataset_csv import read_dataset_csv
from .jsonl import read_jsonl
from .ogp import read_ogp
from .participedia import read_participedia, read_participedia_joined

# csv: a file exported from Repertorio's open data (the search export or a dump).
FORMATS = ("ogp", "participedia", "jsonl", "csv")


def row_reader(format_name: str, path: Path, facets_path: Path | None = None):
    """A function that reads the file from the start each time it is called."""
    if format_name not in FORMATS:
        raise ImportFileError(
            f"unknown format {format_name!r}; use one of {', '.join(FORMATS)}"
        )
    if not path.is_file():
        raise ImportFileError(f"no such file: {path}")
    if facets_path is not None and format_name != "participedia":
        raise ImportFileError("--facets goes with --format participedia")

    def read() -> Iterable[ParsedRow]:
        if format_name == "ogp":
            return read_ogp(path)
        if format_name == "jsonl":
            return read_jsonl(path)
        if format_name == "csv":
            return read_dataset_csv(path)
        if facets_path is not None:
            return read_participedia_joined(path, facets_path)
        return read_participedia(path)

    return read
