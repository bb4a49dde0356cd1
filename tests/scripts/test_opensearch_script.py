"""The provisioning script is idempotent: start twice runs one node, stop twice is calm."""

import os
import socket
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "opensearch.sh"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(action: str, port: int) -> subprocess.CompletedProcess:
    env = {**os.environ, "OPENSEARCH_PORT": str(port)}
    env.pop("OPENSEARCH_URL", None)
    return subprocess.run(
        ["bash", str(SCRIPT), action],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.slow
def test_start_twice_and_stop_twice_on_a_second_node():
    port = _free_port()
    try:
        first = _run("start", port)
        assert first.returncode == 0, first.stdout + first.stderr
        assert f"ready at http://127.0.0.1:{port}" in first.stdout
        assert _listening(port)

        second = _run("start", port)
        assert second.returncode == 0, second.stderr
        assert "already running" in second.stdout

        status = _run("status", port)
        assert status.returncode == 0
        assert (
            '"status":"green"' in status.stdout or '"status":"yellow"' in status.stdout
        )
    finally:
        stopped = _run("stop", port)
    assert stopped.returncode == 0, stopped.stderr
    assert "stopped" in stopped.stdout
    assert not _listening(port)

    again = _run("stop", port)
    assert again.returncode == 0
    assert "not running" in again.stdout
    assert _run("status", port).returncode == 3


def test_an_external_cluster_is_never_provisioned():
    env = {**os.environ, "OPENSEARCH_URL": "http://search.internal.example:9200"}
    result = subprocess.run(
        ["bash", str(SCRIPT), "start"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0
    assert "external cluster" in result.stdout


def test_unknown_action_is_a_usage_error():
    result = subprocess.run(
        ["bash", str(SCRIPT), "restart-all"], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "usage" in result.stderr
