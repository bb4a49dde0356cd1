"""CSRF on the public form, and contributed markup inert in the moderators' admin."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from contributions.models import Submission

from .test_contribution_form import URL, _data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]
SCRIPT = '<script>alert("x")</script>'
IMAGE = "<img src=x onerror=alert(1)>"


def test_a_post_without_the_csrf_token_is_refused(client):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(URL, _data())
    assert response.status_code == 403
    assert Submission.objects.count() == 0


def test_markup_from_a_contributor_is_inert_in_the_admin(client, django_user_model):
    client.post(
        URL,
        _data(
            title=f"Cabildo {IMAGE} abierto",
            name=f"Ana {SCRIPT}",
            organisation=IMAGE,
            actions=SCRIPT,
        ),
    )
    submission = Submission.objects.get()
    moderator = django_user_model.objects.create_user("mod", password="x")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    for url in (
        f"/admin/contributions/inspect/{submission.pk}/",
        "/admin/contributions/",
        f"/admin/pages/{submission.practice_id}/edit/",
        "/admin/",
    ):
        html = client.get(url).content.decode()
        assert SCRIPT not in html, url
        assert IMAGE not in html, url
    inspect = client.get(f"/admin/contributions/inspect/{submission.pk}/")
    assert "Ana &lt;script&gt;" in inspect.content.decode()


def test_the_contributor_is_told_of_a_similar_published_practice(client):
    client.post(URL, _data())
    first = Submission.objects.get()
    first.practice.save_revision().publish()
    response = client.post(
        URL,
        _data(title="Cabildo abierto digital de Tlaquepaque", email="b@example.org"),
        follow=True,
    )
    html = response.content.decode()
    assert "muy parecido" in html
    assert f'href="{first.practice.specific.url}"' in html


def test_a_similar_draft_is_flagged_but_never_shown_to_the_contributor(client):
    client.post(URL, _data())  # still in moderation
    response = client.post(
        URL,
        _data(title="Cabildo abierto digital de Tlaquepaque", email="b@example.org"),
        follow=True,
    )
    second = Submission.objects.order_by("created_at").last()
    assert second.possible_duplicate_of is not None  # moderators see the flag
    assert "Cabildo abierto digital en Tlaquepaque" not in response.content.decode()
