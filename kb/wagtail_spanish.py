"""Wagtail's admin strings the project translates into Spanish itself.

Wagtail 8's Spanish catalogue leaves these untranslated or misspells them
("concidencia", "calquiera", "etiquedas"), and names the locale "Región", which
reads as a place beside our regions. Listing the msgids here puts them in the
project's catalogue (`makemessages`), whose translations come first
(`LOCALE_PATHS`). Nothing imports this module; the corrections are worth offering
upstream too.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

WAGTAIL_MSGIDS = [
    gettext_noop("Show filters"),
    gettext_noop("There are no results."),
    gettext_noop("Once live anyone can view"),
    gettext_noop("Locale"),
]
WAGTAIL_PLURAL_MSGIDS = [
    ngettext_lazy(
        "There is %(counter)s match", "There are %(counter)s matches", "counter"
    ),
    ngettext_lazy("Add tags to 1 image", "Add tags to %(counter)s images", "counter"),
    ngettext_lazy(
        '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
        "counter",
    ),
]
