"""The search state, parsed and validated once from a request's query string.

The HTML page, the JSON API and exports all take a `SearchFilters`; nothing else
reads search parameters, and every link to another search (a page, a suggestion, a
filter added or removed) is built by it (`filters.url_with(page=3)`), never by
appending to a query string.

Parsing is strict: numbers are ASCII digits within bounds (`str.isdigit()` would let
"²" through to `int()`), and anything else is a `FilterError` naming the parameter,
with a message in the active language.
"""

import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.utils import translation
from django.utils.translation import gettext as _

from kb.translations import site_languages
from practices.facets import FACETS

from .labels import facet_labels

# "mexico": Mexican practices first among equally relevant ones (search/query.py).
SORTS = ("relevance", "newest", "oldest", "mexico")
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
MAX_RESULT_DEPTH = 10_000
MAX_QUERY_LENGTH = 300
# Control characters (a NUL from a crafted link, a stray escape) cannot be typed in
# the search box and mean nothing to the search; echoed, they would break the page.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
MIN_YEAR, MAX_YEAR = 1900, 2100
# At most six ASCII digits: larger numbers are out of every bound anyway.
WHOLE_NUMBER = re.compile(r"[0-9]{1,6}")
# "-1": a whole number, below every minimum; said so rather than "not a number".
NEGATIVE_NUMBER = re.compile(r"[-\u2212][0-9]+")


class FilterError(ValueError):
    """A parameter that cannot be understood; answered with 400 naming it."""

    def __init__(self, parameter: str, message: str):
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message


@dataclass(frozen=True)
class SearchFilters:
    q: str = ""
    selected: dict[str, tuple[str, ...]] = field(default_factory=dict)
    year_from: int | None = None
    year_to: int | None = None
    lang: str = "es"
    sort: str = "relevance"
    # Only practices whose results are documented (practices/evidence.py).
    documented: bool = False
    # Whether a year range keeps the practices without a start year; None: the
    # default, `includes_undated`.
    undated: bool | None = None
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    # Facet values the request gave that no term has, as (facet name, value given):
    # left out of the search, and named to the reader.
    ignored: tuple[tuple[str, str], ...] = ()

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(f"unknown {name} {raw!r} ignored" for name, raw in self.ignored)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    @property
    def has_years(self) -> bool:
        return self.year_from is not None or self.year_to is not None

    @property
    def includes_undated(self) -> bool:
        """Undated practices are kept unless both ends of the range are set (a
        period asked for in full), or the reader says otherwise (`undated`)."""
        if not self.has_years:
            return True
        if self.undated is not None:
            return self.undated
        return self.year_from is None or self.year_to is None

    @property
    def undated_default(self) -> bool:
        return self.year_from is None or self.year_to is None

    @property
    def active_filter_count(self) -> int:
        years = (self.year_from is not None) + (self.year_to is not None)
        selected = sum(len(values) for values in self.selected.values())
        return selected + years + self.documented

    def values(self, facet: str) -> tuple[str, ...]:
        return self.selected.get(facet, ())

    def query_items(self, *, include_page: bool = True) -> list[tuple[str, str]]:
        items: list[tuple[str, str]] = []
        if self.q:
            items.append(("q", self.q))
        for facet in FACETS:
            items += [(facet.name, value) for value in self.values(facet.name)]
        if self.year_from is not None:
            items.append(("year_from", str(self.year_from)))
        if self.year_to is not None:
            items.append(("year_to", str(self.year_to)))
        if self.documented:
            items.append(("documented", "1"))
        if self.has_years and self.includes_undated != self.undated_default:
            items.append(("undated", "1" if self.includes_undated else "0"))
        if self.sort != "relevance":
            items.append(("sort", self.sort))
        if include_page and self.page != 1:
            items.append(("page", str(self.page)))
        if self.page_size != DEFAULT_PAGE_SIZE:
            items.append(("page_size", str(self.page_size)))
        return items

    def querystring(self, **changes) -> str:
        return urlencode((replace(self, **changes) if changes else self).query_items())

    def url_with(
        self,
        path: str = "",
        *,
        with_lang: bool = False,
        extra: tuple[tuple[str, str], ...] = (),
        **changes,
    ) -> str:
        """A link to this search with `changes`: `url_with(page=3)`, `url_with(q=…)`.

        Any change but the page's goes back to page 1. Without `path` the link is
        relative ("?…", the same page); `with_lang` adds the language, which the
        HTML page takes from its URL and the API from `lang`; `extra` are
        parameters of the target that are not search filters (`format`).
        """
        if changes and "page" not in changes:
            changes["page"] = 1
        target = replace(self, **changes) if changes else self
        items = target.query_items()
        if with_lang and target.lang != "es":
            items.append(("lang", target.lang))
        items += list(extra)
        query = urlencode(items)
        if path:
            return f"{path}?{query}" if query else path
        return f"?{query}"

    def toggle_url(self, facet: str, value: str) -> str:
        """This search with one facet value added or removed, on page 1."""
        return self.toggled(facet, value).url_with()

    def clear_url(self, path: str = "") -> str:
        """The same words without any filter."""
        return SearchFilters(q=self.q, lang=self.lang).url_with(path)

    def toggled(self, facet: str, value: str) -> "SearchFilters":
        """The same search with one facet value added or removed, back on page 1."""
        current = self.values(facet)
        values = (
            tuple(v for v in current if v != value)
            if value in current
            else current + (value,)
        )
        selected = {**self.selected, facet: values}
        return replace(self, selected={k: v for k, v in selected.items() if v}, page=1)


