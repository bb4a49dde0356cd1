"""Translating practices in batches, and reading the translations back."""

import re
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from uuid import UUID

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from tqdm import tqdm

from kb.caches import queries_cache
from kb.queues import QueueSummary, queue_summary
from kb.text import paragraphs_html
from kb.translations import site_languages
from practices.sections import RICH_TEXT_SECTIONS

from ..models import (
    MachineTranslation,
    PendingTranslation,
    PracticeIndexPage,
    PracticePage,
)
from ..models.machine_translation import stored_machine_translations
from ..models.practice_page import SUMMARY_MAX_LENGTH
from ..signals import machine_translations_changed
from ..translatable_texts import (
    other_language,
    source_texts,
    text_hash,
)
from .accents import with_accents
from .apertium import (
    MODES,
    ApertiumTranslator,
    TranslatorStatus,
    TranslatorUnavailable,
    warm_analyser,
    warm_pipeline,
)

BATCH_PAGES = 100


def get_translator() -> ApertiumTranslator:
    return ApertiumTranslator()


def translator_status() -> TranslatorStatus:
    return get_translator().status()


@dataclass
class TranslationReport:
    practices: int = 0
    texts: int = 0
    words: int = 0
    seconds: float = 0.0
    unavailable: str = ""
    translated_keys: set[UUID] = field(default_factory=set)

    def summary(self) -> str:
        if self.unavailable:
            return f"machine translation skipped: {self.unavailable}"
        rate = self.words / self.seconds if self.seconds else 0.0
        return (
            f"machine translation: {self.practices} practices checked, {self.texts} "
            f"texts ({self.words} words) translated in {self.seconds:.1f}s "
            f"({rate:.0f} words/s)"
        )


def single_language_pages(translation_keys: Iterable[UUID] | None = None):
    """Live Spanish or English pages whose practice has no live page in the other."""
    pages = PracticePage.objects.live().filter(
        locale__language_code__in=site_languages()
    )
    if translation_keys is not None:
        pages = pages.filter(translation_key__in=list(translation_keys))
    languages = defaultdict(set)
    for key, language in pages.values_list("translation_key", "locale__language_code"):
        languages[key].add(language)
    alone = [key for key, found in languages.items() if len(found) == 1]
    return pages.filter(translation_key__in=alone).select_related("locale")


def translate_practices(
    translation_keys: Iterable[UUID] | None = None,
    *,
    translator=None,
    progress: bool = False,
    notify: bool = True,
) -> TranslationReport:
    """Translate what is missing for these practices (all when None), in batches.

    With `notify`, the practices that got new translations are announced
    (`machine_translations_changed`), so search re-indexes them.
    """
    translator = translator or get_translator()
    report = TranslationReport()
    status = translator.status()
    if not status.ok:
        report.unavailable = status.detail
        return report
    started = time.monotonic()
    pages = single_language_pages(translation_keys).order_by("pk")
    ids = list(pages.values_list("pk", flat=True))
    report.practices = len(ids)
    with tqdm(
        total=len(ids), unit="practice", desc="translating", disable=not progress
    ) as bar:
        for start in range(0, len(ids), BATCH_PAGES):
            chunk = list(pages.filter(pk__in=ids[start : start + BATCH_PAGES]))
            try:
                _translate_chunk(chunk, translator, report)
            except TranslatorUnavailable as exc:
                report.unavailable = str(exc)
                break
            bar.update(len(chunk))
    report.seconds = time.monotonic() - started
    if notify and report.translated_keys:
        machine_translations_changed.send(
            sender=MachineTranslation, translation_keys=report.translated_keys
        )
    return report


def _translate_chunk(pages: list[PracticePage], translator, report) -> None:
    wanted: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    owners: dict[tuple[str, str, str], set[UUID]] = defaultdict(set)
    for page in pages:
        source = page.locale.language_code
        target = other_language(source)
        for text in source_texts(page).values():
            digest = text_hash(text)
            wanted[(source, target)][digest] = text
            owners[(source, target, digest)].add(page.translation_key)
    for (source, target), texts in wanted.items():
        known = set(
            MachineTranslation.objects.filter(
                source_language=source,
                target_language=target,
                source_hash__in=list(texts),
            ).values_list("source_hash", flat=True)
        )
        todo = [(digest, text) for digest, text in texts.items() if digest not in known]
        if not todo:
            continue
        translated = translator.translate([text for _d, text in todo], source, target)
        MachineTranslation.objects.bulk_create(
            [
                MachineTranslation(
                    source_language=source,
                    target_language=target,
                    source_hash=digest,
                    text=result,
                    engine=f"{translator.name} {source}-{target}",
                )
                for (digest, _text), result in zip(todo, translated, strict=True)
            ],
            ignore_conflicts=True,
        )
        report.texts += len(todo)
        report.words += sum(len(text.split()) for _d, text in todo)
        for digest, _text in todo:
            report.translated_keys |= owners[(source, target, digest)]


