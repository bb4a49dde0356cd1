"""The benchmark's own OpenSearch node, so the shared development node is not swamped.

It is the provisioned distribution (`scripts/opensearch.sh`, same version, same
analysis module) started on another port with a heap of the benchmark's choice, in
its own node directory; `stop()` ends it.
"""

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "opensearch.sh"


@dataclass
class BenchNode:
    port: int = 9260
    heap: str = "1g"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _run(self, action: str) -> None:
        env = {
            **os.environ,
            "OPENSEARCH_PORT": str(self.port),
            "OPENSEARCH_HEAP": self.heap,
            # The script provisions nothing when OPENSEARCH_URL names another cluster.
            "OPENSEARCH_URL": self.url,
        }
        subprocess.run([str(SCRIPT), action], env=env, check=True)  # noqa: S603

    def start(self) -> None:
        self._run("start")

    def stop(self) -> None:
        self._run("stop")
