"""axe-core reports no violations on every kind of public page, in both languages.

Each page's result (rules passed, violations) is also written to
test-artifacts/axe-report.json, the figures the closing notes quote.
"""

import json

import pytest

from practices.models import PracticePage

from .accessibility import ARTIFACTS_REPORT, axe_run, axe_violations, describe
from .error_urls import ERROR_PATH

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PAGES = {
    "home": {"es": "/", "en": "/en/"},
    "search": {"es": "/buscar/", "en": "/en/search/"},
    "search-with-filters": {
        "es": "/buscar/?q=presupuesto&country=MX&country=BR&level=municipal",
        "en": "/en/search/?q=budget&country=MX&country=BR&level=municipal",
    },
    "search-no-results": {
        "es": "/buscar/?q=zzqxjv&country=MX",
        "en": "/en/search/?q=zzqxjv&country=MX",
    },
    "contribution-form": {"es": "/contribuir/", "en": "/en/contribute/"},
    "about": {"es": "/acerca/", "en": "/en/about/"},
    "privacy": {"es": "/privacidad/", "en": "/en/privacy/"},
    "contact": {"es": "/contacto/", "en": "/en/contact/"},
    "not-found": {"es": "/no-existe/", "en": "/en/does-not-exist/"},
}

_report: dict = {}


@pytest.fixture(scope="module", autouse=True)
def axe_report():
    yield _report
    ARTIFACTS_REPORT.parent.mkdir(exist_ok=True)
    ARTIFACTS_REPORT.write_text(json.dumps(_report, indent=2, sort_keys=True))


def check(page, name: str, language: str, expected_status: int = 200) -> None:
    response = page.goto(page.base + page_path(name, language))
    assert response.status == expected_status
    assert page.locator("html").get_attribute("lang") == language
    record(page, f"{name} [{language}]")


def record(page, key: str) -> None:
    result = axe_run(page)
    violations = result["violations"]
    _report[key] = {
        "url": page.url.removeprefix(page.base),
        "violations": len(violations),
        "rules_passed": len(result["passes"]),
        "rules_violated": [v["id"] for v in violations],
    }
    assert violations == [], describe(violations)


def page_path(name: str, language: str) -> str:
    if name == "practice":
        practice = (
            PracticePage.objects.live()
            .filter(locale__language_code=language, country__code="MX")
            .order_by("path")
            .first()
        )
        return practice.url
    if name == "server-error":
        return f"/{ERROR_PATH}" if language == "es" else f"/en/{ERROR_PATH}"
    return PAGES[name][language]


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("name", [*PAGES, "practice"])
def test_page_has_no_axe_violations(page, name, language):
    expected = 404 if name == "not-found" else 200
    check(page, name, language, expected)


@pytest.mark.parametrize("language", ["es", "en"])
def test_contribution_form_with_errors_has_no_axe_violations(page, language):
    page.goto(page.base + PAGES["contribution-form"][language])
    page.locator("form.contribution-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".field-error").count() > 0
    record(page, f"contribution-form-with-errors [{language}]")


@pytest.mark.parametrize("language", ["es", "en"])
def test_server_error_page_has_no_axe_violations(page, settings, language):
    settings.ROOT_URLCONF = "tests.browser.error_urls"
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False
    check(page, "server-error", language, expected_status=500)


def test_axe_catches_what_it_should(open_page):
    """The check above can fail: a page with known faults gets them reported."""
    faulty = open_page()
    faulty.set_content(
        '<html lang="es"><title>x</title><main><h1>x</h1>'
        '<img src="x.png"><a href="/"></a></main></html>'
    )
    rules = {violation["id"] for violation in axe_violations(faulty)}
    assert {"image-alt", "link-name"} <= rules
