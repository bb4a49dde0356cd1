"""Load the shipped demo repertory (idempotent: a second run changes nothing)."""

from pathlib import Path

from practices.importers.batch import ImportReport, run_import
from practices.importers.jsonl import read_jsonl

DEMO_FILE = Path(__file__).with_name("repertory.jsonl")


def load_demo_repertory(path: Path = DEMO_FILE) -> ImportReport:
    return run_import(lambda: read_jsonl(path), publish=True)
