"""Why a practice fits an official's context: reasons built only from facts the
index and the practice's page hold. A reason the data cannot support is not made.

Each reason is plain data (a kind, a sentence in the reader's language, and the
passage or names it rests on); templates, the brief and the API show the same list.
"""

from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from search.labels import Label

from .aims import aim_named
from .assets import ASSETS, sentence_naming
from .context import FinderContext
from .facts import PracticeFacts

# Things a practice relies on that the official lacks, shown at most.
MISSING_SHOWN = 2


@dataclass
class Reason:
    kind: str
    text: str
    # The practice's own words the reason rests on: a passage (HTML with <mark>)
    # or a quoted sentence (plain).
    passages: list[str] = field(default_factory=list)
    quote: str = ""
    # The language of the passages or quote, when it is not the reader's.
    language: str = ""


def reasons_for(
    match, facts: PracticeFacts | None, context: FinderContext, labels
) -> list[Reason]:
    """The reasons `match` (a search.finder.FinderMatch) fits `context`, in order:
    institution, place, problem, aims, evidence, what it took, what it builds on."""
    with translation.override(context.lang):
        reasons = []
        for builder in (_institution, _place, _problem, _aims, _evidence):
            reason = builder(match, context, labels)
            if reason:
                reasons.append(reason)
        if facts is not None:
            took = _what_it_took(facts)
            if took:
                reasons.append(took)
            reasons += _builds_on(facts, context)
        return reasons


def _label(labels, facet: str, value, lang: str) -> str:
    label: Label | None = labels.get(facet, {}).get(value)
    return label.text(lang) if label else ""


def _institution(match, context, labels):
    facts, lang = match.facts, context.lang
    same = []
    if context.level and facts.get("level") == context.level:
        same.append(
            _("same government level (%(level)s)")
            % {"level": _label(labels, "level", context.level, lang)}
        )
    if context.party and facts.get("regulated_party") == context.party:
        same.append(
            _("same type of institution (%(party)s)")
            % {"party": _label(labels, "regulated_party", context.party, lang)}
        )
    if not same:
        return None
    return Reason(
        "institution", _("Like yours: %(what)s.") % {"what": _(" and ").join(same)}
    )


def _place(match, context, labels):
    facts, lang = match.facts, context.lang
    if context.subdivision and facts.get("subdivision") == context.subdivision:
        return Reason(
            "place",
            _("In your state: %(place)s.")
            % {"place": _label(labels, "subdivision", context.subdivision, lang)},
        )
    if context.country and facts.get("country") == context.country:
        return Reason(
            "place",
            _("In your country: %(place)s.")
            % {"place": _label(labels, "country", context.country, lang)},
        )
    if match.parts.get("region"):
        return Reason(
            "place",
            _("In your region: %(place)s (%(country)s).")
            % {
                "place": _label(labels, "region", facts.get("region"), lang),
                "country": _label(labels, "country", facts.get("country"), lang),
            },
        )
    return None


def _problem(match, context, labels):
    if match.text_match and match.passages:
        return Reason(
            "problem",
            _("It addresses a problem like yours, in its own words:"),
            passages=match.passages,
            language=match.passages_language,
        )
    if match.semantic:
        return Reason(
            "problem",
            _("Its summary is close in meaning to the problem you describe:"),
            quote=match.hit.summary,
            language=match.hit.language,
        )
    return None


def _aims(match, context, labels):
    held = set(match.facts.get("theme") or []) | set(match.facts.get("type") or [])
    served = []
    for value in context.improve:
        aim = aim_named(value)
        shared = [slug for slug in aim.slugs if slug in held]
        if shared:
            names = [
                _label(labels, "theme", slug, context.lang)
                or _label(labels, "type", slug, context.lang)
                for slug in shared
            ]
            # A theme and a type may carry the same label ("Citizen participation").
            names = list(dict.fromkeys(name for name in names if name))[:3]
            served.append(f"{aim.label} ({', '.join(names)})")
    if not served:
        return None
    return Reason(
        "aims",
        _("It works on what you want to improve: %(aims)s.")
        % {"aims": "; ".join(str(s) for s in served)},
    )


def _evidence(match, context, labels):
    evidence = match.facts.get("evidence")
    if not evidence:
        return None
    text = _("Evidence: %(level)s.") % {
        "level": _label(labels, "evidence", evidence, context.lang)
    }
    if match.hit.documented_results:
        text += " " + _("Its results are documented.")
    outcomes = [label for _slug, label in match.hit.outcomes]
    if outcomes:
        text += " " + _("Outcomes: %(outcomes)s.") % {"outcomes": ", ".join(outcomes)}
    return Reason("evidence", text)


def _what_it_took(facts: PracticeFacts):
    parts = []
    if facts.institutions:
        parts.append(
            ngettext(
                "%(count)d institution carried it out (%(names)s)",
                "%(count)d institutions carried it out (%(names)s)",
                len(facts.institutions),
            )
            % {"count": len(facts.institutions), "names": "; ".join(facts.institutions)}
        )
    if facts.partners:
        parts.append(_("with %(names)s") % {"names": "; ".join(facts.partners)})
    if facts.start_year and facts.end_year and facts.end_year > facts.start_year:
        parts.append(
            _("from %(start)s to %(end)s")
            % {"start": facts.start_year, "end": facts.end_year}
        )
    elif facts.start_year:
        parts.append(_("since %(start)s") % {"start": facts.start_year})
    if not parts:
        return None
    return Reason("took", _("What it took: %(parts)s.") % {"parts": ", ".join(parts)})


def _builds_on(facts: PracticeFacts, context: FinderContext) -> list[Reason]:
    """What the practice's actions name, each in a sentence of what was done,
    against what the official says they have: first what they have, then (at most
    MISSING_SHOWN) what they did not say they have. Said as "names", not "relies
    on": a sentence that names a budget may name an office called after one."""
    have, missing = [], []
    for asset in ASSETS:
        sentence = sentence_naming(asset, facts.actions)
        if not sentence:
            continue
        name = str(asset.label).lower()
        if asset.value in context.has:
            have.append(
                Reason(
                    "builds-on",
                    _("What was done names something you already have: %(asset)s.")
                    % {"asset": name},
                    quote=sentence,
                    language=facts.language,
                )
            )
        else:
            missing.append(
                Reason(
                    "needs",
                    _(
                        "What was done names something you did not say you have: "
                        "%(asset)s."
                    )
                    % {"asset": name},
                    quote=sentence,
                    language=facts.language,
                )
            )
    return have + missing[:MISSING_SHOWN]
