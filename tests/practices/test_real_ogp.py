"""The real OGP export (558 commitments) imports whole, and a second run changes nothing."""

import pytest

from practices.importers.batch import run_import
from practices.importers.formats import row_reader
from practices.models import PracticePage

from .conftest import shared_file

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_every_row_of_the_real_export_imports_and_reimport_is_a_no_op(site):
    path = shared_file("ogp_commitments_subset.csv")
    report = run_import(row_reader("ogp", path), publish=True)
    assert (report.created, report.rejected) == (558, [])
    assert PracticePage.objects.live().count() == 558
    jalisco = PracticePage.objects.filter(subdivision__code="MX-JAL")
    assert jalisco.exists()
    assert PracticePage.objects.filter(country__code="XK").count() == 2
    spanish = PracticePage.objects.filter(locale__language_code="es").count()
    assert 40 <= spanish <= 80  # the data's README: about 58 rows in Spanish

    again = run_import(row_reader("ogp", path), publish=True)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 558)
