"""Response headers: a strict CSP on the public site, HSTS, Permissions-Policy, and
`__Host-` cookies with production settings."""

import importlib
import subprocess
import sys

import pytest
from django.test import override_settings

from tests.kb.test_settings_environment import REPO

pytestmark = pytest.mark.django_db


def _csp(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.fixture
def production(monkeypatch):
    """The production settings module, read with test values for its required env."""
    monkeypatch.setenv(
        "SECRET_KEY", "a-test-value-long-enough-for-the-deploy-checks-0123456789"
    )
    monkeypatch.setenv("CONTACT_EMAIL", "transparencia@example.org")
    importlib.reload(importlib.import_module("kb.settings.base"))
    return importlib.reload(importlib.import_module("kb.settings.production"))


def test_public_pages_forbid_inline_script(client):
    response = client.get("/contribuir/")
    csp = _csp(response)
    assert csp["script-src"] == ["'self'"]  # no nonce where none is needed
    assert "'unsafe-inline'" not in csp["style-src"]
    assert csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'none'"]
    html = response.content.decode()
    assert "<script>" not in html and " onclick=" not in html


def test_a_json_ld_block_carries_the_pages_nonce(client):
    from pages.site_setup import ensure_site
    from practices.models import PracticePage
    from tests.factories import create_practices, practice_record

    ensure_site()
    create_practices([practice_record("csp-1", "Presupuesto abierto", "Resumen.")])
    page = PracticePage.objects.get(source_id="csp-1")
    response = client.get(page.url)
    nonce = next(
        value.removeprefix("'nonce-").removesuffix("'")
        for value in _csp(response)["script-src"]
        if value.startswith("'nonce-")
    )
    assert f'<script type="application/ld+json" nonce="{nonce}">' in (
        response.content.decode()
    )


def test_the_admin_gets_its_own_policy(client):
    csp = _csp(client.get("/admin/login/"))
    assert "'unsafe-inline'" in csp["script-src"]  # Wagtail's widgets need it
    assert csp["object-src"] == ["'none'"]


def test_permissions_policy_turns_off_unused_features(client):
    policy = client.get("/healthz")["Permissions-Policy"]
    for feature in ("camera=()", "geolocation=()", "microphone=()"):
        assert feature in policy


def test_production_sends_hsts_for_a_year_and_host_prefixed_cookies(client, production):
    names = [
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_SSL_REDIRECT",
        "SECURE_PROXY_SSL_HEADER",
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_NAME",
        "CSRF_COOKIE_SECURE",
        "CSRF_COOKIE_NAME",
        "CONTENT_SECURITY_POLICY",
    ]
    with override_settings(**{name: getattr(production, name) for name in names}):
        response = client.get(
            "/contribuir/", secure=True, HTTP_X_FORWARDED_PROTO="https"
        )
    assert response.status_code == 200
    assert (
        response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    )
    assert "upgrade-insecure-requests" in response["Content-Security-Policy"]
    csrf = response.cookies["__Host-csrftoken"]
    assert csrf["secure"] and csrf["path"] == "/" and not csrf["domain"]
    assert production.SESSION_COOKIE_NAME.startswith("__Host-")
    assert production.LANGUAGE_COOKIE_NAME.startswith("__Host-")


def test_sessions_have_an_idle_timeout_and_a_maximum_age(settings):
    assert settings.SESSION_COOKIE_AGE <= 3600
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_MAX_AGE_SECONDS <= 12 * 3600


def test_deploy_check_passes_with_production_settings(tmp_path):
    """`manage.py check --deploy --fail-level WARNING` (also run by `make test`)."""
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "kb.settings.production",
        "SECRET_KEY": "a-test-value-long-enough-for-the-deploy-checks-0123456789",
        "ALLOWED_HOSTS": "kb.example.org",
        "CONTACT_EMAIL": "transparencia@example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path}/deploy.sqlite3",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
