"""Near-duplicate practices, and merging one into another.

Two published pages are candidates when they share a country and a language and
their titles and summaries read alike (rapidfuzz on accent-folded text), unless
both name a state or municipality and these differ. Pages of one translation group
are never paired. Comparing every pair is quadratic, so the
search runs as a daily job (`manage.py find_duplicates`), or as a background task an
editor starts (desk/tasks.py), on DUPLICATE_SEARCH_WORKERS cores; the report reads
the stored pairs. bench/duplicates.py prints how long it takes per group size.

A merge keeps one practice: the other's sources and keywords move over (published
as a new revision of the kept page), the other's pages are unpublished, which takes
them out of the search index through the usual queue, and their URLs redirect
(Wagtail redirects, permanent) to the kept page in the same language.
"""

import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from rapidfuzz import fuzz, process
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import log

from kb.text import fold
from practices.classification import sharing
from practices.models import PracticePage, PracticeSource, SourceCatalogue

from .models import DuplicateCandidate, NotDuplicate

MERGE_ACTION = "desk.merge"
TITLE_WEIGHT = 0.6
THRESHOLD = 80
# Below this title score no summary can lift a pair to THRESHOLD (0.6 × 67 + 0.4 ×
# 100 = 80.2), so summaries are compared only for titles at least this close.
TITLE_CUTOFF = 67
ROWS_PER_BLOCK = 500
# Catalogues whose records carry their own identifiers: two different records of
# one of them are two entries the catalogue keeps apart (two commitments of one
# action plan read alike), so they pair only when their texts are near-identical.
CATALOGUES_WITH_RECORD_IDS = {SourceCatalogue.OGP, SourceCatalogue.PARTICIPEDIA}
NEAR_IDENTICAL = 95


@dataclass
class DuplicatePair:
    first: PracticePage
    second: PracticePage
    title_score: float
    summary_score: float

    @property
    def score(self) -> int:
        return round(
            TITLE_WEIGHT * self.title_score + (1 - TITLE_WEIGHT) * self.summary_score
        )


def sorted_words(text: str) -> str:
    # Sorting once here lets plain `ratio` stand in for `token_sort_ratio`, which
    # would sort both strings again on every one of the n² comparisons.
    return " ".join(sorted(fold(text).split()))


def close_titles(titles: list[str], workers: int) -> Iterator[tuple[int, int, int]]:
    """(i, j, score) for i < j whose titles score at least TITLE_CUTOFF, compared on
    `workers` threads."""
    for start in range(0, len(titles), ROWS_PER_BLOCK):
        scores = process.cdist(
            titles[start : start + ROWS_PER_BLOCK],
            titles,
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=TITLE_CUTOFF,
            dtype=numpy.uint8,
            workers=workers,
        )
        for row, column in zip(*numpy.nonzero(scores), strict=True):
            if column > start + row:
                yield start + int(row), int(column), int(scores[row, column])


def _places_differ(first: PracticePage, second: PracticePage) -> bool:
    """Practices named after their place ("… in Aracaju", "… in Araras") read alike
    but are two practices when both name their state or municipality and these differ."""
    if (
        first.subdivision_id
        and second.subdivision_id
        and first.subdivision_id != second.subdivision_id
    ):
        return True
    if first.municipality and second.municipality:
        return fold(first.municipality) != fold(second.municipality)
    return False


def _separate_records(first: PracticePage, second: PracticePage) -> bool:
    """Two different records of one catalogue that keeps record identifiers."""
    return (
        first.source_catalogue == second.source_catalogue
        and first.source_catalogue in CATALOGUES_WITH_RECORD_IDS
        and first.source_id
        and second.source_id
        and first.source_id != second.source_id
    )


def _dismissed() -> set[frozenset]:
    """The pairs of practices moderators marked as not duplicates."""
    return {
        frozenset(keys)
        for keys in NotDuplicate.objects.values_list("first_key", "second_key")
    }


def find_duplicates(
    threshold: int = THRESHOLD,
    pages: Iterable[PracticePage] | None = None,
    workers: int | None = None,
) -> list[DuplicatePair]:
    """Pairs of live practice pages that look like one practice, most alike first;
    pairs marked "not a duplicate" are left out.

    `workers`: the cores to compare on (DUPLICATE_SEARCH_WORKERS unless given).
    """
    workers = workers or settings.DUPLICATE_SEARCH_WORKERS
    dismissed = _dismissed()
    if pages is None:
        pages = PracticePage.objects.live().select_related("locale", "country")
    groups: dict[tuple, list[PracticePage]] = defaultdict(list)
    for page in pages:
        if page.country_id:
            groups[(page.country_id, page.locale_id)].append(page)
    pairs = []
    for members in groups.values():
        if len(members) < 2:
            continue
        titles = [sorted_words(page.title) for page in members]
        summaries = [fold(page.summary) for page in members]
        for i, j, title_score in close_titles(titles, workers):
            if members[i].translation_key == members[j].translation_key:
                continue
            if _places_differ(members[i], members[j]):
                continue
            pair = DuplicatePair(
                members[i],
                members[j],
                title_score,
                fuzz.token_set_ratio(summaries[i], summaries[j]),
            )
            if pair.score < threshold:
                continue
            if _separate_records(members[i], members[j]) and (
                min(pair.title_score, pair.summary_score) < NEAR_IDENTICAL
            ):
                continue
            keys = frozenset((members[i].translation_key, members[j].translation_key))
            if keys in dismissed:
                continue
            pairs.append(pair)
    pairs.sort(key=lambda pair: (-pair.score, pair.first.title))
    # Two translated practices pair up once per language: show each pair of
    # practices once, at its best score.
    seen, unique = set(), []
    for pair in pairs:
        practices = frozenset((pair.first.translation_key, pair.second.translation_key))
        if practices not in seen:
            seen.add(practices)
            unique.append(pair)
    return unique


