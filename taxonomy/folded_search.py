"""Matching taxonomy rows to words typed without accents or capitals: "mexico"
finds México, "michoacan" Michoacán, "leon nuevo" Nuevo León.

Done in Python with `kb.text.fold` over the few fields named: the tables are small
(5,046 subdivisions at most), and it behaves the same on SQLite and PostgreSQL,
whose `icontains` ignores neither accents (without the unaccent extension) nor, on
SQLite, the case of accented capitals.
"""

from django.db.models import QuerySet

from kb.text import fold


def folded_matches(objects: QuerySet, query: str, fields) -> QuerySet:
    """The rows in which every word of `query` is found in one of `fields`."""
    words = fold(query).split()
    if not words:
        return objects
    matching = []
    for pk, *values in objects.values_list("pk", *fields):
        text = " ".join(fold(str(value or "")) for value in values)
        if all(word in text for word in words):
            matching.append(pk)
    return objects.filter(pk__in=matching)
