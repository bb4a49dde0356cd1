"""Text helpers every app shares: how names and words are compared."""

import unicodedata


def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation: how names are compared."""
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(
        "".join(ch if ch.isalnum() else " " for ch in letters.lower()).split()
    )
