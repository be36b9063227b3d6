"""Ordinal suffixes set as superscripts (`1er`, `23e`; `13th` where the meeting asks).

Arrange marks each suffix (arrange/typography.py); here, once the template and reportkit
have placed every text, each marked stretch becomes a run of its own, raised, with its
run's other formatting. Done on the finished document rather than where text is written,
so that the title block and annex titles the template places are raised as the body is,
and footnotes too.
"""

from __future__ import annotations

import re
from copy import deepcopy

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.run import Run
from lxml.etree import _Element

from reportkit.arrange.typography import RAISED_END, RAISED_START

_TEXT, _RUN_PROPERTIES = qn("w:t"), qn("w:rPr")
_MARKED = re.compile(f"{RAISED_START}(.*?){RAISED_END}")
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def raise_marked(document: Document) -> None:
    roots = [document.element.body]
    roots += [
        part.element
        for part in document.part.package.iter_parts()
        # A template's own footnotes part is loaded as a plain Part (python-docx has no
        # class for it) and holds no marks; the notes reportkit writes are an XmlPart.
        if isinstance(part, XmlPart)
        and part.content_type in (CT.WML_HEADER, CT.WML_FOOTER, CT.WML_FOOTNOTES)
    ]
    for root in roots:
        for text in [t for t in root.iter(_TEXT) if t.text and RAISED_START in t.text]:
            _split(text)


def _split(text: _Element) -> None:
    """Cut the run holding `text` into runs of its own, one per stretch, the marked ones
    raised; the run's other content keeps its place."""
    run = text.getparent()
    properties = run.find(_RUN_PROPERTIES)
    pieces: list[_Element] = []
    for child in run:
        if child.tag == _RUN_PROPERTIES:
            continue
        if child is not text:
            pieces.append(_run_of(properties, child))
            continue
        last = 0
        for match in _MARKED.finditer(text.text or ""):
            if match.start() > last:
                pieces.append(_text_run(properties, text.text[last : match.start()], False))
            pieces.append(_text_run(properties, match[1], True))
            last = match.end()
        if last < len(text.text or ""):
            pieces.append(_text_run(properties, text.text[last:], False))
    for piece in pieces:
        run.addprevious(piece)
    run.getparent().remove(run)


def _run_of(properties: _Element | None, child: _Element) -> _Element:
    run = OxmlElement("w:r")
    if properties is not None:
        run.append(deepcopy(properties))
    run.append(child)
    return run


def _text_run(properties: _Element | None, value: str, raised: bool) -> _Element:
    text = OxmlElement("w:t")
    text.text = value
    text.set(_SPACE, "preserve")
    run = _run_of(properties, text)
    if raised:
        Run(run, None).font.superscript = True  # type: ignore[arg-type]
    return run
