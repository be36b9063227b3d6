"""Grouping and ordering of the list of participants, on the model alone (no Word files)."""

from __future__ import annotations

from datetime import date

import pytest

from reportkit.arrange.participants import arrange_participants
from reportkit.model import HeadingOverride, Meeting, Participant, Section
from reportkit.problems import Severity
from reportkit.reference import load_reference

SESRIC = (
    "STATISTICAL, ECONOMIC AND SOCIAL RESEARCH AND TRAINING CENTRE FOR ISLAMIC COUNTRIES (SESRIC)"
)
MEETING = Meeting(
    title="Test Meeting", date=date(2022, 11, 1), secretariat="COMCEC Coordination Office"
)


def person(delegation: str, last: str, section: Section | None = None, row: int = 2) -> Participant:
    return Participant(
        delegation=delegation,
        first_name="Ann",
        last_name=last,
        honorific="Ms.",
        position="Director",
        section=section,
        location=f"Participants!C{row}",
        delegation_location=f"Participants!A{row}",
    )


def arrange(people: list[Participant], overrides: tuple[HeadingOverride, ...] = ()):
    return arrange_participants(MEETING, tuple(people), overrides, load_reference())


def test_members_are_ordered_by_english_short_name_and_headed_by_formal_name() -> None:
    sections, problems = arrange(
        [
            person("Yemen", "A"),
            person("Afghanistan", "B"),
            person("Pakistan", "C"),
            person("Jordan", "D"),
        ]
    )
    assert problems == []
    (members,) = sections
    assert [g.heading for g in members.groups] == [
        "ISLAMIC REPUBLIC OF AFGHANISTAN",
        "HASHEMITE KINGDOM OF JORDAN",
        "ISLAMIC REPUBLIC OF PAKISTAN",
        "REPUBLIC OF YEMEN",
    ]


def test_delegates_keep_protocol_order_even_when_rows_are_interleaved() -> None:
    sections, _ = arrange(
        [
            person("Qatar", "First"),
            person("Mali", "X"),
            person("QAT", "Second"),
            person("qatar", "Third"),
        ]
    )
    qatar = next(g for g in sections[0].groups if g.heading == "STATE OF QATAR")
    assert [p.name_line for p in qatar.people] == [
        "-Ms. ANN FIRST",
        "-Ms. ANN SECOND",
        "-Ms. ANN THIRD",
    ]


def test_only_the_last_delegate_of_each_delegation_is_marked_last() -> None:
    sections, _ = arrange(
        [
            person("Qatar", "First"),
            person("Mali", "Only"),
            person("Qatar", "Second"),
            person("COMCEC Coordination Office", "Staff"),
            person("COMCEC Coordination Office", "Chief"),
        ]
    )
    marks = [
        [(p.name_line, p.last) for p in group.people]
        for section in sections
        for group in section.groups
    ]
    assert marks == [
        [("-Ms. ANN ONLY", True)],
        [("-Ms. ANN FIRST", False), ("-Ms. ANN SECOND", True)],
        [("-Ms. ANN STAFF", False), ("-Ms. ANN CHIEF", True)],
    ]


def test_a_delegation_may_break_after_any_delegate_but_its_first_and_last_two() -> None:
    sections, _ = arrange([person("Türkiye", f"D{i:02d}", row=i + 2) for i in range(23)])
    (turkiye,) = sections[0].groups
    ends = [i for i, p in enumerate(turkiye.people) if p.last]
    assert ends == [*range(1, 21), 22]
    for size, marks in ((3, [False, False, True]), (4, [False, True, False, True])):
        sections, _ = arrange([person("Türkiye", f"D{i:02d}", row=i + 2) for i in range(size)])
        assert [p.last for p in sections[0].groups[0].people] == marks


def test_sections_are_lettered_in_order_and_only_when_present() -> None:
    sections, problems = arrange(
        [
            person("COMCEC Coordination Office", "Staff"),
            person("World Bank", "Banker", Section.OTHERS),
            person("SESRIC", "Researcher"),
            person("Thailand", "Observer"),
            person("Egypt", "Delegate"),
        ]
    )
    assert problems == []
    assert [(s.letter, s.heading) for s in sections] == [
        ("A", "MEMBER COUNTRIES OF THE OIC"),
        ("B", "OBSERVER COUNTRIES"),
        ("C", "THE OIC SUBSIDIARY INSTITUTIONS/ ORGANS"),
        ("D", "OTHER ORGANIZATIONS"),
        ("E", "COMCEC COORDINATION OFFICE"),
    ]
    without_observers, _ = arrange([person("Egypt", "D"), person("CCO", "S")])
    assert [(s.letter, s.section) for s in without_observers] == [
        ("A", Section.MEMBERS),
        ("B", Section.SECRETARIAT),
    ]


