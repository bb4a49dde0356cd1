"""What counts as documented results: declared once for the search document, the
practice page and the cards."""

from kb.text import strip_tags

# Evidence levels at which someone other than the implementer looked at the results.
DOCUMENTING_LEVELS = ("documented", "independently-evaluated")


def has_documented_results(evidence_level: str | None, results_markup: str) -> bool:
    """Results are written down and an outside review or evaluation supports them."""
    return evidence_level in DOCUMENTING_LEVELS and bool(
        strip_tags(results_markup or "").strip()
    )
