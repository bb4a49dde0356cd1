"""Apertium (Debian packages `apertium` and `apertium-en-es`), run as a process.

Many texts go through one process: they are joined by a separator paragraph that
Apertium passes through untouched, and split again afterwards. A search query goes
through a pipeline kept warm in the process instead (`ApertiumPipeline`).
"""

import contextlib
import os
import re
import select
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

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


# A query's translation goes through one long-lived pipeline per process and
# direction (`warm_pipeline`), not a new `apertium` process: starting one costs
# 1.5-1.9 s, a warm pipeline answers in about a millisecond.
QUERY_TIMEOUT_SECONDS = 2.0
QUERY_MAX_CHARS = 500
# Apertium's stream format gives these characters a meaning; a query loses nothing
# without them, and the pipeline never sees the deformatter's escapes.
_NOT_QUERY_TEXT = re.compile(r"[^\w\s.,;:¿?¡!'\"()%-]")


class ApertiumPipeline:
    """One Apertium pipeline kept running in null-flush mode (`-z`).

    Each text is written followed by a NUL, and every program of the pipeline
    flushes its output when it meets one, so the answer is read back up to the NUL.
    The `apertium` script itself cannot run like this (its text deformatter buffers),
    so the mode's own programs are started (`apertium-wblank-mode -z`) and the text
    is fed to them plain, without Apertium's reserved characters. One caller at a
    time (a lock); a pipeline that fails or is too slow is killed and started again
    on the next call.
    """

    def __init__(self, command: str, mode: str, timeout: float = QUERY_TIMEOUT_SECONDS):
        self.command = command
        self.mode = mode
        self.timeout = timeout
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None

    def translate(self, text: str) -> str:
        plain = " ".join(_NOT_QUERY_TEXT.sub(" ", text[:QUERY_MAX_CHARS]).split())
        if not plain:
            return ""
        with self._lock:
            try:
                return self._exchange(plain)
            # SubprocessError: reading the mode's programs failed or hung.
            except (OSError, subprocess.SubprocessError, TranslatorUnavailable) as exc:
                self._stop()
                raise TranslatorUnavailable(
                    f"apertium {self.mode} pipeline: {exc}"
                ) from exc

    def close(self) -> None:
        with self._lock:
            self._stop()

    def _exchange(self, text: str) -> str:
        process = self._running()
        process.stdin.write(text.encode() + b"\n\0")
        process.stdin.flush()
        answer = b""
        deadline = time.monotonic() + self.timeout
        while not answer.endswith(b"\0"):
            remaining = deadline - time.monotonic()
            ready, _w, _x = select.select([process.stdout], [], [], max(remaining, 0))
            if not ready:
                raise TranslatorUnavailable(f"no answer within {self.timeout}s")
            chunk = os.read(process.stdout.fileno(), 65536)
            if not chunk:
                raise TranslatorUnavailable("the pipeline ended")
            answer += chunk
        return answer[:-1].decode(errors="replace").strip()

    def _running(self) -> subprocess.Popen:
        if self._process is not None and self._process.poll() is None:
            return self._process
        self._stop()
        # The mode's pipeline is a shell pipe: $1 is lt-proc's generation option
        # (-n: unknown words unmarked, as `apertium -u`), $2 the tagger's (none).
        self._process = subprocess.Popen(  # noqa: S603 - fixed arguments
            [self._shell(), "-c", self._pipeline(), "apertium", "-n", ""],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group, killed as one
        )
        return self._process

    def _shell(self) -> str:
        shell = shutil.which("bash")
        if shell is None:
            raise TranslatorUnavailable("bash not found")
        return shell

    def _pipeline(self) -> str:
        path = shutil.which(self.command)
        wblank = shutil.which("apertium-wblank-mode")
        if path is None or wblank is None:
            raise TranslatorUnavailable(f"{self.command} not found")
        mode_file = _data_dir(path) / "modes" / f"{self.mode}.mode"
        if not mode_file.is_file():
            raise TranslatorUnavailable(f"{mode_file} not found")
        done = subprocess.run(  # noqa: S603 - fixed arguments, no shell
            [wblank, "-z", str(mode_file)],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
        return done.stdout.strip()

    def _stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
        for stream in (process.stdin, process.stdout):
            with contextlib.suppress(OSError):
                stream.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=1)


