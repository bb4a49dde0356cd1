"""What the search box suggests as you type: practice titles and taxonomy terms.

A term is offered as the filter it is (its facet, value and the facet's name in the
reader's language: "Open data", a theme, and "Open data", a practice type, are two
suggestions), so that choosing it applies the filter rather than typing its words.
"""

from django.utils import translation

from kb.text import fold
from practices.facets import FACETS

from .labels import facet_labels
from .node import run_search
from .results import pick


def autocomplete(prefix: str, lang: str, size: int = 8) -> dict:
    """Practice titles and taxonomy terms that start like what was typed."""
    prefix = " ".join(prefix.split())[:100]
    if len(prefix) < 2:
        return {"practices": [], "terms": []}
    folded = fold(prefix)
    terms = []
    for facet in FACETS:
        if not facet.in_autocomplete:
            continue
        with translation.override(lang):
            facet_label = str(facet.label)
        for value, label in facet_labels()[facet.name].items():
            text = label.text(lang)
            if any(_starts_nearly(word, folded) for word in _prefixes(fold(text))):
                terms.append(
                    {
                        "facet": facet.name,
                        "value": value,
                        "label": text,
                        "facet_label": facet_label,
                    }
                )
    body = {
        "size": size,
        "query": {
            "bool": {
                "should": [
                    # What was typed, as typed, first; then within one typo a
                    # word ("municpal"), for words of four letters or more.
                    {
                        "match": {
                            "title_autocomplete": {
                                "query": prefix,
                                "operator": "and",
                                "boost": 2,
                            }
                        }
                    },
                    {
                        "match": {
                            "title_autocomplete": {
                                "query": prefix,
                                "operator": "and",
                                "fuzziness": AUTOCOMPLETE_FUZZINESS,
                                "prefix_length": 1,
                                "max_expansions": 20,
                            }
                        }
                    },
                ]
            }
        },
        "_source": ["id", "urls", "titles", "original_language"],
    }
    response = run_search(body)
    practices = []
    for hit in response["hits"]["hits"]:
        source = hit["_source"]
        shown = (
            lang if lang in source["urls"] else source.get("original_language", "es")
        )
        practices.append(
            {
                "title": pick(source["titles"], shown, "es"),
                "url": pick(source["urls"], shown, "es"),
            }
        )
    return {"practices": practices, "terms": terms[:size]}


# At most one typo, and none in words shorter than four letters.
AUTOCOMPLETE_FUZZINESS = "AUTO:4,1000"


def _starts_nearly(text: str, typed: str) -> bool:
    """`text` starts with `typed`, or (for four letters or more) with a string one
    edit away from it: a letter missing, added, changed or two swapped."""
    if text.startswith(typed):
        return True
    if len(typed) < 4:
        return False
    return any(
        _one_edit_apart(text[:length], typed)
        for length in (len(typed) - 1, len(typed), len(typed) + 1)
    )


def _one_edit_apart(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        differ = [i for i in range(len(a)) if a[i] != b[i]]
        if len(differ) == 1:
            return True
        first, second = differ[0], differ[-1]
        return (
            len(differ) == 2
            and second == first + 1
            and a[first] == b[second]
            and a[second] == b[first]
        )
    shorter, longer = sorted((a, b), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def _prefixes(text: str) -> list[str]:
    """The label and each of its word-suffixes, so 'datos' finds 'Datos abiertos'
    and 'abiertos' does too."""
    words = text.split()
    return [" ".join(words[i:]) for i in range(len(words))]
