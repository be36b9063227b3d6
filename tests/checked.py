"""What a user reads of a workbook: `check`'s lines, and the text of the report it builds."""

from __future__ import annotations

from pathlib import Path

from docx import Document

import reportkit


def lines_of(path: Path) -> list[str]:
    """Each problem of the workbook as `reportkit check` prints it, named by file name."""
    return [p.line(path.name) for p in reportkit.check(path)]


def built_texts(path: Path, out: Path) -> list[str]:
    """The built report's paragraphs, then those of its tables' cells, in order."""
    document = Document(str(reportkit.build(path, out)))
    cells = [p.text for t in document.tables for c in t._cells for p in c.paragraphs]
    return [p.text for p in document.paragraphs] + cells
