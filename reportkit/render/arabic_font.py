"""The Arabic edition's typeface, whatever template it is built from.

A template made for the Arabic edition runs its paragraphs right to left by default (the
shipped one and its exported copies say so on the style defaults, a template made in an
Arabic Word on Normal) and names a typeface for complex-script text of its own (the
shipped one, Amiri), which is kept. A template without an Arabic twin — a secretariat's
English template restyled in Word — gives complex-script text its Latin font or the
theme's: Times New Roman, which has Arabic letters on Windows and none on Linux, where
LibreOffice substitutes what it finds (DejaVu Sans, with Amiri Slanted for italics). The
edition built from such a template sets complex-script text in Amiri, embedded as the
shipped Arabic template embeds it, so that Word shows what the PDF shows.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml.etree import _Element

from reportkit.render.embedded_fonts import carry_font
from reportkit.render.schema_order import RUN, insert_in_order

ARABIC_FONT = "Amiri"
_FONTS, _CS, _CS_THEME = qn("w:rFonts"), qn("w:cs"), qn("w:cstheme")


def keep_arabic_font(document: Document, arabic_template: Path) -> None:
    """Complex-script text in Amiri when the template was not made for Arabic; Amiri
    embedded, from `arabic_template`, wherever the report uses it."""
    styles = document.styles.element
    if not _made_for_arabic(styles):
        defaults = _default_fonts(styles)
        if defaults is not None:
            defaults.set(_CS, ARABIC_FONT)
        for part in (styles, document.part.numbering_part.element):
            for fonts in part.iter(_FONTS):
                if fonts.get(_CS) is not None or fonts.get(_CS_THEME) is not None:
                    fonts.attrib.pop(_CS_THEME, None)
                    fonts.set(_CS, ARABIC_FONT)
    if any(fonts.get(_CS) == ARABIC_FONT for fonts in styles.iter(_FONTS)):
        carry_font(document, docx.Document(str(arabic_template)), ARABIC_FONT)


def _made_for_arabic(styles: _Element) -> bool:
    """Whether paragraphs run right to left by default: on the style defaults or Normal."""
    defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}")
    normal = next(
        (
            s
            for s in styles.iter(qn("w:style"))
            if s.get(qn("w:default")) in ("1", "true") and s.get(qn("w:type")) == "paragraph"
        ),
        None,
    )
    for properties in (defaults, None if normal is None else normal.find(qn("w:pPr"))):
        bidi = None if properties is None else properties.find(qn("w:bidi"))
        if bidi is not None and bidi.get(qn("w:val"), "1") not in ("0", "false", "off"):
            return True
    return False


def _default_fonts(styles: _Element) -> _Element | None:
    """The style defaults' `w:rFonts`, added where they have none."""
    properties = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if properties is None:
        return None
    fonts = properties.find(_FONTS)
    if fonts is None:
        fonts = insert_in_order(properties, OxmlElement("w:rFonts"), RUN)
    return fonts
