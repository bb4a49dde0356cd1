"""The shipped demo repertory: written cases, imported through the interchange format.

`write_demo_repertory` turns practices/demo/cases/*.json into repertory.jsonl (two
records per case, one per language); `load_demo_repertory` imports that file like
any other (idempotent: a second run changes nothing).
"""

from pathlib import Path

from practices.demo.case_file import CASES_DIR, read_cases
from practices.importers.batch import ImportReport, run_import
from practices.importers.jsonl import read_jsonl, write_jsonl

DEMO_FILE = Path(__file__).with_name("repertory.jsonl")


def demo_records(cases_dir: Path = CASES_DIR):
    for case in read_cases(cases_dir):
        yield from case.to_records()


def write_demo_repertory(cases_dir: Path = CASES_DIR, output: Path = DEMO_FILE) -> int:
    """Write the records of every case; returns the number of practices."""
    records = list(demo_records(cases_dir))
    with open(output, "w", encoding="utf-8") as out:
        write_jsonl(records, out)
    return len(records) // 2


def load_demo_repertory(path: Path = DEMO_FILE) -> ImportReport:
    return run_import(lambda: read_jsonl(path), publish=True)
