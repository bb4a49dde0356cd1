"""The page tree's root is called "Repertorio" in the admin, not Wagtail's "Root";
the migration that names it renames only the untouched default."""

import importlib

import pytest
from django.apps import apps as global_apps
from django.urls import reverse
from wagtail.models import Page

pytestmark = pytest.mark.django_db

root_title = importlib.import_module("pages.migrations.0005_title_the_root_page")


def test_the_root_is_called_repertorio_in_the_admins_explorer(
    client, django_user_model
):
    root = Page.get_first_root_node()
    assert (root.title, root.draft_title) == ("Repertorio", "Repertorio")
    client.force_login(django_user_model.objects.create_superuser("tree", password="x"))
    html = client.get(reverse("wagtailadmin_explore", args=[root.pk])).content.decode()
    assert "Repertorio" in html
    assert ">Root<" not in html


def test_the_migration_renames_only_the_untouched_default_and_can_be_reversed():
    root = Page.get_first_root_node()
    Page.objects.filter(pk=root.pk).update(title="Root", draft_title="Root")
    root_title.title_the_root(global_apps, None)
    root.refresh_from_db()
    assert root.title == "Repertorio"
    root_title.restore_the_default_title(global_apps, None)
    root.refresh_from_db()
    assert root.title == "Root"
    Page.objects.filter(pk=root.pk).update(title="Raíz del sitio")
    root_title.title_the_root(global_apps, None)
    root.refresh_from_db()
    assert root.title == "Raíz del sitio"
