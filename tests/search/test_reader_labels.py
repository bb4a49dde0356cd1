"""What readers see of a facet value: unambiguous places, the original language,
and the date or its absence."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from search.labels import clear_label_cache, facet_labels
from search.service import PracticeHit

pytestmark = pytest.mark.django_db


def test_subdivision_names_several_countries_share_carry_their_country():
    clear_label_cache()
    labels = facet_labels()["subdivision"]
    assert labels["AR-X"].es == "Córdoba (Argentina)"
    assert labels["CO-COR"].es == "Córdoba (Colombia)"
    assert labels["MX-JAL"].es == "Jalisco"  # a name no other country uses


def _hit(**changes) -> PracticeHit:
    values = {
        "id": "1",
        "url": "/practicas/x/",
        "title": "Participatory budgets in Zapopan",
        "summary": "Neighbourhood assemblies decide.",
        "highlights": [],
        "terms": {"country": [("MX", "México")]},
        "year": 2016,
        "language": "en",
        "languages": ["en"],
        "original_language": "en",
    }
    return PracticeHit(**{**values, **changes})


def _card(hit: PracticeHit, lang: str) -> str:
    with translation.override(lang):
        return render_to_string(
            "search/includes/result_card.html", {"hit": hit, "lang": lang}
        )


def test_the_badge_says_the_original_language_not_the_shown_one():
    spanish_page = _card(_hit(), "es")
    # Shown in its original, the only language it has: labelled once, not twice.
    assert 'data-only-in="en">Solo en inglés</p>' in spanish_page
    assert "original:" not in spanish_page
    # Read in its original language: nothing to point out.
    assert "original:" not in _card(_hit(), "en")
    translated = _card(
        _hit(language="es", original_language="en", title="Presupuestos"), "es"
    )
    assert ">original: EN</span>" in translated
    assert ">ES</span>" not in translated


def test_the_badge_names_the_original_language_in_the_readers_language():
    """ "original: PT" means little on a phone, where the badge's tooltip never
    shows: the language is named, in the reader's language."""
    for lang, name in (("es", "Portugués"), ("en", "Portuguese")):
        hit = _hit(
            language=lang, original_language="pt", terms={"original": [("pt", name)]}
        )
        assert f">original: {name}</span>" in _card(hit, lang)


def test_an_undated_practice_says_so():
    assert "<li>sin fecha</li>" in _card(_hit(year=None), "es")
    assert "<li>undated</li>" in _card(_hit(year=None), "en")
    assert "<li>2016</li>" in _card(_hit(), "es")
