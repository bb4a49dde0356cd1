"""The bench's table: every row as wide as its header, the comparison with Wagtail's
search included (a row one cell too long once ended `make bench` in a traceback
after the load had run)."""

from types import SimpleNamespace

import pytest

from bench.run import Figures, print_table
from bench.wagtail_compare import SideBySide

pytestmark = pytest.mark.unit


def test_the_comparison_rows_are_as_wide_as_the_header(capsys):
    figures = Figures(
        size=10,
        pages=10,
        documents=10,
        rebuild_documents=10,
        rebuild_seconds=1.0,
        side_by_side=SideBySide(
            searches=3, ours_ms=[10.0, 12.0, 14.0], wagtail_ms=[30.0, 33.0, 40.0]
        ),
    )
    args = SimpleNamespace(copies=1, port=9260, heap="1g", workers=2, modes="hybrid")
    print_table(figures, args)
    rows = [
        line for line in capsys.readouterr().out.splitlines() if line.startswith("|")
    ]
    assert any("Wagtail / ours (ratio)" in row for row in rows)
    assert len({row.count("|") for row in rows}) == 1
