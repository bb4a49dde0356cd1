"""A merge that meets another writer's lock tells the moderator and offers a retry;
it never answers 500, and nothing is half-merged."""

import sqlite3

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from practices.models import PracticePage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def short_busy_timeout():
    """Wait 0.3 s for a lock instead of 20, so the test is quick."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's lock; PostgreSQL waits on row locks instead")
    options = connection.settings_dict["OPTIONS"]
    saved = options.get("timeout")
    options["timeout"] = 0.3
    connection.close()
    yield
    options["timeout"] = saved
    connection.close()


def test_a_locked_database_gives_a_message_and_a_retry_then_the_merge(
    client_for, moderator, make_practice, short_busy_timeout
):
    first = make_practice("Presupuesto participativo de Zapopan")
    second = make_practice("Presupuestos participativos en Zapopan")
    client = client_for(moderator)
    data = {"first": first.pk, "second": second.pk, "keep": first.pk}

    other_writer = sqlite3.connect(connection.settings_dict["NAME"], timeout=0)
    other_writer.execute("BEGIN IMMEDIATE")
    try:
        response = client.post(reverse("desk:merge"), data)
    finally:
        other_writer.rollback()
        other_writer.close()

    assert response.status_code == 503
    assert response["Retry-After"] == "2"
    html = response.content.decode()
    message = (
        "Another change was being saved at the same moment, so this one could not "
        "be saved. Nothing was changed: try again in a moment."
    )
    with translation.override(response["Content-Language"]):
        assert translation.gettext(message) in html  # in the admin's language
    assert f'name="keep" value="{first.pk}"' in html  # the retry sends it again
    assert PracticePage.objects.get(pk=second.pk).live  # nothing half-merged

    retried = client.post(reverse("desk:merge"), data)
    assert retried.status_code == 302
    assert not PracticePage.objects.get(pk=second.pk).live
