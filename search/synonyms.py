"""Bilingual synonym rules: the taxonomy's glossary of public administration plus
every taxonomy term's two labels.

The search analyzers apply the rules before stemming (the rules are matched on
folded words), so a plural typed for a singular glossary term would miss its rule:
each phrase's plural is added beside it (`plural_variants`).
"""

import re
import unicodedata
from dataclasses import dataclass

from taxonomy.glossary import GlossaryEntry, glossary

# Where a Spanish noun phrase's head and its adjectives end ("declaración
# patrimonial de ..."), and where an English one's head is ("conflict of ...").
SPANISH_BREAKS = frozenset(
    {"de", "del", "la", "las", "el", "los", "y", "e", "o", "u", "en", "a", "al"}
    | {"para", "por", "con", "sin", "sobre", "entre", "contra"}
)
ENGLISH_BREAKS = frozenset(
    {"of", "for", "in", "on", "to", "and", "or", "with", "by", "from", "against"}
)
SHORTEST_PLURALISED = 4  # acronyms and short words are left as they are
# What the Solr rule format reserves (`,` separates phrases, `=>` maps, `\` escapes).
_RULE_SYNTAX = re.compile(r",|=>|\\|#")


def fold(phrase: str) -> str:
    """Lower case without accents, as the analyzers' lowercase and ASCII folding
    leave words before the synonyms; other characters stay, because the rule is
    read by the same tokenizer as the query ("mayor's office" keeps "mayor's")."""
    decomposed = unicodedata.normalize("NFKD", phrase)
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_RULE_SYNTAX.sub(" ", letters.lower()).split())


@dataclass
class Concept:
    """One concept's folded phrases: its Spanish ones and its English ones, the
    first written first (a glossary row, a taxonomy term, or several joined)."""

    spanish: list[str]
    english: list[str]

    def phrases(self) -> set[str]:
        return set(self.spanish) | set(self.english)


def concepts(
    term_labels: list[tuple[str, str]], entries: list[GlossaryEntry] | None = None
) -> list[Concept]:
    """The glossary's concepts (the taxonomy's file when `entries` is None) and
    each taxonomy term's (Spanish label, English label), joined where they share a
    phrase, so rules never contradict each other."""
    found = [
        Concept(_folded(entry.spanish), _folded(entry.english))
        for entry in (glossary() if entries is None else entries)
    ]
    for spanish, english in term_labels:
        if fold(spanish) and fold(english) and fold(spanish) != fold(english):
            found.append(Concept([fold(spanish)], [fold(english)]))
    return _merge(found)


def synonym_rules(
    term_labels: list[tuple[str, str]], entries: list[GlossaryEntry] | None = None
) -> list[str]:
    """Solr-format rules, folded the way the analyzers fold text: each phrase of a
    concept, and its plural, is searched as itself, the concept's first phrase in
    its own language and every phrase of the other language.

    Not every phrase for every other (an equivalence): a query holding a few terms
    of large concepts then grew past the node's 1,024 clauses. The other
    language's phrases are what lets a query find a practice written in it.
    """
    rules = set()
    for concept in concepts(term_labels, entries):
        for language, own, other in (
            ("es", concept.spanish, concept.english),
            ("en", concept.english, concept.spanish),
        ):
            for phrase in own:
                for typed in plural_variants(phrase, language):
                    searched = sorted({typed, own[0], *other})
                    rules.add(f"{typed} => {', '.join(searched)}")
    return sorted(rules)


def _folded(phrases) -> list[str]:
    return list(dict.fromkeys(fold(p) for p in phrases if fold(p)))


def concept_phrases(entry: GlossaryEntry, language: str | None = None) -> set[str]:
    """A glossary row's phrases (in `language`, or both), folded, with their
    plurals."""
    phrases = set()
    for written_in, written in (("es", entry.spanish), ("en", entry.english)):
        if language not in (None, written_in):
            continue
        for phrase in written:
            phrases |= plural_variants(fold(phrase), written_in)
    return {phrase for phrase in phrases if phrase}


def plural_variants(phrase: str, language: str) -> set[str]:
    """The folded phrase and its plural: in Spanish the head noun and its adjectives
    ("declaracion patrimonial" -> "declaraciones patrimoniales"), in English the
    head ("conflict of interest" -> "conflicts of interest")."""
    words = phrase.split()
    if not words:
        return set()
    if language == "es":
        end = next((i for i, w in enumerate(words) if w in SPANISH_BREAKS), len(words))
        plural = [_spanish_plural(w) for w in words[:end]] + words[end:]
    else:
        end = next((i for i, w in enumerate(words) if w in ENGLISH_BREAKS), len(words))
        plural = list(words)
        if end:
            plural[end - 1] = _english_plural(words[end - 1])
    return {phrase, " ".join(plural)}


def _spanish_plural(word: str) -> str:
    if len(word) < SHORTEST_PLURALISED or word[-1] in "sx" or not word.isalpha():
        return word
    if word[-1] in "aeiou":
        return word + "s"
    if word.endswith("z"):
        return word[:-1] + "ces"
    return word + "es"


def _english_plural(word: str) -> str:
    if len(word) < SHORTEST_PLURALISED or word[-1] == "s" or not word.isalpha():
        return word
    if word.endswith(("x", "z", "ch", "sh")):
        return word + "es"
    if word[-1] == "y" and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _merge(found: list[Concept]) -> list[Concept]:
    """Join concepts that share a phrase (or a phrase's plural)."""
    merged: list[tuple[Concept, set[str]]] = []
    for concept in found:
        reach = {
            variant
            for language, phrases in (("es", concept.spanish), ("en", concept.english))
            for phrase in phrases
            for variant in plural_variants(phrase, language)
        }
        overlapping = [(m, r) for m, r in merged if r & reach]
        for m, r in overlapping:
            merged.remove((m, r))
            concept = Concept(
                list(dict.fromkeys(m.spanish + concept.spanish)),
                list(dict.fromkeys(m.english + concept.english)),
            )
            reach |= r
        merged.append((concept, reach))
    return [concept for concept, _reach in merged]
