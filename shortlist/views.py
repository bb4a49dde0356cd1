"""The list page and the comparison page, both drawn from `?ids=` alone, so that
they work without JavaScript and are shared by their address."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from practices.dataset import PageAddresses

from .chosen import chosen_practices
from .comparison import comparison_rows
from .selection import (
    MAX_COMPARED,
    MAX_LISTED,
    MIN_COMPARED,
    Selection,
    SelectionError,
    parse_selection,
)


def _reader_language() -> str:
    return "en" if (get_language() or "es").startswith("en") else "es"


def _read(request, template: str, maximum: int, fill):
    """Parse the ids, find their practices and let `fill` add the page's own parts.
    Unreadable ids or too many: the page, saying so, with 400."""
    lang = _reader_language()
    data = {
        "lang": lang,
        "error": "",
        "practices": [],
        "missing": [],
        "selection": Selection(),
        "max_listed": MAX_LISTED,
        "min_compared": MIN_COMPARED,
        "max_compared": MAX_COMPARED,
    }
    try:
        asked = parse_selection(request.GET, maximum=maximum)
    except SelectionError as exc:
        data["error"] = exc.message
        return render(request, template, data, status=400)
    chosen = chosen_practices(asked, lang=lang, url_for=PageAddresses(request))
    data.update(
        practices=chosen.found, missing=chosen.missing, selection=chosen.selection
    )
    data["asked"] = asked
    return render(request, template, data, status=fill(data) or 200)


@require_GET
def my_list(request):
    """The chosen practices, with their citations and links to export and compare."""

    def fill(data):
        selection = data["selection"]
        lang = data["lang"]
        export = reverse("api-export")
        data["export_links"] = {
            "csv": f"{export}?{selection.query(format='csv', lang=lang)}",
            "xlsx": f"{export}?{selection.query(format='xlsx', lang=lang)}",
            "json": f"{export}?{selection.query(format='json', lang=lang)}",
        }
        data["compare_url"] = f"{reverse('compare')}?{selection.query()}"

    return _read(request, "shortlist/my_list.html", MAX_LISTED, fill)


@require_GET
def compare(request):
    """Two to four practices side by side; otherwise a message saying why not, and
    (for more than four) a form to choose which."""

    def fill(data):
        data["list_url"] = f"{reverse('shortlist')}?{data['selection'].query()}"
        if data["selection"].can_be_compared:
            data["rows"] = comparison_rows(data["practices"], data["lang"])
            return 200
        # Asked for too few or too many: the visitor's mistake; asked well but
        # some are gone: not found.
        return 400 if not data["asked"].can_be_compared else 404

    return _read(request, "shortlist/compare.html", MAX_LISTED, fill)
