"""The settings a report inherits from its template, made the report's own.

`word/settings.xml` and the style defaults come with the template, so every report carried
the template's: Word 2010's compatibility mode (Word opened each report in "[Compatibility
Mode]"), spelling and grammar marked as already checked (the template's text was, the
report's never is), one `w14:docId` shared by every report (Word takes it for the identity
of the document, so all reports passed for copies of one another) and the language of the
template's edition (a restyled English template tagged the French edition English, which
Word then spell-checks as English). Each is set here from the report itself; the document
id from what identifies the report, never from chance or the clock, so that the same
workbook still gives the same bytes.
"""

from __future__ import annotations

import hashlib

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml.etree import _Element

from reportkit.model import Language
from reportkit.render.schema_order import RUN, SETTINGS, insert_in_order

# Word 2013 and later: the layout of the current version, not that of an older one.
COMPATIBILITY_MODE = "15"
_WORD_URI = "http://schemas.microsoft.com/office/word"
_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
# The language each edition is written in (BCP 47, as Word and Dublin Core write it), and
# the one complex-script text is proofed in whatever the edition.
LANGUAGE_TAGS = {Language.EN: "en-US", Language.FR: "fr-FR", Language.AR: "ar-SA"}
BIDI_LANGUAGE = "ar-SA"


def own_settings(document: Document, language: Language, identity: str) -> None:
    """Make the template's settings the report's: `identity` names the report (its meeting
    and edition), from which its document id is derived."""
    settings = document.settings.element
    _set_compatibility_mode(settings)
    _mark_unproofed(settings)
    _set_document_id(settings, identity)
    _set_language(document, LANGUAGE_TAGS[language])


def document_id(identity: str) -> str:
    """Eight hex digits from `identity`, below 0x80000000 as Word's own ids are."""
    value = int.from_bytes(hashlib.sha256(identity.encode("utf-8")).digest()[:4], "big")
    return f"{value & 0x7FFFFFFF:08X}"


def _set_compatibility_mode(settings: _Element) -> None:
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = insert_in_order(settings, OxmlElement("w:compat"), SETTINGS)
    settings_of_compat = compat.iter(qn("w:compatSetting"))
    mode = next((s for s in settings_of_compat if s.get(qn("w:name")) == "compatibilityMode"), None)
    if mode is None:
        mode = OxmlElement("w:compatSetting")
        mode.set(qn("w:name"), "compatibilityMode")
        mode.set(qn("w:uri"), _WORD_URI)
        compat.append(mode)
    mode.set(qn("w:val"), COMPATIBILITY_MODE)


def _mark_unproofed(settings: _Element) -> None:
    """Spelling and grammar to be checked: Word marks them clean only once it has."""
    state = settings.find(qn("w:proofState"))
    if state is None:
        state = insert_in_order(settings, OxmlElement("w:proofState"), SETTINGS)
    state.set(qn("w:spelling"), "dirty")
    state.set(qn("w:grammar"), "dirty")


def _set_document_id(settings: _Element, identity: str) -> None:
    tag = f"{{{_W14}}}docId"
    found = settings.find(tag)
    if found is None:
        found = settings.makeelement(tag, nsmap={"w14": _W14})
        settings.append(found)
    found.set(f"{{{_W14}}}val", document_id(identity))


def _set_language(document: Document, tag: str) -> None:
    """The edition's language on the style defaults, which every style inherits, and on the
    theme's fonts; complex-script text in Arabic."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    language = properties.find(qn("w:lang"))
    if language is None:
        language = insert_in_order(properties, OxmlElement("w:lang"), RUN)
    language.set(qn("w:val"), tag)
    language.set(qn("w:bidi"), BIDI_LANGUAGE)
    theme = document.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), tag)
        theme.set(qn("w:bidi"), BIDI_LANGUAGE)
