""" "Did you mean": the phrase suggester's rewording, offered only when it pays."""

import re

from kb.text import fold

from .node import run_search
from .query import match_strength_request

# How much higher the best score must be for as many practices to count as better.
BETTER_MATCH = 1.2
WORD = re.compile(r"\w+")


def suggestion(q: str, response: dict, translated: str = "") -> str | None:
    """The suggester's rewording of the words, offered only when it finds more
    practices than they do, or as many matching better; written with the query's
    own punctuation and capitals ("¿contrataciones abiertas?")."""
    candidate = None
    for entry in response.get("suggest", {}).get("did_you_mean", []):
        for option in entry.get("options", []):
            text = option.get("text", "")
            if text and fold(text) != fold(q):
                candidate = text
                break
    if candidate is None:
        return None
    asked = run_search(match_strength_request(q, translated))["hits"]
    offered = run_search(match_strength_request(candidate))["hits"]
    more = offered["total"]["value"] > asked["total"]["value"]
    better = (
        offered["total"]["value"] == asked["total"]["value"] > 0
        and (offered["max_score"] or 0) > (asked["max_score"] or 0) * BETTER_MATCH
    )
    return in_the_querys_words(q, candidate) if more or better else None


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
