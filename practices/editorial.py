"""The editorial roles: what an editor and a moderator may do in the admin.

Wagtail's own migrations create the "Editors" and "Moderators" groups and a
"Moderators approval" workflow on the root page (named in both languages by
practices.0010). This module narrows and extends
them to what this repertory needs, after every migrate (idempotent), and says who
may delete a page (`EditorialPermissionTester`).
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import PagePermissionTester

EDITOR_PERMISSIONS = {
    "wagtailadmin.access_admin",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "simple_translation.submit_translation",
    "taggit.add_tag",
}
TAXONOMY_MODELS = (
    "theme",
    "outcome",
    "evidencelevel",
    "governmentlevel",
    "regulatedpartytype",
    "practicetype",
    "practicestatus",
    "region",
    "country",
    "subdivision",
)
MODERATOR_PERMISSIONS = (
    EDITOR_PERMISSIONS
    | {"wagtaildocs.delete_document", "wagtailimages.delete_image", "taggit.change_tag"}
    # Only moderators see contributors' personal data.
    | {"contributions.view_submission", "contributions.change_submission"}
    | {"contributions.view_erasurelog"}
    # The site's role pages (about, privacy notice...): a Wagtail setting since
    # they left the standard pages, which moderators could already edit.
    | {"pages.change_sitepages"}
    | {
        f"taxonomy.{action}_{model}"
        for model in TAXONOMY_MODELS
        for action in ("add", "change")
    }
)
EDITOR_PAGE_PERMISSIONS = {"add_page", "change_page"}
MODERATOR_PAGE_PERMISSIONS = {
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
}


class EditorialPermissionTester(PagePermissionTester):
    """Wagtail's page permissions, but only those who publish delete others' pages.

    Wagtail ties deleting to editing: "change" ("Edit any page") also deletes any
    unpublished page, and it has no page permission for deleting alone, so no group
    permission can let editors fix every practice without deleting their drafts.
    Without "publish" (editors), a user deletes only unpublished pages they own,
    Wagtail's own rule for "add" alone; with it (moderators), Wagtail's rule stands.
    """

    def can_delete(self, ignore_bulk=False):
        if not super().can_delete(ignore_bulk=ignore_bulk):
            return False
        if self.user.is_superuser or "publish" in self.permissions:
            return True
        pages = self.page.get_descendants(inclusive=True)
        return not pages.exclude(live=False, owner=self.user).exists()


class EditorialPagePermissions:
    """Mixed into the site's page types, so that every admin view and listing that
    asks `page.permissions_for_user(user)` gets the editorial rule."""

    def permissions_for_user(self, user):
        return EditorialPermissionTester(user, self)


def _permissions(names: set[str]) -> list[Permission]:
    found = []
    for name in sorted(names):
        app_label, codename = name.split(".", 1)
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            found.append(permission)
    return found


@transaction.atomic
def configure_editorial_groups() -> None:
    from wagtail.models import GroupPagePermission, Page

    root = Page.get_first_root_node()
    if root is None:
        return
    for group_name, model_perms, page_perms in (
        ("Editors", EDITOR_PERMISSIONS, EDITOR_PAGE_PERMISSIONS),
        ("Moderators", MODERATOR_PERMISSIONS, MODERATOR_PAGE_PERMISSIONS),
    ):
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.set(_permissions(model_perms))
        GroupPagePermission.objects.filter(group=group, page=root).exclude(
            permission__codename__in=page_perms
        ).delete()
        for codename in page_perms:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=permission
            )


def on_post_migrate(sender, **kwargs) -> None:
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    # Apps listed after this one get their permissions later in the same migrate.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    configure_editorial_groups()
