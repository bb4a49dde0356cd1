"""The facet registry: each way practices are classified, declared once.

A `Facet` says what a classification is called (its URL and API parameter, which is
also its field in the search index), which taxonomy model holds its terms, which
field of `PracticePage` holds a practice's values, whether a practice takes several,
how readers name it and where it sits among the search page's filters. The readers
derive everything else from this list:

- search/: the index mapping, the search document, the query and its aggregations,
  the labels, the signal handlers that re-index practices when a term changes;
- practices/: the importers' vocabularies (what a record may name) and the admin
  listing's filters;
- templates: the filter panels and their headings, and the facts of a practice's
  page (`practice_facts`).

It lives in practices/ because it describes practice pages and the importers read it;
search/ reads it too, so dependencies keep pointing one way:
taxonomy ← practices ← search.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from taxonomy import models as taxonomy


@dataclass(frozen=True)
class Term:
    """One value of a facet with its labels in both languages."""

    value: str
    label_es: str
    label_en: str
    order: int = 0
    # The parent term's value, in a hierarchical facet.
    parent: str | None = None


@dataclass(frozen=True)
class Facet:
    """One classification of practices; see the module docstring for its readers."""

    # The URL and API parameter, and the keyword field in the search index.
    name: str
    # What readers call it (translated).
    label: str
    # The PracticePage field holding the terms; a lookup path (`country__region`)
    # for a facet derived from another term.
    field: str
    # Place among the search page's filters, lowest first; also the order of
    # facets in the API and in query strings.
    order: int
    # The taxonomy model of the terms; None when the terms are `fixed_terms`.
    vocabulary: type | None = None
    fixed_terms: tuple[Term, ...] = ()
    # A practice may take several values.
    multiple: bool = False
    # The attribute of a term that is the facet's value (slug, or ISO code).
    key: str = "slug"
    # Editors and importers set it (False: derived from another field).
    editable: bool = True
    # A value implies its ancestors' (`parent`): a practice on open data is also
    # on access to information.
    hierarchical: bool = False
    # Values are the union over all translations of a practice, not its original's.
    across_translations: bool = False
    # Values are codes written in capitals: `?country=mx` means MX.
    upper_case: bool = False
    # The search box suggests its terms as you type.
    in_autocomplete: bool = False
    # Its Spanish and English labels are search synonyms of each other.
    synonyms: bool = True
    # The labels of a practice's terms are searchable words of the practice.
    in_text: bool = True
    # Editors filter the admin's practice listing by it; the desk's collection panel
    # counts practices by it.
    admin_filter: bool = False
    # What it means, beyond its name (the open data codebook); the label if empty.
    description: str = ""
    # Its values are listed from the last term of the vocabulary's order to the
    # first (evidence: strongest first), not by how many practices hold them.
    ranked: bool = False
    # Listed among the facts of a practice's page, each term a link to its search
    # (country and subdivision head the page instead).
    in_facts: bool = False

    def __str__(self):
        return self.name

    def terms(self) -> list[Term]:
        """Every value this facet can take, with labels (reads the database)."""
        if self.vocabulary is None:
            return list(self.fixed_terms)
        terms = self.vocabulary.objects.all()
        if self.hierarchical:
            terms = terms.select_related("parent")
        return [
            Term(
                getattr(term, self.key),
                term.label("es"),
                term.label("en"),
                getattr(term, "sort_order", 0),
                getattr(term.parent, self.key)
                if self.hierarchical and term.parent_id
                else None,
            )
            for term in terms
        ]

    def value_of(self, term) -> str:
        """A term's value; a plain field (`original_language`) holds the value itself."""
        return term if isinstance(term, str) else getattr(term, self.key)

    def term_objects(self, page) -> list:
        """The terms a page holds, following `field` through foreign keys and
        many-to-many relations (prefetched ones are not queried again)."""
        objects = [page]
        for part in self.field.split("__"):
            found = []
            for obj in objects:
                value = getattr(obj, part)
                if value is None:
                    continue
                if hasattr(value, "all"):
                    found.extend(value.all())
                else:
                    found.append(value)
            objects = found
        return objects

    def page_values(self, page) -> list[str]:
        """The values a page holds itself, sorted (no ancestors)."""
        return sorted({self.value_of(term) for term in self.term_objects(page)})

    def record_value(self, page):
        """The value as an interchange record holds it: a list, or one value or None."""
        values = self.page_values(page)
        if self.multiple:
            return values
        return values[0] if values else None

    def ancestry(self) -> dict[int, list[str]]:
        """For a hierarchical facet: each term's value followed by its ancestors'."""
        if not self.hierarchical:
            return {}
        terms = {term.pk: term for term in self.vocabulary.objects.all()}
        chains = {}
        for pk, term in terms.items():
            chain, current = [], term
            while current is not None and getattr(current, self.key) not in chain:
                chain.append(getattr(current, self.key))
                current = terms.get(current.parent_id)
            chains[pk] = chain
        return chains

    def practice_value(self, pages: list, primary, ancestry: dict[int, list[str]]):
        """The value of a practice (a translation group whose original is `primary`),
        as the search document holds it."""
        values: set[str] = set()
        for page in pages if self.across_translations else [primary]:
            for term in self.term_objects(page):
                value = self.value_of(term)
                values.update(ancestry.get(term.pk, [value]) if ancestry else [value])
        if self.multiple:
            return sorted(values)
        return min(values) if values else None


