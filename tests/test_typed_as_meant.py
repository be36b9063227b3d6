"""What the rapporteur typed, printed as the meeting means it, in each edition (issue 21,
Body): a title typed as a word in full stays so, and the programme's days are worded as
the date line is."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document

import reportkit
from reportkit.model import Language
from tests.commands import reportkit_cli as cli
from tests.conftest import soffice_convert
from tests.docx_facts import lines_in_order
from tests.workbooks import MINIMAL, variant, write_workbook

PEOPLE = [
    ["Delegation", "Honorific", "First name", "Last name", "Position", "Organisation"],
    ["Egypt", "H.E. Ambassador", "Omar", "Said", "Ambassador", "Embassy in Ankara"],
    ["Egypt", "Ambassador", "Hany", "Selim", "Deputy Head", "Ministry of Trade"],
    ["Egypt", "HE Amb", "Sara", "Nabil", "Counsellor", "Embassy in Ankara"],
    ["Egypt", "dr", "Ali", "Fahmy", "Expert", "Ministry of Trade"],
]


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("typed")
    return write_workbook(
        folder / "typed.xlsx",
        variant(
            Meeting=[
                *MINIMAL["Meeting"],
                ["end_date", date(2023, 5, 3)],
                ["venue", "Ankara"],
                ["date_style", "venue-first"],
                ["languages", "en, fr, ar"],
            ],
            Participants=PEOPLE,
            Programme=[
                ["Day", "Start", "End", "Title"],
                [date(2023, 5, 2), "10.00", "10.30", "Opening"],
                [date(2023, 5, 3), "10.00", "10.30", "Closing"],
            ],
        ),
    )


def name_lines(report: Path) -> list[str]:
    return [p.text for p in lines_in_order(Document(str(report))) if p.text.startswith("-")]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            Language.EN,
            [
                "-H.E. Ambassador OMAR SAID",
                "-Ambassador HANY SELIM",
                "-H.E. Amb. SARA NABIL",
                "-Dr. ALI FAHMY",
            ],
        ),
        (
            Language.FR,
            ["-S.E. OMAR SAID", "-S.E. HANY SELIM", "-S.E. SARA NABIL", "-Dr. ALI FAHMY"],
        ),
        (
            Language.AR,
            [
                "-سعادة السفير OMAR SAID",
                "-السفير HANY SELIM",
                "-سعادة السفير SARA NABIL",
                "-الدكتور ALI FAHMY",
            ],
        ),
    ],
)
def test_a_title_typed_in_full_is_printed_as_typed_and_translated_as_the_house_title(
    workbook: Path, tmp_path: Path, language: Language, expected: list[str]
) -> None:
    report = reportkit.build(workbook, tmp_path, language=language)
    assert sorted(name_lines(report)) == sorted(expected)


def test_only_abbreviations_typed_otherwise_are_warned_about(workbook: Path) -> None:
    result = cli("check", "-v", str(workbook))
    honorifics = [line for line in result.stdout.splitlines() if "honorific" in line]
    assert [line.split(": ", 2)[1:] for line in honorifics] == [
        [
            "Participants!B4",
            'warning: the honorific "HE Amb" is printed "H.E. Amb.", as the house list spells'
            ' it — nothing to do; type "H.E. Amb." to silence this',
        ],
        [
            "Participants!B5",
            'warning: the honorific "dr" is printed "Dr.", as the house list spells it —'
            ' nothing to do; type "Dr." to silence this',
        ],
    ]


@pytest.mark.parametrize(
    ("language", "date_line", "days"),
    [
        (
            Language.EN,
            "(Ankara, 2-3 May 2023)",
            ["Tuesday, 2 May 2023", "Wednesday, 3 May 2023"],
        ),
        (Language.FR, "(Ankara, 2-3 mai 2023)", ["mardi 2 mai 2023", "mercredi 3 mai 2023"]),
    ],
)
def test_programme_days_follow_the_date_style_of_the_date_line(
    workbook: Path, tmp_path: Path, language: Language, date_line: str, days: list[str]
) -> None:
    report = reportkit.build(workbook, tmp_path, language=language)
    text = soffice_convert(report, "txt:Text (encoded):UTF8", tmp_path).read_text(
        encoding="utf-8-sig"
    )
    lines = [line.strip() for line in text.splitlines()]
    assert lines.count(date_line) >= 2  # the title block and each annex
    assert [line for line in lines if line in days] == days
