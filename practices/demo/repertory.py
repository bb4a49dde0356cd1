"""The shipped demo repertory: written cases, imported through the interchange format.

`write_demo_repertory` turns practices/demo/cases/*.json into repertory.jsonl (two
records per case, one per language); `load_demo_repertory` imports that file like
any other (idempotent: a second run changes nothing), then unpublishes the demo
practices the file no longer holds (a case that left the demo: too thin to tell).
"""

from pathlib import Path

from practices.demo.case_file import CASES_DIR, read_cases
from practices.importers.batch import ImportReport, run_import
from practices.importers.jsonl import read_jsonl, write_jsonl
from practices.models import PracticePage

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


def retire_dropped_demo_practices(path: Path = DEMO_FILE) -> list[PracticePage]:
    """Unpublish the live demo practices the demo file no longer holds, in every
    language; returns them. Unpublished, not deleted: their revisions stay for an
    editor who wants one back (turning off "demo content" keeps a practice out of
    this)."""
    records = [row.record for row in read_jsonl(path)]
    if None in records:  # a row that cannot be read might be any practice
        return []
    kept = {(record.source_catalogue, record.source_id) for record in records}
    dropped = [
        page
        for page in PracticePage.objects.live().filter(is_demo=True)
        if (page.source_catalogue, page.source_id) not in kept
    ]
    for page in dropped:
        page.unpublish()
    return dropped
