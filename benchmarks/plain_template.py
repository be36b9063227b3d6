"""The small docxtpl template of the plain pipeline (benchmarks/plain.py), made in code.

Made with python-docx's default document and styles, so that nothing but this file
describes it: a title, the body as paragraph loops (`{%p for %}`) with one styled
paragraph per kind, the agenda, the programme as a table row loop (`{%tr for %}`) and the
participants as nested paragraph loops, as a developer would write it for docxtpl.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document

# (text, style) paragraphs before the programme table and after it.
_BEFORE = (
    ("{{ title }}", "Title"),
    ("{{ dates }}", None),
    ("{%p for b in body %}", None),
    ('{%p if b.kind == "heading" %}', None),
    ("{{r b.text }}", "Heading 1"),
    ('{%p elif b.kind == "bullet" %}', None),
    ("{{r b.text }}", "List Bullet"),
    ("{%p else %}", None),
    ("{{r b.text }}", "List Number"),
    ("{%p endif %}", None),
    ("{%p endfor %}", None),
    ("Agenda", "Heading 1"),
    ("{%p for item in agenda %}", None),
    ("{{ item }}", "List Number 2"),
    ("{%p endfor %}", None),
    ("Programme", "Heading 1"),
)
_AFTER = (
    ("List of Participants", "Heading 1"),
    ("{%p for d in delegations %}", None),
    ("{{ d.name }}", "Heading 2"),
    ("{%p for p in d.people %}", None),
    ("-{{ p.name }}", None),
    ("{{ p.details }}", None),
    ("{%p endfor %}", None),
    ("{%p endfor %}", None),
)
_TABLE = (
    ("Time", "Session"),
    ("{%tr for s in programme %}", ""),
    ("{{ s.time }}", "{{ s.title }}\n{{ s.description }}\n{{ s.points }}"),
    ("{%tr endfor %}", ""),
)


def make_template(path: Path) -> Path:
    """Write the plain pipeline's template to `path`."""
    return write_template(path, _BEFORE, _TABLE, _AFTER)


Paragraphs = tuple[tuple[str, str | None], ...]  # each paragraph's text and style


def write_template(
    path: Path, before: Paragraphs, rows: tuple[tuple[str, str], ...], after: Paragraphs
) -> Path:
    """A template of styled paragraphs, a two-column table and more paragraphs, as every
    contender's template is laid out (the peers' too), so that they fill the same page."""
    document = Document()
    for text, style in before:
        document.add_paragraph(text, style)
    table = document.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    for text, style in after:
        document.add_paragraph(text, style)
    document.save(str(path))
    return path
