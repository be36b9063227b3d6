"""What each edition says in its own language, tested on the model: words, dates, capitals,
the texts read from per-language columns, the editions asked for, the order of states."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document
from hypothesis import given
from hypothesis import strategies as st

import reportkit
from reportkit.api import editions, output_path
from reportkit.arrange.capitals import capitals
from reportkit.arrange.dates import date_line, day_heading
from reportkit.arrange.language import honorific, labels, original_line
from reportkit.arrange.participants import arrange_participants
from reportkit.arrange.typography import (
    RAISED_END,
    RAISED_START,
    french_spacing,
    raised_ordinals,
)
from reportkit.model import DateStyle, Language, Meeting, Ordering, Participant, Section
from reportkit.problems import Severity
from reportkit.read import read_languages, read_workbook
from reportkit.reference import load_reference
from reportkit.render.direction import stretches
from tests.workbooks import MINIMAL, variant, write_workbook

FR, AR, EN = Language.FR, Language.AR, Language.EN


def meeting(language: Language, **fields: object) -> Meeting:
    values: dict[str, object] = {"title": "T", "date": date(2022, 11, 1), **fields}
    return Meeting(language=language, **values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("language", "start", "end", "expected"),
    [
        (FR, date(2022, 11, 1), None, "(1er novembre 2022)"),
        (FR, date(2017, 5, 10), date(2017, 5, 11), "(10-11 mai 2017)"),
        (FR, date(2022, 11, 30), date(2022, 12, 2), "(30 novembre-2 décembre 2022)"),
        # The form of COMCEC's Arabic Follow-up Committee report (SOURCES.md, FC33-AR):
        # Western digits, the month by both its names.
        (AR, date(2017, 5, 10), date(2017, 5, 11), "(10-11 مايو / أيار 2017)"),
        (AR, date(2022, 11, 1), None, "(1 نوفمبر / تشرين الثاني 2022)"),
    ],
)
def test_dates_read_as_the_edition_writes_them(
    language: Language, start: date, end: date | None, expected: str
) -> None:
    assert date_line(meeting(language, date=start, end_date=end)) == expected


def test_the_venue_joins_the_date_with_the_edition_s_punctuation() -> None:
    french = date_line(meeting(FR, venue="Ankara"))
    assert french == "(1er novembre 2022\u202f; Ankara)"
    arabic = date_line(meeting(AR, venue="أنقرة", date_style=DateStyle.VENUE_FIRST))
    assert arabic == "(أنقرة، 1 نوفمبر / تشرين الثاني 2022)"


def test_programme_days_are_named_in_the_edition_s_language() -> None:
    assert day_heading(date(2022, 11, 1), FR) == "mardi 1er novembre 2022"
    assert day_heading(date(2022, 11, 1), AR).startswith("الثلاثاء")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("23e Réunion du Comité de suivi", "23e RÉUNION DU COMITÉ DE SUIVI"),
        ("1re Session", "1re SESSION"),
        ("Côte d'Ivoire", "CÔTE D'IVOIRE"),
        ("République arabe d'Égypte", "RÉPUBLIQUE ARABE D'ÉGYPTE"),
    ],
)
def test_french_capitals_keep_accents_and_small_ordinals(typed: str, expected: str) -> None:
    assert capitals(typed, FR) == expected


def test_words_reportkit_writes_are_the_edition_s() -> None:
    french, arabic = labels(FR), labels(AR)
    assert (french.participants, french.programme, french.annex) == (
        "LISTE DES PARTICIPANTS",
        "PROJET DE PROGRAMME",
        "ANNEXE",
    )
    assert french.sections[Section.MEMBERS] == "PAYS MEMBRES DE L’OCI"
    assert arabic.participants == "قائمة المشاركين"
    assert original_line("English", FR) == "Original\u00a0: anglais"
    assert original_line("English", AR) == "الأصل: الإنجليزية"
    assert honorific("H.E. Dr.", FR) == "S.E. Dr."
    assert honorific("Ms.", AR) == "السيدة"


def test_output_names_carry_the_edition() -> None:
    assert output_path("m.xlsx", "out", EN).name == "m.docx"
    assert output_path("m.xlsx", "out", FR).name == "m.fr.docx"
    assert output_path("m.xlsx", "out", AR).name == "m.ar.docx"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (None, (EN,)),
        ("fr", (FR,)),
        ("en, fr, ar", (EN, FR, AR)),
        ("AR;EN", (EN, AR)),
        ("all", (EN, FR, AR)),
        ("English, French", (EN, FR)),
    ],
)
def test_the_meeting_field_languages_chooses_the_editions(
    tmp_path: Path, typed: str | None, expected: tuple[Language, ...]
) -> None:
    rows = [list(r) for r in MINIMAL["Meeting"]]
    if typed is not None:
        rows.append(["languages", typed])
    workbook = write_workbook(tmp_path / "m.xlsx", variant(Meeting=rows))
    assert read_languages(workbook) == expected
    assert tuple(editions(workbook)) == expected
    assert editions(workbook, [AR]) == [AR]


def test_an_unknown_language_is_an_error_at_its_cell(tmp_path: Path) -> None:
    rows = [*MINIMAL["Meeting"], ["languages", "en, de"]]
    workbook = write_workbook(tmp_path / "m.xlsx", variant(Meeting=rows))
    _, problems = read_workbook(workbook)
    [problem] = [p for p in problems if "language" in p.message]
    assert problem.severity is Severity.ERROR
    assert problem.location == "Meeting!B5"
    assert '"de"' in problem.message


def translated_workbook(path: Path) -> Path:
    return write_workbook(
        path,
        variant(
            Meeting=[
                ["Field", "Value", "Value fr"],
                ["title", "1st Test Meeting", "1re Réunion de test"],
                ["date", date(2023, 5, 2)],
                ["venue", "Ankara", None],
                ["secretariat", "COMCEC Coordination Office", "Bureau"],
            ],
            Report=[
                ["Kind", "Text", "Text fr"],
                ["paragraph", "The Meeting was held.", "La réunion s'est tenue."],
                ["paragraph", "It ended.", None],
            ],
        ),
    )


def test_texts_come_from_the_edition_s_columns(tmp_path: Path) -> None:
    workbook = translated_workbook(tmp_path / "m.xlsx")
    french, _ = read_workbook(workbook, FR)
    english, _ = read_workbook(workbook, EN)
    assert french is not None and english is not None
    assert french.meeting.title == "1re Réunion de test"
    assert [b.text for b in french.report] == ["La réunion s'est tenue.", "It ended."]
    assert [b.text for b in english.report] == ["The Meeting was held.", "It ended."]
    # The secretariat is a name reportkit looks up, never translated in the workbook.
    assert french.meeting.secretariat == "COMCEC Coordination Office"


def test_a_missing_translation_is_a_located_warning_and_the_english_is_printed(
    tmp_path: Path,
) -> None:
    workbook = translated_workbook(tmp_path / "m.xlsx")
    french, problems = read_workbook(workbook, FR)
    assert french is not None and french.meeting.venue == "Ankara"
    warnings = {p.location: p.message for p in problems if p.severity is Severity.WARNING}
    assert 'no French text in "Value fr"' in warnings["Meeting!C4"]
    assert 'no French text in "Text fr"' in warnings["Report!C3"]
    # A sheet without the column at all is said once, at the header it would stand beside.
    assert 'no column "Text fr"' in warnings["Agenda!B1"]
    _, english_problems = read_workbook(workbook, EN)
    assert not [p for p in english_problems if "French" in p.message]


def test_an_arabic_edition_warns_of_its_own_missing_columns(tmp_path: Path) -> None:
    workbook = translated_workbook(tmp_path / "m.xlsx")
    _, problems = read_workbook(workbook, AR)
    assert any(p.location == "Report!B1" and 'no column "Text ar"' in p.message for p in problems)


def test_a_translation_keeps_the_english_order_unless_its_own_ordering_says() -> None:
    """The French report of the 31st Session keeps the English order (Mauritania before
    Morocco, though "Maroc" files first in French); an edition may still choose its own."""
    people = tuple(
        Participant(state, "Ahmed", "Hassan", delegation_location=f"Participants!A{i}")
        for i, state in enumerate(("Morocco", "Mauritania", "ICCIA", "SESRIC"), start=2)
    )

    def order(language: Language, ordering: Ordering = Ordering.ENGLISH) -> list[str]:
        sections, _ = arrange_participants(
            meeting(language, ordering=ordering), people, (), load_reference()
        )
        return [g.key for section in sections for g in section.groups]

    english = order(EN)
    assert english.index("ref:Mauritania") < english.index("ref:Morocco")
    assert order(FR) == order(AR) == english
    french = order(FR, Ordering.FRENCH)
    assert french.index("ref:Morocco") < french.index("ref:Mauritania")


def test_a_state_is_headed_by_its_formal_name_in_the_edition() -> None:
    people = tuple(
        Participant(state, "Ahmed", "Hassan", delegation_location=f"Participants!A{i}")
        for i, state in enumerate(("Jordan", "Côte d'Ivoire"), start=2)
    )
    for language, expected in (
        (FR, ["RÉPUBLIQUE DE CÔTE D'IVOIRE", "ROYAUME HACHÉMITE DE JORDANIE"]),
        (AR, ["جمهورية كوت ديفوار", "المملكة الأردنية الهاشمية"]),
    ):
        sections, problems = arrange_participants(meeting(language), people, (), load_reference())
        assert [g.heading for g in sections[0].groups] == expected
        assert not problems


mixed_text = st.text(
    alphabet=st.sampled_from("abcXYZ" + "مرحباقل" + " .,()-،؛0123456789"), max_size=40
)


@given(text=mixed_text, right_to_left=st.booleans())
def test_runs_cut_by_script_keep_the_text_and_mark_only_arabic_right_to_left(
    text: str, right_to_left: bool
) -> None:
    pieces = [(text[s.start : s.end], s.rtl) for s in stretches(text, right_to_left)]
    assert "".join(piece for piece, _ in pieces) == text
    for piece, rtl in pieces:
        assert not (rtl and any(c in "abcXYZ" for c in piece))
        assert rtl or not any(c in "مرحباقل" for c in piece)


def test_every_meeting_field_may_differ_per_edition(tmp_path: Path) -> None:
    """The Arabic edition of the 33rd Follow-up Committee report prints its symbol with
    number and year swapped, OIC/COMCEC-FC/17-33/REP (SOURCES.md, FC33-AR)."""
    workbook = write_workbook(
        tmp_path / "m.xlsx",
        variant(
            Meeting=[
                ["Field", "Value", "Value fr", "Value ar"],
                ["title", "33rd Meeting", "33e réunion", "الاجتماع الثالث والثلاثون"],
                ["date", date(2017, 5, 10)],
                ["symbol", "OIC/COMCEC-FC/33-17/REP", None, "OIC/COMCEC-FC/17-33/REP"],
                ["secretariat", "COMCEC Coordination Office", "Bureau de coordination"],
                ["languages", "all", "fr"],
            ]
        ),
    )
    symbols = {}
    for language in (EN, FR, AR):
        source, problems = read_workbook(workbook, language)
        assert source is not None
        symbols[language] = source.meeting.symbol
        assert source.meeting.secretariat == "COMCEC Coordination Office"
        ignored = {p.location: p.message for p in problems if "is not read" in p.message}
        assert ignored == {
            "Meeting!C5": "the secretariat is found by its English name in every edition, so "
            '"Value fr" of secretariat is not read',
            "Meeting!C6": 'the editions are chosen for the whole meeting, so "Value fr" of '
            "languages is not read",
        }
    assert symbols == {
        EN: "OIC/COMCEC-FC/33-17/REP",
        FR: "OIC/COMCEC-FC/33-17/REP",
        AR: "OIC/COMCEC-FC/17-33/REP",
    }
    out = tmp_path / "out"
    reportkit.build(workbook, out, language=AR)
    header = Document(str(out / "m.ar.docx")).sections[0].header
    assert [p.text for p in header.paragraphs] == ["OIC/COMCEC-FC/17-33/REP"]


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        (
            "Ordre du jour: adoption; examen! Questions?",
            "Ordre du jour\u00a0: adoption\u202f; examen\u202f! Questions\u202f?",
        ),
        ("Il a dit « oui »", "Il a dit «\u202foui\u202f»"),
        ("Il a dit «oui»", "Il a dit «\u202foui\u202f»"),
        ("déjà espacé ; et : bien", "déjà espacé\u202f; et\u00a0: bien"),
        ("13:30 et https://comcec.org/fr/?p=60338", "13:30 et https://comcec.org/fr/?p=60338"),
        ("? en tête", "? en tête"),
    ],
)
def test_french_text_gets_its_no_break_spaces(typed: str, printed: str) -> None:
    assert french_spacing(typed) == printed


@pytest.mark.parametrize(
    ("language", "typed", "marked"),
    [
        (FR, "1er novembre, 23e réunion, 1re fois", "1[er] novembre, 23[e] réunion, 1[re] fois"),
        (FR, "les 2e et 3e jours", "les 2[e] et 3[e] jours"),
        (FR, "article 12, 1,5e, A1e, 2022", "article 12, 1,5e, A1e, 2022"),
        (EN, "13th Meeting, 2ND TECHNICAL", "13[th] Meeting, 2[ND] TECHNICAL"),
        (AR, "الاجتماع 13", "الاجتماع 13"),
    ],
)
def test_ordinal_suffixes_are_marked_to_be_raised(
    language: Language, typed: str, marked: str
) -> None:
    shown = raised_ordinals(typed, language).replace(RAISED_START, "[").replace(RAISED_END, "]")
    assert shown == marked
