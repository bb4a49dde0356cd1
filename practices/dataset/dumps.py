"""Full, dated dumps of the dataset, each with its SHA-256, for the open data page.

`manage.py export_practices --dump` writes them; old dumps are kept, so a study
can cite the exact file it used. Each day has the machines' files (CSV with the
columns' codes and JSON Lines, labels in Spanish) and, per language, the readers'
CSV: headings and labels in that language, with the byte order mark Excel needs to
read UTF-8 ("repertorio-practices-2026-01-31.en.csv").
"""

import datetime
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import translation

from kb.translations import site_languages

from .columns import practice_row
from .loading import PageAddresses, all_practice_keys, practice_groups
from .writers import csv_header, csv_lines, jsonl_lines

DUMP_NAME = re.compile(
    r"^repertorio-practices-(\d{4}-\d{2}-\d{2})\.(?:([a-z]{2})\.(?=csv$))?(csv|jsonl)$"
)
# The language of the machines' files (their labels and URLs).
DUMP_LANGUAGE = "es"


@dataclass(frozen=True)
class Dump:
    name: str
    day: datetime.date
    file_format: str
    size: int
    sha256: str
    # The language of a readers' CSV (headings, labels, BOM); "" for the machines'
    # files, whose CSV header holds the columns' codes.
    headings: str = ""

    @property
    def has_bom(self) -> bool:
        return bool(self.headings)


def dump_directory() -> Path:
    return Path(settings.OPEN_DATA_DUMP_DIR)


def dump_name(day: datetime.date, file_format: str, headings: str = "") -> str:
    language = f"{headings}." if headings else ""
    return f"repertorio-practices-{day.isoformat()}.{language}{file_format}"


def write_dumps(day: datetime.date | None = None, directory: Path | None = None):
    """Write the dumps of every live practice: CSV with codes, JSON Lines, and a
    readers' CSV per language; return them."""
    directory = directory or dump_directory()
    directory.mkdir(parents=True, exist_ok=True)
    day = day or datetime.date.today()
    kinds = [("csv", ""), ("jsonl", "")] + [("csv", lang) for lang in site_languages()]
    return [
        _write(directory, dump_name(day, file_format, headings), file_format, headings)
        for file_format, headings in kinds
    ]


def _write(directory: Path, name: str, file_format: str, headings: str) -> Dump:
    digest = hashlib.sha256()
    temporary = directory / f".{name}.partial"
    url_for = PageAddresses()
    lang = headings or DUMP_LANGUAGE
    with open(temporary, "wb") as out, translation.override(lang):

        def emit(text: str) -> None:
            data = text.encode("utf-8")
            digest.update(data)
            out.write(data)

        if file_format == "csv":
            emit(csv_header(bom=bool(headings), headings=bool(headings)))
        write = csv_lines if file_format == "csv" else jsonl_lines
        for keys in all_practice_keys():
            groups = practice_groups(keys, lang=lang, url_for=url_for)
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
        file_format=match.group(3),
        size=(directory / name).stat().st_size,
        sha256=checksum.read_text().split()[0],
        headings=match.group(2) or "",
    )


def list_dumps(directory: Path | None = None) -> list[Dump]:
    """The finished dumps (those with a checksum), newest first."""
    directory = directory or dump_directory()
    if not directory.is_dir():
        return []
    dumps = [_dump(directory, path.name) for path in directory.iterdir()]
    return sorted(
        (d for d in dumps if d is not None),
        key=lambda d: (d.day, d.file_format, d.headings),
        reverse=True,
    )


def latest_dump(file_format: str, headings: str = "") -> Dump | None:
    """The newest finished dump of that kind."""
    return next(
        (
            d
            for d in list_dumps()
            if d.file_format == file_format and d.headings == headings
        ),
        None,
    )


def latest_dumps_for_reader(lang: str) -> list[Dump]:
    """The newest day's dumps in the order a reader in `lang` wants them: the CSV
    in their language, the other readers' CSV, then the machines' files."""
    dumps = list_dumps()
    if not dumps:
        return []
    newest = [d for d in dumps if d.day == dumps[0].day]
    return sorted(
        newest,
        key=lambda d: (
            not d.headings,
            d.headings != lang,
            d.file_format != "csv",
        ),
    )


def find_dump(name: str, directory: Path | None = None) -> Path | None:
    directory = directory or dump_directory()
    if not DUMP_NAME.match(name) or _dump(directory, name) is None:
        return None
    return directory / name
