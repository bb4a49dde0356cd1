"""Editors draft and submit; only moderators publish; both can translate."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, Workflow

from practices.importers.batch import run_import
from practices.importers.formats import row_reader
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice(site, ogp_small):
    run_import(row_reader("ogp", ogp_small))
    return PracticePage.objects.get(source_id="TST0001")


def _member(django_user_model, group_name):
    user = django_user_model.objects.create_user(group_name.lower(), password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_editors_can_edit_but_not_publish(practice, django_user_model):
    editor = _member(django_user_model, "Editors")
    permissions = practice.permissions_for_user(editor)
    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert editor.has_perm("wagtailadmin.access_admin")
    assert editor.has_perm("simple_translation.submit_translation")
    assert not editor.has_perm("taxonomy.change_theme")
    assert not editor.has_perm("wagtaildocs.delete_document")


def test_moderators_can_publish_and_curate_vocabularies(practice, django_user_model):
    moderator = _member(django_user_model, "Moderators")
    practice.save_revision().publish()
    practice.refresh_from_db()
    permissions = practice.permissions_for_user(moderator)
    assert permissions.can_publish()
    assert permissions.can_unpublish()
    assert moderator.has_perm("taxonomy.change_theme")
    assert moderator.has_perm("taxonomy.add_outcome")


def test_practices_go_through_the_moderation_workflow(practice):
    workflow = practice.get_workflow()
    assert isinstance(workflow, Workflow) and workflow.active
    [task] = workflow.tasks.all()
    assert list(task.specific.groups.values_list("name", flat=True)) == ["Moderators"]


def test_an_editor_submission_waits_for_a_moderator(practice, django_user_model):
    editor = _member(django_user_model, "Editors")
    moderator = _member(django_user_model, "Moderators")
    revision = practice.save_revision(user=editor)
    state = practice.get_workflow().start(practice, editor)
    assert not PracticePage.objects.get(pk=practice.pk).live
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")
    practice.refresh_from_db()
    assert practice.live
    assert practice.live_revision_id == revision.pk


def test_an_editor_does_not_delete_someone_elses_draft(practice, django_user_model):
    """Wagtail's "change" permission lets its holder delete any unpublished page;
    an editor deletes only the drafts they own."""
    editor = _member(django_user_model, "Editors")
    author = _member(django_user_model, "Moderators")
    practice.owner = author
    practice.save()
    assert not practice.live
    assert practice.permissions_for_user(editor).can_edit()
    assert not practice.permissions_for_user(editor).can_delete()
    # Through a plain Page too, as the explorer's listings and bulk actions hold it.
    plain = Page.objects.get(pk=practice.pk)
    assert not plain.permissions_for_user(editor).can_delete()


def test_an_editor_deletes_a_draft_of_their_own_but_not_once_published(
    practice, django_user_model
):
    editor = _member(django_user_model, "Editors")
    practice.owner = editor
    practice.save()
    assert practice.permissions_for_user(editor).can_delete()
    practice.save_revision().publish()
    practice.refresh_from_db()
    assert not practice.permissions_for_user(editor).can_delete()


def test_moderators_delete_drafts_and_published_practices(practice, django_user_model):
    moderator = _member(django_user_model, "Moderators")
    assert practice.owner_id != moderator.pk
    assert practice.permissions_for_user(moderator).can_delete()
    practice.save_revision().publish()
    practice.refresh_from_db()
    assert practice.permissions_for_user(moderator).can_delete()


def test_the_delete_view_refuses_an_editor_someone_elses_draft(
    practice, django_user_model, client
):
    editor = _member(django_user_model, "Editors")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:delete", args=[practice.pk])
    response = client.post(url)
    assert response.status_code in (302, 403)
    assert PracticePage.objects.filter(pk=practice.pk).exists()
