"""Bilingual synonym rules: the curated glossary plus every taxonomy term's two labels."""

from kb.text import fold

from .glossary import GLOSSARY


def synonym_rules(term_labels: list[tuple[str, str]]) -> list[str]:
    """Solr-format equivalence rules, folded the way the analyzers fold text.

    `term_labels` holds (Spanish label, English label) pairs from the taxonomy.
    """
    groups: list[set[str]] = [{fold(phrase) for phrase in entry} for entry in GLOSSARY]
    for spanish, english in term_labels:
        pair = {fold(spanish), fold(english)}
        if len(pair) == 2 and all(pair):
            groups.append(pair)
    return [", ".join(sorted(group)) for group in _merge(groups) if len(group) > 1]


def _merge(groups: list[set[str]]) -> list[set[str]]:
    """Join groups that share a phrase, so rules never contradict each other."""
    merged: list[set[str]] = []
    for group in groups:
        overlapping = [m for m in merged if m & group]
        for m in overlapping:
            merged.remove(m)
            group = group | m
        merged.append(group)
    return merged
