"""Sending searches to the node, their failures told apart for the caller."""

from contextlib import contextmanager

from django.conf import settings
from opensearchpy.exceptions import (
    NotFoundError,
    OpenSearchException,
    RequestError,
    TransportError,
)

from .client import get_client
from .indexer import alias_name


class SearchUnavailable(Exception):
    """OpenSearch cannot answer now; the caller shows a clear message, not an error page."""


class QueryRejected(SearchUnavailable):
    """OpenSearch refused the request itself (HTTP 400)."""


class TooManyClauses(QueryRejected):
    """The query expanded past the node's clause limit (indices.query.bool.
    max_clause_count, 1,024): many glossary terms, each with its synonyms, in many
    fields. The same words asked more plainly are answered."""


_CLAUSE_LIMIT_ERRORS = ("too_many_clauses", "too_many_nested_clauses")


def _over_clause_limit(exc: TransportError) -> bool:
    return any(name in str(exc.info) for name in _CLAUSE_LIMIT_ERRORS)


def _time_limit() -> str:
    return f"{int(settings.OPENSEARCH_SEARCH_TIMEOUT_SECONDS * 1000)}ms"


def run_search(body: dict, **params) -> dict:
    # The node stops a search that runs too long, rather than finish it for a
    # client that has given up: `timeout` returns what the shards found so far,
    # `cancel_after_time_interval` cancels the search task itself.
    # (`timeout` goes in the body: as a keyword, opensearch-py takes it for its own.)
    limit = _time_limit()
    body = {"timeout": limit, **body}
    params.setdefault("cancel_after_time_interval", limit)
    with engine_errors():
        return get_client().search(index=alias_name(), body=body, **params)


@contextmanager
def engine_errors():
    """The client's errors as the caller's: unavailable, or the query refused."""
    try:
        yield
    except NotFoundError as exc:
        raise SearchUnavailable("the practices index does not exist yet") from exc
    except TransportError as exc:
        if _over_clause_limit(exc):
            raise TooManyClauses("the query passed the node's clause limit") from exc
        if isinstance(exc, RequestError):
            raise QueryRejected(f"OpenSearch rejected the query: {exc.error}") from exc
        raise SearchUnavailable(
            f"OpenSearch did not answer: {type(exc).__name__}"
        ) from exc
    except (OpenSearchException, OSError) as exc:
        raise SearchUnavailable(
            f"OpenSearch did not answer: {type(exc).__name__}"
        ) from exc
