"""The vocabularies an import checks against, read once per import.

Which fields take terms, and from which model, is the facet registry's
(practices/facets.py): a record names terms by the same field as the page.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from practices.facets import EDITABLE_FACETS

from .record import PracticeRecord


@dataclass
class Vocabulary:
    # Page (and record) field -> term value -> term.
    terms: dict[str, dict]

    @classmethod
    def load(cls, records: Iterable[PracticeRecord] | None = None) -> "Vocabulary":
        """Every term, or only the terms `records` name (normalised records): one
        practice needs a few terms, not the thousands of subdivisions."""
        records = None if records is None else list(records)
        terms = {}
        for facet in EDITABLE_FACETS:
            found = facet.vocabulary.objects.all()
            if records is not None:
                values = {
                    value
                    for record in records
                    for value in _named(getattr(record, facet.field))
                }
                found = found.filter(**{f"{facet.key}__in": values})
            terms[facet.field] = {getattr(term, facet.key): term for term in found}
        return cls(terms)

    def single_fields(self) -> dict[str, dict]:
        return {f.field: self.terms[f.field] for f in EDITABLE_FACETS if not f.multiple}

    def multiple_fields(self) -> dict[str, dict]:
        return {f.field: self.terms[f.field] for f in EDITABLE_FACETS if f.multiple}


def _named(value) -> list:
    if isinstance(value, list):
        return value
    return [value] if value else []
