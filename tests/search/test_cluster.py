"""A cluster of two local nodes with one replica keeps answering while a node is down,
and loses nothing written meanwhile (docs/capacity.md).

Node A manages the cluster and holds data; node B only holds data, so stopping B never
leaves the cluster without a manager. Both are the provisioned distribution started
by scripts/opensearch.sh on spare ports with a small heap.
"""

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from django.http import QueryDict

from pages.site_setup import ensure_site
from practices.models import PracticePage
from search.client import get_client
from search.filters import parse_filters
from search.indexer import alias_name, rebuild, write_documents
from search.service import search_practices
from tests.factories import create_practices, practice_record

# One worker runs them all: the two nodes listen on fixed ports.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db,
    pytest.mark.xdist_group("two-node-cluster"),
]

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "opensearch.sh"
MANAGER_PORT, DATA_PORT = 9271, 9272
PORTS = f"{MANAGER_PORT},{DATA_PORT}"
DATA_ROLES = "data, ingest"


def _env(port: int, roles: str) -> dict:
    return {
        **os.environ,
        "OPENSEARCH_PORT": str(port),
        "OPENSEARCH_URL": f"http://127.0.0.1:{port}",
        "OPENSEARCH_HEAP": "256m",
        "OPENSEARCH_CLUSTER_NAME": "repertorio-capacity-test",
        "OPENSEARCH_CLUSTER_PORTS": PORTS,
        "OPENSEARCH_NODE_ROLES": roles,
        # Two JVMs starting at once on a busy 2-core machine took longer than 90 s.
        "OPENSEARCH_START_TIMEOUT": "240",
    }


def _node(action: str, port: int, roles: str = "") -> None:
    subprocess.run(
        [str(SCRIPT), action], env=_env(port, roles), check=True, timeout=300
    )


@pytest.fixture(scope="module")
def two_node_cluster():
    for directory in _node_dirs():
        # A fresh cluster each run: no state left from an earlier one.
        shutil.rmtree(directory / "data", ignore_errors=True)
    # Started side by side: the data node joins once the manager has formed the cluster.
    starting = [
        subprocess.Popen([str(SCRIPT), "start"], env=_env(port, roles))
        for port, roles in ((MANAGER_PORT, ""), (DATA_PORT, DATA_ROLES))
    ]
    try:
        for process in starting:
            assert process.wait(timeout=300) == 0, "a cluster node did not start"
        yield [f"http://127.0.0.1:{MANAGER_PORT}", f"http://127.0.0.1:{DATA_PORT}"]
    finally:
        _node("stop", DATA_PORT)
        _node("stop", MANAGER_PORT)


def _node_dirs() -> list[Path]:
    version = (
        subprocess.run(
            ["bash", "-c", f"grep -m1 -o 'OPENSEARCH_VERSION:-[0-9.]*' {SCRIPT}"],
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.split("-")[-1]
        .strip()
    )
    cache = Path(os.environ.get("OPENSEARCH_CACHE_DIR", REPO / ".cache" / "opensearch"))
    return [cache / f"node-{version}-{port}" for port in (MANAGER_PORT, DATA_PORT)]


def _search(q: str):
    return search_practices(parse_filters(QueryDict(q)))


def _ids(results) -> set[str]:
    return {hit.id for hit in results.results}


def _keys(source_ids: list[str]) -> set[str]:
    return {
        str(key)
        for key in PracticePage.objects.filter(source_id__in=source_ids).values_list(
            "translation_key", flat=True
        )
    }


def test_searches_answer_and_writes_survive_while_a_node_is_down(
    two_node_cluster, settings
):
    settings.OPENSEARCH_URL = two_node_cluster
    settings.OPENSEARCH_NUMBER_OF_REPLICAS = 1
    settings.OPENSEARCH_INDEX_PREFIX = f"cluster-{uuid.uuid4().hex[:8]}"
    # Each node gets a few seconds: a small heap on a busy machine answers slowly.
    # The node's own limit on a search must grow with the client's: at the site's
    # 1.25 s, a slow node cut searches short (partial hits, or a cancelled task) and
    # the comparisons below failed now and then under load.
    settings.OPENSEARCH_TIMEOUT_SECONDS = 10
    settings.OPENSEARCH_SEARCH_TIMEOUT_SECONDS = 8
    client = get_client()
    ensure_site()
    before = [f"before-{n}" for n in range(3)]
    create_practices(
        [
            practice_record(
                sid, f"Cabildo abierto {sid}", "Sesiones abiertas al público."
            )
            for sid in before
        ]
    )
    rebuild()
    health = client.cluster.health(
        index=alias_name(),
        wait_for_status="green",
        params={"timeout": "120s"},
        request_timeout=130,
    )
    assert health["status"] == "green", (
        "the replica was not allocated on the second node"
    )

    _node("stop", DATA_PORT)

    # Every search is answered, whichever node the client tries first.
    for _ in range(6):
        assert _ids(_search("q=cabildo")) == _keys(before)
    during = [f"during-{n}" for n in range(2)]
    create_practices(
        [
            practice_record(
                sid, f"Cabildo abierto {sid}", "Sesiones abiertas al público."
            )
            for sid in during
        ]
    )
    written = write_documents(_keys(during))
    assert not written.failed
    assert _ids(_search("q=cabildo")) == _keys(before + during)

    _node("start", DATA_PORT, DATA_ROLES)
    health = client.cluster.health(
        index=alias_name(),
        wait_for_status="green",
        params={"timeout": "120s"},
        request_timeout=130,
    )
    assert health["status"] == "green", "the returning node did not recover its copy"

    # The returning node's own copy holds what was written while it was down.
    nodes = client.nodes.info(node_id=f"repertorio-{DATA_PORT}")["nodes"]
    (data_node_id,) = nodes
    response = client.search(
        index=alias_name(),
        body={"query": {"match_all": {}}, "size": 10, "_source": False},
        preference=f"_only_nodes:{data_node_id}",
    )
    assert {hit["_id"] for hit in response["hits"]["hits"]} == _keys(before + during)
