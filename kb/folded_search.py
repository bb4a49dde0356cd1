"""Matching rows to words typed without accents or capitals: "mexico" finds México,
"michoacan" Michoacán, "leon nuevo" Nuevo León, "participacion" Participación.

Done in Python with `kb.text.fold` over the few fields named: the tables it serves
are small (5,046 subdivisions at most; contributions, whose senders' data is erased
after the retention period), and it behaves the same on SQLite and PostgreSQL,
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


class FoldedSearch:
    """For an admin listing view: its search box ignores accents and capitals in
    the view's `search_fields` (Wagtail's own `icontains` minds both)."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return folded_matches(queryset, self.search_query, self.search_fields)
