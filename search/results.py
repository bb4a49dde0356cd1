"""A search's answer as plain data: hits mapped from the node's response.

What a hit holds of a practice's classification follows the facet registry
(practices/facets.py): every facet's values with their labels in the reader's
language, read from the `_source` fields the registry names (`HIT_SOURCE`).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext, ngettext

from kb.text import fold
from practices.facets import FACET_NAMES, FACETS, facet_named

from .filters import SearchFilters

# What a result needs to show a machine translation in the reader's language.
MACHINE_SOURCE = ("machine_titles", "machine_summaries", "machine_urls")
# The fields of a search document a hit is made of: its texts, links and dates,
# and every facet of the registry.
HIT_SOURCE = (
    "id",
    "urls",
    "titles",
    "summaries",
    *MACHINE_SOURCE,
    "original_language",
    "year",
    "documented_results",
    *FACET_NAMES,
)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class PracticeHit:
    id: str
    url: str
    title: str
    summary: str
    highlights: list[str]
    year: int | None
    language: str
    languages: list[str]
    original_language: str = "es"
    # Each facet's values and their labels, by facet name (`practice_hit`); a
    # hierarchical facet's without the ancestors the index adds.
    terms: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    # Results written down and supported by an outside review (practices/evidence.py).
    documented_results: bool = False
    # Shown in the reader's language through a machine translation of the original.
    machine_translated: bool = False
    original_url: str = ""

    def value(self, facet: str) -> str | None:
        """A single-valued facet's value."""
        values = self.terms.get(facet)
        return values[0][0] if values else None

    def label(self, facet: str) -> str:
        """A single-valued facet's label in the reader's language."""
        values = self.terms.get(facet)
        return values[0][1] if values else ""

    # The names the cards and the API read.
    @property
    def country(self) -> str | None:
        return self.value("country")

    @property
    def country_label(self) -> str:
        return self.label("country")

    @property
    def level(self) -> str | None:
        return self.value("level")

    @property
    def level_label(self) -> str:
        return self.label("level")

    @property
    def original_language_label(self) -> str:
        """The language it was written in, named in the reader's language (its
        code when the index has no label for it)."""
        return self.label("original") or self.original_language.upper()

    @property
    def evidence(self) -> str | None:
        return self.value("evidence")

    @property
    def evidence_label(self) -> str:
        return self.label("evidence")

    @property
    def themes(self) -> list[tuple[str, str]]:
        return self.terms.get("theme", [])

    @property
    def outcomes(self) -> list[tuple[str, str]]:
        return self.terms.get("outcome", [])


