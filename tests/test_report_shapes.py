"""Every shape of COMCEC / OIC report (issue 9), checked on built documents as LibreOffice
renders them: annexes as data, body structure, title conventions, references."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

import reportkit
from reportkit.problems import InputError
from tests.commands import reportkit_cli as cli
from tests.conftest import ROOT, soffice_convert
from tests.workbooks import variant, write_workbook

FOLLOW_UP = ROOT / "inputs" / "fc-33-2017.xlsx"
WORKING_GROUP = ROOT / "inputs" / "trade-wg-14.xlsx"


def rendered(report: Path, folder: Path) -> str:
    """The report's text as LibreOffice lays it out, list numbers included."""
    text = soffice_convert(report, "txt:Text (encoded):UTF8", folder).read_text(
        encoding="utf-8-sig"
    )
    return "\n".join(line.strip() for line in text.splitlines())


def pdf_pages(report: Path, folder: Path) -> list[str]:
    pdf = soffice_convert(report, "pdf", folder)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def build(tmp_path: Path, name: str = "meeting", **sheets: list[list[object]] | None) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    workbook = write_workbook(tmp_path / f"{name}.xlsx", variant(**sheets))
    return reportkit.build(workbook, tmp_path / "out")


def meeting_sheet(*fields: list[object]) -> list[list[object]]:
    return [
        ["Field", "Value"],
        ["title", "1st Test Meeting"],
        ["date", date(2023, 5, 2)],
        ["secretariat", "COMCEC Coordination Office"],
        *fields,
    ]


def lines_after(text: str, marker: str, count: int) -> list[str]:
    lines = [line for line in text[text.index(marker) :].splitlines() if line]
    return lines[1 : count + 1]


def test_the_follow_up_committee_sample(tmp_path: Path) -> None:
    report = reportkit.build(FOLLOW_UP, tmp_path / "out")
    text = rendered(report, tmp_path)
    first = text[: text.index("ANNEX I")]
    assert first.splitlines()[:4] == [
        "Original: English",
        "REPORT",
        "THIRTY-THIRD MEETING OF THE FOLLOW-UP COMMITTEE OF THE COMCEC",
        "(Ankara, 10-11 May 2017)",
    ]
    assert "Representatives of 7 Member States of the Committee attended" in first
    assert "OIC institutions: SESRIC, ICDT, ITFC and SMIIC." in first
    assert "(The list of participants is attached as Annex I.)" in first
    assert "The agenda of the Meeting, attached as Annex II, was adopted." in first
    assert "opening statement, attached as Annex III," in first
    assert "welcomed the delegations counted in paragraph 2." in first
    assert "Sessional Committee (Annex IV) was noted. Recalling paragraph 4," in first
    annexes = re.findall(r"^ANNEX [IVX]+$", text, flags=re.MULTILINE)
    # Annex III is the Chairman's statement, which opens with its own lines (issue 21).
    assert annexes == ["ANNEX I", "ANNEX II", "ANNEX IV"]
    statement = text[text.index("ANNEX II") :]
    assert lines_after(statement, "Original: English", 4) == [
        "OPENING STATEMENT OF THE CHAIRMAN",
        "33RD MEETING OF THE COMCEC FOLLOW-UP COMMITTEE",
        "(Ankara, 10 May 2017)",
        "Distinguished Ministers, Excellencies, Distinguished Delegates,",
    ]
    participants = text[text.index("ANNEX I") : text.index("ANNEX II")]
    assert "LIST OF PARTICIPANTS" in participants
    headings = re.findall(
        r"^(?:REPUBLIC OF|KINGDOM OF|THE STATE OF|MALAYSIA|ISLAMIC REP).*$",
        participants,
        flags=re.MULTILINE,
    )
    assert [h.split()[-1] for h in headings] == [
        headings[0].split()[-1],
        "ARABIA",
        "PALESTINE",
        "KUWAIT",
        "MALAYSIA",
        "GABON",
        "PAKISTAN",
    ], "bureau order, as typed"
    pages = pdf_pages(report, tmp_path / "pdf")
    heads = [page.strip().splitlines()[0].strip() for page in pages]
    assert heads[0] == "OIC/COMCEC-FC/33-17/REP"
    annex_heads = [h for h in heads[1:]]
    assert annex_heads[0] == "Annex I to OIC/COMCEC-FC/33-17/REP"
    assert annex_heads[-1] == "Annex IV to OIC/COMCEC-FC/33-17/REP"
    assert set(annex_heads) == {
        f"Annex {n} to OIC/COMCEC-FC/33-17/REP" for n in ("I", "II", "III", "IV")
    }
    # Its first body page is numbered 7, as the published report's.
    assert [page.strip().splitlines()[-1].strip() for page in pages] == [
        str(n) for n in range(7, 7 + len(pages))
    ]


