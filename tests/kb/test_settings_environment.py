"""Settings are read from the environment and bad values are explained, not crashed on."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from kb.settings.environment import database_from_url, env_bool, env_list

REPO = Path(__file__).resolve().parents[2]


def test_sqlite_url_gives_sqlite_engine(tmp_path):
    config = database_from_url(f"sqlite:///{tmp_path}/db.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == f"{tmp_path}/db.sqlite3"


def test_postgres_url_gives_postgres_engine():
    config = database_from_url("postgres://kb:secret@db.internal:5433/repertorio")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == (
        "db.internal",
        5433,
        "repertorio",
    )


@pytest.mark.parametrize(
    "url", ["mysql://x@y/z", "not a url", "postgres://user@host:5432/", ""]
)
def test_unusable_database_url_is_explained(url):
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        database_from_url(url)


def test_booleans_accept_common_spellings_and_reject_others(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    assert env_bool("FLAG") is True
    monkeypatch.setenv("FLAG", "0")
    assert env_bool("FLAG", True) is False
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="FLAG"):
        env_bool("FLAG")


def test_comma_separated_list_for_opensearch_cluster(monkeypatch):
    monkeypatch.setenv("OPENSEARCH_URL", "http://a:9200, http://b:9200")
    assert env_list("OPENSEARCH_URL") == ["http://a:9200", "http://b:9200"]


def _manage(*args, **env):
    full_env = {**os.environ, "DJANGO_SETTINGS_MODULE": "kb.settings.dev", **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_manage_py_with_bad_database_url_fails_with_a_clear_message():
    result = _manage("check", DATABASE_URL="mysql://root@localhost/kb")
    assert result.returncode != 0
    assert "DATABASE_URL='mysql://root@localhost/kb' is not usable" in result.stderr


def test_environment_settings_reach_django(tmp_path):
    result = _manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; "
        "print(s.OPENSEARCH_URL, s.OPENSEARCH_INDEX_PREFIX, s.ALLOWED_HOSTS, "
        "s.DATABASES['default']['NAME'])",
        DATABASE_URL=f"sqlite:///{tmp_path}/x.sqlite3",
        OPENSEARCH_URL="http://n1:9200,http://n2:9200",
        OPENSEARCH_INDEX_PREFIX="staging",
        ALLOWED_HOSTS="kb.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "['http://n1:9200',",
        "'http://n2:9200']",
        "staging",
        "['kb.example.org']",
        f"{tmp_path}/x.sqlite3",
    ]


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = _manage(
        "check", DJANGO_SETTINGS_MODULE="kb.settings.production", SECRET_KEY=""
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


@pytest.mark.parametrize("contact", ["", "repertorio@localhost"])
def test_production_settings_refuse_to_start_without_a_real_contact_address(contact):
    result = _manage(
        "check",
        DJANGO_SETTINGS_MODULE="kb.settings.production",
        SECRET_KEY="x" * 50,
        CONTACT_EMAIL=contact,
    )
    assert result.returncode != 0
    assert "CONTACT_EMAIL must be set in production" in result.stderr


def test_outside_production_the_contact_address_is_a_plain_placeholder():
    result = _manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; print(s.CONTACT_EMAIL)",
        CONTACT_EMAIL="",
    )
    assert result.stdout.strip().endswith(".invalid")


def test_sqlite_writes_wait_for_each_other(tmp_path):
    """A busy timeout and immediate transactions: a second writer waits for the
    first instead of failing with "database is locked"."""
    options = database_from_url(f"sqlite:///{tmp_path}/db.sqlite3")["OPTIONS"]
    assert options["timeout"] >= 5
    assert options["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in options["init_command"]


def test_postgres_gets_no_sqlite_options():
    config = database_from_url("postgres://kb:secret@db.internal:5433/repertorio")
    assert "transaction_mode" not in config.get("OPTIONS", {})
