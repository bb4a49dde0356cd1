from django.http import QueryDict

from search.client import get_client
from search.filters import parse_filters
from search.service import search_practices


def search(querystring: str = ""):
    return search_practices(parse_filters(QueryDict(querystring)))


def titles(results) -> set[str]:
    return {hit.title for hit in results.results}


def tokens_of_each(index: str, analyzer: str, texts: list[str]) -> list[set[str]]:
    """The tokens `analyzer` gives each text, in one analyze request: tokens are
    told apart by their offsets (each text starts one character after the previous
    one ends)."""
    response = get_client().indices.analyze(
        index=index,
        body={"analyzer": analyzer, "text": texts},
        request_timeout=30,  # a node shared with other work
    )
    starts, position = [], 0
    for text in texts:
        starts.append(position)
        position += len(text) + 1
    found: list[set[str]] = [set() for _text in texts]
    for token in response["tokens"]:
        which = max(
            i for i, start in enumerate(starts) if start <= token["start_offset"]
        )
        found[which].add(token["token"])
    return found
