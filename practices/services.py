"""Writing practices: the one way a practice page is created, updated and published.

A practice's classification is one for all its languages: whatever publishes a page
shares it with the practice's other pages (`share_classification`, run on Wagtail's
`page_published`, so the admin's own publish goes the same way).

The importers (and through them the demo loader) and the contribution form all write
through here, from an interchange `PracticeRecord`, so a practice is built the same
way whoever proposes it. The site's structure (home pages, the practice index in
each language) is pages/' to create (`manage.py setup_site`); a practice needs its
language's index to exist and says so clearly when it does not.
"""

from django.db import transaction
from django.utils.text import slugify

from .classification import share_classification
from .models import PracticeIndexPage, PracticePage
from .page_batch import NewPractice, create_pages
from .records.conversion import apply_record, normalised
from .records.record import PracticeRecord
from .records.validation import validate_record
from .records.vocabulary import Vocabulary

__all__ = [
    "InvalidPractice",
    "MissingPracticeIndex",
    "PracticeBatch",
    "copied_as_new_practice",
    "create_practice",
    "practice_index_for",
    "publish_practice",
    "require_practice_indexes",
    "share_classification",
    "update_practice",
]


class MissingPracticeIndex(Exception):
    """A language has no practice index page to hold its practices."""

    def __init__(self, languages):
        self.languages = sorted(languages)
        super().__init__(
            "no practice index page for "
            + ", ".join(repr(code) for code in self.languages)
            + ": run `manage.py setup_site` first; nothing was written"
        )


class InvalidPractice(ValueError):
    """A record the validation rejects; `problems` says why."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("; ".join(str(problem) for problem in problems))


def practice_index_for(language_code: str) -> PracticeIndexPage:
    """The parent page of the practices in one language."""
    index = PracticeIndexPage.objects.filter(
        locale__language_code=language_code
    ).first()
    if index is None:
        raise MissingPracticeIndex([language_code])
    return index


def require_practice_indexes(language_codes) -> None:
    """Stop before writing anything when a language has nowhere to put practices."""
    present = set(
        PracticeIndexPage.objects.filter(
            locale__language_code__in=set(language_codes)
        ).values_list("locale__language_code", flat=True)
    )
    missing = set(language_codes) - present
    if missing:
        raise MissingPracticeIndex(missing)


def create_practice(
    record: PracticeRecord,
    *,
    publish: bool = False,
    vocabulary: Vocabulary | None = None,
    prepared: bool = False,
    parent: PracticeIndexPage | None = None,
) -> PracticePage:
    """A new practice page (a draft unless `publish`) from a record.

    `prepared`: the record is normalised and validated already (the batch importer
    does both for every row before writing any); otherwise it is done here and an
    invalid record raises `InvalidPractice`.
    """
    vocabulary = vocabulary or _vocabulary_for(record, prepared)
    if not prepared:
        record = _checked(record, vocabulary)
    parent = parent or practice_index_for(record.locale)
    # The same source record in the other language is the same practice.
    sibling = (
        PracticePage.objects.filter(
            source_catalogue=record.source_catalogue, source_id=record.source_id
        )
        .exclude(source_id="")
        .values_list("translation_key", flat=True)
        .first()
    )
    page = _new_page(record, parent, vocabulary, sibling)
    with transaction.atomic():
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
    return page


def _vocabulary_for(record: PracticeRecord, prepared: bool) -> Vocabulary:
    """The terms one record names (as it reads once normalised)."""
    return Vocabulary.load([record if prepared else normalised(record)])


def _checked(record: PracticeRecord, vocabulary: Vocabulary) -> PracticeRecord:
    """The record normalised; raises `InvalidPractice` when it is not valid."""
    record = normalised(record)
    problems = validate_record(record, vocabulary, line=1)
    if problems:
        raise InvalidPractice(problems)
    return record


def _new_page(
    record: PracticeRecord, parent: PracticeIndexPage, vocabulary: Vocabulary, sibling
) -> PracticePage:
    """A page in memory holding the record; `sibling`: its translation's key."""
    page = PracticePage(locale_id=parent.locale_id, live=False)
    page.slug = record.slug or _slug_for(record)
    if sibling:
        page.translation_key = sibling
    elif record.translation_key:
        page.translation_key = record.translation_key
    apply_record(page, record, vocabulary)
    return page