def test_the_working_group_sample(tmp_path: Path) -> None:
    report = reportkit.build(WORKING_GROUP, tmp_path / "out")
    text = rendered(report, tmp_path)
    body = text[: text.index("Annex 1: Agenda")]
    # A title page (issue 21): the title broken where typed, the proceedings' date line,
    # the publisher and the month.
    assert body.splitlines()[:7] == [
        "PROCEEDINGS",
        "14th MEETING OF THE",
        "COMCEC TRADE WORKING GROUP",
        "Improving Trade Facilitation in the OIC Member Countries",
        "(October 3rd, 2019, Ankara, Türkiye)",
        "COMCEC COORDINATION OFFICE",
        "October 2019",
    ]
    numbered = re.findall(r"^(\d+(?:\.\d+)*)\.\s+(.*)$", body, flags=re.MULTILINE)
    assert numbered == [
        ("1", "Opening Session"),
        ("2", "Trade Facilitation in the OIC Member Countries"),
        ("2.1", "Overview of the Study"),
        ("2.2", "Country Experiences"),
        ("3", "Policy Recommendations"),
        ("1", "Establishing national trade facilitation committees"),
        ("2", "Implementing electronic single windows"),
        ("3", "Simplifying border procedures for perishable goods"),
        ("1", "Harmonising transit regimes in each region"),
        ("2", "Sharing risk management data between customs administrations"),
        ("4", "Closing Remarks"),
    ]
    assert "the list of participants is Annex 4." in body
    assert "Following the discussions of section 2.1," in body
    assert "summarised in Annex 3." in body
    # Each annex opens with one line (issue 21), the participants' note under it.
    assert re.findall(r"^Annex \d+: .*$", text, flags=re.MULTILINE) == [
        "Annex 1: Agenda",
        "Annex 2: Programme",
        "Annex 3: Policy Recommendations",
        "Annex 4: List of Participants",
    ]
    assert "ANNEX" not in text
    assert lines_after(text, "Annex 4: List of Participants", 1) == ["Trade Working Group Experts"]
    pages = pdf_pages(report, tmp_path / "pdf")
    assert [page.strip().splitlines()[0].strip() for page in pages[1:]] == [
        "Proceedings of the 14th Meeting of"
    ] * (len(pages) - 1)
    assert [page.strip().splitlines()[-1].strip() for page in pages[1:]] == [
        str(n) for n in range(1, len(pages))
    ]


@pytest.mark.parametrize(
    ("numbering", "labels"),
    [("roman", ["I", "II", "III"]), ("arabic", ["1", "2", "3"]), ("letters", ["A", "B", "C"])],
)
def test_each_annex_numbering(tmp_path: Path, numbering: str, labels: list[str]) -> None:
    report = build(
        tmp_path,
        Meeting=meeting_sheet(["annex_numbering", numbering]),
        Report=[["Kind", "Text"], ["paragraph", "The programme is [[annex programme]]."]],
    )
    text = rendered(report, tmp_path)
    assert re.findall(r"^ANNEX (\S+)$", text, flags=re.MULTILINE) == labels
    assert f"The programme is Annex {labels[1]}." in text


def test_an_empty_annex_is_left_out_and_the_others_close_up(tmp_path: Path) -> None:
    workbook = write_workbook(
        tmp_path / "meeting.xlsx",
        variant(
            Agenda=[["Kind", "Text"]],
            Report=[["Kind", "Text"], ["paragraph", "See [[annex participants]]."]],
        ),
    )
    result = cli("build", str(workbook), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f'{workbook}: Agenda!A2: warning: the agenda annex has no rows (sheet "Agenda"), so it '
        "is left out and the other annexes are numbered without it — fill in the Agenda sheet, "
        "or list the annexes you want in an Annexes sheet"
    ]
    text = rendered(tmp_path / "out" / "meeting.docx", tmp_path)
    assert re.findall(r"^ANNEX (\S+)$", text, flags=re.MULTILINE) == ["I", "II"]
    assert "See Annex II." in text
    checked = cli("check", str(workbook))
    assert "the agenda annex has no rows" in checked.stdout


def test_references_stay_true_when_annexes_and_paragraphs_are_added(tmp_path: Path) -> None:
    report_rows = [
        ["Kind", "Text", "Key"],
        ["paragraph", "The Meeting opened.", "opening"],
        ["paragraph", "As paragraph [[paragraph opening]] says; see [[annex participants]].", ""],
    ]
    first = build(
        tmp_path / "a",
        Annexes=[["Kind"], ["participants"]],
        Report=report_rows,
    )
    assert "As paragraph 1 says; see Annex I." in rendered(first, tmp_path / "a")
    inserted = [report_rows[0], ["paragraph", "A paragraph added before.", ""], *report_rows[1:]]
    second = build(
        tmp_path / "b",
        Annexes=[["Kind"], ["agenda"], ["participants"]],
        Report=inserted,
    )
    text = rendered(second, tmp_path / "b")
    assert "As paragraph 2 says; see Annex II." in text
    paragraph = next(
        p for p in Document(str(second)).paragraphs if p.text.startswith("As paragraph")
    )
    codes = [node.text for node in paragraph._p.iter(qn("w:instrText"))]
    (bookmark,) = [
        b.get(qn("w:name")) for b in Document(str(second)).element.body.iter(qn("w:bookmarkStart"))
    ]
    assert codes == [f" REF {bookmark} \\n \\h "], "a Word cross-reference, not typed text"


