"""The codebook of the dataset, read from the same column list the exporter writes."""

from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .columns import COLUMNS

KINDS = {
    "uuid": _("identifier (UUID)"),
    "url": _("web address"),
    "text": _("text"),
    "code": _("code"),
    "integer": _("whole number"),
    "date": _("date (YYYY-MM-DD)"),
    "datetime": _("date and time (ISO 8601)"),
    "list of codes": _("list of codes, separated by “ | ” in CSV"),
    "list of text": _("list of text, separated by “ | ” in CSV"),
    "list of urls": _("list of web addresses, separated by “ | ” in CSV"),
}


@dataclass(frozen=True)
class CodebookEntry:
    name: str
    heading: str
    kind: Any
    meaning: Any
    vocabulary: str | None
    vocabulary_url: str | None


def codebook() -> list[CodebookEntry]:
    taxonomy = reverse("api-taxonomy")
    return [
        CodebookEntry(
            name=column.name,
            heading=column.title,
            kind=KINDS[column.kind],
            meaning=column.meaning,
            vocabulary=column.vocabulary,
            vocabulary_url=f"{taxonomy}?vocabulary={column.vocabulary}"
            if column.vocabulary
            else None,
        )
        for column in COLUMNS
    ]
