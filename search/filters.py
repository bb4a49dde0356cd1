"""The search state, parsed and validated once from a request's query string.

The HTML page, the JSON API and exports all take a `SearchFilters`; nothing else
reads search parameters.
"""

from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from practices.facets import FACETS

from .labels import facet_labels

SORTS = ("relevance", "newest", "oldest")
LANGS = ("es", "en")
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
MAX_RESULT_DEPTH = 10_000
MAX_QUERY_LENGTH = 300
MIN_YEAR, MAX_YEAR = 1900, 2100


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
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    warnings: tuple[str, ...] = ()

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    @property
    def active_filter_count(self) -> int:
        years = (self.year_from is not None) + (self.year_to is not None)
        return sum(len(values) for values in self.selected.values()) + years

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
        if self.sort != "relevance":
            items.append(("sort", self.sort))
        if include_page and self.page != 1:
            items.append(("page", str(self.page)))
        if self.page_size != DEFAULT_PAGE_SIZE:
            items.append(("page_size", str(self.page_size)))
        return items

    def querystring(self, **changes) -> str:
        return urlencode((replace(self, **changes) if changes else self).query_items())

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


def parse_filters(params, *, default_lang: str = "es") -> SearchFilters:
    """Validate a QueryDict (or a dict of lists); unknown facet values become warnings."""
    warnings: list[str] = []
    q = " ".join(_single(params, "q", "").split())
    if len(q) > MAX_QUERY_LENGTH:
        raise FilterError("q", f"at most {MAX_QUERY_LENGTH} characters")
    lang = _single(params, "lang", default_lang) or default_lang
    if lang not in LANGS:
        raise FilterError("lang", f"must be one of {', '.join(LANGS)}")
    sort = _single(params, "sort", "relevance") or "relevance"
    if sort not in SORTS:
        raise FilterError("sort", f"must be one of {', '.join(SORTS)}")
    page = _integer(params, "page", 1, minimum=1)
    page_size = _integer(params, "page_size", DEFAULT_PAGE_SIZE, minimum=1)
    if page_size > MAX_PAGE_SIZE:
        raise FilterError("page_size", f"at most {MAX_PAGE_SIZE}")
    if page * page_size > MAX_RESULT_DEPTH:
        raise FilterError(
            "page",
            f"results beyond the first {MAX_RESULT_DEPTH} cannot be paged to; narrow the search",
        )
    year_from = _year(params, "year_from")
    year_to = _year(params, "year_to")
    if year_from is not None and year_to is not None and year_from > year_to:
        raise FilterError("year_to", "must not be before year_from")

    labels = facet_labels()
    selected: dict[str, tuple[str, ...]] = {}
    # In the order the request gives them, so warnings read in that order too.
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
                warnings.append(f"unknown {facet.name} {raw!r} ignored")
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
        page=page,
        page_size=page_size,
        warnings=tuple(warnings),
    )


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
        raise FilterError(name, "give it once")
    return str(values[0]).strip() if values else default


def _integer(params, name: str, default: int, *, minimum: int) -> int:
    raw = _single(params, name, "")
    if raw == "":
        return default
    if not raw.isdigit() or len(raw) > 6:
        raise FilterError(name, "must be a whole number")
    value = int(raw)
    if value < minimum:
        raise FilterError(name, f"must be at least {minimum}")
    return value


def _year(params, name: str) -> int | None:
    raw = _single(params, name, "")
    if raw == "":
        return None
    if not raw.isdigit() or not MIN_YEAR <= int(raw) <= MAX_YEAR:
        raise FilterError(name, f"must be a year between {MIN_YEAR} and {MAX_YEAR}")
    return int(raw)
