"""Which build a report descends from, written in the report itself.

A report open in Word while reportkit merges corrections into the file on disk is saved
over by Word's older copy; a sync client may restore an older copy too. Its bytes then match
no build, like any edited report, and the corrections merged since would silently be gone.
So every report reportkit writes carries a custom document property, `reportkit-build`,
naming the build it came from: a hash of what the workbook says (its read model), the
template and the version, so the same content always gives the same bytes. Word and
LibreOffice keep custom properties when they save, so the next build knows which of its
builds an edited file descends from, and merges the workbook's corrections since *that*
build — offering again what the older copy lacks.
"""

from __future__ import annotations

import hashlib
import io
import zipfile

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

PROPERTY = "reportkit-build"
_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
# The format id every editor gives user-defined properties.
_USER_DEFINED = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_MAX_PART_BYTES = 1024 * 1024
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def stamp_of(model_hash: str, template_hash: str, version: str) -> str:
    """The stamp of a build of this read model with this template by this version."""
    return hashlib.sha256(f"{model_hash}\0{template_hash}\0{version}".encode()).hexdigest()[:24]


def set_stamp(document: Document, stamp: str) -> None:
    """Write `stamp` into the document's custom properties, keeping any others."""
    package = document.part.package
    part = next(
        (rel.target_part for rel in package.rels.values() if rel.reltype == RT.CUSTOM_PROPERTIES),
        None,
    )
    root = _properties(part.blob if part is not None else None)
    for existing in root.findall(f"{{{_CUSTOM}}}property"):
        if existing.get("name") == PROPERTY:
            root.remove(existing)
    numbers = [int(p.get("pid", "1")) for p in root if p.get("pid", "").isdigit()]
    entry = etree.SubElement(root, f"{{{_CUSTOM}}}property")
    entry.set("fmtid", _USER_DEFINED)
    entry.set("pid", str(max(numbers, default=1) + 1))
    entry.set("name", PROPERTY)
    etree.SubElement(entry, f"{{{_TYPES}}}lpwstr").text = stamp
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if part is None:
        part = Part(PackURI("/docProps/custom.xml"), _CONTENT_TYPE, blob, package)
        package.relate_to(part, RT.CUSTOM_PROPERTIES)
    else:
        part._blob = blob


def copy_stamp(source: Document, target: Document) -> None:
    """Give `target` the stamp of `source` (a merged report descends from the new build)."""
    stamp = _stamp_in(source)
    if stamp:
        set_stamp(target, stamp)


def read_stamp(data: bytes) -> str | None:
    """The stamp of a .docx's bytes; None when it has none or it cannot be read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            relationships = etree.fromstring(archive.read("_rels/.rels"), _PARSER)
            target = next(
                (
                    rel.get("Target", "")
                    for rel in relationships.iter(f"{{{_RELATIONSHIPS}}}Relationship")
                    if rel.get("Type") == RT.CUSTOM_PROPERTIES
                ),
                None,
            )
            if target is None:
                return None
            info = archive.getinfo(target.lstrip("/"))
            if info.file_size > _MAX_PART_BYTES:
                return None
            return _value(etree.fromstring(archive.read(info), _PARSER))
    except (KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError, OSError):
        return None


def _stamp_in(document: Document) -> str | None:
    for rel in document.part.package.rels.values():
        if rel.reltype == RT.CUSTOM_PROPERTIES:
            return _value(_properties(rel.target_part.blob))
    return None


def _properties(blob: bytes | None) -> etree._Element:
    if blob:
        try:
            root = etree.fromstring(blob, _PARSER)
            if root.tag == f"{{{_CUSTOM}}}Properties":
                return root
        except etree.XMLSyntaxError:
            pass
    return etree.Element(f"{{{_CUSTOM}}}Properties", nsmap={None: _CUSTOM, "vt": _TYPES})


def _value(root: etree._Element) -> str | None:
    for entry in root.iter(f"{{{_CUSTOM}}}property"):
        if entry.get("name") == PROPERTY:
            return "".join(entry.itertext()).strip() or None
    return None