_FACETS = (
    Facet(
        name="theme",
        label=_("Theme"),
        description=_("Policy themes."),
        field="themes",
        order=10,
        vocabulary=taxonomy.Theme,
        multiple=True,
        hierarchical=True,
        in_autocomplete=True,
        admin_filter=True,
        in_facts=True,
    ),
    Facet(
        name="type",
        label=_("Practice type"),
        description=_("Types of practice."),
        field="practice_types",
        order=20,
        vocabulary=taxonomy.PracticeType,
        multiple=True,
        in_autocomplete=True,
        in_facts=True,
    ),
    Facet(
        name="country",
        label=_("Country"),
        description=_("Country (ISO 3166-1 alpha-2)."),
        field="country",
        order=30,
        vocabulary=taxonomy.Country,
        key="code",
        upper_case=True,
        in_autocomplete=True,
        admin_filter=True,
    ),
    Facet(
        name="subdivision",
        label=_("State or province"),
        description=_("State or province (ISO 3166-2)."),
        field="subdivision",
        order=40,
        vocabulary=taxonomy.Subdivision,
        key="code",
        synonyms=False,
    ),
    Facet(
        name="region",
        label=_("Region"),
        description=_("World region (UN M49)."),
        field="country__region",
        order=50,
        vocabulary=taxonomy.Region,
        editable=False,
        in_autocomplete=True,
        in_text=False,
    ),
    Facet(
        name="level",
        label=_("Government level"),
        description=_("Level of government."),
        field="government_level",
        order=60,
        vocabulary=taxonomy.GovernmentLevel,
        in_autocomplete=True,
        in_facts=True,
    ),
    Facet(
        name="regulated_party",
        label=_("Type of regulated party"),
        description=_("Type of regulated party (General Transparency Act, art. 23)."),
        field="regulated_party_type",
        order=65,
        vocabulary=taxonomy.RegulatedPartyType,
        in_facts=True,
    ),
    Facet(
        name="outcome",
        label=_("Outcome"),
        description=_("Kinds of result."),
        field="outcomes",
        order=70,
        vocabulary=taxonomy.Outcome,
        multiple=True,
        in_autocomplete=True,
        admin_filter=True,
        in_facts=True,
    ),
    Facet(
        name="evidence",
        label=_("Evidence"),
        description=_("How well the results are supported."),
        field="evidence_level",
        order=80,
        vocabulary=taxonomy.EvidenceLevel,
        in_text=False,
        admin_filter=True,
        ranked=True,
        in_facts=True,
    ),
    Facet(
        name="status",
        label=pgettext_lazy("practice status", "Status"),
        description=_("Whether the practice goes on."),
        field="status",
        order=90,
        vocabulary=taxonomy.PracticeStatus,
        admin_filter=True,
        in_text=False,
        in_facts=True,
    ),
    # The language a practice was written in; translations (by people or machines)
    # do not change it. "language" below is every language a practice can be read in.
    Facet(
        name="original",
        label=_("Original language"),
        description=_("Language the practice was first written in (ISO 639-1)."),
        field="original_language",
        order=95,
        fixed_terms=(
            Term("es", "Español", "Spanish", 0),
            Term("en", "Inglés", "English", 1),
            Term("pt", "Portugués", "Portuguese", 2),
            Term("fr", "Francés", "French", 3),
            Term("other", "Otro", "Other", 4),
        ),
        editable=False,
        synonyms=False,
        in_text=False,
    ),
    Facet(
        name="language",
        label=_("Language"),
        description=_("Languages the practice is published in."),
        field="locale",
        order=100,
        key="language_code",
        fixed_terms=(
            Term("es", "Español", "Spanish", 0),
            Term("en", "Inglés", "English", 1),
        ),
        multiple=True,
        editable=False,
        across_translations=True,
        synonyms=False,
        in_text=False,
    ),
)

FACETS: tuple[Facet, ...] = tuple(sorted(_FACETS, key=lambda facet: facet.order))
FACET_NAMES: tuple[str, ...] = tuple(facet.name for facet in FACETS)
# The facets a practice's editors and importers set, read from its own fields.
EDITABLE_FACETS: tuple[Facet, ...] = tuple(f for f in FACETS if f.editable)
# The PracticePage relations holding one term, and those holding several: what a
# query reading pages with their terms joins, and what it prefetches.
SINGLE_TERM_RELATIONS: tuple[str, ...] = tuple(
    f.field for f in FACETS if not f.multiple and f.vocabulary
)
MULTIPLE_TERM_RELATIONS: tuple[str, ...] = tuple(
    f.field for f in FACETS if f.multiple and f.vocabulary
)


@dataclass(frozen=True)
class PracticeFact:
    """One facet of a practice's page and the terms the practice holds."""

    facet: Facet
    terms: list


def practice_facts(page) -> list[PracticeFact]:
    """The facets a practice's page lists (`in_facts`) that it has terms for, in the
    registry's order."""
    facts = []
    for facet in FACETS:
        if facet.in_facts and (terms := facet.term_objects(page)):
            facts.append(PracticeFact(facet, terms))
    return facts


def facet_named(name: str) -> Facet:
    for facet in FACETS:
        if facet.name == name:
            return facet
    raise KeyError(name)
