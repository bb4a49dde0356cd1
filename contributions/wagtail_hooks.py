"""Moderators (and only they) see who sent each contribution."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Submission


class SubmissionViewSet(ModelViewSet):
    model = Submission
    icon = "mail"
    menu_label = _("Contributions")
    menu_order = 160
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = [
        "reference",
        "practice",
        "status",
        "possible_duplicate_of",
        "created_at",
    ]
    list_filter = ["status"]
    search_fields = ["reference"]
    form_fields = ["status"]


@hooks.register("register_admin_viewset")
def register_submission_viewset():
    return SubmissionViewSet("contributions")
