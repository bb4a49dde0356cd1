"""Which language a piece of text is written in, by an offline identifier
(py3langid), among the languages a practice's text and sources come in."""

from functools import lru_cache

# The languages told apart: the site's two, and those its sources are also in.
LANGUAGES = ["es", "en", "pt", "fr"]
# A source title is read as a language when the identifier is this sure. Of the
# demo's source titles read less surely, about half were read wrong: short English
# titles around Spanish names ("Action plan – Tlalnepantla de Baz, Mexico": 0.56
# Spanish); above it, only titles that mix two languages.
TITLE_CONFIDENCE = 0.7


@lru_cache(maxsize=1)
def _identifier():
    import py3langid.langid as langid

    identifier = langid.LanguageIdentifier.from_modelpath(
        langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True
    )
    identifier.set_languages(LANGUAGES)
    return identifier


def language_of(text: str) -> tuple[str, float]:
    """The language `text` reads as (an ISO 639-1 code) and how sure that is."""
    language, confidence = _identifier().classify(text)
    return language, float(confidence)


def title_language(title: str) -> str:
    """The language a title is written in, "" when the identifier is not sure
    (TITLE_CONFIDENCE)."""
    language, confidence = language_of(title)
    return language if confidence >= TITLE_CONFIDENCE else ""
