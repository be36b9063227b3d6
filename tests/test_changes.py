"""The change report between two versions of a workbook: what a secretariat must re-check."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from reportkit.api import prepare
from reportkit.changes import (
    Action,
    ChangeReport,
    DelegateChange,
    DelegationChange,
    FieldChange,
    SlotChange,
    TextChange,
)
from reportkit.changes.compare import compare
from reportkit.model import Language, MeetingInput
from reportkit.read import read_workbook
from reportkit.reference import load_reference
from tests.conftest import SAMPLE
from tests.workbooks import MINIMAL, variant, write_workbook

PEOPLE_HEADER = ["Delegation", "Honorific", "First name", "Last name", "Position", "Organisation"]


def read(path: Path) -> MeetingInput:
    source, problems = read_workbook(path)
    assert source is not None, problems
    return source


def changes(
    tmp_path: Path, old: dict[str, list[list[object]]], new: dict[str, list[list[object]]]
) -> ChangeReport:
    old_path = write_workbook(tmp_path / "old.xlsx", old)
    new_path = write_workbook(tmp_path / "new.xlsx", new)
    return compare(read(old_path), read(new_path), load_reference())


def report_sheet(*rows: tuple[str, str]) -> list[list[object]]:
    return [["Kind", "Text"], *[list(r) for r in rows]]


def people(*rows: list[object]) -> list[list[object]]:
    return [PEOPLE_HEADER, *rows]


# --- nothing changed -------------------------------------------------------------------


def test_identical_inputs_make_an_empty_report(tmp_path: Path) -> None:
    report = changes(tmp_path, MINIMAL, variant())
    assert report.is_empty
    assert report.lines() == []
    assert report.markdown("1st Test Meeting") == "# Changes: 1st Test Meeting\n\nNo changes.\n"


def test_the_sample_read_twice_is_unchanged() -> None:
    assert compare(read(SAMPLE), read(SAMPLE), load_reference()).is_empty


def test_pak_and_pakistan_are_one_delegation(tmp_path: Path) -> None:
    kazi = ["Ms.", "Maria", "Kazi", "Joint Secretary", "Ministry of Commerce"]
    old = variant(Participants=people(["PAK", *kazi]))
    same = variant(Participants=people(["Pakistan", *kazi]))
    assert changes(tmp_path, old, same).is_empty

    more = variant(
        Participants=people(
            ["Islamic Republic of Pakistan", *kazi],
            ["Pakistan", "Mr.", "Ali", "Khan", "Director", "Ministry of Commerce"],
        )
    )
    report = changes(tmp_path, old, more)
    assert report.delegations == ()
    assert report.delegates == (
        DelegateChange(Action.ADDED, "Pakistan", "Mr. Ali Khan", "Director, Ministry of Commerce"),
    )


# --- the report body -------------------------------------------------------------------


def test_a_paragraph_added_in_the_middle_is_reported_alone_with_its_number(
    tmp_path: Path,
) -> None:
    old = report_sheet(
        ("paragraph", "The Meeting was held in Ankara."),
        ("paragraph", "The Meeting was opened by the Chair."),
        ("heading", "Discussions"),
        ("paragraph", "The participants discussed the report."),
        ("paragraph", "The Meeting was closed."),
    )
    new = report_sheet(
        ("paragraph", "The Meeting was held in Ankara."),
        ("paragraph", "The Meeting was opened by the Chair."),
        ("paragraph", "A minute of silence was observed."),
        ("heading", "Discussions"),
        ("paragraph", "The participants discussed the report."),
        ("paragraph", "The Meeting was closed."),
    )
    report = changes(tmp_path, variant(Report=old), variant(Report=new))
    # Paragraphs 3 and 4 became 4 and 5: renumbered, not changed.
    assert report.body == (
        TextChange(
            Action.ADDED, "paragraph", new_text="A minute of silence was observed.", number=3
        ),
    )
    assert report.lines() == ['Report: Paragraph 3 added: "A minute of silence was observed."']


def test_a_reworded_paragraph_after_an_inserted_one_keeps_its_identity(tmp_path: Path) -> None:
    old = report_sheet(
        ("paragraph", "The Meeting was held in Ankara."),
        ("paragraph", "The report will be shared by 11 November 2022 with the Member Countries."),
    )
    new = report_sheet(
        ("paragraph", "The Meeting was held in Ankara."),
        ("paragraph", "A minute of silence was observed."),
        ("paragraph", "The report will be shared by 18 November 2022 with the Member Countries."),
    )
    report = changes(tmp_path, variant(Report=old), variant(Report=new))
    assert report.lines() == [
        'Report: Paragraph 2 added: "A minute of silence was observed."',
        # Three words of context either side of the changed one.
        'Report: Paragraph 3 reworded (was 2): "…be shared by 11 November 2022 with…"'
        ' → "…be shared by 18 November 2022 with…"',
    ]
    assert [(c.action, c.number, c.old_number) for c in report.body] == [
        (Action.ADDED, 2, None),
        (Action.CHANGED, 3, 2),
    ]


def test_removed_paragraphs_carry_their_old_number_and_other_blocks_their_kind(
    tmp_path: Path,
) -> None:
    old = report_sheet(
        ("paragraph", "The Meeting was held in Ankara."),
        ("paragraph", "This paragraph is dropped."),
        ("heading", "Closing remarks"),
        ("bullet", "A point that is dropped."),
        ("paragraph", "The Meeting was closed."),
    )
    new = report_sheet(
        ("paragraph", "The Meeting was held in Ankara."),
        ("heading", "Closing Remarks"),
        ("paragraph", "The Meeting was closed."),
    )
    report = changes(tmp_path, variant(Report=old), variant(Report=new))
    assert report.lines() == [
        'Report: Paragraph removed (was 2): "This paragraph is dropped."',
        'Report: Heading reworded: "Closing remarks" → "Closing Remarks"',
        'Report: Bullet removed: "A point that is dropped."',
    ]


def test_long_texts_are_cut_to_an_excerpt(tmp_path: Path) -> None:
    long = (
        "The participants discussed the draft concept report in detail and agreed to share "
        "their written observations with the Coordination Office by the end of November."
    )
    new = report_sheet(("paragraph", "The Meeting was held."), ("note", long))
    report = changes(tmp_path, MINIMAL, variant(Report=new))
    assert report.lines() == [
        'Report: Note added: "The participants discussed the draft concept report in detail'
        ' and agreed to…"'
    ]


# --- agenda and programme --------------------------------------------------------------


def test_agenda_items_are_numbered_and_notes_reported(tmp_path: Path) -> None:
    header = ["Kind", "Text", "Note"]
    old = [
        header,
        ["unnumbered", "Opening Remarks"],
        ["item", "Consideration of the Report"],
        ["item", "Any Other Business"],
        ["unnumbered", "Closing Remarks"],
    ]
    new = [
        header,
        ["unnumbered", "Opening Remarks"],
        ["item", "Consideration of the Report", "Presented by the CCO"],
        ["item", "Thematic Areas for Cooperation"],
        ["item", "Any Other Business"],
        ["unnumbered", "Closing remarks"],
    ]
    report = changes(tmp_path, variant(Agenda=old), variant(Agenda=new))
    assert report.lines() == [
        'Agenda: Note added: "Presented by the CCO"',
        'Agenda: Item 2 added: "Thematic Areas for Cooperation"',
        'Agenda: Unnumbered line reworded: "Closing Remarks" → "Closing remarks"',
    ]


def test_programme_slots_are_known_by_time_and_title(tmp_path: Path) -> None:
    header = ["Day", "Start", "End", "Title", "Description"]
    old = [
        header,
        [None, "10.00", "10.30", "Opening", None],
        [None, "10.30", "11.00", "Coffee Break", None],
        [None, "11.00", "12.00", "Session 1", "Presentation of the report"],
    ]
    new = [
        header,
        [None, "10.00", "10.30", "Opening", None],
        [None, "10.45", "11.00", "Coffee Break", None],
        [None, "11.00", "12.00", "Session 1", "Presentation of the revised report"],
    ]
    report = changes(tmp_path, variant(Programme=old), variant(Programme=new))
    assert report.programme == (
        SlotChange(Action.REMOVED, '10.30 – 11.00 "Coffee Break"'),
        SlotChange(Action.ADDED, '10.45 – 11.00 "Coffee Break"'),
        SlotChange(
            Action.CHANGED,
            '11.00 – 12.00 "Session 1"',
            (
                FieldChange(
                    "description",
                    "Presentation of the report",
                    "Presentation of the revised report",
                ),
            ),
        ),
    )


# --- meeting fields --------------------------------------------------------------------


def test_meeting_fields_are_reported_as_printed(tmp_path: Path) -> None:
    new = variant(
        Meeting=[
            ["Field", "Value"],
            ["title", "2nd Test Meeting"],
            ["date", date(2023, 5, 3)],
            ["venue", "Ankara"],
            ["secretariat", "COMCEC Coordination Office"],
        ]
    )
    report = changes(tmp_path, MINIMAL, new)
    assert report.meeting == (
        FieldChange("title", "1st Test Meeting", "2nd Test Meeting"),
        FieldChange("date", "May 2nd, 2023", "May 3rd, 2023"),
        FieldChange("venue", "", "Ankara"),
    )
    assert report.lines()[-1] == 'Meeting: venue: (none) → "Ankara"'


# --- participants ----------------------------------------------------------------------


def test_delegates_are_edited_by_field_and_a_new_name_is_a_new_person(tmp_path: Path) -> None:
    old = people(
        ["Egypt", "Mr.", "Ahmed", "Hassan", "Director", "Ministry of Trade"],
        ["Egypt", "Ms.", "Mona", "Said", "Advisor", "Ministry of Trade"],
    )
    new = people(
        ["Egypt", "Dr.", "Ahmed", "Hassan", "Director General", "Ministry of Trade"],
        ["Egypt", "Ms.", "Mona", "Saeed", "Advisor", "Ministry of Trade"],
    )
    report = changes(tmp_path, variant(Participants=old), variant(Participants=new))
    assert report.delegations == ()
    assert report.delegates == (
        DelegateChange(Action.ADDED, "Egypt", "Ms. Mona Saeed", "Advisor, Ministry of Trade"),
        DelegateChange(Action.REMOVED, "Egypt", "Ms. Mona Said", "Advisor, Ministry of Trade"),
        DelegateChange(
            Action.CHANGED,
            "Egypt",
            "Dr. Ahmed Hassan",
            fields=(
                FieldChange("honorific", "Mr.", "Dr."),
                FieldChange("position", "Director", "Director General"),
            ),
        ),
    )


def test_a_corrected_spelling_of_a_name_is_an_edit_of_the_same_person(tmp_path: Path) -> None:
    cco = "COMCEC Coordination Office"
    old = people([cco, "Mr.", "Selcuk", "KOC", "Deputy Director General"])
    new = people([cco, "Mr.", "Selçuk", "Koç", "Deputy Director General"])
    report = changes(tmp_path, variant(Participants=old), variant(Participants=new))
    assert report.lines() == [
        'Participants (COMCEC Coordination Office): Mr. Selçuk Koç edited — first name: "Selcuk"'
        ' → "Selçuk"; last name: "KOC" → "Koç"'
    ]


def test_a_person_listed_twice_is_two_rows(tmp_path: Path) -> None:
    hassan = ["Egypt", "Mr.", "Ahmed", "Hassan", "Director", "Ministry of Trade"]
    report = changes(
        tmp_path, variant(Participants=people(hassan, hassan)), variant(Participants=people(hassan))
    )
    assert report.lines() == [
        "Participants (Egypt): Mr. Ahmed Hassan removed (Director, Ministry of Trade)"
    ]


def test_delegations_are_listed_by_section_then_name_and_unknown_names_do_not_crash(
    tmp_path: Path,
) -> None:
    old = people(
        ["Egypt", "Mr.", "Ahmed", "Hassan"],
        ["SESRIC", "Dr.", "Atilla", "Karaman"],
    )
    new = people(
        ["Egypt", "Mr.", "Ahmed", "Hassan"],
        ["Atlantis Trade Bank", "Ms.", "Jane", "Doe"],
        ["Yemen", "Mr.", "Raed", "Saeed"],
        ["AFG", "Mr.", "Eltaf Ahmad", "Alamyar"],
    )
    report = changes(tmp_path, variant(Participants=old), variant(Participants=new))
    assert report.delegations == (
        DelegationChange(Action.ADDED, "Afghanistan"),
        DelegationChange(Action.ADDED, "Yemen"),
        DelegationChange(Action.REMOVED, "SESRIC"),
        DelegationChange(Action.ADDED, "Atlantis Trade Bank"),
    )
    assert [(c.delegation, c.action) for c in report.delegates] == [
        ("Afghanistan", Action.ADDED),
        ("Yemen", Action.ADDED),
        ("SESRIC", Action.REMOVED),
        ("Atlantis Trade Bank", Action.ADDED),
    ]


def test_heading_overrides_are_reported_by_delegation(tmp_path: Path) -> None:
    kuwait = people(["Kuwait", "Dr.", "Ammar", "Alhusaini"])
    old = variant(Participants=kuwait, Delegations=[["Delegation", "Heading"], ["Kuwait", "X"]])
    new = variant(
        Participants=kuwait,
        Delegations=[["Delegation", "Heading"], ["KWT", "THE STATE OF KUWAIT"], ["Oman", "OMAN"]],
    )
    report = changes(tmp_path, old, new)
    assert report.headings == (
        FieldChange("Kuwait", "X", "THE STATE OF KUWAIT"),
        FieldChange("Oman", "", "OMAN"),
    )


def test_markdown_has_a_section_per_part_and_a_heading_per_delegation(tmp_path: Path) -> None:
    old = people(
        ["Egypt", "Mr.", "Ahmed", "Hassan", "Director"],
        ["Yemen", "Mr.", "Raed", "Saeed", "ICT Engineer"],
    )
    new = people(["Egypt", "Mr.", "Ahmed", "Hassan", "Director General"])
    report = changes(tmp_path, variant(Participants=old), variant(Participants=new))
    assert report.markdown("Test") == (
        "# Changes: Test\n"
        "\n"
        "## Delegations\n"
        "\n"
        "- Yemen removed\n"
        "\n"
        "## Participants\n"
        "\n"
        "### Egypt\n"
        "\n"
        '- Mr. Ahmed Hassan edited — position: "Director" → "Director General"\n'
        "\n"
        "### Yemen\n"
        "\n"
        "- Mr. Raed Saeed removed (ICT Engineer)\n"
    )


# --- a scripted correction of the real sample ------------------------------------------


def row_with(sheet: Worksheet, column: str, start: str) -> int:
    """The row whose cell in `column` starts with `start` (exactly one must)."""
    (row,) = [
        c.row for c in sheet[column] if isinstance(c.value, str) and c.value.startswith(start)
    ]
    return row


def test_scripted_corrections_of_the_sample_are_exactly_what_is_reported(tmp_path: Path) -> None:
    edited = tmp_path / "edited.xlsx"
    shutil.copy(SAMPLE, edited)
    book = load_workbook(edited)
    participants = book["Participants"]
    participants.cell(row_with(participants, "D", "Kazi"), 5).value = "Additional Secretary"
    participants.delete_rows(row_with(participants, "D", "Sayar"))
    participants.append(
        ["Guyana", "Mr.", "John", "Persaud", "Advisor", "Ministry of Agriculture", None]
    )
    body = book["Report"]
    closing = body.cell(row_with(body, "B", "In his concluding remarks"), 2)
    closing.value = closing.value.replace("on 27th November 2022", "on November 27th, 2022")
    book.save(edited)

    report = compare(read(SAMPLE), read(edited), load_reference())

    assert report.lines() == [
        'Report: Paragraph 13 reworded: "…be held on 27th November 2022."'
        ' → "…be held on November 27th, 2022."',
        "Participants (Guyana): Mr. John Persaud added (Advisor, Ministry of Agriculture)",
        'Participants (Pakistan): Ms. Maria Kazi edited — position: "Joint Secretary"'
        ' → "Additional Secretary"',
        "Participants (COMCEC Coordination Office): Mr. Mustafa Adil Sayar removed (Expert)",
    ]
    assert report.markdown("comcec-digital-2022") == (
        "# Changes: comcec-digital-2022\n"
        "\n"
        "## Report\n"
        "\n"
        '- Paragraph 13 reworded: "…be held on 27th November 2022."'
        ' → "…be held on November 27th, 2022."\n'
        "\n"
        "## Participants\n"
        "\n"
        "### Guyana\n"
        "\n"
        "- Mr. John Persaud added (Advisor, Ministry of Agriculture)\n"
        "\n"
        "### Pakistan\n"
        "\n"
        '- Ms. Maria Kazi edited — position: "Joint Secretary" → "Additional Secretary"\n'
        "\n"
        "### COMCEC Coordination Office\n"
        "\n"
        "- Mr. Mustafa Adil Sayar removed (Expert)\n"
    )


def test_changes_name_delegations_as_of_the_meeting_date(tmp_path: Path) -> None:
    meeting = [
        ["Field", "Value"],
        ["title", "33rd Follow-up Committee"],
        ["date", date(2017, 5, 10)],
        ["secretariat", "COMCEC Coordination Office"],
    ]
    people = [["Delegation", "Honorific", "First name", "Last name", "Position", "Organisation"]]
    old = write_workbook(
        tmp_path / "old.xlsx",
        variant(Meeting=meeting, Participants=[*people, ["Egypt", "Mr.", "A", "B", "", ""]]),
    )
    new = write_workbook(
        tmp_path / "new.xlsx",
        variant(
            Meeting=meeting,
            Participants=[
                *people,
                ["Egypt", "Mr.", "A", "B", "", ""],
                ["Türkiye", "Mr.", "C", "D", "", ""],
            ],
        ),
    )
    changes = compare(prepare(old).source, prepare(new).source, load_reference())
    assert "Delegations: Turkey added" in changes.lines()


def test_an_edition_s_own_name_and_title_are_reported_in_its_change_note(tmp_path: Path) -> None:
    header = [*PEOPLE_HEADER, "Honorific ar", "Name ar"]
    old = [header, ["Egypt", "H.E.", "Ahmed", "Hassan", "Director", "", "", "أحمد حسن"]]
    new = [header, ["Egypt", "H.E.", "Ahmed", "Hassan", "Director", "", "معالي", "أحمد حسان"]]
    old_path = write_workbook(tmp_path / "old.xlsx", variant(Participants=old))
    new_path = write_workbook(tmp_path / "new.xlsx", variant(Participants=new))
    arabic = [read_workbook(p, Language.AR)[0] for p in (old_path, new_path)]
    assert arabic[0] is not None and arabic[1] is not None
    report = compare(arabic[0], arabic[1], load_reference())
    assert report.lines() == [
        "Participants (Egypt): H.E. Ahmed Hassan edited — honorific in this edition: (none) → "
        '"معالي"; name in this edition: "أحمد حسن" → "أحمد حسان"'
    ]
