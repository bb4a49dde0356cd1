import csv
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


@pytest.fixture
def ogp_small() -> Path:
    return FIXTURES / "ogp_small.csv"


@pytest.fixture
def write_ogp_csv(tmp_path, ogp_small):
    """Write a variant of the small OGP file: rows edited by a function, or raw text."""

    def write(edit=None, *, text=None, encoding="utf-8", name="ogp.csv") -> Path:
        path = tmp_path / name
        if text is not None:
            path.write_bytes(text.encode(encoding))
            return path
        with open(ogp_small, newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            header, rows = list(reader.fieldnames), list(reader)
        if edit:
            header, rows = edit(header, rows)
        with open(path, "w", newline="", encoding=encoding) as handle:
            writer = csv.DictWriter(handle, fieldnames=header)
            writer.writeheader()
            writer.writerows(rows)
        return path

    return write


def shared_file(name: str) -> Path:
    path = SHARED_DATA / name
    if not path.is_file():
        pytest.skip(
            f"{path} is absent: the real catalogues live in ../shared/data beside the "
            "repository, which a fresh clone does not have"
        )
    return path