def test_an_unknown_reference_is_a_located_error(tmp_path: Path) -> None:
    workbook = write_workbook(
        tmp_path / "meeting.xlsx",
        variant(
            Report=[["Kind", "Text"], ["paragraph", "See [[annex budget]] and [[paragraph x]]."]]
        ),
    )
    with pytest.raises(InputError) as raised:
        reportkit.build(workbook, tmp_path / "out")
    lines = [p.line("m") for p in raised.value.problems]
    assert lines[0].startswith(
        'm: Report!B2: the reference [[annex budget]] cannot be resolved: no annex is "budget" '
        "(or it is left out) — write [[annex agenda]]"
    )
    assert lines[1].startswith(
        'm: Report!B2: the reference [[paragraph x]] cannot be resolved: no row has the Key "x"'
    )


def test_title_fields_and_body_kinds(tmp_path: Path) -> None:
    report = build(
        tmp_path,
        Meeting=meeting_sheet(
            ["original", "English"],
            ["subtitle", "Theme: Digital Trade"],
            ["venue", "Istanbul"],
            ["end_date", date(2023, 5, 4)],
            ["date_style", "venue-first"],
            ["participants_subtitle", "Experts of the Member Countries"],
        ),
        Report=[
            ["Kind", "Text"],
            ["heading", "Opening"],
            ["paragraph", "First numbered."],
            ["subheading", "A sub-heading"],
            ["text", "Running text, not numbered."],
            ["item", "Item one"],
            ["item", "Item two"],
            ["paragraph", "Second numbered."],
            ["item", "Item again one"],
        ],
    )
    text = rendered(report, tmp_path)
    assert text.splitlines()[:5] == [
        "Original: English",
        "REPORT",
        "1st TEST MEETING",
        "Theme: Digital Trade",
        "(Istanbul, 2-4 May 2023)",
    ]
    body = text[: text.index("ANNEX I")]
    assert re.findall(r"^(\d+)\.\s+(.*)$", body, flags=re.MULTILINE) == [
        ("1", "First numbered."),
        ("1", "Item one"),
        ("2", "Item two"),
        ("2", "Second numbered."),
        ("1", "Item again one"),
    ]
    assert "\nRunning text, not numbered.\n" in body and "\nA sub-heading\n" in body
    assert lines_after(text, "LIST OF PARTICIPANTS", 1) == ["Experts of the Member Countries"]


def test_no_numbering_numbers_nothing_but_items(tmp_path: Path) -> None:
    report = build(
        tmp_path,
        Meeting=meeting_sheet(["numbering", "none"]),
        Report=[["Kind", "Text"], ["heading", "Opening"], ["paragraph", "Plain."], ["item", "One"]],
    )
    body = rendered(report, tmp_path).split("ANNEX I")[0]
    assert re.findall(r"^(\d+)\.\s+(.*)$", body, flags=re.MULTILINE) == [("1", "One")]
    assert "\nPlain.\n" in body


def test_as_typed_keeps_the_workbooks_order_within_sections(tmp_path: Path) -> None:
    people = [
        ["Delegation", "Honorific", "First name", "Last name", "Position", "Organisation"],
        ["Pakistan", "Mr.", "A", "One", "", ""],
        ["SESRIC", "Dr.", "B", "Two", "", ""],
        ["Egypt", "Mr.", "C", "Three", "", ""],
        ["ICDT", "Mr.", "D", "Four", "", ""],
        ["Azerbaijan", "Ms.", "E", "Five", "", ""],
    ]
    report = build(tmp_path, Meeting=meeting_sheet(["ordering", "as-typed"]), Participants=people)
    text = rendered(report, tmp_path)
    annex = text[text.index("LIST OF PARTICIPANTS") :]
    names = re.findall(r"^-\S+ (\w+) (\w+)$", annex, flags=re.MULTILINE)
    assert [last for _, last in names] == ["ONE", "THREE", "FIVE", "TWO", "FOUR"]


def test_the_seed_sample_prints_its_participants_subtitle(sample_text: str) -> None:
    lines = [line.strip() for line in sample_text.splitlines() if line.strip()]
    at = lines.index("LIST OF PARTICIPANTS")
    assert (
        lines[at + 1]
        == "Technical Experts Meeting on COMCEC High Level Digital Initiative/ Programme"
    )


def test_a_text_annex_needs_its_sheet(tmp_path: Path) -> None:
    workbook = write_workbook(
        tmp_path / "meeting.xlsx",
        variant(
            Annexes=[["Kind", "Title", "Sheet"], ["text", "Statement", "Speech"], ["text", "", ""]]
        ),
    )
    with pytest.raises(InputError) as raised:
        reportkit.build(workbook, tmp_path / "out")
    lines = [p.line("m") for p in raised.value.problems]
    assert lines[0].startswith('m: Annexes!C2: the sheet "Speech" is missing (sheets found: ')
    assert (
        "m: Annexes!B3: a text annex needs a Title — type the title printed at the top of the annex"
        in lines
    )
    assert any(line.startswith("m: Annexes!C3: a text annex needs the Sheet") for line in lines)
