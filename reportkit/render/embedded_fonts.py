"""Fonts embedded in a report as Word embeds them: declared in the font table, each face
stored obfuscated (ECMA-376 Part 1, §17.8.1), so that Word lays the report out in the font
LibreOffice's PDF shows instead of one it substitutes for a font it lacks (and paginates
differently).

Word reads an embedded font only when it is obfuscated: the first 32 bytes of the file
XORed with a key the font table names (`w:fontKey`), a GUID whose bytes, last first, are
the key. The key is drawn from the font's own bytes, not at random, so that the same fonts
always give the same bytes.
"""

from __future__ import annotations

import copy
import hashlib
import struct
import uuid
from collections.abc import Sequence

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml import etree

from reportkit.render.schema_order import SETTINGS, insert_in_order

OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_FONT, _NAME, _ID = f"{{{_W}}}font", f"{{{_W}}}name", f"{{{_R}}}id"
# Word's four faces of a family, in the order the schema wants them.
FACES = ("embedRegular", "embedBold", "embedItalic", "embedBoldItalic")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def embed_font(document: Document, family: str, faces: Sequence[bytes]) -> None:
    """Declare `family` in the font table with its faces (TrueType files: regular, bold,
    italic, bold italic) embedded, and ask Word to keep embedding the fonts the document
    uses when a person saves it."""
    table_part = _font_table(document)
    entry = _font_entry(family, faces[0])
    package = document.part.package
    for tag, font in zip(FACES, faces, strict=True):
        key = font_key(font)
        partname = PackURI(package.next_partname("/word/fonts/font%d.odttf"))
        part = Part(partname, OBFUSCATED_FONT, obfuscated(font, key), package)
        embed = etree.SubElement(entry, f"{{{_W}}}{tag}")
        embed.set(_ID, table_part.relate_to(part, RT.FONT))
        embed.set(f"{{{_W}}}fontKey", key)
    _replace_entry(table_part, entry)
    _keep_embedding(document)


def carry_font(document: Document, source: Document, family: str) -> None:
    """Embed `family` as `source` embeds it, unless `document` embeds it already."""
    if embedded_faces(document, family):
        return
    source_part = _font_table(source)
    found = _entry(etree.fromstring(source_part.blob, _PARSER), family)
    if found is None:
        return
    entry = copy.deepcopy(found)
    table_part = _font_table(document)
    package = document.part.package
    for embed in entry:
        if embed.get(_ID) is None:
            continue
        face = source_part.related_parts[embed.get(_ID)]
        partname = PackURI(package.next_partname("/word/fonts/font%d.odttf"))
        part = Part(partname, OBFUSCATED_FONT, face.blob, package)
        embed.set(_ID, table_part.relate_to(part, RT.FONT))
    _replace_entry(table_part, entry)
    _keep_embedding(document)


def embedded_faces(document: Document, family: str) -> dict[str, bytes]:
    """The faces of `family` the document embeds, by tag (`embedRegular` …), as stored."""
    table_part = _font_table(document)
    entry = _entry(etree.fromstring(table_part.blob, _PARSER), family)
    if entry is None:
        return {}
    return {
        etree.QName(embed).localname: table_part.related_parts[embed.get(_ID)].blob
        for embed in entry
        if embed.get(_ID) is not None
    }


def obfuscated(font: bytes, key: str) -> bytes:
    """The font's first 32 bytes XORed with the key's 16, the GUID's last byte first (the
    same operation undoes it)."""
    secret = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(byte ^ secret[i % 16] for i, byte in enumerate(font[:32]))
    return head + font[32:]


def font_key(font: bytes) -> str:
    return "{" + str(uuid.UUID(bytes=hashlib.sha256(font).digest()[:16])).upper() + "}"


def _font_table(document: Document) -> Part:
    return next(
        rel.target_part for rel in document.part.rels.values() if rel.reltype == RT.FONT_TABLE
    )


def _entry(table: etree._Element, family: str) -> etree._Element | None:
    return next((font for font in table.iter(_FONT) if font.get(_NAME) == family), None)


def _replace_entry(table_part: Part, entry: etree._Element) -> None:
    """`entry` in the font table, in place of any the table had for its family."""
    table = etree.fromstring(table_part.blob, _PARSER)
    old = _entry(table, entry.get(_NAME))
    if old is not None:
        table.remove(old)
    table.append(entry)
    table_part._blob = etree.tostring(
        table, xml_declaration=True, encoding="UTF-8", standalone=True
    )


def _keep_embedding(document: Document) -> None:
    settings = document.settings.element
    if settings.find(qn("w:embedTrueTypeFonts")) is None:
        insert_in_order(settings, settings.makeelement(qn("w:embedTrueTypeFonts")), SETTINGS)


def _font_entry(family: str, font: bytes) -> etree._Element:
    """`w:font` with what Word matches a font by when it must substitute one: the PANOSE
    class, Unicode ranges and code pages of the font's OS/2 table."""
    os2 = _table(font, b"OS/2")
    ranges = struct.unpack(">4I", os2[42:58])
    pages = struct.unpack(">2I", os2[78:86])
    entry = etree.Element(_FONT, nsmap={"w": _W, "r": _R})
    entry.set(_NAME, family)
    for tag, value in (
        ("panose1", os2[32:42].hex().upper()),
        ("charset", "00"),
        ("family", "auto"),
        ("pitch", "variable"),
    ):
        etree.SubElement(entry, f"{{{_W}}}{tag}").set(f"{{{_W}}}val", value)
    signature = etree.SubElement(entry, f"{{{_W}}}sig")
    names = ("usb0", "usb1", "usb2", "usb3", "csb0", "csb1")
    for name, value in zip(names, ranges + pages, strict=True):
        signature.set(f"{{{_W}}}{name}", f"{value:08X}")
    return entry


def _table(font: bytes, tag: bytes) -> bytes:
    """One table of a TrueType file, found through its table directory."""
    (count,) = struct.unpack(">H", font[4:6])
    for index in range(count):
        record = font[12 + 16 * index : 28 + 16 * index]
        if record[:4] == tag:
            offset, length = struct.unpack(">II", record[8:16])
            return font[offset : offset + length]
    raise ValueError(f"the font has no {tag.decode()} table")
