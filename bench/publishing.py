"""Publish→searchable while a load runs: how long after an editor publishes a
practice the public search API finds it.

A thread publishes a new practice through the service (`create_practice`, published,
as the admin's publish does: the index queue is drained after the commit) about once
a second, then asks the search API for the practice's own made-up word every 50 ms
until the practice is among the results. The time counted runs from the call to the
service to the first answer that holds the practice.
"""

import json
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

import urllib3
from django.db import connection

from practices import services
from practices.records.record import PracticeRecord, SourceLink

from .load import API_PATH

INTERVAL = 1.0
POLL = 0.05
GIVE_UP = 30.0


@dataclass
class PublishProbe:
    base_url: str
    label: str
    seconds: list[float] = field(default_factory=list)
    lost: int = 0  # published, never found within GIVE_UP seconds
    failed: int = 0  # the publish itself raised (last_error says why)
    last_error: str = ""
    polls: int = 0  # search requests it sent
    interval: float = INTERVAL  # seconds between publishes; 0: publish nothing
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> None:
        if not self.interval:
            return
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        http = urllib3.PoolManager(retries=False)
        number = 0
        try:
            while not self._stop.is_set():
                began = time.monotonic()
                number += 1
                try:
                    self._publish_and_find(http, f"{self.label}{number}")
                except Exception as exc:  # noqa: BLE001 - a failure is a figure too
                    self.failed += 1
                    self.last_error = f"{type(exc).__name__}: {exc}"[:200]
                self._stop.wait(max(0.0, self.interval - (time.monotonic() - began)))
        finally:
            connection.close()  # this thread's own database connection

    def _publish_and_find(self, http, word: str) -> None:
        record = PracticeRecord(
            source_catalogue="editorial",
            source_id=f"probe-{word}",
            locale="es",
            original_language="es",
            title=f"Mesa de seguimiento {word}",
            summary=f"Una práctica publicada por la prueba de publicación ({word}).",
            country="MX",
            sources=[SourceLink("Prueba", f"https://example.org/{word}")],
        )
        started = time.monotonic()
        page = services.create_practice(record, publish=True)
        key = str(page.translation_key)
        url = f"{self.base_url}{API_PATH}?{urlencode({'q': word, 'lang': 'es'})}"
        while time.monotonic() - started < GIVE_UP:
            response = http.request("GET", url, timeout=5)
            self.polls += 1
            if response.status == 200:
                hits = json.loads(response.data).get("results", [])
                if any(hit.get("id") == key for hit in hits):
                    self.seconds.append(time.monotonic() - started)
                    return
            time.sleep(POLL)
        self.lost += 1
