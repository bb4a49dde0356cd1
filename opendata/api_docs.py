"""Where the API describes itself: the index at /api/v1/ (JSON with a link to each
endpoint), the OpenAPI document at /api/v1/openapi.yaml, and a page that reads that
same document for people (/api/, /en/api/).

docs/api/openapi.yaml is the one description; nothing here repeats it.
"""

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from django.conf import settings
from django.http import FileResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from kb.absolute_urls import absolute_url
from practices.dataset import LICENCE_URL

OPENAPI_PATH = Path("docs/api/openapi.yaml")


def openapi_file() -> Path:
    return Path(settings.BASE_DIR) / OPENAPI_PATH


@require_GET
def api_index(request):
    """What the API offers, each as an absolute link."""

    def absolute(path: str) -> str:
        return absolute_url(path, request)

    practice = reverse("api-practice", args=["00000000-0000-0000-0000-000000000000"])
    response = JsonResponse(
        {
            "name": "Repertorio",
            "version": "v1",
            "description": (
                "Open government and proactive transparency practices: search, "
                "exports and vocabularies."
            ),
            "links": {
                "search": absolute(reverse("api-search")),
                "autocomplete": absolute(reverse("api-autocomplete")),
                "finder": absolute(reverse("api-finder")),
                "export": absolute(reverse("api-export")),
                "practice": absolute(practice).replace(
                    "00000000-0000-0000-0000-000000000000", "{id}"
                ),
                "taxonomy": absolute(reverse("api-taxonomy")),
                "feed": absolute(reverse("practices-feed")),
                "openapi": absolute(reverse("api-openapi")),
                "documentation": {
                    "es": absolute(_localized("api-reference", "es")),
                    "en": absolute(_localized("api-reference", "en")),
                },
            },
            "licence": LICENCE_URL,
        },
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=3600"
    return response


def _localized(name: str, language: str) -> str:
    with translation.override(language):
        return reverse(name)


@require_GET
def openapi_document(request):
    """The OpenAPI 3.1 document, as written."""
    response = FileResponse(
        open(openapi_file(), "rb"),  # noqa: SIM115 - FileResponse closes it
        content_type="application/yaml; charset=utf-8",
    )
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=3600"
    return response


@dataclass(frozen=True)
class Parameter:
    name: str
    where: str
    description: str
    values: str
    required: bool


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    summary: str
    description: str
    parameters: list[Parameter]
    responses: list[tuple[str, str]] = field(default_factory=list)
    anchor: str = ""


@cache
def _document(modified: float) -> dict:
    return yaml.safe_load(openapi_file().read_text(encoding="utf-8"))


def api_operations() -> tuple[dict, list[Operation]]:
    """The document's info and its operations, references resolved."""
    document = _document(openapi_file().stat().st_mtime)
    components = document.get("components", {})
    operations = []
    for path, methods in document.get("paths", {}).items():
        for method, spec in methods.items():
            parameters = [
                _parameter(_resolved(p, components)) for p in spec.get("parameters", [])
            ]
            responses = [
                (str(code), _resolved(answer, components).get("description", ""))
                for code, answer in spec.get("responses", {}).items()
            ]
            operations.append(
                Operation(
                    method=method.upper(),
                    path=path,
                    summary=spec.get("summary", ""),
                    description=" ".join(spec.get("description", "").split()),
                    parameters=parameters,
                    responses=responses,
                    anchor=_anchor(path),
                )
            )
    return document.get("info", {}), operations


def _anchor(path: str) -> str:
    words = "".join(c if c.isalnum() else "-" for c in path).strip("-")
    return "-".join(part for part in words.split("-") if part) or "index"


def _resolved(item: dict, components: dict) -> dict:
    reference = item.get("$ref", "")
    if not reference.startswith("#/components/"):
        return item
    kind, name = reference.removeprefix("#/components/").split("/", 1)
    return components.get(kind, {}).get(name, {})


def _parameter(spec: dict) -> Parameter:
    schema = spec.get("schema", {})
    items = schema.get("items", {}) if schema.get("type") == "array" else schema
    values = ", ".join(str(v) for v in items.get("enum", []))
    if not values and "minimum" in items:
        values = f"{items['minimum']}–{items.get('maximum', '')}"
    if "default" in schema:
        values = f"{values} (default {schema['default']})".strip()
    if schema.get("type") == "array":
        values = f"{values} (repeatable)".strip()
    return Parameter(
        name=spec.get("name", ""),
        where=spec.get("in", ""),
        description=" ".join(str(spec.get("description", "")).split()),
        values=values,
        required=bool(spec.get("required")),
    )


def api_reference(request):
    """The API, for people: every endpoint, its parameters and answers."""
    info, operations = api_operations()
    return render(
        request,
        "opendata/api_reference.html",
        {
            "info": info,
            "operations": operations,
            "openapi_url": reverse("api-openapi"),
            "index_url": reverse("api-index"),
        },
    )
