"""Layout rules carried by the template's styles and table properties, read from the files.

Where the rules show on the page is checked on LibreOffice's rendering in test_pages.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocumentType
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from reportkit.render import default_template
from tests.docx_facts import effective, held_with_next, lines_in_order, programme_table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ANNEXES = ("ANNEX I", "ANNEX II", "ANNEX III")
# A complex-script property and the Latin one it must match.
COMPLEX_SCRIPT = {"b": "bCs", "i": "iCs", "sz": "szCs"}


@pytest.fixture(scope="module")
def sample(built_sample: Path) -> DocumentType:
    return Document(str(built_sample))


@pytest.fixture(scope="module")
def big(big_meeting_docx: Path) -> DocumentType:
    return Document(str(big_meeting_docx))


def participants(document: DocumentType) -> list[Paragraph]:
    paragraphs = lines_in_order(document)
    start = next(i for i, p in enumerate(paragraphs) if p.text == "ANNEX III")
    return [p for p in paragraphs[start:] if p.style.name.startswith(("Delegat", "Participants"))]


def delegations(paragraphs: list[Paragraph]) -> list[list[Paragraph]]:
    """The list cut before each heading: each piece a delegation (or a bare section heading)."""
    pieces: list[list[Paragraph]] = []
    for paragraph in paragraphs:
        if not pieces or not paragraph.style.name.startswith("Delegate "):
            pieces.append([])
        pieces[-1].append(paragraph)
    return pieces


@pytest.mark.parametrize("which", ["sample", "big"])
def test_a_delegation_breaks_only_between_delegates_and_not_at_its_ends(
    which: str, request: pytest.FixtureRequest
) -> None:
    """Every heading and name keeps with the next paragraph: a page breaks only after a
    delegate's details. Within a delegation it may break after any delegate but the first
    and the last two (so a delegation of up to three is never split, and a longer one
    fills the page rather than leaving its foot blank); after the last, the next
    delegation may begin a page."""
    pieces = delegations(participants(request.getfixturevalue(which)))
    assert len(pieces) > 10
    for piece in pieces:
        keeps = [held_with_next(p) for p in piece]
        names = [i for i, p in enumerate(piece) if p.style.name == "Delegate Name"]
        breaks = [i for i, keep in enumerate(keeps) if not keep]
        if not names:
            assert breaks == [], piece[0].text
            continue
        allowed = [i + 1 for i in names[1:-2]] + [len(piece) - 1]
        assert breaks == allowed, piece[0].text
        assert all(piece[i].style.name == "Delegate Details Last" for i in breaks)
    if which == "big":
        assert max(sum(p.style.name == "Delegate Name" for p in piece) for piece in pieces) > 10


def test_title_blocks_keep_with_what_follows_them(sample: DocumentType) -> None:
    """The report's title block and each annex's opening lines never end a page: the
    date line, last of them, keeps with the first line of the body or the annex."""
    opening = {
        "Report Document",
        "Report Title",
        "Report Subtitle",
        "Report Date",
        "Annex Heading",
        "Annex Title",
        "Annex Subtitle",
    }
    blocks = [p for p in sample.paragraphs if p.style.name in opening]
    assert sum(p.style.name == "Report Date" for p in blocks) == 4  # the title's, 3 annexes'
    assert [p.text for p in blocks if not effective(p, "keep_with_next")] == []


def size_of(style: object) -> object:
    """A style's size, its own or inherited (from Normal, for a style of Normal's size)."""
    while style.font.size is None:
        style = style.base_style
    return style.font.size


def test_section_headings_stand_apart_from_delegation_headings(sample: DocumentType) -> None:
    section = sample.styles["Participants Section"]
    delegation = sample.styles["Delegation Heading"]
    assert size_of(section) > size_of(delegation)
    assert section.paragraph_format.space_before > delegation.paragraph_format.space_before
    assert section.element.pPr.find(f"{W}pBdr/{W}bottom") is not None
    assert delegation.element.pPr.find(f"{W}pBdr") is None


def test_the_three_annexes_open_alike(sample: DocumentType) -> None:
    paragraphs = sample.paragraphs
    blocks = []
    for title in ANNEXES:
        start = next(i for i, p in enumerate(paragraphs) if p.text == title)
        blocks.append([(p.style.name, p.text) for p in paragraphs[start + 1 : start + 3]])
    assert blocks[0] == blocks[1] == blocks[2]
    assert [style for style, _ in blocks[0]] == ["Annex Title", "Report Date"]
    assert blocks[0][1][1] == "(November 1st, 2022; Virtual Meeting)"


def test_the_programme_table_fits_the_text_block(sample: DocumentType) -> None:
    table = programme_table(sample)
    properties = table._tbl.tblPr
    width = properties.find(qn("w:tblW"))
    assert (width.get(qn("w:type")), width.get(qn("w:w"))) == ("pct", "5000")
    layout = properties.find(qn("w:tblLayout"))
    assert layout is None or layout.get(qn("w:type")) == "autofit"
    for cell in table._tbl.iter(qn("w:tc")):
        assert cell.tcPr.find(qn("w:tcW")).get(qn("w:type")) == "pct"
    margins = properties.find(qn("w:tblCellMar"))
    assert {m.tag.split("}")[1]: int(m.get(qn("w:w"))) for m in margins} == {
        "top": 57,
        "left": 108,
        "bottom": 57,
        "right": 108,
    }


@pytest.mark.parametrize("which", ["sample", "big"])
def test_programme_rows_do_not_split_and_days_keep_with_their_first_slot(
    which: str, request: pytest.FixtureRequest
) -> None:
    table = programme_table(request.getfixturevalue(which))
    for row in table.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None, row.cells[0].text
    days = [r for r in table.rows if r.cells[0].paragraphs[0].style.name == "Programme Day"]
    assert len(days) == (2 if which == "big" else 0)
    for day in days:
        assert all(effective(p, "keep_with_next") for p in day.cells[0].paragraphs)


def test_cell_paragraphs_have_no_space_before(sample: DocumentType) -> None:
    """A cell opening with a bullet lines up with its time: no paragraph adds space above."""
    table = programme_table(sample)
    styles = {p.style.name for cell in table._cells for p in cell.paragraphs}
    assert "Programme Point" in styles
    for name in styles:
        assert not sample.styles[name].paragraph_format.space_before, name


def _ours(style: object) -> bool:
    """A paragraph style reportkit's template adds (not one of Word's built-in ones)."""
    return not style.builtin and style.type == WD_STYLE_TYPE.PARAGRAPH  # type: ignore[attr-defined]


def style_runs(document: DocumentType) -> list[tuple[str, object]]:
    """(style name, w:rPr) of Normal, every style reportkit adds and every paragraph style
    the document uses (the template holds few paragraphs: reportkit writes the rest)."""
    used = {"Normal"} | {s.get(qn("w:val")) for s in document.element.body.iter(qn("w:pStyle"))}
    return [
        (style.name, style.element.rPr)
        for style in document.styles
        if (style.style_id in used or _ours(style)) and style.element.rPr is not None
    ]


@pytest.mark.parametrize("source", ["template", "sample"])
def test_styles_set_complex_script_font_size_bold_and_italic(
    source: str, request: pytest.FixtureRequest
) -> None:
    """Arabic text takes its font, size, bold and italic from the complex-script twins."""
    if source == "template":
        document = Document(str(default_template()))
    else:
        document = request.getfixturevalue("sample")
    checked = style_runs(document)
    assert len(checked) > 20
    for name, properties in checked:
        for latin, complex_script in COMPLEX_SCRIPT.items():
            plain, twin = properties.find(f"{W}{latin}"), properties.find(f"{W}{complex_script}")
            if plain is not None:
                assert twin is not None, f"{name}: w:{latin} without w:{complex_script}"
                assert twin.get(f"{W}val") == plain.get(f"{W}val"), name
        fonts = properties.find(f"{W}rFonts")
        if fonts is not None and fonts.get(f"{W}ascii"):
            assert fonts.get(f"{W}cs") == fonts.get(f"{W}ascii"), name


@pytest.mark.parametrize("fixture", ["big_meeting_docx", "arabic_docx"])
def test_marked_up_runs_are_bold_and_italic_in_every_script(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    document = Document(str(request.getfixturevalue(fixture)))
    runs = [r for r in document.element.body.iter(f"{W}r") if r.rPr is not None]
    bold = [r for r in runs if r.rPr.find(f"{W}b") is not None]
    italic = [r for r in runs if r.rPr.find(f"{W}i") is not None]
    assert bold and italic
    assert all(r.rPr.find(f"{W}bCs") is not None for r in bold)
    assert all(r.rPr.find(f"{W}iCs") is not None for r in italic)


def test_an_agenda_note_lines_up_with_its_items_text(big: DocumentType) -> None:
    (note,) = [p for p in big.paragraphs if p.style.name == "Agenda Note"]
    item = next(p for p in big.paragraphs if p.style.name == "Agenda Item")
    numbering = big.part.numbering_part.element
    num = numbering.num_having_numId(item._p.pPr.numPr.numId.val)
    abstract = next(
        a
        for a in numbering.iter(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == str(num.abstractNumId.val)
    )
    text_start = int(abstract.find(f"{W}lvl/{W}pPr/{W}ind").get(qn("w:left")))
    assert note.style.paragraph_format.left_indent.twips == text_start
