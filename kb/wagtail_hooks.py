from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .two_factor_views import two_factor_setup


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [path("two-factor/", two_factor_setup, name="kb_two_factor")]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("kb_two_factor"),
        "label": _("Two-step sign-in"),
        "help_text": _("Ask for a code from an authenticator app after the password."),
    }
