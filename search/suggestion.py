""" "Did you mean": the phrase suggester's rewording, offered only when it pays."""

import re

from kb.text import fold

from .node import run_search
from .query import match_strength_request, weighing_request, words_matched

# How much higher the best score must be for as many practices to count as better.
BETTER_MATCH = 1.2
WORD = re.compile(r"\w+")


def suggestion(q: str, response: dict, translated: str = "") -> str | None:
    """The suggester's rewording of the words, offered only when it finds more
    practices than they do, or as many matching better; written with the query's
    own punctuation and capitals ("¿contrataciones abiertas?")."""
    candidate = rewording(q, response)
    if candidate is None:
        return None
    offered = run_search(weighing_request(candidate, q, translated))
    wins = decided_by_counts(words_matched(offered), offered["hits"]["total"]["value"])
    if wins is None:
        asked = run_search(match_strength_request(q, translated))
        wins = matches_better(asked["hits"]["max_score"], offered["hits"]["max_score"])
    return in_the_querys_words(q, candidate) if wins else None


def rewording(q: str, response: dict) -> str | None:
    """The phrase suggester's rewording in a search's answer, if it changes more
    than accents and capitals."""
    for entry in response.get("suggest", {}).get("did_you_mean", []):
        for option in entry.get("options", []):
            text = option.get("text", "")
            if text and fold(text) != fold(q):
                return text
    return None


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
    them (¿, ?, commas, quotes) and a capital letter where the query had one."""
    asked = list(WORD.finditer(q))
    offered = suggestion.split()
    if len(asked) != len(offered):
        return suggestion
    pieces, end = [], 0
    for match, word in zip(asked, offered, strict=True):
        pieces.append(q[end : match.start()])
        original = match.group()
        if fold(original) == fold(word):
            word = original  # unchanged: as the person wrote it, accents and all
        elif original[:1].isupper():
            word = word[:1].upper() + word[1:]
        pieces.append(word)
        end = match.end()
    pieces.append(q[end:])
    return "".join(pieces)
