"""Full, dated dumps of the dataset, each with its SHA-256, for the open data page.

`manage.py export_practices --dump` writes them; old dumps are kept, so a study
can cite the exact file it used.
"""

import datetime
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from .columns import practice_row
from .loading import PageAddresses, all_practice_keys, practice_groups
from .writers import csv_header, csv_lines, jsonl_lines

DUMP_NAME = re.compile(r"^repertorio-practices-(\d{4}-\d{2}-\d{2})\.(csv|jsonl)$")
DUMP_LANGUAGE = "es"


@dataclass(frozen=True)
class Dump:
    name: str
    day: datetime.date
    file_format: str
    size: int
    sha256: str


def dump_directory() -> Path:
    return Path(settings.OPEN_DATA_DUMP_DIR)


def write_dumps(day: datetime.date | None = None, directory: Path | None = None):
    """Write the CSV and JSON Lines dumps of every live practice; return them."""
    directory = directory or dump_directory()
    directory.mkdir(parents=True, exist_ok=True)
    day = day or datetime.date.today()
    written = []
    for file_format in ("csv", "jsonl"):
        name = f"repertorio-practices-{day.isoformat()}.{file_format}"
        written.append(_write(directory, name, file_format))
    return written


def _write(directory: Path, name: str, file_format: str) -> Dump:
    digest = hashlib.sha256()
    temporary = directory / f".{name}.partial"
    url_for = PageAddresses()
    with open(temporary, "wb") as out:

        def emit(text: str) -> None:
            data = text.encode("utf-8")
            digest.update(data)
            out.write(data)

        if file_format == "csv":
            emit(csv_header())
        write = csv_lines if file_format == "csv" else jsonl_lines
        for keys in all_practice_keys():
            groups = practice_groups(keys, lang=DUMP_LANGUAGE, url_for=url_for)
            emit(write(practice_row(group) for group in groups))
    os.replace(temporary, directory / name)
    (directory / f"{name}.sha256").write_text(f"{digest.hexdigest()}  {name}\n")
    return _dump(directory, name)


def _dump(directory: Path, name: str) -> Dump | None:
    match = DUMP_NAME.match(name)
    checksum = directory / f"{name}.sha256"
    if not match or not checksum.is_file() or not (directory / name).is_file():
        return None
    return Dump(
        name=name,
        day=datetime.date.fromisoformat(match.group(1)),
        file_format=match.group(2),
        size=(directory / name).stat().st_size,
        sha256=checksum.read_text().split()[0],
    )


def list_dumps(directory: Path | None = None) -> list[Dump]:
    """The finished dumps (those with a checksum), newest first."""
    directory = directory or dump_directory()
    if not directory.is_dir():
        return []
    dumps = [_dump(directory, path.name) for path in directory.iterdir()]
    return sorted(
        (d for d in dumps if d is not None),
        key=lambda d: (d.day, d.file_format),
        reverse=True,
    )


def find_dump(name: str, directory: Path | None = None) -> Path | None:
    directory = directory or dump_directory()
    if not DUMP_NAME.match(name) or _dump(directory, name) is None:
        return None
    return directory / name
