"""The provisioning script leaves an external cluster alone and names its usage.

That it is idempotent (start twice runs one node, stop twice is calm) is shown on
the data node of tests/search/test_cluster.py, which the script starts anyway."""

import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "opensearch.sh"


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
