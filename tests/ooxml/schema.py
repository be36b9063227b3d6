"""ECMA-376 transitional schema validation of every XML part of a package.

The XSDs are python-docx's copies (tests/data/xsd, see SOURCE.md). Markup compatibility
is applied first, as Word applies it: what a part declares ignorable (`mc:Ignorable`,
e.g. w14 attributes) is dropped and `mc:AlternateContent` keeps its fallback, since the
1st-edition schemas know nothing of later Office extensions.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

from tests.ooxml.package import CONTENT_TYPES, Package

XSD = Path(__file__).resolve().parents[1] / "data" / "xsd"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
# The root element each kind of part must have; a part of another kind has no schema here.
ROOTS = {
    f"{_WML}document.main+xml": f"{_W}document",
    f"{_WML}template.main+xml": f"{_W}document",
    f"{_WML}styles+xml": f"{_W}styles",
    "application/vnd.ms-word.stylesWithEffects+xml": f"{_W}styles",
    f"{_WML}numbering+xml": f"{_W}numbering",
    f"{_WML}settings+xml": f"{_W}settings",
    f"{_WML}webSettings+xml": f"{_W}webSettings",
    f"{_WML}fontTable+xml": f"{_W}fonts",
    f"{_WML}header+xml": f"{_W}hdr",
    f"{_WML}footer+xml": f"{_W}ftr",
    f"{_WML}footnotes+xml": f"{_W}footnotes",
    f"{_WML}endnotes+xml": f"{_W}endnotes",
    f"{_WML}comments+xml": f"{_W}comments",
    "application/vnd.openxmlformats-officedocument.theme+xml": (
        "{http://schemas.openxmlformats.org/drawingml/2006/main}theme"
    ),
    "application/vnd.openxmlformats-package.relationships+xml": (
        "{http://schemas.openxmlformats.org/package/2006/relationships}Relationships"
    ),
    "application/vnd.openxmlformats-package.core-properties+xml": (
        "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}coreProperties"
    ),
    "application/vnd.openxmlformats-officedocument.extended-properties+xml": (
        "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Properties"
    ),
    "application/vnd.openxmlformats-officedocument.custom-properties+xml": (
        "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}Properties"
    ),
    "application/vnd.openxmlformats-officedocument.customXmlProperties+xml": (
        "{http://schemas.openxmlformats.org/officeDocument/2006/customXml}datastoreItem"
    ),
}
_TYPES_ROOT = "{http://schemas.openxmlformats.org/package/2006/content-types}Types"


@cache
def package_schema() -> etree.XMLSchema:
    """All the part schemas in one, through the import list of stubs/package.xsd."""
    return etree.XMLSchema(etree.parse(str(XSD / "stubs" / "package.xsd")))


def without_extensions(root: etree._Element) -> etree._Element:
    """A copy of the part as a 1st-edition consumer reads it under markup compatibility."""
    root = etree.fromstring(etree.tostring(root))
    for alternate in list(root.iter(f"{{{MC}}}AlternateContent")):
        fallback = alternate.find(f"{{{MC}}}Fallback")
        parent = alternate.getparent()
        position = parent.index(alternate)
        parent.remove(alternate)
        if fallback is not None:
            parent[position:position] = list(fallback)
    ignorable = set()
    for element in root.iter():
        prefixes = element.get(f"{{{MC}}}Ignorable")
        if prefixes:
            ignorable |= {element.nsmap[p] for p in prefixes.split() if p in element.nsmap}
    ignorable.add(MC)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        if etree.QName(element).namespace in ignorable and element is not root:
            element.getparent().remove(element)
            continue
        for name in list(element.attrib):
            if etree.QName(name).namespace in ignorable:
                del element.attrib[name]
    etree.cleanup_namespaces(root)
    return root


def part_problems(package: Package, name: str) -> list[str]:
    """Schema problems of one XML part; a part of unknown kind is itself a problem."""
    content_type = package.content_type(name)
    expected = _TYPES_ROOT if name == CONTENT_TYPES else ROOTS.get(content_type or "")
    if expected is None:
        return [f"{name}: no schema for content type {content_type}"]
    root = without_extensions(package.xml(name))
    if root.tag != expected:
        return [f"{name}: root element {root.tag}, expected {expected}"]
    schema = package_schema()
    if schema.validate(root):
        return []
    return [f"{name}: {e.path}: {_short(e.message)}" for e in schema.error_log]


def _short(message: str) -> str:
    """Schema messages with the WordprocessingML namespace written as its usual prefix."""
    return message.replace(_W, "w:")


def is_xml(package: Package, name: str) -> bool:
    content_type = package.content_type(name) or ""
    return name == CONTENT_TYPES or content_type.endswith("xml")


def schema_problems(package: Package, skip: frozenset[str] = frozenset()) -> list[str]:
    """Problems of every XML part but custom XML data items, whose schema is their owner's."""
    found = []
    for name in sorted(package.parts):
        if name in skip or not is_xml(package, name):
            continue
        if package.content_type(name) == "application/xml" and name.startswith("customXml/"):
            continue
        found.extend(part_problems(package, name))
    return found
