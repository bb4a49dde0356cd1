"""The texts of the real catalogues in ../shared/data, to check we copied no run of them."""

import csv
import os
import sys
from pathlib import Path

from practices.demo.content_checks import ngrams

# Beside the clone (../shared/data), as CI lays it out; REPERTORIO_SHARED_DATA overrides.
SHARED_DATA_DIR = Path(
    os.environ.get("REPERTORIO_SHARED_DATA")
    or Path(__file__).resolve().parents[2].parent / "shared" / "data"
)
MIN_WORDS = 8


def source_ngrams(data_dir: Path = SHARED_DATA_DIR, size: int = 8) -> set[int] | None:
    """Every run of `size` words in the catalogues' text cells; None without the data."""
    files = sorted(data_dir.glob("*.csv")) if data_dir.is_dir() else []
    if not files:
        return None
    csv.field_size_limit(sys.maxsize)
    found: set[int] = set()
    for path in files:
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    if cell.count(" ") >= MIN_WORDS - 1:
                        found |= ngrams(cell, size)
    return found
