from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

# Under the language prefix (kb/urls.py): /mi-lista/ and /en/my-list/, /comparar/
# and /en/compare/.
page_patterns = [
    path(_("my-list/"), views.my_list, name="shortlist"),
    path(_("compare/"), views.compare, name="compare"),
]
