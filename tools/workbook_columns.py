"""Write docs/workbook.md's table of columns from the schema, as the Instructions sheet has it.

`python tools/workbook_columns.py` rewrites the lines between the two markers below in
docs/workbook.md; a test fails while the page's table differs from the schema, so the
reference readers consult can never drift from what reportkit reads.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportkit.starter.instructions import instruction_lines

BEGIN = "<!-- columns: made by tools/workbook_columns.py from reportkit/schema.py -->"
END = "<!-- columns: end -->"
PAGE = Path(__file__).resolve().parents[1] / "docs" / "workbook.md"


def table() -> str:
    rows = [
        "| Sheet | Column or field | Required | What it is | Accepted values |",
        "|---|---|---|---|---|",
    ]
    for line in instruction_lines():
        if not line.name:
            continue
        cells = (line.sheet, f"`{line.name}`", line.required, line.meaning, line.accepts)
        rows.append("| " + " | ".join(_escaped(c) for c in cells) + " |")
    return "\n".join(rows)


def _escaped(cell: str) -> str:
    """Cell text as Markdown prints it literally: `*italic*` is an example, not emphasis."""
    return cell.replace("|", "\\|").replace("*", "\\*")


def with_table(page: str) -> str:
    start, end = page.index(BEGIN) + len(BEGIN), page.index(END)
    return f"{page[:start]}\n{table()}\n{page[end:]}"


if __name__ == "__main__":
    text = PAGE.read_text(encoding="utf-8")
    updated = with_table(text)
    if updated != text:
        PAGE.write_text(updated, encoding="utf-8")
        sys.stderr.write("docs/workbook.md: table of columns updated\n")