class PracticeBatch:
    """New practices created many at a time, the batch path of imports.

    Each `add`ed record becomes the page `create_practice` would make; every
    `BATCH_SIZE` pages (and at `flush`) they are written together by
    `practices.page_batch.create_pages`, in the caller's transaction. Records must be
    normalised and validated already, as for `create_practice(prepared=True)`.
    """

    BATCH_SIZE = 500

    def __init__(self, *, publish: bool, vocabulary: Vocabulary):
        self.publish = publish
        self.vocabulary = vocabulary
        self.pending: list[NewPractice] = []
        self._existing: set[tuple[str, str, str]] | None = None
        self._translation_keys: dict[tuple[str, str], object] = {}

    def is_new(self, record: PracticeRecord) -> bool:
        """Whether no page holds this source record in this language yet."""
        if self._existing is None:
            rows = PracticePage.objects.exclude(source_id="").values_list(
                "source_catalogue",
                "source_id",
                "locale__language_code",
                "translation_key",
            )
            self._existing = set()
            for catalogue, source_id, language, key in rows:
                self._existing.add((catalogue, source_id, language))
                self._translation_keys[(catalogue, source_id)] = key
        return (
            record.source_catalogue,
            record.source_id,
            record.locale,
        ) not in self._existing

    def add(self, record: PracticeRecord, *, parent: PracticeIndexPage) -> None:
        source = (record.source_catalogue, record.source_id)
        sibling = self._translation_keys.get(source) if record.source_id else None
        page = _new_page(record, parent, self.vocabulary, sibling)
        self.pending.append(NewPractice(page, parent))
        self._existing.add((*source, record.locale))
        if record.source_id:
            self._translation_keys[source] = page.translation_key
        if len(self.pending) >= self.BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        create_pages(self.pending, publish=self.publish)
        self.pending = []


def update_practice(
    page: PracticePage,
    record: PracticeRecord,
    *,
    publish: bool = False,
    vocabulary: Vocabulary | None = None,
    prepared: bool = False,
) -> PracticePage:
    """A new revision of `page` holding `record`; published if asked or already live.

    `prepared` as for `create_practice`.
    """
    vocabulary = vocabulary or _vocabulary_for(record, prepared)
    if not prepared:
        record = _checked(record, vocabulary)
    apply_record(page, record, vocabulary)
    with transaction.atomic():
        revision = page.save_revision()
        if publish or page.live:
            revision.publish()
    return page


def publish_practice(page: PracticePage) -> None:
    """Publish the latest revision of a practice (its draft, if it has one)."""
    revision = page.latest_revision or page.save_revision()
    revision.publish()


def copied_as_new_practice(page: PracticePage, user=None) -> None:
    """A practice copied in the admin is a new practice written here: it keeps
    none of its original's source record (catalogue and identifier, which
    importers and the open data name the original by), demo mark or review date.
    Its latest revision, which the editor opens, says so too; a copy published
    with the original stays published."""
    page.source_catalogue = PracticePage._meta.get_field("source_catalogue").default
    page.source_id = ""
    page.is_demo = False
    page.last_reviewed = None
    with transaction.atomic():
        page.save(
            update_fields=["source_catalogue", "source_id", "is_demo", "last_reviewed"]
        )
        revision = page.save_revision(user=user, clean=False)
        if page.live:
            revision.publish(user=user)


def _slug_for(record: PracticeRecord) -> str:
    """Readable and unique within a locale: the title, then the catalogue id."""
    base = slugify(record.title, allow_unicode=False)[:70].strip("-") or "practice"
    return f"{base}-{slugify(record.source_catalogue)}-{slugify(record.source_id)}"[
        :255
    ]
