""" "Did you mean": the phrase suggester's rewording, offered only when it pays."""

import re
import time

from django.conf import settings

from kb.text import fold
from practices.translation import other_language, spanish_with_accents

from .client import index_name
from .key_terms import corrected_query
from .mapping import LANGUAGES
from .node import run_search
from .query import (
    match_strength_request,
    weighing_request,
    word_language_request,
    words_matched,
)

# How much higher the best score must be for as many practices to count as better.
BETTER_MATCH = 1.2
WORD = re.compile(r"\w+")
# A word is of one language when the repertory's text in it holds the word this
# many times as often as the other's ("public": 143 practices in English, none in
# Spanish; "municipal", 73 and 63, is of both).
LANGUAGE_LEAN = 10
# A word's language is asked of the node once in this many seconds a process
# (it moves only as practices are added, and slowly): one search less a
# suggestion after the first (docs/capacity.md).
LEANING_SECONDS = 600
LEANINGS_KEPT = 5000
# (index, word) -> (when asked, practices holding it in Spanish, in English).
_leanings: dict[tuple[str, str], tuple[float, int, int]] = {}
# A word this many practices hold (in one language) is a word, not a typo: a
# rewording may change only words fewer hold ("municpal": none). The suggester
# changed names the demo holds for commoner words: "quito" -> "quinto", "belo"
# (Belo Horizonte) -> "bill", "cimtra" -> "cámara". A word both languages' text
# hold is a word too, however few practices: a name is written alike in both
# ("tijuana": 1 and 1; "quito", "belo", "cimtra": 2 and 2), a typo in neither
# (every misspelling the walks tried: 0 and 0).
KNOWN_WORD = 3


def suggestion(
    q: str,
    response: dict,
    translated: str = "",
    lang: str = "es",
    corrected: str = "",
) -> str | None:
    """A rewording of the words, in Spanish with its accents, written with the
    query's own punctuation and capitals ("¿contrataciones abiertas?").

    The words with their misspelt key terms corrected come first (`corrected`:
    the search's own correction, in the reader's language `lang`; then, when the
    suggester found something to reword, the other language's: an English query on
    the Spanish site): the glossary's terms are what officials search for, where
    the phrase suggester, drawing on the index's words, may put a commoner word in
    a typo's place ("conflicto de interses": "conflicto de internet",
    "cabildreo": "cabildo"); it is offered when it finds a practice (`finds_some`).
    Else the suggester's rewording in one language (`in_one_language`), offered
    only when it finds more practices than the words, or as many matching better
    (`wins`)."""
    options = rewordings(q, response)
    fixes = glossary_fixes(q, corrected, lang, bool(options))
    if not (options or fixes):
        return None
    # The counts of every word at once, in one request: the later steps read them.
    texts = (q, *options, *(fix for fix, _language in fixes))
    word_counts(sorted({fold(w) for text in texts for w in WORD.findall(text)}))
    leaning = querys_language(q, lang)
    for fix, language in fixes:
        if leaning not in (None, language):
            continue
        # A word the repertory holds is no typo, though the glossary has a term
        # near it (a name: "cimtra"); a fix leaves no word the repertory lacks
        # (the Spanish terms' "whistlebloverz protección" for "whistlebloverz
        # protektion", where the English terms correct both).
        if (
            changing_rare_words(q, [fix])
            and correcting_every_unknown_word(q, fix)
            and finds_some(fix)
        ):
            return written(q, fix, language)
    options = changing_rare_words(q, options)
    if not options:
        return None
    language, candidate = in_one_language(q, options, lang)
    if candidate is None or not wins(candidate, q, translated):
        return None
    return written(q, candidate, language or lang)


def glossary_fixes(
    q: str, corrected: str, lang: str, suggester_reworded: bool
) -> list[tuple[str, str]]:
    """The query with its misspelt key terms corrected, and the language of the
    terms: the search's own correction (`corrected`, in `lang`), then, when the
    suggester found words to reword (`suggester_reworded`), the other language's (a
    Spanish query on the English site: "conflicto de interses" corrected by the
    English terms is "conflicts de interses", which changes a word the repertory
    holds, and is not offered; by the Spanish ones, "conflicto de interes")."""
    fixes = [(corrected, lang)]
    if suggester_reworded and settings.SEARCH_KEY_TERM_TYPOS:
        other = other_language(lang)
        fixes.append((corrected_query(q, other), other))
    return [(fix, language) for fix, language in fixes if fix and fold(fix) != fold(q)]


