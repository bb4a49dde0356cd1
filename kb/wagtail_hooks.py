from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
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


@hooks.register("insert_global_admin_css")
def admin_on_a_phone_css():
    """Listings that scroll sideways instead of being clipped (static/css/admin.css)."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))
