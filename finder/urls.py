from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

# Under the language prefix (kb/urls.py): /encuentra/ and /en/find/.
page_patterns = [
    path("", views.finder_page, name="finder"),
    path(_("brief/"), views.finder_brief, name="finder-brief"),
]
api_patterns = [path("finder/", views.finder_api, name="api-finder")]
