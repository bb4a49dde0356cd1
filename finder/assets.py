"""What an official's institution already has, and how a practice shows it builds on
the same thing: words in what was done, quoted back as the reason.

Declared once: the form's choices, the reasons and the brief read `ASSETS`.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Asset:
    value: str
    label: str
    # Words (Spanish and English, accents optional) naming it in a practice's text.
    pattern: re.Pattern


def _words(*alternatives: str) -> re.Pattern:
    return re.compile(r"\b(" + "|".join(alternatives) + r")", re.IGNORECASE)


ASSETS: tuple[Asset, ...] = (
    Asset(
        "portal",
        _("A transparency portal or website"),
        _words(r"portal", r"sitio web", r"p[aá]gina web", r"website", r"micrositio"),
    ),
    Asset(
        "open-data",
        _("Open data"),
        _words(r"datos abiertos", r"open data", r"conjuntos de datos", r"datasets?"),
    ),
    Asset(
        "budget",
        _("A published budget or procurement"),
        _words(
            # A participatory budget is a way to take part, not a budget published.
            r"presupuest(?!os? participativ)",
            r"(?<!participatory )budget(?!ing)",
            r"contrataci[oó]n",
            r"contrat(o|os)\b",
            r"licitaci",
            r"compras p[uú]blicas",
            r"procurement",
            r"contracts?\b",
            r"tender",
        ),
    ),
    Asset(
        "participation",
        _("Participation mechanisms"),
        _words(
            r"consejos? (ciudadan|consultiv|vecinal|de participaci)",
            r"comit[eé]s? (ciudadan|vecinal|de participaci|de contralor)",
            r"consultas? (p[uú]blica|ciudadana|vecinal)",
            r"asambleas?\b",
            r"mesas? de trabajo",
            r"contralor[ií]a social",
            r"citizens'? council",
            r"(residents'?|citizens'?|neighbourhood) committee",
            r"public consultation",
            r"assembl",
        ),
    ),
    Asset(
        "action-plan",
        _("An open government action plan"),
        _words(
            r"plan(es)? de acci[oó]n",
            r"action plans?",
            r"plan local",
            # Not "OGP" or "AGA" alone: joining the partnership is not a plan.
        ),
    ),
)
ASSET_VALUES = tuple(asset.value for asset in ASSETS)

SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")


def sentence_naming(asset: Asset, text: str) -> str | None:
    """The first sentence of `text` (plain) that names the asset, or None."""
    for sentence in SENTENCE_END.split(text):
        if asset.pattern.search(sentence):
            return sentence.strip()
    return None