def accepted_language(header: str | None) -> str:
    """The reader's language for an API request without `lang`: the first of ours
    that an Accept-Language header names ("en-GB,en;q=0.9" gives "en"), else "es"."""
    ranked = []
    for position, part in enumerate((header or "").split(",")):
        code, _sep, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _eq, value = param.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        language = code.strip().lower().split("-")[0]
        if language in site_languages() and quality > 0:
            ranked.append((-quality, position, language))
    return min(ranked)[2] if ranked else "es"


def parse_filters(
    params, *, default_lang: str = "es", paged: bool = True
) -> SearchFilters:
    """Validate a QueryDict (or a dict of lists); unknown facet values are
    left out and kept in `ignored`.

    A reader without pages (a feed, an export: `paged=False`) leaves `page` and
    `page_size` unread, as it does any parameter it does not know: a search's
    address with `page=99999` still gives its feed.

    Errors are worded in the language the search asks for (`lang`, else
    `default_lang`): the reader's.
    """
    asked = _raw(params, "lang")
    languages = site_languages()
    language = asked[0] if len(asked) == 1 and asked[0] in languages else default_lang
    with translation.override(language):
        return _parse(params, default_lang, paged)


def _parse(params, default_lang: str, paged: bool) -> SearchFilters:
    ignored: list[tuple[str, str]] = []
    q = " ".join(_CONTROL_CHARACTERS.sub(" ", _single(params, "q", "")).split())
    if len(q) > MAX_QUERY_LENGTH:
        raise FilterError(
            "q",
            _("at most %(count)s characters") % {"count": MAX_QUERY_LENGTH},
        )
    lang = _single(params, "lang", default_lang) or default_lang
    if lang not in site_languages():
        raise FilterError("lang", _one_of(site_languages()))
    sort = _single(params, "sort", "relevance") or "relevance"
    if sort not in SORTS:
        raise FilterError("sort", _one_of(SORTS))
    page, page_size = _paging(params) if paged else (1, DEFAULT_PAGE_SIZE)
    documented = _switch(params, "documented")
    undated = _last_switch(params, "undated")
    year_from = _year(params, "year_from")
    year_to = _year(params, "year_to")
    if year_from is not None and year_to is not None and year_from > year_to:
        raise FilterError("year_to", _("must not be before the first year"))

    labels = facet_labels()
    selected: dict[str, tuple[str, ...]] = {}
    # In the order the request gives them, so the ignored values read in that order.
    given = list(params)
    for facet in sorted(FACETS, key=lambda f: _position(given, f.name)):
        values = []
        for raw in _many(params, facet.name):
            value = raw.strip()
            if facet.upper_case:
                value = value.upper()
            if not value or value in values:
                continue
            if value not in labels[facet.name]:
                ignored.append((facet.name, raw))
                continue
            values.append(value)
        if values:
            selected[facet.name] = tuple(values)
    return SearchFilters(
        q=q,
        selected=selected,
        year_from=year_from,
        year_to=year_to,
        lang=lang,
        sort=sort,
        documented=documented,
        undated=undated,
        page=page,
        page_size=page_size,
        ignored=tuple(ignored),
    )