def querys_language(q: str, lang: str) -> str | None:
    """The language most of the query's words lean to in the repertory's text
    (`word_languages`; the reader's, `lang`, on a tie), None when none leans: only
    a glossary fix in it is offered ("presupuesto participatvo": the Spanish
    terms' "presupuesto participativo", not the English terms' "presupuesto
    participation"; "presupuestos participativos", which Apertium's Spanish
    dictionary knows, is not "presupuestos participations"; "conflict of
    intrest" on the Spanish site is not the Spanish terms' "conflicto of
    intrest")."""
    typed = [fold(w) for w in WORD.findall(q)]
    leaning = word_languages(typed)
    leanings = [leaning[word] for word in typed if leaning[word]]
    if not leanings:
        return None
    return max(LANGUAGES, key=lambda one: (leanings.count(one), one == lang))


def correcting_every_unknown_word(q: str, fix: str) -> bool:
    """Whether `fix` changes every word of `q` that no practice holds."""
    kept = {fold(w) for w in WORD.findall(fix)}
    counts = word_counts([fold(w) for w in WORD.findall(q)])
    return all(max(counts[word]) or word not in kept for word in counts)


def finds_some(fix: str) -> bool:
    """Whether the glossary's correction finds a practice. It is offered then,
    whatever the misspelt words found: they match by typo tolerance, the words
    their typo is near ("registro de cabildreos" finds 24, among them councils,
    cabildos; "registro de cabilderos", fewer, about lobbying)."""
    return run_search(match_strength_request(fix))["hits"]["total"]["value"] > 0


def wins(candidate: str, q: str, translated: str) -> bool:
    """Whether `candidate` finds more practices than the words, or as many
    matching better (BETTER_MATCH)."""
    offered = run_search(weighing_request(candidate, q, translated))
    won = decided_by_counts(words_matched(offered), offered["hits"]["total"]["value"])
    if won is None:
        asked = run_search(match_strength_request(q, translated))
        won = matches_better(asked["hits"]["max_score"], offered["hits"]["max_score"])
    return won


def written(q: str, candidate: str, language: str) -> str:
    """The rewording as offered: in Spanish with its accents (the suggester's and
    the glossary's words are accent-folded, "informacion"), in the query's
    punctuation and capitals."""
    if language == "es":
        candidate = spanish_with_accents(candidate)
    return in_the_querys_words(q, candidate)


def rewording(q: str, response: dict) -> str | None:
    """The phrase suggester's first rewording in a search's answer that changes
    more than accents and capitals."""
    options = rewordings(q, response)
    return options[0] if options else None


def rewordings(q: str, response: dict) -> list[str]:
    """The phrase suggester's rewordings in a search's answer, best first, those
    that change more than accents and capitals."""
    return [
        text
        for entry in response.get("suggest", {}).get("did_you_mean", [])
        for option in entry.get("options", [])
        if (text := option.get("text", "")) and fold(text) != fold(q)
    ]


def in_one_language(
    q: str, options: list[str], lang: str
) -> tuple[str | None, str | None]:
    """The first rewording in one language, and that language: the suggester draws
    on both languages' words at once, and offered "contratos de obra public" for
    "contratos de obra publca". When the query's words lean to a language (most
    of those that lean; `lang`, the reader's, on a tie), no word the rewording
    puts in may be of the other; when they tell none (every word misspelt), the
    rewording must not mix the two: the one whose words the repertory knows best
    comes first, then one in `lang`."""
    typed = [fold(w) for w in WORD.findall(q)]
    words = sorted({fold(w) for text in (q, *options) for w in WORD.findall(text)})
    leaning = word_languages(words)
    language = querys_language(q, lang)
    if language:
        foreign = other_language(language)
        for text in options:
            put_in = [fold(w) for w in WORD.findall(text) if fold(w) not in typed]
            if foreign not in {leaning[word] for word in put_in}:
                return language, text
        return language, None

    def languages(text: str) -> set[str]:
        return {leaning[fold(w)] for w in WORD.findall(text)} - {None}

    def unknown(text: str) -> int:
        return sum(leaning[fold(w)] is None for w in WORD.findall(text))

    unmixed = [text for text in options if len(languages(text)) <= 1]
    # Whole corrections before half ones, then the reader's language; else the
    # suggester's order (the sort is stable).
    unmixed.sort(key=lambda text: (unknown(text), languages(text) != {lang}))
    if not unmixed:
        return None, None
    text = unmixed[0]
    return next(iter(languages(text)), None), text


