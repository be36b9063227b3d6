"""The schema is the one place columns are declared: the README's table follows it."""

from __future__ import annotations

from tools.readme_columns import README, with_table


def test_the_readme_table_of_columns_is_made_from_the_schema() -> None:
    readme = README.read_text(encoding="utf-8")
    assert "| Programme | `Start` | yes | When the slot starts." in readme
    assert with_table(readme) == readme, "run: python tools/readme_columns.py"
