"""The built sample, opened with python-docx: numbering, page flow and table settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocumentType
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from tests.docx_facts import effective, held_with_next, lines_in_order, programme_table
from tests.word_lists import list_of, style_list


@pytest.fixture(scope="module")
def document(built_sample: Path) -> DocumentType:
    return Document(str(built_sample))


def _index_of(document: DocumentType, text: str) -> int:
    return next(i for i, p in enumerate(document.paragraphs) if p.text.strip() == text)


def _body(document: DocumentType) -> list[Paragraph]:
    return document.paragraphs[: _index_of(document, "ANNEX I")]


def test_exactly_the_thirteen_body_paragraphs_carry_the_body_list(document: DocumentType) -> None:
    body_list = style_list(document, "Numbered Paragraph")
    assert body_list is not None
    numbered = [p for p in _body(document) if list_of(p) == body_list]
    assert len(numbered) == 13
    assert numbered[0].text.startswith("The 2nd Technical Meeting on COMCEC")
    assert numbered[-1].text.startswith("In his concluding remarks")
    everywhere = [p for p in document.paragraphs if list_of(p) == body_list]
    assert [p._p for p in everywhere] == [p._p for p in numbered]


def test_headings_and_notes_carry_no_numbering(document: DocumentType) -> None:
    headings = [
        "Current State of Digital Transformation in the OIC Member Countries",
        "Moderation Session: Potential Areas of Cooperation",
        "Closing Remarks",
    ]
    for text in headings:
        paragraph = document.paragraphs[_index_of(document, text)]
        assert list_of(paragraph) is None, text
    note = next(p for p in _body(document) if p.text.startswith("(The Agenda and Programme"))
    assert list_of(note) is None


def test_the_body_list_is_one_list_across_headings(document: DocumentType) -> None:
    body_list = style_list(document, "Numbered Paragraph")
    ids = {list_of(p) for p in _body(document) if p.style.name == "Numbered Paragraph"}
    assert ids == {body_list}


def test_the_agenda_list_restarts_at_one(document: DocumentType) -> None:
    items = [p for p in document.paragraphs if p.style.name == "Agenda Item"]
    assert [p.text for p in items][1:] == [
        "Identification of Possible Thematic Areas for Cooperation",
        "Any Other Business",
    ]
    ids = {list_of(p) for p in items}
    assert len(ids) == 1
    (agenda_list,) = ids
    assert agenda_list != style_list(document, "Numbered Paragraph")
    numbering = document.part.numbering_part.element
    num = numbering.num_having_numId(agenda_list)
    overrides = num.findall(qn("w:lvlOverride"))
    assert [o.find(qn("w:startOverride")).get(qn("w:val")) for o in overrides] == ["1"]
    for item in items:
        assert item._p.pPr.numPr.numId.val == agenda_list, "each item names its list explicitly"


def test_each_annex_starts_on_a_new_page(document: DocumentType) -> None:
    for title in ("ANNEX I", "ANNEX II", "ANNEX III"):
        paragraph = document.paragraphs[_index_of(document, title)]
        assert effective(paragraph, "page_break_before"), title


def test_delegation_headings_keep_with_their_delegates(document: DocumentType) -> None:
    headings = [p for p in lines_in_order(document) if p.style.name == "Delegation Heading"]
    assert len(headings) == 28
    assert all(effective(p, "keep_with_next") for p in headings)
    names = [p for p in lines_in_order(document) if p.style.name == "Delegate Name"]
    assert len(names) == 42  # the sample's delegates
    assert all(held_with_next(p) for p in names)


def test_programme_table_repeats_its_header_row(document: DocumentType) -> None:
    table = programme_table(document)
    header = table.rows[0]
    assert header._tr.trPr is not None
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in table.rows[1].cells] == [
        "13.15 – 13.30",
        "Joining the Online Meeting\n(The invitation link will be provided by the CCO)",
    ]
    assert len(table.rows) == 1 + 6
    for row in table.rows:
        for cell in row.cells:
            assert cell._tc.findall(qn("w:p")), "every cell holds a paragraph, or Word refuses it"


def test_footer_numbers_the_pages(document: DocumentType) -> None:
    footer = document.sections[0].footer._element
    instructions = "".join(t.text for t in footer.iter(qn("w:instrText")))
    assert "PAGE" in instructions


def test_properties_are_dated_from_the_meeting(document: DocumentType) -> None:
    props = document.core_properties
    assert props.created is not None and props.created.date().isoformat() == "2022-11-01"
    assert props.modified == props.created
