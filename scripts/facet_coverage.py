"""Print the facet coverage of an interchange file: the share of practices with each facet.

    .venv/bin/python scripts/facet_coverage.py [practices/demo/repertory.jsonl]

A practice is one source record (both languages count once). Mexican practices get
their own column, because the state facet and the Mexico map are about them.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FACETS = (
    ("country", "country"),
    ("state", "subdivision"),
    ("level", "government_level"),
    ("theme", "themes"),
    ("participatory budgeting", "themes:participatory-budgeting"),
    ("outcome", "outcomes"),
    ("evidence", "evidence_level"),
    ("regulated party", "regulated_party_type"),
    ("type", "practice_types"),
    ("status", "status"),
    ("start year", "start_year"),
)


def has(record: dict, field: str) -> bool:
    name, _, value = field.partition(":")
    held = record.get(name)
    if value:
        return value in (held or [])
    return bool(held)


def practices(path: Path) -> list[dict]:
    """One record per practice: the Spanish one where both languages exist."""
    by_key: dict[tuple[str, str], dict] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            key = (record["source_catalogue"], record["source_id"])
            if key not in by_key or record["locale"] == "es":
                by_key[key] = record
    return list(by_key.values())


def coverage_table(records: list[dict]) -> str:
    mexican = [r for r in records if r.get("country") == "MX"]
    rows = [
        f"{'facet':<24} {'all (' + str(len(records)) + ')':>14} "
        f"{'Mexico (' + str(len(mexican)) + ')':>14}"
    ]
    for label, field in FACETS:
        cells = []
        for group in (records, mexican):
            count = sum(has(r, field) for r in group)
            share = 100 * count / len(group) if group else 0
            cells.append(f"{count:>5} {share:5.1f} %")
        rows.append(f"{label:<24} {cells[0]:>14} {cells[1]:>14}")
    return "\n".join(rows)


def main(argv: list[str]) -> None:
    path = Path(argv[1]) if len(argv) > 1 else ROOT / "practices/demo/repertory.jsonl"
    print(coverage_table(practices(path)))


if __name__ == "__main__":
    main(sys.argv)