def machine_translations_for(
    pages: Iterable[PracticePage],
) -> dict[int, dict[str, str]]:
    """For each page, by field, the stored translation of its current text
    (`stored_machine_translations`), and `url`: where readers of the other language
    see it."""
    pages_by_pk = {page.pk: page for page in pages}
    result = stored_machine_translations(pages_by_pk.values())
    if not result:
        return {}
    index_urls = practice_index_urls()
    for pk, texts in result.items():
        page = pages_by_pk[pk]
        target = other_language(page.locale.language_code)
        if index_urls.get(target):
            texts["url"] = f"{index_urls[target]}{page.slug}/"
    return result


def practice_index_urls() -> dict[str, str]:
    """The practices section's URL in each language ('/practicas/', '/en/practices/')."""
    return {
        index.locale.language_code: index.url
        for index in PracticeIndexPage.objects.live().select_related("locale")
    }


def enqueue_translation(translation_keys: Iterable[UUID]) -> None:
    keys = {UUID(str(key)) for key in translation_keys if key}
    PendingTranslation.objects.bulk_create(
        [PendingTranslation(translation_key=key) for key in keys],
        ignore_conflicts=True,
    )


def translate_pending(
    *, translator=None, progress: bool = False, batch_size: int = 500
) -> TranslationReport:
    """Translate the practices queued on publish; what was translated needs indexing.

    Rows stay queued when Apertium is missing, so nothing is lost once it is installed.
    """
    total = TranslationReport()
    while True:
        batch = list(
            PendingTranslation.objects.order_by("created_at").values_list(
                "pk", "translation_key"
            )[:batch_size]
        )
        if not batch:
            break
        report = translate_practices(
            [key for _pk, key in batch], translator=translator, progress=progress
        )
        if report.unavailable:
            total.unavailable = report.unavailable
            PendingTranslation.objects.filter(pk__in=[pk for pk, _k in batch]).update(
                attempts=F("attempts") + 1,
                last_error=report.unavailable[:2000],
                last_attempt_at=timezone.now(),
            )
            break
        with transaction.atomic():
            PendingTranslation.objects.filter(pk__in=[pk for pk, _k in batch]).delete()
        total.practices += report.practices
        total.texts += report.texts
        total.words += report.words
        total.seconds += report.seconds
        total.translated_keys |= report.translated_keys
    return total


# The machine-translation backlog, for the desk's dashboard.
TranslationQueueSummary = QueueSummary


def translation_queue_summary() -> QueueSummary:
    return queue_summary(PendingTranslation)


def prefill_from_machine_translation(
    source: PracticePage, target: PracticePage
) -> bool:
    """Fill a new translation page (a draft copy in the other locale) with the stored
    machine translation of its source, so the editor revises rather than retypes,
    and its keywords in the other language.

    Returns whether any text was filled. Once the page is published, people's text
    is the practice's text in that language and the machine translation is set aside.
    """
    source_language = source.locale.language_code
    if target.live or other_language(source_language) != (target.locale.language_code):
        return False
    keywords = list(source.keywords.names())
    if keywords:
        translated = translate_terms(
            keywords, source_language, target.locale.language_code
        )
        target.keywords.set(sorted({translated[word] for word in keywords}))
    texts = machine_translations_for([source]).get(source.pk) or {}
    if texts.get("title"):
        target.title = texts["title"][:255]
        target.draft_title = target.title
    if texts.get("summary"):
        target.summary = texts["summary"][:SUMMARY_MAX_LENGTH]
    for name in RICH_TEXT_SECTIONS:
        if texts.get(name):
            setattr(target, name, paragraphs_html(texts[name]))
    if texts or keywords:
        target.save()
        target.save_revision()
    return bool(texts)


