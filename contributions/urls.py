from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

urlpatterns = [
    path("", views.contribute, name="contribute"),
    path(_("thanks/<str:reference>/"), views.thanks, name="contribution-thanks"),
    path(_("status/"), views.status, name="contribution-status"),
]
