"""Slips that `check` used to pass and the report then printed wrongly are caught, put
right and said at their cell: a title typed in the First name, a number typed before an
agenda item or a programme slot, a comma too many in a Position, a delegation typed by a
part of its name."""

from __future__ import annotations

from pathlib import Path

from tests.checked import built_texts, lines_of
from tests.commands import reportkit_cli
from tests.workbooks import MINIMAL, arabic_meeting, variant, write_workbook

PEOPLE_HEADER = list(MINIMAL["Participants"][0])


def test_a_title_typed_in_the_first_name_moves_to_the_honorific_once(tmp_path: Path) -> None:
    people = [
        PEOPLE_HEADER,
        ["Türkiye", None, "Dr. Ahmet", "Çelik", "Director", None],
        ["Türkiye", "H.E.", "Dr Mehmet", "Kaya", "Minister", None],
        ["Türkiye", "Dr.", "Dr. Ayşe", "Yılmaz", "Adviser", None],
        ["Türkiye", "Mr.", "M. Kemal", "Aydın", "Expert", None],
    ]
    path = write_workbook(tmp_path / "t.xlsx", variant(Participants=people))
    assert lines_of(path) == [
        't.xlsx: Participants!C2: warning: the title "Dr." typed in the First name was moved to'
        ' the Honorific, printed "Dr." — type "Ahmet" in the First name and "Dr." in the'
        " Honorific to silence this",
        't.xlsx: Participants!C3: warning: the title "Dr" typed in the First name was moved to'
        ' the Honorific, printed "H.E. Dr." — type "Mehmet" in the First name and "H.E. Dr." in'
        " the Honorific to silence this",
        't.xlsx: Participants!C4: warning: the title "Dr." typed in the First name was moved to'
        ' the Honorific, printed "Dr." — type "Ayşe" in the First name and "Dr." in the'
        " Honorific to silence this",
    ]
    texts = built_texts(path, tmp_path / "out")
    for name in ("-Dr. AHMET ÇELIK", "-H.E. Dr. MEHMET KAYA", "-Dr. AYŞE YILMAZ"):
        assert name in texts
    assert "-Mr. M. KEMAL AYDIN" in texts  # one letter is an initial as often as a title
    assert not [text for text in texts if "DR." in text]


def test_roman_and_typed_numbers_before_agenda_items_and_slots_are_removed(
    tmp_path: Path,
) -> None:
    agenda = [
        ["Kind", "Text"],
        ["item", "Opening"],
        ["item", "II. Trade Cooperation"],
        ["item", "2) Tourism"],
        ["item", "b) Finance"],
        ["item", "1- Transport"],
        ["unnumbered", "IV. Any other business"],
    ]
    programme = [
        ["Day", "Start", "End", "Title"],
        [None, "10.00", "10.30", "I. Opening"],
        [None, "10.30", "11.00", "2. Trade Cooperation"],
    ]
    report = [["Kind", "Text"], ["paragraph", "III. The Meeting was held."]]
    path = write_workbook(
        tmp_path / "a.xlsx", variant(Agenda=agenda, Programme=programme, Report=report)
    )
    removed = 'warning: the typed "{}" was removed from the start of the text — {}; delete it'
    agenda_hint = "Word numbers agenda items itself"
    programme_hint = "the programme numbers no slot; the agenda numbers its items"
    paragraph_hint = "Word numbers paragraphs itself (Kind bullet gives a bullet)"
    assert lines_of(path) == [
        f"a.xlsx: Report!B2: {removed.format('III.', paragraph_hint)} from the cell",
        f"a.xlsx: Agenda!B3: {removed.format('II.', agenda_hint)} from the cell",
        f"a.xlsx: Agenda!B4: {removed.format('2)', agenda_hint)} from the cell",
        f"a.xlsx: Agenda!B5: {removed.format('b)', agenda_hint)} from the cell",
        f"a.xlsx: Agenda!B6: {removed.format('1-', agenda_hint)} from the cell",
        f"a.xlsx: Programme!D2: {removed.format('I.', programme_hint)} from the cell",
        f"a.xlsx: Programme!D3: {removed.format('2.', programme_hint)} from the cell",
    ]
    texts = built_texts(path, tmp_path / "out")
    for printed in ("Trade Cooperation", "Tourism", "Finance", "Transport", "Opening"):
        assert printed in texts
    assert "The Meeting was held." in texts
    assert "IV. Any other business" in texts  # Word numbers no unnumbered line
    typed = ("II. ", "2) ", "b) ", "1- ", "I. ", "2. ", "III. ")
    assert not [t for t in texts if t.startswith(typed) and "Any other" not in t]


def test_a_comma_too_many_in_position_or_organisation_prints_once(tmp_path: Path) -> None:
    people = [
        PEOPLE_HEADER,
        ["Egypt", "Mr.", "Ahmed", "Hassan", "Director General,", "Ministry of Trade"],
        ["Egypt", "Ms.", "Mona", "Said", "Adviser,, Trade Policy", "Ministry of Trade;"],
    ]
    path = write_workbook(tmp_path / "c.xlsx", variant(Participants=people))
    hint = "the list puts its own comma between Position and Organisation; type"
    assert lines_of(path) == [
        'c.xlsx: Participants!E2: warning: the Position "Director General," has a separator too'
        f' many; printed "Director General" — {hint} "Director General" to silence this',
        'c.xlsx: Participants!E3: warning: the Position "Adviser,, Trade Policy" has a separator'
        f' too many; printed "Adviser, Trade Policy" — {hint} "Adviser, Trade Policy" to'
        " silence this",
        'c.xlsx: Participants!F3: warning: the Organisation "Ministry of Trade;" has a separator'
        f' too many; printed "Ministry of Trade" — {hint} "Ministry of Trade" to silence this',
    ]
    texts = built_texts(path, tmp_path / "out")
    assert "Director General, Ministry of Trade" in texts
    assert "Adviser, Trade Policy, Ministry of Trade" in texts
    assert not [text for text in texts if ",," in text or ";" in text]


def test_an_arabic_comma_too_many_prints_once(tmp_path: Path) -> None:
    sheets = arabic_meeting()
    sheets["Participants"][1][4:6] = ["مدير عام،", "وزارة التجارة ،،"]
    path = write_workbook(tmp_path / "ar.xlsx", sheets)
    assert [line.split(" — ")[0] for line in lines_of(path)] == [
        'ar.xlsx: Participants!E2: warning: the Position "مدير عام،" has a separator too many;'
        ' printed "مدير عام"',
        'ar.xlsx: Participants!F2: warning: the Organisation "وزارة التجارة ،،" has a separator'
        ' too many; printed "وزارة التجارة"',
    ]
    texts = built_texts(path, tmp_path / "out")
    assert "مدير عام، وزارة التجارة" in texts
    assert not [text for text in texts if "،،" in text or "، ،" in text]


def test_a_delegation_typed_by_part_of_its_name_is_suggested_as_search_finds_it(
    tmp_path: Path,
) -> None:
    people = [PEOPLE_HEADER, ["Bosnia", "Mr.", "Amir", "Hodžić", "Director", None]]
    path = write_workbook(tmp_path / "b.xlsx", variant(Participants=people))
    assert lines_of(path) == [
        'b.xlsx: Participants!A2: unknown delegation "Bosnia" — did you mean'
        ' "Bosnia and Herzegovina"? use a name from `reportkit delegations`, or write other in'
        " the Section column"
    ]
    found = reportkit_cli("delegations", "--search", "bosnia")
    assert [line.split("  ")[0] for line in found.stdout.splitlines()] == ["Bosnia and Herzegovina"]
