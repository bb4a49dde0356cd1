"""The finder's page, brief and API on the shared corpus: the form keeps its state in
the URL, errors lose nothing, results carry reasons, the brief carries sources and
first steps, the API answers JSON as documented."""

import json
import re

import pytest

from practices.models import PracticePage

pytestmark = pytest.mark.django_db

PROBLEM = "las colonias quieren decidir en asambleas cómo invertir el presupuesto"
QUERY = (
    "level=municipal&party=executive&country=MX&subdivision=MX-JAL"
    "&improve=participation-citizen&has=participation&staff=1-2"
    f"&problem={PROBLEM}"
)


def test_the_empty_form_is_offered_in_both_languages(client, corpus):
    spanish = client.get("/en/find/")
    assert spanish.status_code == 200
    html = spanish.content.decode()
    assert 'name="problem"' in html and 'name="improve"' in html
    assert 'value="participation-citizen"' in html
    assert 'value="trusts-public-funds"' in html  # the Act's regulated parties


def test_results_carry_reasons_and_the_form_keeps_the_context(client, corpus):
    response = client.get(f"/en/find/?{QUERY}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Participatory budgets in Zapopan" in html
    assert 'data-reason="place"' in html and "In your state: Jalisco." in html
    assert PROBLEM in html
    assert '<option value="MX-JAL" selected>' in html
    assert 'value="participation-citizen" checked' in html
    assert "/en/find/brief/?" in html
    assert response["X-Robots-Tag"] == "noindex"


def test_an_invalid_answer_is_named_and_nothing_else_is_lost(client, corpus):
    response = client.get(
        "/en/find/?level=municipal&country=CL&subdivision=MX-JAL&problem=budget"
        "&has=portal"
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert 'href="#finder-problem"' in html and 'href="#finder-subdivision"' in html
    assert 'aria-invalid="true"' in html
    assert ">budget</textarea>" in html
    assert 'value="portal" checked' in html
    assert '<option value="CL" selected>' in html
    assert "data-found" not in html


@pytest.mark.parametrize("stray", ["page=2", "utm_source=newsletter", "page=9&q=x"])
def test_a_first_visit_with_only_stray_parameters_gets_the_form(client, corpus, stray):
    """The finder has no pages: a link with `?page=2` or a campaign's tag, and none
    of the form's fields, is a first visit, not a form sent without its problem."""
    response = client.get(f"/en/find/?{stray}")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="problem"' in html
    assert 'role="alert"' not in html and 'aria-invalid="true"' not in html
    assert response["X-Robots-Tag"] == "noindex"  # one form, one address indexed


def test_a_blank_form_sent_asks_for_the_problem(client, corpus):
    response = client.get("/en/find/?level=&party=&problem=")
    assert response.status_code == 400
    assert 'href="#finder-problem"' in response.content.decode()


def test_the_brief_has_the_context_practices_sources_and_first_steps(client, corpus):
    response = client.get(f"/en/find/brief/?{QUERY}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your context" in html and PROBLEM in html
    assert html.count('class="brief-practice"') <= 5
    assert "Participatory budgets in Zapopan" in html
    assert "https://example.org/" in html  # the practices' sources
    assert "finder.css" in html


def test_the_brief_prints_each_practice_address_with_the_served_host(client, corpus):
    html = client.get(
        f"/en/find/brief/?{QUERY}", HTTP_HOST="kb.example.org"
    ).content.decode()
    printed = re.findall(r'<a href="(/[^"]+)">([^<]+)</a></p>', html)
    assert printed
    assert all(text == f"http://kb.example.org{path}" for path, text in printed)


def test_the_api_returns_ranked_practices_with_reasons(client, corpus):
    body = {
        "problem": PROBLEM,
        "level": "municipal",
        "subdivision": "MX-JAL",
        "lang": "en",
    }
    response = client.post(
        "/api/v1/finder/", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 200
    data = response.json()
    assert data["context"]["country"] == "MX"
    assert 0 < len(data["results"]) <= 10
    first = data["results"][0]
    assert first["title"] == "Participatory budgets in Zapopan"
    assert {"place", "institution"} <= {r["kind"] for r in first["reasons"]}


@pytest.mark.parametrize(
    ("body", "parameter"),
    [
        ("[]", None),
        ("not json", None),
        ('{"problem": "two words"}', "problem"),
        ('{"problem": "three words here", "level": "galaxy"}', "level"),
        ('{"problem": "three words here", "lang": "fr"}', "lang"),
    ],
)
def test_the_api_refuses_what_it_cannot_understand(client, corpus, body, parameter):
    response = client.post("/api/v1/finder/", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"].get("parameter") == parameter


def test_the_api_answers_503_when_search_is_down(client, corpus, opensearch_down):
    response = client.post(
        "/api/v1/finder/",
        json.dumps({"problem": PROBLEM}),
        content_type="application/json",
    )
    assert response.status_code == 503


def test_a_practice_page_offers_practices_that_worked_elsewhere(client, corpus):
    page = PracticePage.objects.get(title="Participatory budgets in Zapopan")
    html = client.get(page.url).content.decode()
    assert "Practices like this one elsewhere" in html


def _listed_under(html: str, heading_id: str) -> set[str]:
    block = re.search(rf'aria-labelledby="{heading_id}".*?</aside>', html, re.S)
    return set(re.findall(r'<a href="([^"]+)"', block.group(0))) if block else set()


def test_a_practice_listed_as_worked_elsewhere_is_not_listed_again_as_related(
    client, corpus
):
    """Both blocks ask search for practices like the page; one shown in the first is
    left out of the second, so no practice is listed twice on a page."""
    pages_with_both = 0
    for page in PracticePage.objects.live():
        html = client.get(page.url).content.decode()
        related = _listed_under(html, "related-heading")
        elsewhere = _listed_under(html, "elsewhere-heading")
        pages_with_both += bool(related and elsewhere)
        assert not related & elsewhere, page.url
    assert pages_with_both
