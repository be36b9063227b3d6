"""The schema is the one place columns are declared: the workbook reference's table follows it."""

from __future__ import annotations

from tools.workbook_columns import PAGE, with_table


def test_the_workbook_reference_table_of_columns_is_made_from_the_schema() -> None:
    page = PAGE.read_text(encoding="utf-8")
    assert "| Programme | `Start` | yes | When the slot starts." in page
    assert with_table(page) == page, "run: python tools/workbook_columns.py"
