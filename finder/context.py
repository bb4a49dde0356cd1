"""The official's context, parsed and validated once from the form's query string or
the API's JSON: the finder's one filter object.

The HTML page, the brief and the API all take a `FinderContext`; every link to a
finder page is built by it (`context.url(path)`). Parsing never loses what was
given: a value that cannot be understood is reported by name, in the reader's
language, and the rest is kept so the form shows it again.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from search.labels import facet_labels

from .aims import AIM_VALUES
from .assets import ASSET_VALUES

MAX_PROBLEM_LENGTH = 1000
MIN_PROBLEM_WORDS = 3

# The parties regulated by the General Transparency Act (art. 23) the form offers,
# and the government levels: both are facets of the repertory (practices/facets.py).
LEVELS = ("national", "state", "municipal")

POPULATION_BANDS = (
    ("under-20k", gettext_lazy("Fewer than 20,000 people")),
    ("20k-100k", gettext_lazy("20,000 to 100,000")),
    ("100k-500k", gettext_lazy("100,000 to 500,000")),
    ("500k-2m", gettext_lazy("500,000 to 2 million")),
    ("over-2m", gettext_lazy("More than 2 million")),
)
STAFF_BANDS = (
    ("1-2", gettext_lazy("One or two people")),
    ("3-10", gettext_lazy("Three to ten people")),
    ("over-10", gettext_lazy("More than ten people")),
)
BUDGET_BANDS = (
    ("none", gettext_lazy("No budget of its own")),
    ("small", gettext_lazy("A small budget")),
    ("dedicated", gettext_lazy("A dedicated budget")),
)
TIME_BANDS = (
    ("under-6m", gettext_lazy("Less than six months")),
    ("6-12m", gettext_lazy("Six months to a year")),
    ("over-1y", gettext_lazy("More than a year")),
)
BANDS = {
    "population": POPULATION_BANDS,
    "staff": STAFF_BANDS,
    "budget": BUDGET_BANDS,
    "time": TIME_BANDS,
}

# The parameters in form order (also the order of query strings and errors).
SINGLE = ("level", "party", "country", "subdivision", "population")
MULTIPLE = ("improve", "has")
CONSTRAINTS = ("staff", "budget", "time")
PARAMETERS = ("problem", *SINGLE, *MULTIPLE, *CONSTRAINTS)


@dataclass(frozen=True)
class ContextError:
    parameter: str
    message: str


@dataclass(frozen=True)
class FinderContext:
    """Who is asking and what for; every field optional but the problem."""

    problem: str = ""
    level: str = ""
    party: str = ""
    country: str = ""
    subdivision: str = ""
    population: str = ""
    improve: tuple[str, ...] = ()
    has: tuple[str, ...] = ()
    staff: str = ""
    budget: str = ""
    time: str = ""
    lang: str = "es"
    errors: tuple[ContextError, ...] = field(default=(), compare=False)

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def is_empty(self) -> bool:
        return not self.query_items()

    def error_for(self, parameter: str) -> str:
        return next((e.message for e in self.errors if e.parameter == parameter), "")

    def query_items(self) -> list[tuple[str, str]]:
        items = []
        for name in SINGLE:
            if getattr(self, name):
                items.append((name, getattr(self, name)))
        for name in MULTIPLE:
            items += [(name, value) for value in getattr(self, name)]
        for name in CONSTRAINTS:
            if getattr(self, name):
                items.append((name, getattr(self, name)))
        if self.problem:
            items.append(("problem", self.problem))
        return items

    def url(self, path: str = "") -> str:
        """A link to `path` (this page when empty) carrying the whole context."""
        query = urlencode(self.query_items())
        return f"{path}?{query}" if query else (path or "?")

    def as_json(self) -> dict:
        return {
            "problem": self.problem,
            **{name: getattr(self, name) or None for name in SINGLE + CONSTRAINTS},
            **{name: list(getattr(self, name)) for name in MULTIPLE},
        }


def names_a_context(params) -> bool:
    """Whether a query string gives any of the form's fields, even blank (a form
    sent empty); one with only other parameters (`page`, a campaign's `utm_source`)
    is a first visit."""
    return any(name in params for name in PARAMETERS)


def parse_context(params, *, lang: str = "es") -> FinderContext:
    """A context from a QueryDict or a JSON object; errors are kept on it, worded in
    `lang`, and the values that were understood are kept too."""
    with translation.override(lang):
        return _parse(params, lang)


def _parse(params, lang: str) -> FinderContext:
    errors: list[ContextError] = []
    labels = facet_labels()
    values: dict = {}

    def single(name: str) -> str:
        raw = _raw(params, name)
        if len(raw) > 1:
            errors.append(ContextError(name, _("give it once")))
            return ""
        return raw[0].strip() if raw else ""

    def choice(name: str, allowed, upper: bool = False) -> str:
        value = single(name)
        value = value.upper() if upper else value
        if value and value not in allowed:
            errors.append(ContextError(name, _("choose one of the options")))
            return ""
        return value

    problem = " ".join(single("problem").split())
    if len(problem) > MAX_PROBLEM_LENGTH:
        errors.append(
            ContextError(
                "problem",
                _("at most %(count)s characters") % {"count": MAX_PROBLEM_LENGTH},
            )
        )
    elif len(problem.split()) < MIN_PROBLEM_WORDS:
        errors.append(
            ContextError(
                "problem",
                _("describe the problem in at least %(count)s words")
                % {"count": MIN_PROBLEM_WORDS},
            )
        )
    values["problem"] = problem
    values["level"] = choice("level", LEVELS)
    values["party"] = choice("party", labels["regulated_party"])
    values["country"] = choice("country", labels["country"], upper=True)
    subdivision = choice("subdivision", labels["subdivision"], upper=True)
    if (
        subdivision
        and values["country"]
        and not subdivision.startswith(values["country"] + "-")
    ):
        errors.append(
            ContextError("subdivision", _("this state is not in the chosen country"))
        )
    if subdivision and not values["country"]:
        values["country"] = subdivision.split("-", 1)[0]
    values["subdivision"] = subdivision
    for name, bands in BANDS.items():
        values[name] = choice(name, [value for value, _label in bands])
    for name, allowed in (("improve", AIM_VALUES), ("has", ASSET_VALUES)):
        chosen = []
        for raw in _raw(params, name):
            value = raw.strip()
            if value not in allowed:
                errors.append(ContextError(name, _("choose among the options")))
            elif value not in chosen:
                chosen.append(value)
        values[name] = tuple(chosen)
    return FinderContext(**values, lang=lang, errors=tuple(errors))


def _raw(params, name: str) -> list[str]:
    if hasattr(params, "getlist"):
        return [str(v) for v in params.getlist(name)]
    value = params.get(name)
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(v) for v in value if v is not None]
    return [str(value)]