def changing_rare_words(q: str, options: list[str]) -> list[str]:
    """The rewordings that keep every word of the query the repertory knows
    (KNOWN_WORD, or in both languages): only a word absent or rare in it may be a
    typo."""
    typed = sorted({fold(w) for w in WORD.findall(q)})
    counts = word_counts(typed)
    known = {
        word
        for word in typed
        if max(counts[word]) >= KNOWN_WORD or min(counts[word]) >= 1
    }
    return [text for text in options if known <= {fold(w) for w in WORD.findall(text)}]


def word_languages(words: list[str]) -> dict[str, str | None]:
    """Each word's language in the repertory's own text (LANGUAGE_LEAN), None for
    a word of both or of neither (`word_counts`)."""
    return {
        word: "es"
        if es > en * LANGUAGE_LEAN
        else "en"
        if en > es * LANGUAGE_LEAN
        else None
        for word, (es, en) in word_counts(words).items()
    }


def word_counts(words: list[str]) -> dict[str, tuple[int, int]]:
    """How many practices hold each word in their Spanish text and in their
    English; asked of the node only for the words this process has not asked
    about in the last LEANING_SECONDS."""
    if not words:
        return {}
    now = time.monotonic()
    index = index_name("practices")
    known = {
        word: kept[1:]
        for word in words
        if (kept := _leanings.get((index, word))) and now - kept[0] < LEANING_SECONDS
    }
    asked = [word for word in words if word not in known]
    if asked:
        counts = run_search(word_language_request(asked))["aggregations"]
        if len(_leanings) > LEANINGS_KEPT:
            _leanings.clear()
        for word in asked:
            es, en = (
                counts[f"{word}|{language}"]["doc_count"] for language in ("es", "en")
            )
            known[word] = (es, en)
            _leanings[(index, word)] = (now, es, en)
    return known


def suggestion_wins(asked: dict, offered: dict) -> bool:
    """Whether the rewording (`offered`, the hits section of its answer) finds more
    practices than the words (`asked`), or as many matching better."""
    wins = decided_by_counts(asked["total"]["value"], offered["total"]["value"])
    if wins is None:
        return matches_better(asked["max_score"], offered["max_score"])
    return wins


def decided_by_counts(asked: int, offered: int) -> bool | None:
    """Whether the rewording wins on how many practices each finds; None when both
    find as many (some), and the best matches' scores decide."""
    if offered != asked:
        return offered > asked
    return None if asked else False


def matches_better(asked: float | None, offered: float | None) -> bool:
    """Whether the rewording's best match scores BETTER_MATCH times the words'."""
    return (offered or 0) > (asked or 0) * BETTER_MATCH


def in_the_querys_words(q: str, suggestion: str) -> str:
    """The suggestion's words put in the query's places, keeping what lies between
    them (¿, ?, commas, quotes) and a capital letter where the query had one. A
    word the suggestion keeps is written as the person wrote it, unless they left
    out accents the suggestion has ("rendicion" -> "rendición"): accents typed are
    never dropped, accents missing are given back."""
    asked = list(WORD.finditer(q))
    offered = suggestion.split()
    if len(asked) != len(offered):
        # Words that do not line up: the suggestion as it is, with the accents the
        # person typed on the words it keeps.
        typed = {fold(match.group()): match.group() for match in asked}
        return WORD.sub(
            lambda match: _kept_word(typed.get(fold(match.group())), match.group()),
            suggestion,
        )
    pieces, end = [], 0
    for match, word in zip(asked, offered, strict=True):
        pieces.append(q[end : match.start()])
        original = match.group()
        if fold(original) == fold(word):
            word = _kept_word(original, word)
        else:
            word = _in_typed_capitals(original, word)
        pieces.append(word)
        end = match.end()
    pieces.append(q[end:])
    return "".join(pieces)


def _has_accents(word: str) -> bool:
    return fold(word) != word.lower()


def _kept_word(typed: str | None, offered: str) -> str:
    """A word the suggestion keeps: as typed, or with the suggestion's accents
    (and the typed capitals) when the person typed it without any."""
    if typed is None:
        return offered
    if _has_accents(typed) or not _has_accents(offered):
        return typed
    return _in_typed_capitals(typed, offered)


def _in_typed_capitals(typed: str, word: str) -> str:
    """`word` in capitals where the person typed the word in capitals ("CUENTASS"),
    with a capital first where theirs began with one."""
    if len(typed) > 1 and typed.isupper():
        return word.upper()
    if typed[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
