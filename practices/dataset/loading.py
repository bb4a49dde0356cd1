"""Reading practices for the dataset in batches: one query per batch, never all at once."""

from collections.abc import Callable, Iterable, Iterator

from wagtail.models import Page

from kb.absolute_urls import page_url
from kb.translations import site_languages
from practices.models import PracticePage

from .columns import PracticeGroup

KEY_BATCH_SIZE = 1000


def _live_pages():
    return (
        PracticePage.objects.public_practices()
        .for_reading()
        .select_related("country__region")
        .prefetch_related(
            "practice_types",
            "themes",
            "outcomes",
            "sources",
            "tagged_keywords__tag",
        )
    )


def practice_groups(
    keys: Iterable[str],
    *,
    lang: str,
    url_for: Callable[[PracticePage], str],
) -> list[PracticeGroup]:
    """The public practices with these translation keys, in the order of `keys`.

    A key with no live page (unpublished since the search index last saw it) is
    left out: an export never shows what is no longer public.
    """
    keys = [str(key) for key in keys]
    pages: dict[str, dict[str, PracticePage]] = {}
    for page in _live_pages().filter(translation_key__in=keys).order_by("pk"):
        language = page.locale.language_code
        if language in site_languages():
            pages.setdefault(str(page.translation_key), {}).setdefault(language, page)
    return [
        PracticeGroup(key, pages[key], lang, url_for) for key in keys if key in pages
    ]


class PageAddresses:
    """Full URLs of pages, one URL resolution per parent page rather than per page.

    Wagtail resolves each page's URL through the site and the language prefix; a
    page's URL is its parent's followed by its slug, so a thousand practices under
    one index need that work once.
    """

    def __init__(self, request=None):
        self.request = request
        self._parents: dict[str, str | None] = {}

    def __call__(self, page: Page) -> str | None:
        parent_path = page.path[: -page.steplen]
        if parent_path not in self._parents:
            parent = Page.objects.filter(path=parent_path).first()
            self._parents[parent_path] = (
                page_url(parent, self.request) if parent else None
            )
        base = self._parents[parent_path]
        if not base or not base.endswith("/"):
            return page_url(page, self.request)
        return f"{base}{page.slug}/"


def all_practice_keys(batch_size: int = KEY_BATCH_SIZE) -> Iterator[list[str]]:
    """Every public practice's key, in key order, batch by batch (keyset paging)."""
    last = None
    while True:
        keys = (
            PracticePage.objects.public_practices()
            .order_by("translation_key")
            .values_list("translation_key", flat=True)
            .distinct()
        )
        if last is not None:
            keys = keys.filter(translation_key__gt=last)
        batch = [str(key) for key in keys[:batch_size]]
        if not batch:
            return
        yield batch
        last = batch[-1]
