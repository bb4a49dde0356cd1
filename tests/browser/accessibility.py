"""axe-core, the npm package, run inside the page Chromium shows."""

from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules/axe-core/axe.min.js"
ARTIFACTS_REPORT = ROOT / "test-artifacts/axe-report.json"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus axe's best practices.
AXE_TAGS = [
    "wcag2a",
    "wcag2aa",
    "wcag21a",
    "wcag21aa",
    "wcag22aa",
    "best-practice",
]


@cache
def _axe_source() -> str:
    if not AXE_SCRIPT.exists():
        raise RuntimeError(f"{AXE_SCRIPT} is missing: run `npm ci` (make test does it)")
    return AXE_SCRIPT.read_text(encoding="utf-8")


def axe_run(page) -> dict:
    """axe's result: every rule under `violations`, `passes`, `incomplete` or
    `inapplicable`, and every element that breaks a rule under its violation.

    Elements are listed for violations only (axe's `resultTypes`): the other lists
    keep one element per rule, which spares axe a CSS selector for every element
    that passed, most of its time on a long page (axe-core's API, "Performance")."""
    # Evaluated through the DevTools protocol, not as a <script> tag: the site's
    # Content-Security-Policy forbids inline scripts, and rightly refuses one.
    page.evaluate(_axe_source())
    return page.evaluate(
        """tags => axe.run(document, {
            runOnly: {type: 'tag', values: tags},
            resultTypes: ['violations'],
        })""",
        AXE_TAGS,
    )


def axe_violations(page) -> list[dict]:
    return axe_run(page)["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {', '.join(node['target'])}: {node['failureSummary']}")
    return "\n".join(lines)


# True when the page runs no script of its own but from a file (no inline script,
# JSON data aside) and has no <noscript>: then the page with its script files
# refused is the page a reader without JavaScript gets, element for element.
SCRIPTS_ONLY_FROM_FILES = """() =>
    [...document.scripts].every(s => s.src || s.type === 'application/ld+json')
    && !document.querySelector('noscript')"""


def _refuse_scripts(route):
    if route.request.resource_type == "script":
        route.abort()
    else:
        route.continue_()


def axe_violations_without_javascript(page) -> list[dict]:
    """axe on `page` (opened with JavaScript off) as its reader gets it.

    axe is itself a script, and a page with JavaScript off never runs one: its
    promise never settles. So the same address is opened again, with the same
    cookies and width, in a page that refuses the site's script files, and axe runs
    there. That copy is the page without JavaScript only if the page's behaviour
    comes from script files alone, which is checked first."""
    assert page.evaluate(SCRIPTS_ONLY_FROM_FILES), (
        f"{page.url} runs an inline script or has <noscript>: refusing its script "
        "files would not show it as a reader without JavaScript sees it"
    )
    context = page.context.browser.new_context(viewport=page.viewport_size)
    try:
        context.add_cookies(page.context.cookies())
        context.route("**/*", _refuse_scripts)
        twin = context.new_page()
        twin.goto(page.url)
        return axe_violations(twin)
    finally:
        context.close()
