"""Deleting a vocabulary term that classifies practices is refused with a message
naming the term and how many practices hold it; an unused term is deleted."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from practices.models import PracticePage
from taxonomy.models import Outcome, Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_for_terms(client, django_user_model, site):
    client.force_login(
        django_user_model.objects.create_superuser("terms", password="x")
    )
    return client


def _delete_url(term) -> str:
    return reverse(type(term).snippet_viewset.get_url_name("delete"), args=[term.pk])


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_theme_in_use_is_not_deleted_and_the_editor_is_told_why(
    admin_client_for_terms, make_practice, empty_index
):
    page = make_practice(themes=["lobbying"])
    theme = Theme.objects.get(slug="lobbying")
    listing = reverse(Theme.snippet_viewset.get_url_name("list"))

    for send in (admin_client_for_terms.get, admin_client_for_terms.post):
        response = send(_delete_url(theme))
        assert response.status_code == 302 and response.url == listing
        message = _messages(response)[-1]
        assert str(theme) in message and "1 practice is classified" in message

    assert Theme.objects.filter(pk=theme.pk).exists()
    assert list(PracticePage.objects.get(pk=page.pk).themes.all()) == [theme]


def test_an_outcome_held_by_two_practices_counts_both(
    admin_client_for_terms, make_practice, empty_index
):
    outcome = Outcome.objects.get(slug="information-published")
    make_practice("Cabildo abierto en Zapopan", outcomes=[outcome.slug])
    make_practice("Cabildo abierto en Tonalá", outcomes=[outcome.slug])

    response = admin_client_for_terms.post(_delete_url(outcome))

    assert "2 practices are classified" in _messages(response)[0]
    assert Outcome.objects.filter(pk=outcome.pk).exists()


def test_an_unused_theme_is_deleted(admin_client_for_terms, empty_index):
    theme = Theme.objects.create(
        slug="unused-theme", label_es="Sin uso", label_en="Unused"
    )

    response = admin_client_for_terms.post(_delete_url(theme))

    assert response.status_code == 302
    assert not Theme.objects.filter(pk=theme.pk).exists()
