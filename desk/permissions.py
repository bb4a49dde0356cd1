"""Who may use the desk: editors see and fix, only moderators merge and publish."""

from wagtail.permission_policies.pages import PagePermissionPolicy

page_policy = PagePermissionPolicy()


def can_use_desk(user) -> bool:
    """Editors and moderators (anyone who may add, change or publish practices)."""
    return page_policy.user_has_any_permission(user, ["add", "change", "publish"])


def editable_pages(user):
    return page_policy.instances_user_has_permission_for(user, "change")


def can_publish(user, page) -> bool:
    return page.permissions_for_user(user).can_publish()
