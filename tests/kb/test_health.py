"""Health endpoints tell a load balancer the truth quickly, and never answer with a 500."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from search.indexer import ensure_index

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def practices_index_present(db):
    yield ensure_index()


def test_healthz_answers_ok_without_touching_dependencies(client, opensearch_down):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_is_ok_when_database_and_index_answer(client, practices_index_present):
    response = client.get("/readyz")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["opensearch"]["ok"] is True


@pytest.mark.django_db
def test_readyz_names_opensearch_when_the_node_is_unreachable(client, opensearch_down):
    started = time.monotonic()
    response = client.get("/readyz")
    elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["failing"] == ["opensearch"]
    assert "unreachable" in body["checks"]["opensearch"]["detail"]
    assert elapsed < 2.0


@pytest.mark.django_db
def test_readyz_names_the_missing_index(client, settings):
    settings.OPENSEARCH_INDEX_PREFIX = "no-such-prefix-for-readyz"
    response = client.get("/readyz")
    assert response.status_code == 503
    assert (
        "no-such-prefix-for-readyz-practices is missing"
        in (response.json()["checks"]["opensearch"]["detail"])
    )


def test_readyz_names_the_database_when_it_is_unreachable(closed_port_url):
    """A PostgreSQL URL on a closed port: the real driver fails, readiness says so."""
    port = closed_port_url.rsplit(":", 1)[1]
    code = (
        "from django.test import Client; r = Client().get('/readyz'); "
        "print(r.status_code, r.json()['failing'])"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=REPO,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "kb.settings.dev",
            "DATABASE_URL": f"postgres://kb@127.0.0.1:{port}/kb",
            "OPENSEARCH_URL": closed_port_url,
            "ALLOWED_HOSTS": "testserver",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "503 ['database', 'opensearch']"


@pytest.mark.django_db
def test_readyz_tells_the_public_only_its_status(client, practices_index_present):
    """Engine, cluster and Apertium details are for loopback and staff only."""
    response = client.get("/readyz", REMOTE_ADDR="203.0.113.80")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_shows_its_details_to_staff_anywhere(
    client, practices_index_present, django_user_model
):
    staff = django_user_model.objects.create_user("ops", password="x", is_staff=True)
    client.force_login(staff)
    body = client.get("/readyz", REMOTE_ADDR="203.0.113.81").json()
    assert body["checks"]["database"]["detail"]
    assert "machine_translation" in body["checks"]


@pytest.mark.django_db
def test_readyz_checks_apertium_at_most_once_a_minute(
    client, practices_index_present, monkeypatch
):
    """Each check starts a process: repeated calls reuse the last answer."""
    from kb import health

    calls = []
    real = health.translator_status

    def counted():
        calls.append(1)
        return real()

    monkeypatch.setattr(health, "translator_status", counted)
    for _ in range(5):
        assert client.get("/readyz").status_code == 200
    assert len(calls) == 1
