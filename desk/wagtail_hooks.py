"""The desk inside Wagtail's admin: dashboard panel, editor panel, reports, actions."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .bulk_actions import BULK_ACTIONS
from .duplicates import MERGE_ACTION
from .editor import PracticePageViewSet, StandardPageViewSet
from .panels import CollectionPanel
from .permissions import can_use_desk
from .review import REVIEWED_ACTION
from .workflow_labels import translate_submit_label


class DeskReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_use_desk(request.user)


@hooks.register("register_admin_urls")
def register_desk_urls():
    return [path("desk/", include(urls, namespace="desk"))]


@hooks.register("register_admin_viewset")
def register_practice_editor():
    return PracticePageViewSet("practice_pages")


@hooks.register("register_admin_viewset")
def register_standard_page_editor():
    return StandardPageViewSet("standard_pages")


@hooks.register("construct_homepage_panels")
def add_collection_panel(request, panels):
    if can_use_desk(request.user):
        panels.append(CollectionPanel())


hooks.register("construct_page_action_menu", translate_submit_label)


@hooks.register("register_log_actions")
def register_desk_log_actions(actions):
    actions.register_action(
        REVIEWED_ACTION, _("Mark as reviewed"), _("Marked as reviewed")
    )
    actions.register_action(
        MERGE_ACTION, _("Merge duplicates"), _("Merged with a duplicate")
    )


def _report_item(label, url_name, icon, order):
    return DeskReportMenuItem(
        label,
        reverse(url_name),
        name=url_name.replace(":", "-"),
        icon_name=icon,
        order=order,
    )


@hooks.register("register_reports_menu_item")
def register_broken_links_report():
    return _report_item(_("Broken source links"), "desk:broken_links", "link", 50)


@hooks.register("register_reports_menu_item")
def register_duplicates_report():
    return _report_item(_("Possible duplicates"), "desk:duplicates", "copy", 55)


@hooks.register("register_reports_menu_item")
def register_translations_report():
    return _report_item(_("Translation status"), "desk:translations", "globe", 60)


@hooks.register("register_reports_menu_item")
def register_index_queue_report():
    return _report_item(_("Search index queue"), "desk:index_queue", "search", 80)


for _action in BULK_ACTIONS:
    hooks.register("register_bulk_action", _action)
