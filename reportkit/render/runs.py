"""Word runs for cell text with `*italic*` and `**bold**` markup.

docxtpl's RichText writes `w:b`/`w:i` alone unless asked for right-to-left runs, and then
also marks the run `w:rtl`. Word bolds and italicises Arabic and other complex-script text
only through `w:bCs`/`w:iCs`, so the runs are written here with both, whatever the
script: a run of Latin text ignores the complex-script properties. A footnote's mark is a
run of its own (`footnotes`).
"""

from __future__ import annotations

from html import escape

from docxtpl import RichText

from reportkit.render.footnotes import Footnotes
from reportkit.render.markup import Span, parse


def rich(text: str, notes: Footnotes) -> RichText:
    """Word runs for `text`: markup applied, line breaks kept, every character literal;
    its footnotes join `notes`."""
    runs = RichText()
    for span in parse(text):
        runs.xml += notes.reference(span.note) if span.note else run_xml(span)
    return runs


def run_xml(span: Span) -> str:
    properties = ("<w:b/><w:bCs/>" if span.bold else "") + ("<w:i/><w:iCs/>" if span.italic else "")
    opening = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    # Line breaks stay "\n" here: docxtpl turns them into w:br in every run it renders.
    return f'<w:r>{opening}<w:t xml:space="preserve">{escape(span.text, quote=False)}</w:t></w:r>'
