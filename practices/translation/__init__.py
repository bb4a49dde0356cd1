"""Machine translation of practices whose other language is missing (Apertium).

Made outside the web request (the index queue's worker, imports, `search rebuild`),
stored in `MachineTranslation` keyed by a hash of the source text, and read by the
search document builder and the practice pages.
"""

from ..translatable_texts import other_language, source_texts, text_hash
from .apertium import ApertiumTranslator, TranslatorStatus
from .service import (
    TranslationQueueSummary,
    TranslationReport,
    enqueue_translation,
    get_translator,
    known_words,
    language_of,
    machine_translations_for,
    practice_index_urls,
    prefill_from_machine_translation,
    spanish_with_accents,
    translate_pending,
    translate_practices,
    translate_query,
    translate_terms,
    translation_queue_summary,
    translator_status,
)

__all__ = [
    "ApertiumTranslator",
    "TranslationQueueSummary",
    "TranslationReport",
    "TranslatorStatus",
    "enqueue_translation",
    "get_translator",
    "known_words",
    "language_of",
    "machine_translations_for",
    "other_language",
    "practice_index_urls",
    "prefill_from_machine_translation",
    "spanish_with_accents",
    "source_texts",
    "text_hash",
    "translate_pending",
    "translate_practices",
    "translate_query",
    "translate_terms",
    "translation_queue_summary",
    "translator_status",
]
