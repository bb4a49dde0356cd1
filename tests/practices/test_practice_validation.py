"""An editor cannot save a practice whose facts contradict each other."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from practices.models import PracticePage
from taxonomy.models import Country, Subdivision

pytestmark = pytest.mark.django_db


def _practice(**fields):
    values = {
        "title": "Presupuesto abierto",
        "slug": "presupuesto-abierto",
        "summary": "Publicación mensual del ejercicio del gasto.",
        "country": Country.objects.get(code="MX"),
    }
    values.update(fields)
    return PracticePage(**values)


def _errors(page) -> dict:
    with pytest.raises(ValidationError) as caught:
        page.full_clean(
            exclude=["path", "depth", "content_type", "locale", "translation_key"]
        )
    return caught.value.message_dict


def test_end_year_before_start_year_is_refused(site):
    assert "end_year" in _errors(_practice(start_year=2020, end_year=2018))


@pytest.mark.parametrize("year", [1979, datetime.date.today().year + 1])
def test_years_outside_1980_to_this_year_are_refused(site, year):
    assert "start_year" in _errors(_practice(start_year=year))


def test_subdivision_must_belong_to_the_country(site):
    errors = _errors(
        _practice(
            country=Country.objects.get(code="AR"),
            subdivision=Subdivision.objects.get(code="MX-JAL"),
        )
    )
    assert "subdivision" in errors


def test_summary_is_length_limited(site):
    assert "summary" in _errors(_practice(summary="x" * 601))


def test_a_consistent_practice_is_accepted(site):
    page = _practice(
        start_year=2016,
        end_year=2019,
        subdivision=Subdivision.objects.get(code="MX-JAL"),
    )
    page.full_clean(
        exclude=["path", "depth", "content_type", "locale", "translation_key"]
    )
