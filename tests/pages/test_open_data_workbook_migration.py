"""The migration that names the Excel workbook on the open-data page changes only
the untouched previous text, in both languages, and can be reversed."""

import importlib

import pytest
from django.apps import apps as global_apps

from pages.models import StandardPage

pytestmark = pytest.mark.django_db

workbook = importlib.import_module("pages.migrations.0007_open_data_names_the_workbook")


def _open_data(language: str) -> StandardPage:
    slug = {"es": "datos-abiertos", "en": "open-data"}[language]
    return StandardPage.objects.get(locale__language_code=language, slug=slug)


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_site_text_is_the_migrations_latest(site, language):
    """A new site starts where the migration leaves an old one."""
    after = {lang: new for lang, _old, new in workbook.CHANGES}[language]
    assert _open_data(language).body == after


@pytest.mark.parametrize("language", ["es", "en"])
def test_only_the_untouched_text_changes_and_it_can_be_reversed(site, language):
    before, after = {lang: (old, new) for lang, old, new in workbook.CHANGES}[language]
    workbook.leave_it_unnamed(global_apps, None)
    page = _open_data(language)
    assert page.body == before
    assert page.get_latest_revision().content["body"] == before
    assert "Excel" not in page.body

    workbook.name_the_workbook(global_apps, None)
    page.refresh_from_db()
    assert page.body == after
    assert page.get_latest_revision().content["body"] == after

    workbook.leave_it_unnamed(global_apps, None)
    edited = before.replace("</h2>", ":</h2>", 1)
    StandardPage.objects.filter(pk=page.pk).update(body=edited)
    workbook.name_the_workbook(global_apps, None)
    page.refresh_from_db()
    assert page.body == edited  # an editor's text is left as it is