@dataclass
class RefreshReport:
    pairs: int
    pages: int
    seconds: float


def refresh_duplicates() -> RefreshReport:
    """Look for duplicates across the collection and store the pairs for the report."""
    started = time.monotonic()
    pages = list(PracticePage.objects.live().select_related("locale", "country"))
    pairs = find_duplicates(pages=pages)
    with transaction.atomic():
        DuplicateCandidate.objects.all().delete()
        DuplicateCandidate.objects.bulk_create(
            DuplicateCandidate(
                first=pair.first,
                second=pair.second,
                title_score=round(pair.title_score),
                summary_score=round(pair.summary_score),
                score=pair.score,
            )
            for pair in pairs
        )
    return RefreshReport(len(pairs), len(pages), time.monotonic() - started)


class MergeRefused(Exception):
    """The merge cannot be done as asked; the message says why, for the editor."""


@dataclass
class MergeResult:
    kept: list[PracticePage]
    retired: list[PracticePage]
    sources_moved: int
    keywords_moved: int
    redirects: list[str]


def can_merge(user, keep: PracticePage, retire: PracticePage) -> bool:
    """Only moderators merge: publishing the kept practice and unpublishing the other."""
    return all(
        page.permissions_for_user(user).can_publish()
        and page.permissions_for_user(user).can_unpublish()
        for page in _group(keep) + _group(retire)
    )


def _group(page: PracticePage) -> list[PracticePage]:
    return list(
        PracticePage.objects.filter(translation_key=page.translation_key)
        .select_related("locale")
        .order_by("pk")
    )


@transaction.atomic
def merge_practices(keep: PracticePage, retire: PracticePage, user) -> MergeResult:
    if keep.translation_key == retire.translation_key:
        raise MergeRefused(_("A practice cannot be merged into itself."))
    if not can_merge(user, keep, retire):
        raise PermissionDenied
    kept_pages = [p for p in _group(keep) if p.live]
    retired_pages = [p for p in _group(retire) if p.live]
    if not kept_pages:
        raise MergeRefused(_("The practice to keep is not published."))
    if any(page.has_unpublished_changes for page in kept_pages):
        raise MergeRefused(
            _(
                "The practice to keep has unpublished changes: publish or discard "
                "them first, so the merge does not publish someone's draft."
            )
        )
    by_locale = {page.locale_id: page for page in kept_pages}
    main = next((p for p in kept_pages if p.pk == keep.pk), kept_pages[0])
    targets = {page.pk: by_locale.get(page.locale_id, main) for page in retired_pages}

    # Sources belong to the practice (all its languages): every kept page gets every
    # retired page's sources. Keywords are words of a language: each goes to the
    # kept page in its language.
    retired_sources = [
        source for page in retired_pages for source in page.sources.all()
    ]
    moved_urls = set()
    keywords_moved = 0
    changed = set()
    for target in kept_pages:
        known_urls = {source.url for source in target.sources.all()}
        for source in retired_sources:
            if source.url in known_urls:
                continue
            target.sources.add(
                PracticeSource(
                    title=source.title,
                    url=source.url,
                    kind=source.kind,
                    date=source.date,
                )
            )
            known_urls.add(source.url)
            moved_urls.add(source.url)
            changed.add(target.pk)
    for page in retired_pages:
        target = next(p for p in kept_pages if p.pk == targets[page.pk].pk)
        known_keywords = {name.lower() for name in target.keywords.names()}
        new_keywords = [
            name for name in page.keywords.names() if name.lower() not in known_keywords
        ]
        if new_keywords:
            target.keywords.add(*new_keywords)
            keywords_moved += len(new_keywords)
            changed.add(target.pk)
    sources_moved = len(moved_urls)
    # Every kept page is written here: none shares its classification on publish.
    with sharing():
        for target in kept_pages:
            if target.pk in changed:
                target.save_revision(user=user, log_action=True).publish(user=user)

    redirects = []
    for page in retired_pages:
        target = targets[page.pk]
        site = page.get_site()
        old_path = Redirect.normalise_path(page.get_url(current_site=site))
        Redirect.objects.filter(old_path=old_path, site=site).delete()
        Redirect.add_redirect(old_path, redirect_to=target, site=site)
        redirects.append(old_path)
        page.unpublish(user=user, log_action=True)
        # Marked, so the admin shows it as merged rather than as an ordinary draft.
        PracticePage.objects.filter(pk=page.pk).update(merged_into=target)
        data = {"kept": target.pk, "kept_title": target.title, "redirect": old_path}
        log(instance=page, action=MERGE_ACTION, user=user, data=data)
        log(instance=target, action=MERGE_ACTION, user=user, data=data)
    return MergeResult(
        kept_pages, retired_pages, sources_moved, keywords_moved, redirects
    )


def mark_not_duplicate(candidate: DuplicateCandidate, user) -> None:
    """Remember that the pair's practices are distinct, and drop the pair."""
    first, second = NotDuplicate.ordered(
        candidate.first.translation_key, candidate.second.translation_key
    )
    with transaction.atomic():
        NotDuplicate.objects.get_or_create(
            first_key=first, second_key=second, defaults={"decided_by": user}
        )
        DuplicateCandidate.objects.filter(pk=candidate.pk).delete()
