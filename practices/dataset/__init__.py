"""The open dataset: one row per practice, both languages side by side.

The columns are declared once (`columns.COLUMNS`); the CSV and JSON Lines exports,
the full dumps, the importer of exported CSV files and the codebook on the open data
page all read that one list.
"""

from .columns import (
    COLUMNS,
    LICENCE_URL,
    Column,
    PracticeGroup,
    column_names_by_heading,
    practice_row,
)
from .loading import PageAddresses, all_practice_keys, practice_groups
from .writers import (
    csv_header,
    csv_lines,
    json_array_items,
    jsonl_lines,
    neutralise,
    write_xlsx,
)

__all__ = [
    "COLUMNS",
    "LICENCE_URL",
    "PageAddresses",
    "Column",
    "PracticeGroup",
    "all_practice_keys",
    "column_names_by_heading",
    "csv_header",
    "csv_lines",
    "json_array_items",
    "jsonl_lines",
    "neutralise",
    "practice_groups",
    "practice_row",
    "write_xlsx",
]