QUERY_CACHE_SECONDS = 24 * 3600


def translate_query(q: str, source: str, target: str) -> str:
    """A short query machine-translated, cached; "" when Apertium is unavailable.
    Translated by this process's warm pipeline (about a millisecond), never by a
    new Apertium process."""
    key = f"query-mt:{source}-{target}:{text_hash(q)}"
    cache = queries_cache()
    cached = cache.get(key)
    if cached is not None:
        return cached
    try:
        translated = warm_pipeline(source, target).translate(q)
    except TranslatorUnavailable:
        return ""
    cache.set(key, translated, QUERY_CACHE_SECONDS)
    return translated


def known_words(words: Iterable[str], language: str) -> set[str] | None:
    """Which of `words` (lower case) are words of `language` by Apertium's
    dictionary of it, asked of this process's warm analyser; None when Apertium
    is unavailable."""
    try:
        return warm_analyser(language).known_words(words)
    except TranslatorUnavailable:
        return None


_WORD = re.compile(r"\w+")


def spanish_with_accents(q: str, *, unknown_words: bool = True) -> str:
    """`q`, Spanish, with the accents of words typed without them, by Apertium's
    Spanish dictionary (`accents.with_accents`); as typed without Apertium."""
    return with_accents(
        q, lambda words: word_classes(words, "es"), unknown_words=unknown_words
    )


def word_classes(words: Iterable[str], language: str) -> dict[str, set[str]] | None:
    """Those of `words` Apertium's dictionary of `language` knows, each with its
    word classes ("vblex", "n", "adj"…); None when Apertium is unavailable."""
    try:
        return warm_analyser(language).word_classes(words)
    except TranslatorUnavailable:
        return None


def language_of(q: str, likely: str) -> str:
    """The language `q`'s words are in: `likely` (the reader's), unless Apertium's
    dictionary of the other language knows more of them ("datos abiertos" typed
    on the English site); `likely` without Apertium."""
    other = other_language(likely)
    words = [word for word in _WORD.findall(q.lower()) if word.isalpha()]
    counts = {}
    for language in (likely, other):
        known = known_words(words, language)
        if known is None:
            return likely
        counts[language] = sum(word in known for word in words)
    return other if counts[other] > counts[likely] else likely


def translate_terms(words: Iterable[str], source: str, target: str) -> dict[str, str]:
    """Short terms (keywords) in the other language, by word: stored translations
    first, the rest translated in one Apertium call and stored. A word that cannot
    be translated (same language, Apertium missing) maps to itself.

    Unlike whole practices, keywords are translated when they are shared or copied
    (a few words, one short process), so the translation's keywords never wait for
    the background queue.
    """
    words = sorted({word for word in words if word and word.strip()})
    if source == target or not words or (source, target) not in MODES:
        return {word: word for word in words}
    digests = {word: text_hash(_term_key(word)) for word in words}
    stored = dict(
        MachineTranslation.objects.filter(
            source_language=source,
            target_language=target,
            source_hash__in=list(digests.values()),
        ).values_list("source_hash", "text")
    )
    missing = [word for word in words if digests[word] not in stored]
    if missing:
        try:
            translated = get_translator().translate(
                [_term_key(word) for word in missing], source, target
            )
        except (TranslatorUnavailable, KeyError):
            translated = [_term_key(word) for word in missing]
        else:
            MachineTranslation.objects.bulk_create(
                [
                    MachineTranslation(
                        source_language=source,
                        target_language=target,
                        source_hash=digests[word],
                        text=text,
                        engine=f"{get_translator().name} {source}-{target}",
                    )
                    for word, text in zip(missing, translated, strict=True)
                    if text
                ],
                ignore_conflicts=True,
            )
        stored |= {
            digests[word]: text for word, text in zip(missing, translated, strict=True)
        }
    return {word: _as_term(word, stored.get(digests[word]) or word) for word in words}


def _term_key(word: str) -> str:
    return " ".join(word.split())


def _as_term(word: str, translated: str) -> str:
    """Apertium capitalises the first letter of what it is given; a keyword written
    in lower case stays in lower case."""
    translated = " ".join(translated.split())
    if word[:1].islower() and translated[:1].isupper() and not translated.isupper():
        return translated[:1].lower() + translated[1:]
    return translated
