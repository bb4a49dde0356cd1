"""One rule for source URLs (practices.web_addresses): the importers and the
practice model refuse a URL whose host depends on who parses it."""

import pytest
from django.core.exceptions import ValidationError

from practices.importers.batch import run_import
from practices.models import PracticePage
from practices.records.record import ParsedRow, SourceLink
from practices.web_addresses import validate_source_url
from tests.factories import practice_record

AMBIGUOUS = [
    "http://127.0.0.1:9200\\@example.com/",
    "http://user:secret@example.org/informe",
    "http://example.org@127.0.0.1/",
    "https://example.org/a\\b",
]


@pytest.mark.parametrize("url", AMBIGUOUS)
def test_the_validator_refuses_backslashes_and_user_names(url):
    with pytest.raises(ValidationError) as raised:
        validate_source_url(url)
    assert raised.value.code == "ambiguous"


@pytest.mark.parametrize(
    "url", ["https://example.org/informe.pdf", "http://sub.example.org:8080/a?b=c"]
)
def test_the_validator_accepts_plain_web_addresses(url):
    validate_source_url(url)


@pytest.mark.django_db
@pytest.mark.parametrize("url", AMBIGUOUS)
def test_the_importer_rejects_the_record_and_writes_nothing(site, url):
    record = practice_record(
        "ambiguous-source",
        "Cabildo abierto",
        "Sesiones abiertas del cabildo.",
        sources=[SourceLink("Informe", url)],
    )
    report = run_import(lambda: [ParsedRow(1, record)], publish=True)
    assert report.rejected
    assert "backslash, user name or password" in str(report.rejected)
    assert not PracticePage.objects.filter(source_id="ambiguous-source").exists()
