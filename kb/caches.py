"""Which shared cache holds what (kb/settings/base.py: CACHES).

- `counters`: rate-limit counts and version stamps (the facet labels' version). Few,
  small and short-lived; sized so they are never culled, whatever else is cached.
- `queries`: one entry per unique search (query vectors, query translations), in a
  bounded cache of its own, so a stream of new queries culls only its own kind.
- `default`: everything else (labels, footer links, practice fragments), each
  rebuilt from the database on a miss.
"""

from django.core.cache import caches

COUNTERS = "counters"
QUERIES = "queries"


def counters_cache():
    return caches[COUNTERS]


def queries_cache():
    return caches[QUERIES]
