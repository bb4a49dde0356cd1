"""The application served as production serves it: gunicorn, `kb.wsgi`, DEBUG off."""

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import urllib3

REPO = Path(__file__).resolve().parent.parent
# The production command of the index queue's worker.
INDEX_WORKER = ("db_worker", "--backend", "index", "--queue-name", "index")


@dataclass
class AppServer:
    port: int = 8765
    workers: int = 2
    timeout: int = 30
    # Environment variables of this server beyond the bench's (SEARCH_MODE).
    env: dict = field(default_factory=dict)
    # The index queue's worker beside the server, as production runs it
    # (deploy/systemd/repertorio-index-queue.service): without it a practice
    # published during the load is never indexed.
    index_worker: bool = False
    process: subprocess.Popen | None = field(default=None, repr=False)
    worker: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, log: Path) -> None:
        # Another server on the port would answer /healthz and take our load.
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                raise RuntimeError(
                    f"port {self.port} is already taken; pick another with --app-port"
                )
        gunicorn = Path(sys.executable).with_name("gunicorn")
        command = [
            str(gunicorn),
            "kb.wsgi",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--timeout",
            str(self.timeout),
        ]
        self.process = subprocess.Popen(  # noqa: S603
            command,
            cwd=REPO,
            env={**os.environ, **self.env},
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        if self.index_worker:
            self.worker = subprocess.Popen(  # noqa: S603
                [sys.executable, "manage.py", *INDEX_WORKER],
                cwd=REPO,
                env={**os.environ, **self.env},
                stdout=log.with_name(f"{log.stem}-index-worker.log").open("w"),
                stderr=subprocess.STDOUT,
            )
        http = urllib3.PoolManager(retries=False)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {log}")
            try:
                if http.request("GET", f"{self.url}/healthz", timeout=2).status == 200:
                    return
            except urllib3.exceptions.HTTPError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"gunicorn did not answer within 60 s; see {log}")

    def worker_pids(self) -> list[int]:
        if self.process is None:
            return []
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []

    def worker_rss_mb(self) -> float:
        """The largest resident set among the workers, in MB."""
        sizes = []
        for pid in self.worker_pids():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        sizes.append(int(line.split()[1]) / 1024)
            except OSError:
                continue
        return max(sizes, default=0.0)

    def worker_private_mb(self) -> float:
        """The largest set of pages a worker holds alone (unique set size: what
        it shares copy-on-write with the master, the encoder's weights, left out)."""
        sizes = []
        for pid in self.worker_pids():
            try:
                fields = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
            except OSError:
                continue
            private = sum(
                int(line.split()[1])
                for line in fields
                if line.startswith(("Private_Clean:", "Private_Dirty:"))
            )
            sizes.append(private / 1024)
        return max(sizes, default=0.0)

    def worker_cpu_seconds(self) -> float:
        """CPU time (user and system) the workers have used so far, together."""
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for pid in self.worker_pids():
            try:
                stat = Path(f"/proc/{pid}/stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / ticks

    def stop(self) -> None:
        for process in (self.worker, self.process):
            if process is None or process.poll() is not None:
                continue
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
