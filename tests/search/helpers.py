from django.http import QueryDict

from search.filters import parse_filters
from search.service import search_practices


def search(querystring: str = ""):
    return search_practices(parse_filters(QueryDict(querystring)))


def titles(results) -> set[str]:
    return {hit.title for hit in results.results}