class ApertiumAnalyser(ApertiumPipeline):
    """A mode's first program alone, its morphological analyser (`lt-proc` with the
    source language's dictionary), kept running as the pipeline is: it tells a word
    the dictionary knows ("^protect/protect<vblex><inf>/…$") from one it does not
    ("^protectoin/*protectoin$"), in about a millisecond."""

    def known_words(self, words: Iterable[str]) -> set[str]:
        """Those of `words` (lower-case letters) the dictionary knows as one word,
        or inside one of its multiword entries ("human rights", "derechos
        humanos").

        A word it reads only as a join, a verb with pronouns attached
        ("beneficiaros": "beneficiar" + "os", to benefit you), is not counted: the
        analyser joins them freely, and such a form is far likelier a typo in a
        search ("beneficiarios") than the word meant."""
        return set(self.word_classes(words))

    def word_classes(self, words: Iterable[str]) -> dict[str, set[str]]:
        """Those of `words` the dictionary knows (as `known_words`), each with the
        classes it reads as ("publica": {"vblex"}, a verb; "pública": {"adj"})."""
        asked = " ".join(word for word in words if word.isalpha())
        if not asked:
            return {}
        classes: dict[str, set[str]] = {}
        for surface, readings in _ANALYSED_WORD.findall(self.translate(asked)):
            read = {
                _READING_CLASS.search(reading).group(1)
                for reading in readings.split("/")
                if not reading.startswith("*")
                and "+" not in reading
                and _READING_CLASS.search(reading)
            }
            if read:
                for word in surface.split():
                    classes.setdefault(word, set()).update(read)
        return classes

    def _pipeline(self) -> str:
        return super()._pipeline().split("|")[0].strip()


# One analysed word of lt-proc's stream: ^surface/reading/reading…$
_ANALYSED_WORD = re.compile(r"\^([^/$^]*)/([^$^]*)\$")
# A reading's word class: its first tag ("publicar<vblex><pri>…" -> "vblex").
_READING_CLASS = re.compile(r"<([^<>]+)>")


def _data_dir(command_path: str) -> Path:
    """Where the `apertium` script finds its modes: $APERTIUM_DATADIR, else
    <prefix>/share/apertium beside its bin/."""
    configured = os.environ.get("APERTIUM_DATADIR")
    if configured:
        return Path(configured)
    return Path(command_path).resolve().parent.parent / "share" / "apertium"


# One pipeline (and analyser) per process and direction. A process handle is this process's own
# (it cannot live in a shared store); a forked child starts its own.
_pipelines: dict[tuple[int, str, str, str], ApertiumPipeline] = {}
_pipelines_lock = threading.Lock()


def warm_pipeline(source: str, target: str) -> ApertiumPipeline:
    return _warm(ApertiumPipeline, MODES[(source, target)])


def warm_analyser(language: str) -> ApertiumAnalyser:
    """This process's analyser of `language`: the first program of the mode that
    translates from it."""
    mode = next(mode for (source, _t), mode in MODES.items() if source == language)
    return _warm(ApertiumAnalyser, mode)


def _warm(kind: type[ApertiumPipeline], mode: str) -> ApertiumPipeline:
    key = (os.getpid(), settings.APERTIUM_COMMAND, mode, kind.__name__)
    with _pipelines_lock:
        pipeline = _pipelines.get(key)
        if pipeline is None:
            pipeline = _pipelines[key] = kind(settings.APERTIUM_COMMAND, mode)
        return pipeline