@dataclass
class SearchResults:
    filters: SearchFilters
    total: int
    took_ms: int
    results: list[PracticeHit]
    facets: dict[str, list[FacetValue]]
    years: list[tuple[int, int]]
    suggestion: str | None
    warnings: list[str] = field(default_factory=list)
    # How many practices with documented results the other selections leave.
    documented_count: int = 0
    # How many practices have no start year, under every selection but the years.
    undated_count: int = 0

    @property
    def undated_shown(self) -> int:
        """How many of the practices found have no start year (they sort last)."""
        return self.undated_count if self.filters.includes_undated else 0

    @property
    def undated_left_out(self) -> int:
        """How many undated practices a year range leaves out."""
        if not self.filters.has_years or self.filters.includes_undated:
            return 0
        return self.undated_count

    @property
    def page_count(self) -> int:
        reachable = min(self.total, 10_000)
        return max(1, -(-reachable // self.filters.page_size))

    def no_such_page(self, requested: int) -> str:
        """What a request for a page past the last is told, in the active language:
        the search page and the API say the same."""
        if self.total == 1:
            return gettext(
                "There is no page %(requested)s: this search has one practice."
            ) % {"requested": requested}
        return ngettext(
            "There is no page %(requested)s: this search has %(total)s practices on "
            "%(pages)s page.",
            "There is no page %(requested)s: this search has %(total)s practices on "
            "%(pages)s pages.",
            self.page_count,
        ) % {"requested": requested, "total": self.total, "pages": self.page_count}


def pick(values: dict, lang: str, fallback: str) -> str:
    """A text in `lang`, else in `fallback`, else in any language it has."""
    return values.get(lang) or values.get(fallback) or next(iter(values.values()), "")


def _own_terms(values: list[str], known: dict) -> list[str]:
    """A hierarchical facet's values less the ancestors the document adds (a
    practice on participatory budgeting is also on citizen participation): what
    its editors chose, for showing."""
    ancestors = {known[v].parent for v in values if v in known}
    return [v for v in values if v in known and v not in ancestors]


def hit_terms(source: dict, lang: str, labels) -> dict[str, list[tuple[str, str]]]:
    """Every facet's values in a document with their labels in `lang`: a value
    without a label is kept for a single-valued facet (its label empty) and left
    out of a multi-valued one, which shows labels only."""
    terms = {}
    for facet in FACETS:
        known = labels.get(facet.name, {})
        values = source.get(facet.name)
        if values is None or values == []:
            continue
        values = values if isinstance(values, list) else [values]
        if facet.hierarchical:
            values = _own_terms(values, known)
        elif facet.multiple:
            values = [v for v in values if v in known]
        terms[facet.name] = [
            (v, known[v].text(lang) if v in known else "") for v in values
        ]
    return terms


def practice_hit(hit: dict, lang: str, labels) -> PracticeHit:
    """One search hit as a reader sees it: in their language when the practice has
    it (or a machine translation), else in its original."""
    source = hit["_source"]
    urls = source.get("urls", {})
    original = source.get("original_language") or "es"
    shown = (
        lang
        if lang in urls
        else (original if original in urls else next(iter(urls or {"es": ""})))
    )
    highlight = hit.get("highlight", {})
    # Snippets in the language the card is shown in, never the other one's: when
    # the words matched only the other language's text, the card shows its summary.
    snippets = highlight.get(f"summary_{shown}") or highlight.get(f"body_{shown}") or []
    title = pick(source.get("titles", {}), shown, original)
    summary = pick(source.get("summaries", {}), shown, original)
    url = source["urls"].get(shown, "")
    machine = shown != lang and lang in source.get("machine_titles", {})
    if machine:
        title = source["machine_titles"][lang]
        summary = source.get("machine_summaries", {}).get(lang, summary)
        url = source.get("machine_urls", {}).get(lang, url)
        snippets = []  # the highlights are in the original language
    return PracticeHit(
        id=source["id"],
        url=url,
        title=title,
        summary=summary,
        highlights=snippets[:3],
        year=source.get("year"),
        language=lang if machine else shown,
        languages=source.get("language", []),
        original_language=original,
        terms=hit_terms(source, lang, labels),
        documented_results=bool(source.get("documented_results")),
        machine_translated=machine,
        original_url=source["urls"].get(shown, "") if machine else "",
    )


def facet_values(
    facet: str, buckets: list[dict], filters: SearchFilters, labels
) -> list[FacetValue]:
    """A facet's counted values, the selected ones always among them."""
    known = labels[facet]
    selected = set(filters.values(facet))
    values = [
        FacetValue(
            value=bucket["key"],
            label=known[bucket["key"]].text(filters.lang)
            if bucket["key"] in known
            else bucket["key"],
            count=bucket["doc_count"],
            selected=bucket["key"] in selected,
        )
        for bucket in buckets
    ]
    present = {v.value for v in values}
    for value in selected - present:
        values.append(FacetValue(value, known[value].text(filters.lang), 0, True))
    if facet_named(facet).ranked:
        # Strongest first, whatever the counts: readers compare levels, not sizes.
        values.sort(key=lambda v: -known[v.value].order if v.value in known else 0)
    else:
        values.sort(key=lambda v: (-v.count, fold(v.label)))
    return values