def test_institutions_follow_their_category_order() -> None:
    sections, _ = arrange(
        [person("COMSTECH", "A"), person("ICCIA", "B"), person("ICIEC", "C"), person("SESRIC", "D")]
    )
    (institutions,) = sections
    assert [g.heading for g in institutions.groups] == [
        SESRIC,
        "ISLAMIC CORPORATION FOR THE INSURANCE OF INVESTMENT AND EXPORT CREDIT (ICIEC)",
        # The meeting is of November 2022: the Chamber became ICCD in December 2023.
        "ISLAMIC CHAMBER OF COMMERCE, INDUSTRY AND AGRICULTURE (ICCIA)",
        "STANDING COMMITTEE ON SCIENTIFIC AND TECHNOLOGICAL COOPERATION (COMSTECH)",
    ]


def test_secretariat_prints_no_delegation_heading_of_its_own() -> None:
    sections, _ = arrange([person("COMCEC Coordination Office", "Staff")])
    (secretariat,) = sections
    assert secretariat.section is Section.SECRETARIAT
    assert not secretariat.grouped
    assert secretariat.heading == "COMCEC COORDINATION OFFICE"


def test_heading_override_replaces_the_reference_heading() -> None:
    overrides = (HeadingOverride("Kuwait", "The State of Kuwait", "Delegations!A2"),)
    sections, problems = arrange([person("KWT", "A")], overrides)
    assert problems == []
    assert sections[0].groups[0].heading == "THE STATE OF KUWAIT"


def test_override_for_an_absent_delegation_is_a_located_warning() -> None:
    overrides = (HeadingOverride("Chad", "REPUBLIC OF CHAD", "Delegations!A5"),)
    _, problems = arrange([person("Mali", "A")], overrides)
    assert [(p.location, p.severity) for p in problems] == [("Delegations!A5", Severity.WARNING)]


def test_unknown_delegation_is_a_located_error_with_a_suggestion() -> None:
    _, problems = arrange([person("Pakistn", "A", row=14)])
    (problem,) = problems
    assert problem.severity is Severity.ERROR
    assert problem.location == "Participants!A14"
    assert 'unknown delegation "Pakistn"' in problem.message
    assert '"Pakistan"' in problem.hint


def test_unknown_name_marked_as_other_organisation_is_accepted() -> None:
    sections, problems = arrange(
        [person("World Bank", "B", Section.OTHERS), person("African Union", "A", Section.OTHERS)]
    )
    assert problems == []
    assert [g.heading for g in sections[0].groups] == ["AFRICAN UNION", "WORLD BANK"]


@pytest.mark.parametrize(
    ("typed", "heading"),
    [
        ("PAK", "ISLAMIC REPUBLIC OF PAKISTAN"),
        ("PK", "ISLAMIC REPUBLIC OF PAKISTAN"),
        ("Hashemite Kingdom of Jordan", "HASHEMITE KINGDOM OF JORDAN"),
        ("  saudi   ARABIA ", "KINGDOM OF SAUDI ARABIA"),
        ("The Gambia", "REPUBLIC OF THE GAMBIA"),
        (
            "sesric",
            SESRIC,
        ),
    ],
)
def test_delegations_match_by_short_formal_iso_or_acronym(typed: str, heading: str) -> None:
    sections, problems = arrange([person(typed, "A")])
    assert problems == []
    assert sections[0].groups[0].heading == heading


def test_a_known_body_listed_as_other_files_alphabetically_among_the_others() -> None:
    sections, problems = arrange(
        [
            person("World Bank", "A", Section.OTHERS),
            person("ICIEC", "B", Section.OTHERS),
            person("African Union", "C", Section.OTHERS),
        ]
    )
    assert problems == []
    assert [g.heading for g in sections[0].groups] == [
        "AFRICAN UNION",
        "ISLAMIC CORPORATION FOR THE INSURANCE OF INVESTMENT AND EXPORT CREDIT (ICIEC)",
        "WORLD BANK",
    ]
