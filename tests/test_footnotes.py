"""Footnotes typed `[[footnote: text]]` in text cells, built into each edition: Word's own
footnotes in the XML, at the foot of their page in LibreOffice's PDF (issue 21, Body)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn

import reportkit
from reportkit.model import Language
from reportkit.problems import InputError
from reportkit.render import default_template
from tests.conftest import soffice_convert
from tests.ooxml import problems as schema_problems
from tests.pdf_pages import Margins, read_pages
from tests.workbooks import MINIMAL, variant, write_workbook

REPORT = [
    ["Kind", "Text", "Text fr", "Text ar"],
    [
        "paragraph",
        "The Meeting was held online.[[footnote: On the *CCO's* platform.]] It closed at"
        " noon.[[footnote: 12.00 Ankara time.]]",
        "La réunion s'est tenue en ligne.[[footnote: Sur la plateforme du *BCC*.]] Elle a pris"
        " fin à midi.[[footnote: 12 h, heure d'Ankara.]]",
        "عقد الاجتماع عبر الإنترنت.[[footnote: على منصة مكتب التنسيق.]] واختتم ظهرا.[[footnote:"
        " الساعة 12.00 بتوقيت أنقرة.]]",
    ],
]
NOTES = {
    Language.EN: ["On the CCO's platform.", "12.00 Ankara time.", "Programme note."],
    Language.FR: [
        "Sur la plateforme du BCC.",
        "12 h, heure d'Ankara.",
        "Programme note.",
    ],
    Language.AR: ["على منصة مكتب التنسيق.", "الساعة 12.00 بتوقيت أنقرة.", "Programme note."],
}


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> dict[Language, Path]:
    folder = tmp_path_factory.mktemp("footnotes")
    workbook = write_workbook(
        folder / "notes.xlsx",
        variant(
            Meeting=[*MINIMAL["Meeting"], ["languages", "en, fr, ar"]],
            Report=REPORT,
            Programme=[
                ["Day", "Start", "End", "Title"],
                [date(2023, 5, 2), "10.00", "10.30", "Opening[[footnote: Programme note.]]"],
            ],
        ),
    )
    return {
        language: reportkit.build(workbook, folder / "out", language=language)
        for language in Language
    }


def footnotes_part(report: Path) -> object:
    document = Document(str(report))
    (part,) = [r.target_part for r in document.part.rels.values() if r.reltype == RT.FOOTNOTES]
    return parse_xml(part.blob)


@pytest.mark.parametrize("language", list(Language))
def test_footnotes_are_words_own_numbered_in_order(
    editions: dict[Language, Path], language: Language
) -> None:
    report = editions[language]
    document = Document(str(report))
    references = list(document.element.body.iter(qn("w:footnoteReference")))
    assert [r.get(qn("w:id")) for r in references] == ["1", "2", "3"]
    style = document.styles.element.get_by_id(
        references[0].getparent().find(qn("w:rPr")).find(qn("w:rStyle")).get(qn("w:val"))
    )
    assert style.name_val == "footnote reference"
    notes = footnotes_part(report).findall(qn("w:footnote"))
    assert [(n.get(qn("w:type")), n.get(qn("w:id"))) for n in notes[:2]] == [
        ("separator", "-1"),
        ("continuationSeparator", "0"),
    ]
    texts = {
        n.get(qn("w:id")): "".join(t.text for t in n.iter(qn("w:t"))).strip() for n in notes[2:]
    }
    assert texts == dict(zip(("1", "2", "3"), NOTES[language], strict=True))
    assert all(n.find(f".//{qn('w:footnoteRef')}") is not None for n in notes[2:])
    settings = document.settings.element.find(qn("w:footnotePr"))
    assert [f.get(qn("w:id")) for f in settings.findall(qn("w:footnote"))] == ["-1", "0"]
    assert schema_problems(report) == []


def last_word(text: str, language: Language) -> str:
    """The text's last word as pdftotext reads it: Arabic in the order it is drawn, its
    letters from left to right."""
    word = text.split()[-1]
    return word[::-1] if language is Language.AR else word


@pytest.mark.parametrize("language", list(Language))
def test_footnotes_print_at_the_foot_of_their_page(
    editions: dict[Language, Path], language: Language, tmp_path: Path
) -> None:
    report = editions[language]
    pdf = soffice_convert(report, "pdf", tmp_path)
    margins = Margins.of(report)
    first = read_pages(pdf, margins)[0]
    lines = [line.text for line in first.body]
    first_note, second_note = NOTES[language][:2]
    at = {
        note: next(i for i, text in enumerate(lines) if last_word(note, language) in text)
        for note in (first_note, second_note)
    }
    foot = margins.top + 0.75 * (margins.bottom - margins.top)
    assert all(first.body[i].box.y0 > foot for i in at.values()), lines
    assert at[first_note] < at[second_note]
    assert first.body[at[first_note]].box.y0 > max(line.box.y1 for line in first.body[:4])


def test_a_malformed_footnote_is_a_located_error(tmp_path: Path) -> None:
    workbook = write_workbook(
        tmp_path / "m.xlsx",
        variant(
            Report=[
                ["Kind", "Text"],
                ["paragraph", "Held online.[[footnote On the platform.]]"],
                ["paragraph", "Closed.[[footnote:]]"],
                ["paragraph", "Noted.[[footnote: see [[annex agenda]]]]"],
            ],
            Agenda=[["Kind", "Text"], ["item", "Opening[[footnote: never closed"]],
        ),
    )
    with pytest.raises(InputError) as raised:
        reportkit.build(workbook, tmp_path / "out")
    hint = "write [[footnote: the note's text]], closed with ]], without [[ ]] inside"
    assert [p.line("m") for p in raised.value.problems] == [
        f"m: Report!B2: the footnote [[footnote On the platform.]] has no colon after"
        f" footnote — {hint}",
        f"m: Report!B3: the footnote [[footnote:]] has no text — {hint}",
        f"m: Report!B4: the footnote [[footnote: see [[annex agenda]] holds a reference, which"
        f" a footnote cannot — {hint}",
        f"m: Agenda!B2: the footnote [[footnote: never closed is never closed with ]] — {hint}",
    ]


@pytest.mark.parametrize("language", list(Language))
def test_the_shipped_templates_carry_the_footnote_styles_to_restyle(language: Language) -> None:
    styles = {s.name: s for s in Document(str(default_template(language))).styles if s.name}
    assert styles["footnote text"].type == WD_STYLE_TYPE.PARAGRAPH
    assert styles["footnote text"].base_style.name == "Normal"
    assert styles["footnote reference"].font.superscript
