"""A user's template judged again once rendered: what the report itself would fetch.

`check_template` refuses external links, outside-fetching fields and altChunk parts in
the template as written, before anything parses it. Tags can still assemble a field the
template does not hold literally — `<w:instrText>{{ 'INCLUDE' }}TEXT …</w:instrText>`, or
raw XML through `|safe` — so the rendered package, every part python-docx will write,
goes through the same rules (`reportkit.read.safety.template_content`) before a report is
made of it. The shipped template is trusted and skips this.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from docx.document import Document
from docx.opc.part import Part, XmlPart
from lxml import etree

from reportkit.problems import Problem
from reportkit.read.safety.template_content import (
    FieldCodes,
    Relationship,
    field_problem,
    relationship_problem,
)

if TYPE_CHECKING:
    from docx.opc.rel import _Relationship

_WORD_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # ISO strict
)
_FIELD_TAGS = tuple(
    f"{{{namespace}}}{name}"
    for namespace in _WORD_NAMESPACES
    for name in ("fldSimple", "fldChar", "instrText", "delInstrText")
)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
_BUILT_BY_TAGS = (
    "tags in the template build it; change them, since Word would fetch outside content into "
    "every report"
)


def rendered_content_problems(document: Document) -> list[Problem]:
    """Every external link, outside-fetching field and altChunk the rendered report holds."""
    package = document.part.package
    problems = _relationship_problems("_rels/.rels", package.rels.values())
    for part in package.iter_parts():
        name = str(part.partname).lstrip("/")
        rels_part = str(part.partname.rels_uri).lstrip("/")
        problems += _relationship_problems(rels_part, part.rels.values())
        try:
            root = _root(part)
        except etree.XMLSyntaxError as exc:
            problems.append(
                Problem(
                    f"the template renders this part into malformed XML ({exc})",
                    "keep each tag in one piece and accept all tracked changes in the template",
                    location=f"{name} (as rendered)",
                )
            )
            continue
        if root is not None:
            problems += [
                _built_by_tags(problem)
                for instruction in _instructions(root)
                if (problem := field_problem(name, instruction))
            ]
    return problems


def _built_by_tags(problem: Problem) -> Problem:
    return replace(problem, location=f"{problem.location} (as rendered)", hint=_BUILT_BY_TAGS)


def _relationship_problems(rels_part: str, relationships: Iterable[_Relationship]) -> list[Problem]:
    return [
        _built_by_tags(problem)
        for rel in relationships
        if (
            problem := relationship_problem(
                rels_part, Relationship(rel.rId, rel.reltype, rel.target_ref, rel.is_external)
            )
        )
    ]


def _root(part: Part) -> etree._Element | None:
    """The part's XML: python-docx's own tree, or its bytes parsed when it keeps only bytes
    (docxtpl renders footnotes that way); None for a part that is no XML."""
    if isinstance(part, XmlPart):
        return part.element
    if not part.content_type.endswith("xml"):
        return None
    return etree.fromstring(part.blob, _PARSER)


def _instructions(root: etree._Element) -> list[str]:
    codes = FieldCodes()
    for element in root.iter(*_FIELD_TAGS):
        namespace, local = element.tag[1:].split("}")
        if local == "fldSimple":
            codes.simple(element.get(f"{{{namespace}}}instr", ""))
        elif local == "fldChar":
            codes.mark(element.get(f"{{{namespace}}}fldCharType", ""))
        else:
            codes.text(element.text or "")
    return codes.close()
