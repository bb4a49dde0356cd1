"""The project's own interchange format: one PracticeRecord as JSON per line."""

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from ..records.record import ImportFileError, ParsedRow, PracticeRecord, RowProblem


def read_jsonl(path: Path) -> Iterator[ParsedRow]:
    try:
        handle = open(path, encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        raise ImportFileError(f"cannot open {path}: {exc.strerror}") from exc
    with handle:
        empty = True
        line_number = 0
        while True:
            try:
                text = handle.readline()
            except UnicodeDecodeError as exc:
                raise ImportFileError(
                    f"near line {line_number + 1}: the file is not UTF-8"
                ) from exc
            if not text:
                break
            line_number += 1
            if not text.strip():
                continue
            empty = False
            yield _parse_line(line_number, text)
        if empty:
            raise ImportFileError("the file is empty: no records")


def _parse_line(line: int, text: str) -> ParsedRow:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return ParsedRow(line, None, [RowProblem(line, "json", exc.msg)])
    if not isinstance(data, dict):
        return ParsedRow(line, None, [RowProblem(line, "json", "not a JSON object")])
    try:
        return ParsedRow(line, PracticeRecord.from_dict(data))
    except (TypeError, ValueError) as exc:
        return ParsedRow(line, None, [RowProblem(line, "record", str(exc))])


def write_jsonl(records: Iterable[PracticeRecord], out: TextIO) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record.to_dict(), ensure_ascii=False, sort_keys=True))
        out.write("\n")
        count += 1
    return count
