"""Reasons are built only from facts a practice records: each kind appears when its
fact is there and is left out when it is not. Pure logic: no node, no database."""

from django.utils import translation

from finder.context import FinderContext
from finder.facts import PracticeFacts, first_sentence
from finder.reasons import MISSING_SHOWN, reasons_for
from search.finder import FinderMatch, problem_language
from search.labels import Label
from search.service import PracticeHit

LABELS = {
    "level": {"municipal": Label("Municipal", "Municipal")},
    "regulated_party": {"executive": Label("Poder Ejecutivo", "Executive branch")},
    "subdivision": {"MX-OAX": Label("Oaxaca", "Oaxaca")},
    "country": {"MX": Label("México", "Mexico"), "AR": Label("Argentina", "Argentina")},
    "region": {"latam": Label("Latinoamérica", "Latin America")},
    "evidence": {"documented": Label("Documentada", "Documented")},
    "theme": {"participatory-budgeting": Label("Presupuesto participativo", "PB")},
    "type": {},
}
CONTEXT = FinderContext(
    problem="residents do not trust public works spending",
    level="municipal",
    party="executive",
    country="MX",
    subdivision="MX-OAX",
    improve=("participation-citizen",),
    has=("portal",),
    lang="en",
)


def match(**facts) -> FinderMatch:
    hit = PracticeHit(
        id="k",
        url="/p/",
        title="A practice",
        summary="Residents vote on the works their taxes pay for.",
        highlights=[],
        terms={
            name: [(facts[name], "")]
            for name in ("country", "level")
            if facts.get(name)
        },
        year=None,
        language="en",
        languages=["en"],
        documented_results=facts.pop("documented_results", False),
    )
    parts = facts.pop("parts", {})
    return FinderMatch(
        hit=hit,
        score=1.0,
        parts=parts,
        facts=facts,
        passages=facts.pop("passages", []),
        semantic=facts.pop("semantic", False),
        text_match=facts.pop("text_match", False),
    )


def kinds(reasons):
    return [reason.kind for reason in reasons]


def reasons(found, facts=None):
    with translation.override("en"):
        return reasons_for(found, facts, CONTEXT, LABELS)


def test_a_practice_with_no_shared_fact_gets_no_reason():
    assert reasons(match(country="AR", level="national")) == []


def test_same_state_is_said_rather_than_same_country():
    said = reasons(match(country="MX", subdivision="MX-OAX"))
    assert [r.text for r in said] == ["In your state: Oaxaca."]
    said = reasons(match(country="MX", subdivision="MX-JAL"))
    assert [r.text for r in said] == ["In your country: Mexico."]


def test_the_region_is_said_only_when_the_ranking_counted_it():
    assert reasons(match(country="AR", region="latam")) == []
    said = reasons(match(country="AR", region="latam", parts={"region": 1.0}))
    assert [r.text for r in said] == ["In your region: Latin America (Argentina)."]


def test_institution_names_level_and_type_when_both_are_shared():
    said = reasons(match(level="municipal", regulated_party="executive"))
    assert said[0].kind == "institution"
    assert "Municipal" in said[0].text and "Executive branch" in said[0].text


def test_the_problem_reason_shows_the_matching_passage_or_nothing():
    assert "problem" not in kinds(reasons(match(passages=["<mark>works</mark>"])))
    said = reasons(match(passages=["the <mark>works</mark>"], text_match=True))
    assert said[0].kind == "problem"
    assert said[0].passages == ["the <mark>works</mark>"]
    semantic = reasons(match(semantic=True))
    assert semantic[0].quote == "Residents vote on the works their taxes pay for."


def test_evidence_is_said_only_when_recorded():
    assert "evidence" not in kinds(reasons(match(country="AR")))
    said = reasons(match(evidence="documented", documented_results=True))
    assert said[0].text == "Evidence: Documented. Its results are documented."


def test_aims_name_the_themes_that_serve_them():
    said = reasons(match(theme=["participatory-budgeting"]))
    assert said[0].kind == "aims"
    assert "PB" in said[0].text


def test_aims_name_a_theme_and_a_type_with_the_same_label_once():
    """A practice filed under the theme and the type "Citizen participation" (both
    serve the same aim) reads "(PB, Citizen participation)", not the label twice."""
    same = Label("Participación ciudadana", "Citizen participation")
    labels = LABELS | {
        "theme": LABELS["theme"] | {"citizen-participation": same},
        "type": {"citizen-participation": same},
    }
    found = match(
        theme=["participatory-budgeting", "citizen-participation"],
        type=["citizen-participation"],
    )
    with translation.override("en"):
        said = reasons_for(found, None, CONTEXT, labels)
    assert said[0].text.endswith("(PB, Citizen participation).")


def test_what_it_took_comes_from_the_page_and_only_what_is_recorded():
    empty = PracticeFacts()
    assert "took" not in kinds(reasons(match(), empty))
    facts = PracticeFacts(
        institutions=["City of Tuxtepec"], partners=["A university"], start_year=2020
    )
    took = [r for r in reasons(match(), facts) if r.kind == "took"][0]
    assert took.text == (
        "What it took: 1 institution carried it out (City of Tuxtepec), "
        "with A university, since 2020."
    )


def test_builds_on_quotes_the_sentence_of_what_was_done_that_names_it():
    facts = PracticeFacts(
        actions="The council met weekly. Every work is listed on the city portal "
        "with its budget. Residents voted in public assemblies."
    )
    said = reasons(match(), facts)
    builds = [r for r in said if r.kind == "builds-on"]
    assert [r.quote for r in builds] == [
        "Every work is listed on the city portal with its budget."
    ]
    needs = [r for r in said if r.kind == "needs"]
    assert 0 < len(needs) <= MISSING_SHOWN
    assert all(r.quote for r in needs)


def test_nothing_is_built_from_a_portal_the_text_does_not_name():
    facts = PracticeFacts(actions="Residents voted on seven works.")
    assert not [r for r in reasons(match(), facts) if r.kind == "builds-on"]


def test_the_first_step_is_the_first_sentence_of_what_was_done():
    text = "In 2020 the council approved rules for a yearly vote. Then it opened calls."
    assert (
        first_sentence(text) == "In 2020 the council approved rules for a yearly vote."
    )


def test_the_problems_language_is_told_by_its_commonest_words():
    assert problem_language("los vecinos no confían en el gasto", "en") == "es"
    assert problem_language("residents do not trust the spending", "es") == "en"
    assert problem_language("presupuesto participativo", "en") == "en"


def test_a_participatory_budget_is_not_named_as_a_published_budget():
    """Residents deciding part of a budget is participation, not a budget the
    institution publishes."""
    for actions in (
        "En 2016 el municipio anunció su primer presupuesto participativo.",
        "The city ran its first participatory budget in 2016.",
        "Residents took part in participatory budgeting.",
    ):
        said = reasons(match(), PracticeFacts(actions=actions))
        named = {r.text for r in said if r.kind in ("builds-on", "needs")}
        assert not any("budget" in text for text in named), actions
    said = reasons(match(), PracticeFacts(actions="The city publishes its budget."))
    assert any("budget" in r.text for r in said if r.kind == "needs")


def test_joining_ogp_is_not_named_as_an_action_plan():
    said = reasons(match(), PracticeFacts(actions="In 2016 the state joined OGP."))
    assert not [r for r in said if "action plan" in r.text]
    said = reasons(match(), PracticeFacts(actions="It co-created an action plan."))
    assert [r for r in said if "action plan" in r.text]
