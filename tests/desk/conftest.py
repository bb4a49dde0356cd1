"""The desk's tests: a real database, a real OpenSearch index of their own
(`empty_index`, tests/conftest.py)."""

import uuid

import pytest
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from practices.models import PracticePage
from tests.factories import create_practices, practice_record, translation_pair


def _member(django_user_model, group_name: str | None):
    user = django_user_model.objects.create_user(
        f"{group_name or 'nobody'}-{uuid.uuid4().hex[:6]}".lower(), password="x"
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    # The admin speaks English to these users, so assertions can read its words.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def editor(django_user_model, site):
    return _member(django_user_model, "Editors")


@pytest.fixture
def moderator(django_user_model, site):
    return _member(django_user_model, "Moderators")


@pytest.fixture
def outsider(django_user_model, site):
    """May enter the admin, but holds no page permission."""
    from django.contrib.auth.models import Permission

    user = _member(django_user_model, None)
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    return user


@pytest.fixture
def client_for(client):
    def login(user):
        client.force_login(user)
        return client

    return login


@pytest.fixture
def make_practice(site):
    """A practice created through the import path; published unless told otherwise."""

    def make(title="Cabildo abierto en Guadalajara", *, publish=True, **fields):
        source_id = f"desk-{uuid.uuid4().hex[:8]}"
        summary = fields.pop(
            "summary", "Los vecinos proponen y votan obras en sesiones abiertas."
        )
        create_practices(
            [practice_record(source_id, title, summary, **fields)], publish=publish
        )
        return PracticePage.objects.get(source_id=source_id)

    return make


@pytest.fixture
def make_pair(site):
    def make(spanish: dict, english: dict) -> list[PracticePage]:
        source_id = f"desk-{uuid.uuid4().hex[:8]}"
        create_practices(translation_pair(source_id, spanish, english))
        return list(
            PracticePage.objects.filter(source_id=source_id).order_by(
                "locale__language_code"
            )
        )

    return make