def _paging(params) -> tuple[int, int]:
    page = _integer(params, "page", 1, minimum=1)
    page_size = _integer(params, "page_size", DEFAULT_PAGE_SIZE, minimum=1)
    if page_size > MAX_PAGE_SIZE:
        raise FilterError(
            "page_size", _("at most %(maximum)s") % {"maximum": MAX_PAGE_SIZE}
        )
    if page * page_size > MAX_RESULT_DEPTH:
        raise FilterError(
            "page",
            _(
                "results beyond the first %(depth)s cannot be paged to; "
                "narrow the search"
            )
            % {"depth": MAX_RESULT_DEPTH},
        )
    return page, page_size


def without_form_blanks(params, filters: SearchFilters) -> str | None:
    """The query string `params` gave without what a plain form sends for nothing
    chosen; None when it sent none of that.

    Without JavaScript the search form sends every field: the empty words and
    years, the order it starts with, and the undated switch's hidden "0" before its
    box. Left in, they make long links to share and many addresses for one search
    to cache. Everything else stays as given, in its order: a value the search
    could not use (a year out of range, a theme that does not exist) is still named
    on the page and still in the box it was typed in. `filters` are those parsed
    from `params`, with what could not be understood left out.
    """
    kept, noise = [], False
    for name in params:
        values = _raw(params, name)
        if name == "undated":
            meant = _meant_undated(values, filters)
            kept += [(name, value) for value in meant]
            noise = noise or meant != values
            continue
        for value in values:
            blank = not value.strip()
            if blank or (name == "sort" and value.strip() == SearchFilters.sort):
                noise = True
            else:
                kept.append((name, value))
    return urlencode(kept) if noise else None


def _meant_undated(values: list[str], filters: SearchFilters) -> list[str]:
    """What an `undated` parameter says beyond the default: its last value, which
    counts, if it changes what the years keep; nothing if it does not; all of it,
    as given, if it could not be understood (the page names it)."""
    if not values or filters.undated is None:
        return [value for value in values if value.strip()]
    if filters.has_years and filters.includes_undated != filters.undated_default:
        return [values[-1]]
    return []


def _one_of(choices: tuple[str, ...]) -> str:
    return _("must be one of %(choices)s") % {"choices": ", ".join(choices)}


def _position(names: list[str], name: str) -> int:
    return names.index(name) if name in names else len(names)


def _raw(params, name: str) -> list[str]:
    if hasattr(params, "getlist"):
        return params.getlist(name)
    value = params.get(name, [])
    return [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]


def _many(params, name: str) -> list[str]:
    # Accept both repeated parameters and comma-separated lists.
    return [part for value in _raw(params, name) for part in value.split(",")]


def _single(params, name: str, default: str) -> str:
    values = _raw(params, name)
    if len(values) > 1:
        raise FilterError(name, _("give it once"))
    return str(values[0]).strip() if values else default


def _integer(params, name: str, default: int, *, minimum: int) -> int:
    raw = _single(params, name, "")
    if raw == "":
        return default
    if NEGATIVE_NUMBER.fullmatch(raw):
        value = minimum - 1
    elif not WHOLE_NUMBER.fullmatch(raw):
        raise FilterError(name, _("must be a whole number"))
    else:
        value = int(raw)
    if value < minimum:
        raise FilterError(
            name, _("must be at least %(minimum)s") % {"minimum": minimum}
        )
    return value


def _switch(params, name: str) -> bool:
    raw = _single(params, name, "").lower()
    if raw in ("", "0", "false"):
        return False
    if raw in ("1", "true", "on"):
        return True
    raise FilterError(name, _one_of(("1", "0")))


def _last_switch(params, name: str) -> bool | None:
    """An on/off parameter whose last value counts: a form sends a hidden "0" before
    its checkbox's "1", so that unticking a box that is on by default is heard."""
    values = _raw(params, name)
    if not values:
        return None
    raw = str(values[-1]).strip().lower()
    if raw in ("0", "false"):
        return False
    if raw in ("1", "true", "on"):
        return True
    raise FilterError(name, _one_of(("1", "0")))


def _year(params, name: str) -> int | None:
    raw = _single(params, name, "")
    if raw == "":
        return None
    if not WHOLE_NUMBER.fullmatch(raw) or not MIN_YEAR <= int(raw) <= MAX_YEAR:
        raise FilterError(
            name,
            _("must be a year between %(first)s and %(last)s")
            % {"first": MIN_YEAR, "last": MAX_YEAR},
        )
    return int(raw)
