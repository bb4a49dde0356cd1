"""What an official wants to improve, in the Open Government Metric's four quadrants
(transparency and participation, each from the government's side and from the
citizen's), and the themes and practice types of the repertory that serve each.

Declared once: the form's choices, the ranking's aims and the reasons' wording all
read `AIMS`.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Aim:
    value: str
    label: str
    # What it means, in one line the form shows.
    help: str
    themes: tuple[str, ...] = ()
    types: tuple[str, ...] = ()

    @property
    def slugs(self) -> tuple[str, ...]:
        return self.themes + self.types


AIMS: tuple[Aim, ...] = (
    Aim(
        "transparency-government",
        _("Transparency, from the government's side"),
        _("What the institution publishes on its own: budgets, contracts, data."),
        themes=("open-data", "fiscal-openness", "open-contracting")
        + ("beneficial-ownership", "lobbying", "political-finance"),
        types=("proactive-transparency", "open-data"),
    ),
    Aim(
        "transparency-citizen",
        _("Transparency, from the citizen's side"),
        _("Whether people can find, understand and ask for information."),
        themes=("access-to-information", "open-justice", "public-services"),
    ),
    Aim(
        "participation-government",
        _("Participation, from the government's side"),
        _(
            "The mechanisms the institution offers to take part: councils, consultations, co-creation."
        ),
        themes=("open-parliament", "regulatory-governance", "capacity-building"),
        types=("co-creation", "open-government"),
    ),
    Aim(
        "participation-citizen",
        _("Participation, from the citizen's side"),
        _(
            "Whether people actually take part and shape decisions, and watch how they are carried out."
        ),
        themes=("participatory-budgeting", "social-accountability", "inclusion")
        + ("citizen-participation", "public-works"),
        types=("citizen-participation", "accountability-anti-corruption"),
    ),
)
AIM_VALUES = tuple(aim.value for aim in AIMS)


def aim_named(value: str) -> Aim:
    for aim in AIMS:
        if aim.value == value:
            return aim
    raise KeyError(value)
