"""The editorial roles: what an editor and a moderator may do in the admin.

Wagtail's own migrations create the "Editors" and "Moderators" groups and a
"Moderators approval" workflow on the root page. This module narrows and extends
them to what this repertory needs, after every migrate (idempotent).
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

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
