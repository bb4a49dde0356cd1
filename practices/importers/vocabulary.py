"""The vocabularies an import checks against, read once per import.

Which fields take terms, and from which model, is the facet registry's
(practices/facets.py): a record names terms by the same field as the page.
"""

from dataclasses import dataclass

from practices.facets import EDITABLE_FACETS


@dataclass
class Vocabulary:
    # Page (and record) field -> term value -> term.
    terms: dict[str, dict]

    @classmethod
    def load(cls) -> "Vocabulary":
        return cls(
            {
                facet.field: {
                    getattr(term, facet.key): term
                    for term in facet.vocabulary.objects.all()
                }
                for facet in EDITABLE_FACETS
            }
        )

    def single_fields(self) -> dict[str, dict]:
        return {f.field: self.terms[f.field] for f in EDITABLE_FACETS if not f.multiple}

    def multiple_fields(self) -> dict[str, dict]:
        return {f.field: self.terms[f.field] for f in EDITABLE_FACETS if f.multiple}
