"""A fresh install has every vocabulary, bilingual, with countries from ISO 3166."""

import pytest

from taxonomy import geography
from taxonomy.models import (
    Country,
    EvidenceLevel,
    GovernmentLevel,
    Outcome,
    PracticeStatus,
    PracticeType,
    RegulatedPartyType,
    Subdivision,
    Theme,
)

pytestmark = pytest.mark.django_db


def test_all_32_mexican_states_are_there_with_spanish_names():
    states = Subdivision.objects.filter(country__code="MX", parent_code="")
    assert states.count() == 32
    assert states.get(code="MX-CMX").label("es") == "Ciudad de México"
    assert states.get(code="MX-NLE").label("en") == "Nuevo León"


def test_countries_carry_spanish_and_english_names_and_a_region():
    mexico = Country.objects.get(code="MX")
    assert (mexico.name("es"), mexico.name("en")) == ("México", "Mexico")
    assert mexico.region.slug == "latin-america-caribbean"
    assert Country.objects.get(code="US").region.slug == "northern-america"
    assert Country.objects.get(code="DE").name("es") == "Alemania"
    assert Country.objects.count() >= 250
    assert not Country.objects.filter(region__isnull=True).exists()


@pytest.mark.parametrize(
    "model",
    [
        Theme,
        Outcome,
        EvidenceLevel,
        GovernmentLevel,
        RegulatedPartyType,
        PracticeType,
        PracticeStatus,
    ],
)
def test_every_term_has_a_spanish_and_an_english_label(model):
    terms = list(model.objects.all())
    assert terms
    for term in terms:
        assert term.label("es") and term.label("en"), term.slug


def test_regulated_party_types_follow_the_transparency_act():
    assert set(RegulatedPartyType.objects.values_list("slug", flat=True)) == {
        "executive",
        "legislative",
        "judicial",
        "autonomous-bodies",
        "political-parties",
        "trade-unions",
        "trusts-public-funds",
        "public-resources-recipients",
    }


def test_themes_form_a_tree_mapped_to_ogp_policy_areas():
    open_data = Theme.objects.get(slug="open-data")
    assert open_data.parent.slug == "access-to-information"
    assert "Open Data" in open_data.ogp_policy_areas


def test_participatory_budgeting_is_participation_not_fiscal_transparency():
    """Residents deciding on spending is participation: under fiscal openness it
    filled that theme with budgeting cases and hid the ones that publish budgets."""
    budgeting = Theme.objects.get(slug="participatory-budgeting")
    assert budgeting.parent.slug == "citizen-participation"


@pytest.mark.parametrize(
    "name, code",
    [
        ("Italia", "IT"),
        ("Belgique", "BE"),
        ("Slovak Republic", "SK"),
        ("Cote d'Ivoire", "CI"),
        ("México", "MX"),
        ("mx", "MX"),
        ("Kosovo", "XK"),
        ("5000", None),
        ("Unknown", None),
    ],
)
def test_country_names_in_any_language_resolve_to_iso_codes(name, code):
    assert geography.country_code_for(name) == code


def test_subdivision_names_resolve_without_accents_or_generic_words():
    assert geography.subdivision_code_for("MX", "Nuevo Leon") == "MX-NLE"
    assert geography.subdivision_code_for("NG", "Kaduna State") == "NG-KD"
    assert geography.subdivision_code_for("MX", "Atlántida") is None
