"""The public API does what docs/api/openapi.yaml says, for requests schemathesis
generates from that schema: no server error, and every answer's status, media type,
headers and body are the ones the schema describes.

Runs in process against Django's WSGI application (the whole middleware stack), on
the shared corpus and the real node. `SCHEMA_EXAMPLES` scales the run
(docs/search.md).
"""

import os
from collections import Counter
from pathlib import Path

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from practices.models import PracticePage

pytestmark = pytest.mark.django_db

SCHEMA = schemathesis.openapi.from_path(
    Path(__file__).resolve().parents[2] / "docs" / "api" / "openapi.yaml"
)
EXAMPLES = int(os.environ.get("SCHEMA_EXAMPLES", "25"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
# Operations with inputs to generate; those without (the API's index and the
# document itself) are checked once each in test_fixed_answers_match_the_schema.
OPERATIONS = [
    (path, method.upper())
    for path, methods in SCHEMA.raw_schema["paths"].items()
    for method, spec in methods.items()
    if spec.get("parameters")
]
FIXED = [
    (path, method.upper())
    for path, methods in SCHEMA.raw_schema["paths"].items()
    for method, spec in methods.items()
    # Nothing to generate: no parameter and no body (the finder's POST has one).
    if not spec.get("parameters") and not spec.get("requestBody")
]


@pytest.fixture
def wsgi_app():
    """The site's WSGI application, as gunicorn serves it.

    Django closes the database connection when a request finishes; inside a test's
    transaction that would end it, so, as Django's test client does, not here.
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        SCHEMA.app = get_wsgi_application()
        yield SCHEMA.app
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture(params=["positive", "negative", "rate-limited"])
def generation(request, settings):
    """Valid requests, requests the schema forbids, and valid requests from a client
    over every limit (after its first two requests, 429)."""
    # Schemathesis's WSGI calls read a streamed export but never close it, so its
    # slot would never be given back (tests/opendata/test_export_limits.py tests
    # the cap on exports in progress): no cap here.
    settings.EXPORT_CONCURRENT_PER_CLIENT = settings.EXPORT_CONCURRENT_TOTAL = 10**6
    if request.param == "rate-limited":
        settings.RATE_LIMITS = dict.fromkeys(settings.RATE_LIMITS, "2/d")
    else:
        settings.RATE_LIMITS = {}
    if request.param == "negative":
        return GenerationMode.NEGATIVE
    return GenerationMode.POSITIVE


def _cases(operation, generation, corpus):
    """Generated cases; for one practice, valid ones also ask for real practices
    (a random UUID is always a 404)."""
    generated = operation.as_strategy(generation_mode=generation)
    if "{id}" not in operation.path or not generation.is_positive:
        return generated
    keys = PracticePage.objects.live().values_list("translation_key", flat=True)
    real = st.sampled_from([str(key) for key in keys]).flatmap(
        lambda key: operation.as_strategy(path_parameters={"id": key})
    )
    return st.one_of(generated, real)


@pytest.mark.parametrize(("path", "method"), OPERATIONS)
def test_generated_requests_get_the_answers_the_schema_describes(
    corpus, wsgi_app, generation, settings, path, method
):
    operation = SCHEMA[path][method]
    answered = Counter()

    @hypothesis_settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(_cases(operation, generation, corpus))
    def request(case):
        # Uncompressed, as the schema's media types describe the body (the site
        # gzips for clients that ask).
        response = case.call(headers={"Accept-Encoding": "identity"})
        answered[response.status_code] += 1
        case.validate_response(response, checks=CHECKS)

    request()
    print(
        f"{method} {path} {generation.value}: {answered.total()} requests",
        dict(sorted(answered.items())),
    )
    assert answered.total() >= min(EXAMPLES, 10)
    if settings.RATE_LIMITS:
        assert answered[429] > 0


@pytest.mark.parametrize(("path", "method"), FIXED)
def test_fixed_answers_match_the_schema(wsgi_app, settings, path, method):
    settings.RATE_LIMITS = {}
    case = SCHEMA[path][method].Case()
    response = case.call(headers={"Accept-Encoding": "identity"})
    assert response.status_code == 200
    case.validate_response(response, checks=CHECKS)
