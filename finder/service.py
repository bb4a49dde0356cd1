"""The finder service: a context in, ranked practices with their reasons out. What
the finder's page, brief and API call."""

from dataclasses import dataclass

from search.finder import FinderMatch, FinderQuery, find_practices
from search.labels import facet_labels

from .aims import aim_named
from .context import FinderContext
from .facts import PracticeFacts, practice_facts, region_of
from .reasons import Reason, reasons_for

RESULTS_SHOWN = 10


@dataclass
class FoundPractice:
    match: FinderMatch
    reasons: list[Reason]
    facts: PracticeFacts | None

    @property
    def hit(self):
        return self.match.hit


@dataclass
class FinderAnswer:
    context: FinderContext
    practices: list[FoundPractice]
    took_ms: int


def finder_query(context: FinderContext, size: int = RESULTS_SHOWN) -> FinderQuery:
    return FinderQuery(
        text=context.problem,
        lang=context.lang,
        country=context.country or None,
        subdivision=context.subdivision or None,
        region=region_of(context.country),
        level=context.level or None,
        regulated_party=context.party or None,
        aims={value: aim_named(value).slugs for value in context.improve},
        size=size,
    )


def find_for(context: FinderContext, size: int = RESULTS_SHOWN) -> FinderAnswer:
    """Raises search.service.SearchUnavailable when the node cannot answer."""
    results = find_practices(finder_query(context, size))
    facts = practice_facts([(m.hit.id, m.hit.language) for m in results.matches])
    labels = facet_labels()
    found = [
        FoundPractice(
            match,
            reasons_for(match, facts.get(match.hit.id), context, labels),
            facts.get(match.hit.id),
        )
        for match in results.matches
    ]
    return FinderAnswer(context, found, results.took_ms)
