"""Write the README's table of columns from the schema, as the Instructions sheet has it.

`python tools/readme_columns.py` rewrites the lines between the two markers below in
README.md; a test fails while the README's table differs from the schema.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportkit.starter.instructions import instruction_lines

BEGIN = "<!-- columns: made by tools/readme_columns.py from reportkit/schema.py -->"
END = "<!-- columns: end -->"
README = Path(__file__).resolve().parents[1] / "README.md"


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


def with_table(readme: str) -> str:
    start, end = readme.index(BEGIN) + len(BEGIN), readme.index(END)
    return f"{readme[:start]}\n{table()}\n{readme[end:]}"


if __name__ == "__main__":
    text = README.read_text(encoding="utf-8")
    updated = with_table(text)
    if updated != text:
        README.write_text(updated, encoding="utf-8")
        sys.stderr.write("README.md: table of columns updated\n")
