"""Apertium (Debian packages `apertium` and `apertium-en-es`), run as a process.

Many texts go through one process: they are joined by a separator paragraph that
Apertium passes through untouched, and split again afterwards.
"""

import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings

MODES = {("en", "es"): "eng-spa", ("es", "en"): "spa-eng"}
SEPARATOR = "\n\n§§§\n\n"
_SPLIT = re.compile(r"\s*§§§\s*")
# One process gets at most this many characters, so memory and time stay bounded.
MAX_BATCH_CHARS = 200_000


class TranslatorUnavailable(Exception):
    """Apertium or its English–Spanish modes are not installed."""


@dataclass(frozen=True)
class TranslatorStatus:
    ok: bool
    detail: str


class ApertiumTranslator:
    name = "apertium"

    def __init__(self, command: str | None = None, timeout: float = 600):
        self.command = command or settings.APERTIUM_COMMAND
        self.timeout = timeout

    def status(self) -> TranslatorStatus:
        path = shutil.which(self.command)
        if path is None:
            return TranslatorStatus(
                False,
                f"{self.command} not found: install the Debian packages apertium "
                "and apertium-en-es; practices are not machine-translated",
            )
        try:
            listed = subprocess.run(  # noqa: S603 - fixed arguments, no shell
                [path, "-l"], capture_output=True, text=True, timeout=10, check=False
            ).stdout.split()
        except (OSError, subprocess.SubprocessError) as exc:
            return TranslatorStatus(False, f"{self.command} does not run: {exc}")
        missing = sorted(set(MODES.values()) - set(listed))
        if missing:
            return TranslatorStatus(
                False,
                f"Apertium modes {', '.join(missing)} missing: install apertium-en-es",
            )
        return TranslatorStatus(True, f"apertium ({', '.join(MODES.values())})")

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        """Translate each text; the result has one entry per text, in order."""
        mode = MODES[(source, target)]
        results: list[str] = []
        batch: list[str] = []
        size = 0
        for text in texts:
            if batch and size + len(text) > MAX_BATCH_CHARS:
                results += self._run_batch(batch, mode)
                batch, size = [], 0
            batch.append(text)
            size += len(text)
        if batch:
            results += self._run_batch(batch, mode)
        return results

    def _run_batch(self, texts: list[str], mode: str) -> list[str]:
        # The separator must not occur inside a text.
        cleaned = [text.replace("§", "§ ") for text in texts]
        output = self._run(SEPARATOR.join(cleaned), mode)
        parts = [part.strip() for part in _SPLIT.split(output.strip())]
        if len(parts) == len(texts):
            return parts
        # A text that disturbed the separator: translate one at a time.
        return [self._run(text, mode).strip() for text in cleaned]

    def _run(self, text: str, mode: str) -> str:
        path = shutil.which(self.command)
        if path is None:
            raise TranslatorUnavailable(f"{self.command} not found")
        try:
            done = subprocess.run(  # noqa: S603 - fixed arguments, no shell
                [path, "-u", mode],
                input=text,
                capture_output=True,
                text=True,
                timeout=self.timeout,
                check=True,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise TranslatorUnavailable(f"apertium {mode} failed: {exc}") from exc
        return done.stdout
