"""One classification per practice, shared by all its languages.

A practice is one page per language (same `translation_key`). What it is about and
where it happened (its facets, place, years and sources) is a fact of the practice,
not of one language's text, so every page of the practice holds the same values.
Editors may change them on any language's page: when that page is published, the
classification goes to its translations too (their live version is published again
with it, and a pending draft gets it as well, so nobody's draft goes live).

Keywords are words of a language: they are shared as a set of meanings. A keyword
added on one page is added to the others machine-translated, one removed is removed
from them (with its translation), and a keyword that is already the translation of
one on the other page is not added twice.

The fields shared are declared once here, derived from the facet registry.
"""

import contextlib
import contextvars
from collections.abc import Iterable
from dataclasses import dataclass

from wagtail.models import PageLogEntry

from .facets import EDITABLE_FACETS
from .models import PracticePage, PracticeSource
from .translation import translate_terms

# Single-valued terms (foreign keys) and multi-valued ones (many-to-many).
TERM_FIELDS = tuple(f.field for f in EDITABLE_FACETS if f.vocabulary and not f.multiple)
TERMS_FIELDS = tuple(f.field for f in EDITABLE_FACETS if f.vocabulary and f.multiple)
PLAIN_FIELDS = ("municipality", "start_year", "end_year")
SOURCE_FIELDS = ("title", "url", "kind", "date")
# Every field that belongs to the practice rather than one language's page.
SHARED_FIELDS = (*TERM_FIELDS, *TERMS_FIELDS, *PLAIN_FIELDS, "sources", "keywords")

# Set while the classification is being written to translations, so their own
# publication does not send it back.
_sharing = contextvars.ContextVar("practices_sharing_classification", default=False)


@contextlib.contextmanager
def sharing():
    """Publications inside this block do not share their classification (the caller
    writes every page of the practice itself)."""
    token = _sharing.set(True)
    try:
        yield
    finally:
        _sharing.reset(token)


@dataclass(frozen=True)
class Classification:
    """A page's shared values, comparable: ids, plain values and sources."""

    terms: tuple
    plain: tuple
    sources: tuple

    @classmethod
    def of(cls, page: PracticePage) -> "Classification":
        terms = tuple(getattr(page, f"{name}_id") for name in TERM_FIELDS) + tuple(
            tuple(sorted(term.pk for term in getattr(page, name).all()))
            for name in TERMS_FIELDS
        )
        return cls(
            terms=terms,
            plain=tuple(getattr(page, name) for name in PLAIN_FIELDS),
            sources=tuple(_source_values(source) for source in page.sources.all()),
        )


def _source_values(source: PracticeSource) -> tuple:
    return tuple(getattr(source, name) for name in SOURCE_FIELDS)


def copy_classification(source: PracticePage, target: PracticePage) -> None:
    """Give `target` (in memory) the facets, place, years and sources of `source`."""
    for name in TERM_FIELDS:
        setattr(target, f"{name}_id", getattr(source, f"{name}_id"))
    for name in TERMS_FIELDS:
        getattr(target, name).set(list(getattr(source, name).all()))
    for name in PLAIN_FIELDS:
        setattr(target, name, getattr(source, name))
    target.sources = [
        PracticeSource(
            sort_order=order, **dict(zip(SOURCE_FIELDS, values, strict=True))
        )
        for order, values in enumerate(
            _source_values(source) for source in source.sources.all()
        )
    ]


@dataclass
class KeywordChange:
    """Keywords added to and removed from a page, in its language."""

    language: str
    added: list[str]
    removed: list[str]

    def __bool__(self):
        return bool(self.added or self.removed)


def apply_keyword_change(change: KeywordChange, target: PracticePage) -> bool:
    """Add the translations of the added keywords to `target` (unless one of its
    keywords already means the same) and remove those of the removed ones.
    Returns whether `target`'s keywords changed."""
    language = target.locale.language_code
    present = list(target.keywords.names())
    words = [*change.added, *change.removed]
    forward = translate_terms(words, change.language, language)
    back = translate_terms(present, language, change.language)
    meanings = {_folded(word) for word in present} | {
        _folded(back.get(word, word)) for word in present
    }
    to_remove = set()
    for word in change.removed:
        wanted = {_folded(word), _folded(forward.get(word, word))}
        to_remove |= {
            kept
            for kept in present
            if _folded(kept) in wanted or _folded(back.get(kept, kept)) in wanted
        }
    to_add = []
    for word in change.added:
        translated = forward.get(word, word)
        if _folded(word) in meanings or _folded(translated) in meanings:
            continue
        meanings.add(_folded(translated))
        to_add.append(translated)
    if to_remove:
        target.keywords.remove(*to_remove)
    if to_add:
        target.keywords.add(*to_add)
    return bool(to_remove or to_add)


def _folded(word: str) -> str:
    return " ".join(word.lower().split())


def keyword_change(page: PracticePage, previous: PracticePage | None) -> KeywordChange:
    """What changed in `page`'s keywords since `previous` (all are new without one)."""
    now = set(page.keywords.names())
    before = set(previous.keywords.names()) if previous is not None else set()
    return KeywordChange(
        page.locale.language_code, sorted(now - before), sorted(before - now)
    )


def previously_published(page: PracticePage, revision) -> PracticePage | None:
    """The page as it was published before `revision`, from its history."""
    entry = (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish")
        .exclude(revision=revision)
        .exclude(revision__isnull=True)
        .order_by("-timestamp", "-pk")
        .select_related("revision")
        .first()
    )
    return entry.revision.as_object() if entry else None


def share_classification(page: PracticePage, revision=None, *, user=None) -> list:
    """Give every other page of `page`'s practice the classification `page` was just
    published with (facets, place, years, sources; keywords as a change).

    A live translation is published again with it; a pending draft of a
    translation gets it too, as a new draft. Returns the pages that changed.
    """
    if _sharing.get():
        return []
    page = PracticePage.objects.get(pk=page.pk)
    siblings = list(
        PracticePage.objects.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .select_related("locale")
    )
    if not siblings:
        return []
    keywords = keyword_change(page, previously_published(page, revision))
    wanted = Classification.of(page)
    changed = []
    with sharing():
        for sibling in siblings:
            if _write(sibling, page, wanted, keywords, user):
                changed.append(sibling)
    return changed


def _write(sibling, source, wanted, keywords, user) -> bool:
    """Bring one translation's live version and pending draft into line."""
    versions = []
    if sibling.live:
        live = sibling.live_revision.as_object() if sibling.live_revision else sibling
        versions.append((live, True))
    if not sibling.live or (
        sibling.has_unpublished_changes
        and sibling.latest_revision_id != sibling.live_revision_id
    ):
        versions.append((sibling.get_latest_revision_as_object(), False))
    wrote = False
    for version, publish in versions:
        differs = Classification.of(version) != wanted
        if differs:
            copy_classification(source, version)
        if apply_keyword_change(keywords, version) or differs:
            revision = version.save_revision(user=user, log_action=True, clean=False)
            if publish:
                revision.publish(user=user, skip_permission_checks=True)
            wrote = True
    return wrote


def practice_pages(pages: Iterable[PracticePage]) -> list[PracticePage]:
    """Every page of the practices these pages belong to, each once (bulk actions
    act on the practice, not one language's page)."""
    keys = {page.translation_key for page in pages}
    return list(
        PracticePage.objects.filter(translation_key__in=keys)
        .select_related("locale")
        .order_by("translation_key", "pk")
    )
