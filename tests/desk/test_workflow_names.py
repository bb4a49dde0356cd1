"""The moderation workflow's name in the page history of a Spanish editor.

Wagtail's migration wrote the workflow and its task as "Moderators approval", and
the history prints the name each entry stored; practices.0010 names them in both
languages, Spanish first, entries already written included."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail.models import PageLogEntry, Task, Workflow
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db
BOTH_NAMES = "Aprobación de moderadores / Moderators approval"
names_migration = importlib.import_module(
    "practices.migrations.0010_moderation_workflow_names"
)


def _speaks_spanish(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "es"
    profile.save()
    return user


def _history(client, page) -> str:
    url = reverse("wagtailadmin_pages:history", args=[page.pk])
    return client.get(url).content.decode()


def test_a_spanish_editor_reads_the_workflow_in_spanish_in_the_history(
    client_for, editor, make_practice
):
    page = make_practice(publish=False)
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    html = _history(client_for(_speaks_spanish(editor)), page)
    assert "Aprobación de moderadores" in html
    assert "'Moderators approval'" not in html.replace("&#x27;", "'")


def test_entries_written_under_wagtails_english_name_read_the_new_name(
    client_for, editor, make_practice
):
    """Entries logged before the rename (the history the walk read), and the rows."""
    workflow = Workflow.objects.get()
    workflow.name = names_migration.WAGTAIL_NAME
    workflow.save()
    Task.objects.filter(pk__in=workflow.tasks.all()).update(
        name=names_migration.WAGTAIL_NAME
    )
    page = make_practice(publish=False)
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    [entry] = PageLogEntry.objects.filter(page=page, action="wagtail.workflow.start")
    assert entry.data["workflow"]["title"] == names_migration.WAGTAIL_NAME

    names_migration.name_in_both_languages(apps, None)

    entry.refresh_from_db()
    assert entry.data["workflow"]["title"] == BOTH_NAMES
    assert entry.data["workflow"]["next"]["title"] == BOTH_NAMES
    assert Workflow.objects.get().name == BOTH_NAMES
    assert set(Task.objects.values_list("name", flat=True)) == {BOTH_NAMES}
    html = _history(client_for(_speaks_spanish(editor)), page)
    assert "Aprobación de moderadores" in html


def test_a_name_chosen_in_the_admin_is_left_as_it_is(make_practice):
    workflow = Workflow.objects.get()
    workflow.name = "Revisión editorial"
    workflow.save()
    names_migration.name_in_both_languages(apps, None)
    assert Workflow.objects.get().name == "Revisión editorial"
