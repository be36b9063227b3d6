"""Rules Word enforces beyond the schemas: a package breaking them opens with a repair prompt.

The XSDs accept an empty table cell, a list or style that does not exist, a repeated
bookmark id, a part without a content type or a relationship to nothing; Word does not.
"""

from __future__ import annotations

from collections import Counter

from lxml import etree

from tests.ooxml.package import CONTENT_TYPES, Package

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W = f"{{{W}}}"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
# Where a reference to a style must land: the element, and the style type it names.
_STYLE_REFERENCES = {"pStyle": "paragraph", "rStyle": "character", "tblStyle": "table"}


def where(element: etree._Element) -> str:
    """The element's path in its part, as the schema messages give it."""
    return element.getroottree().getpath(element)


def word_rule_problems(package: Package) -> list[str]:
    return (
        content_type_problems(package)
        + relationship_problems(package)
        + cell_problems(package)
        + numbering_problems(package)
        + style_problems(package)
        + bookmark_problems(package)
    )


def wml_parts(package: Package) -> list[str]:
    return sorted(n for n in package.parts if (package.content_type(n) or "").startswith(_WML))


def content_type_problems(package: Package) -> list[str]:
    found = [
        f"{name}: no content type (neither Default nor Override)"
        for name in sorted(package.parts)
        if name != CONTENT_TYPES and package.content_type(name) is None
    ]
    found += [
        f"{CONTENT_TYPES}: Override for /{name}, which is not in the package"
        for name in sorted(package.overrides)
        if name not in package.parts
    ]
    return found


def relationship_problems(package: Package) -> list[str]:
    relationships = package.relationships()
    found = [
        f"{r.source or 'package'}: relationship {r.rel_id} targets {r.target}, which is missing"
        for r in relationships
        if not r.external and r.target not in package.parts
    ]
    reached = {r.target for r in relationships if not r.external}
    found += [
        f"{name}: no relationship reaches this part"
        for name in sorted(package.parts)
        if name != CONTENT_TYPES and not name.endswith(".rels") and name not in reached
    ]
    for name in sorted(package.parts):
        if name == CONTENT_TYPES or name.endswith(".rels") or not name.endswith(".xml"):
            continue
        known = package.relationships_of(name)
        for element in package.xml(name).iter():
            for attribute, value in element.attrib.items():
                if etree.QName(attribute).namespace == R and value not in known:
                    found.append(f"{name}: r:{etree.QName(attribute).localname}={value} is unknown")
    return found


def cell_problems(package: Package) -> list[str]:
    found = []
    for name in wml_parts(package):
        for cell in package.xml(name).iter(f"{_W}tc"):
            blocks = [c for c in cell if isinstance(c.tag, str) and c.tag != f"{_W}tcPr"]
            if not blocks or blocks[-1].tag != f"{_W}p":
                found.append(f"{name}: {where(cell)}: a table cell does not end with w:p")
    return found


def numbering_problems(package: Package) -> list[str]:
    numbering = package.part_of_type("/numbering")
    nums: set[str] = set()
    found = []
    if numbering is not None:
        root = package.xml(numbering)
        abstracts = {a.get(f"{_W}abstractNumId") for a in root.iter(f"{_W}abstractNum")}
        for num in root.iter(f"{_W}num"):
            nums.add(num.get(f"{_W}numId"))
            abstract = num.find(f"{_W}abstractNumId").get(f"{_W}val")
            if abstract not in abstracts:
                found.append(f"{numbering}: {where(num)}: abstractNum {abstract} is missing")
    for name in wml_parts(package):
        for reference in package.xml(name).iter(f"{_W}numId"):
            value = reference.get(f"{_W}val")
            if value != "0" and value not in nums:
                found.append(f"{name}: {where(reference)}: w:numId {value} has no w:num")
    return found


def style_problems(package: Package) -> list[str]:
    styles_part = package.part_of_type("/styles")
    styles: dict[str, str] = {}
    if styles_part is not None:
        for style in package.xml(styles_part).iter(f"{_W}style"):
            styles[style.get(f"{_W}styleId")] = style.get(f"{_W}type", "paragraph")
    found = []
    for name in wml_parts(package):
        root = package.xml(name)
        for local, kind in _STYLE_REFERENCES.items():
            for reference in root.iter(f"{_W}{local}"):
                value = reference.get(f"{_W}val")
                if styles.get(value) != kind:
                    found.append(
                        f"{name}: {where(reference)}: w:{local} {value} is not a {kind} style"
                    )
        if name == styles_part:
            for local in ("basedOn", "next", "link"):
                for reference in root.iter(f"{_W}{local}"):
                    if reference.get(f"{_W}val") not in styles:
                        found.append(
                            f"{name}: {where(reference)}: w:{local} "
                            f"{reference.get(f'{_W}val')} names no style"
                        )
    return found


def bookmark_problems(package: Package) -> list[str]:
    ids: Counter[str] = Counter()
    names: Counter[str] = Counter()
    for name in wml_parts(package):
        for start in package.xml(name).iter(f"{_W}bookmarkStart"):
            ids[start.get(f"{_W}id")] += 1
            names[start.get(f"{_W}name")] += 1
    return [f"bookmark id {i} is used {n} times" for i, n in sorted(ids.items()) if n > 1] + [
        f"bookmark name {b} is used {n} times" for b, n in sorted(names.items()) if n > 1
    ]
