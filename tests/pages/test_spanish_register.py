"""The Spanish site pages address the reader as "tú", like the rest of the public
site; the migration that brings existing pages over changes only untouched text."""

import importlib

import pytest
from django.apps import apps as global_apps

from pages.models import StandardPage

pytestmark = pytest.mark.django_db

say_tu = importlib.import_module("pages.migrations.0006_spanish_pages_say_tu")

FORMAL = ("Indique", "si usó", "puede copiarlos", "Escríbanos", "sus derechos")


@pytest.mark.parametrize("path", ["/datos-abiertos/", "/contacto/", "/privacidad/"])
def test_the_spanish_site_pages_say_tu(client, site, path):
    html = client.get(path).content.decode()
    assert [words for words in FORMAL if words in html] == []


def _open_data_page():
    return StandardPage.objects.get(locale__language_code="es", slug="datos-abiertos")


def _as_written_then(page):
    """The open-data page as this migration left it: the site's text has moved on
    since (0007 names the Excel workbook)."""
    _field, _usted, tu = say_tu._texts()[0]
    StandardPage.objects.filter(pk=page.pk).update(body=tu)
    revision = page.get_latest_revision()
    revision.content["body"] = tu
    revision.save(update_fields=["content"])


def test_the_migration_changes_only_the_untouched_first_version_and_can_be_reversed(
    site,
):
    page = _open_data_page()
    _as_written_then(page)
    say_tu.use_usted(global_apps, None)
    page.refresh_from_db()
    assert "Indique la fecha" in page.body
    assert "Indique la fecha" in page.get_latest_revision().content["body"]

    say_tu.use_tu(global_apps, None)
    page.refresh_from_db()
    assert "Indica la fecha de la versión y, si usaste" in page.body
    assert "Indica la fecha" in page.get_latest_revision().content["body"]

    say_tu.use_usted(global_apps, None)
    edited = _open_data_page().body.replace("Cómo citar", "Cómo citarnos")
    StandardPage.objects.filter(pk=page.pk).update(body=edited)
    say_tu.use_tu(global_apps, None)
    page.refresh_from_db()
    assert page.body == edited  # an editor's text is left as it is
    contact = StandardPage.objects.get(locale__language_code="es", slug="contacto")
    assert contact.introduction.startswith("Escríbenos")
