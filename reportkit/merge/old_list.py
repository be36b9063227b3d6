"""A list of participants built before delegations were tables, set as tables before a merge.

Reports built by earlier versions of reportkit printed each delegation as loose paragraphs;
today each is a table (`render.list_table`) whose rows the merge matches, a delegate by
her row. A report the secretariat edited back then, merged against today's build, would
otherwise see every delegate removed and re-added, and a correction made in Word would come
back as a conflict. So the base (the old build) and the edited report are first set in
today's shape: the paragraphs themselves — with whatever the person changed or tracked in
them — move into the rows, one delegation a table, nothing of their text rewritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml.etree import _Element

from reportkit.arrange import styles
from reportkit.merge.lines import style_id
from reportkit.render import list_table

_NAMES = (
    styles.DELEGATION_HEADING,
    styles.DELEGATE_NAME,
    styles.DELEGATE_DETAILS,
    styles.DELEGATE_DETAILS_LAST,
)
P, TBL, TC = qn("w:p"), qn("w:tbl"), qn("w:tc")


@dataclass
class _Delegation:
    """Paragraphs of one delegation: its heading (none in a section such as the
    secretariat's), then each delegate's name and details."""

    heading: _Element | None
    delegates: list[list[_Element]] = field(default_factory=list)


def set_as_tables(document: Document) -> None:
    """Set the loose list of an earlier build as today's tables; a document already in
    today's shape, or without a list, is left as it is."""
    roles = {s.style_id: s.name for s in document.styles if s.name in _NAMES}
    body = document.element.body
    if not roles or any(_role(p, roles) for t in body.iterchildren(TBL) for p in t.iter(P)):
        return
    delegations = _delegations(body, roles)
    width = list_table.text_width(document)
    normal = next((s.style_id for s in document.styles if s.name == "Normal"), "Normal")
    for delegation in delegations:
        _tabled(delegation, width, normal)


def _delegations(body: _Element, roles: dict[str, str]) -> list[_Delegation]:
    found: list[_Delegation] = []
    current: _Delegation | None = None
    for element in body.iterchildren():
        role = _role(element, roles) if element.tag == P else ""
        if role == styles.DELEGATION_HEADING:
            current = _Delegation(element)
            found.append(current)
        elif role == styles.DELEGATE_NAME:
            if current is None:
                current = _Delegation(None)
                found.append(current)
            current.delegates.append([element])
        elif role and current is not None and current.delegates:
            current.delegates[-1].append(element)
        else:
            current = None
    return found


def _tabled(delegation: _Delegation, width: int, normal: str) -> None:
    """Put the delegation's paragraphs in a table where its first one stood."""
    first = delegation.heading if delegation.heading is not None else delegation.delegates[0][0]
    right_to_left = _right_to_left(first)
    table = _element(list_table.table([], width, right_to_left))
    rows = [([delegation.heading], True)] if delegation.heading is not None else []
    rows += [(paragraphs, False) for paragraphs in delegation.delegates]
    first.addprevious(table)
    for paragraphs, heading in rows:
        row = _element(list_table.row([], width, heading))
        cell = row.find(TC)
        for paragraph in paragraphs:
            cell.append(paragraph)
        table.append(row)
    table.addnext(_element(list_table.separator(normal, right_to_left)))


def _role(paragraph: _Element, roles: dict[str, str]) -> str:
    return roles.get(style_id(paragraph), "")


def _right_to_left(paragraph: _Element) -> bool:
    bidi = paragraph.find(f"{qn('w:pPr')}/{qn('w:bidi')}")
    return bidi is not None and bidi.get(qn("w:val"), "1") not in ("0", "false", "off")


def _element(xml: str) -> _Element:
    """One element written as `list_table` writes it, without namespace declarations."""
    return parse_xml(f"<w:wrapper {nsdecls('w')}>{xml}</w:wrapper>")[0]
