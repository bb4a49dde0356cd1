"""axe-core, the npm package, run inside the page Chromium shows."""

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


def axe_run(page) -> dict:
    """axe's full result: `violations`, `passes`, `incomplete`, `inapplicable`."""
    if not AXE_SCRIPT.exists():
        raise RuntimeError(f"{AXE_SCRIPT} is missing: run `npm ci` (make test does it)")
    # Evaluated through the DevTools protocol, not as a <script> tag: the site's
    # Content-Security-Policy forbids inline scripts, and rightly refuses one.
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
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
