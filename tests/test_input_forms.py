"""Delegation names as rapporteurs copy them from earlier reports: "Full Name (ACRONYM)"."""

from __future__ import annotations

from datetime import date

import pytest

from reportkit.arrange.participants import arrange_participants
from reportkit.model import HeadingOverride, Meeting, Participant, Section
from reportkit.reference import load_reference


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Islamic Development Bank (IDB)", "IsDB"),
        ("Islamic Development Bank (IsDB)", "IsDB"),
        # The very heading reportkit prints.
        ("ISLAMIC DEVELOPMENT BANK (ISDB)", "IsDB"),
        ("COMCEC Coordination Office (CCO)", "CCO"),
        (
            "STATISTICAL, ECONOMIC, SOCIAL RESEARCH AND TRAINING CENTER FOR ISLAMIC COUNTRIES "
            "(SESRIC)",
            "SESRIC",
        ),
        ("Islamic Chamber of Commerce, Industry and Agriculture (ICCIA)", "ICCD"),
        # Name and acronym of different periods.
        ("Islamic Chamber of Commerce and Development (ICCIA)", "ICCD"),
        ("Islamic Educational, Scientific and Cultural Organization (ICESCO)", "ICESCO"),
        # Either part alone is enough: a typo in the other does not matter.
        ("Islamic Development Bank (IBD)", "IsDB"),
        ("Islamc Developmnt Bank (IDB)", "IsDB"),
        ("IDB (Islamic Development Bank)", "IsDB"),
        # States too, with a code or a former name.
        ("Republic of Turkey (TUR)", "Türkiye"),
        ("Islamic Republic of Pakistan (PAK)", "Pakistan"),
        ("Palestine (PLO)", "Palestine"),
    ],
)
def test_name_with_acronym_in_brackets_resolves(typed: str, name: str) -> None:
    found = load_reference().find(typed)
    assert found is not None, typed
    assert found.name == name


def test_parts_naming_two_delegations_name_none() -> None:
    reference = load_reference()
    assert reference.find("Islamic Development Bank (SESRIC)") is None
    assert [d.name for d in reference.clash("Islamic Development Bank (SESRIC)")] == [
        "IsDB",
        "SESRIC",
    ]
    assert reference.clash("Islamic Development Bank (IDB)") is None
    assert reference.clash("World Bank (WB)") is None


def _problems(typed: str, section: Section | None = None) -> list[str]:
    people = (
        Participant(
            typed,
            "Ann",
            "Lee",
            section=section,
            location="Participants!C7",
            delegation_location="Participants!A7",
        ),
    )
    meeting = Meeting(title="T", date=date(2024, 3, 5))
    _, problems = arrange_participants(meeting, people, (), load_reference())
    return [p.line("meeting.xlsx") for p in problems]


def test_a_mismatch_is_a_located_error_naming_both_delegations() -> None:
    assert _problems("Islamic Development Bank (SESRIC)") == [
        'meeting.xlsx: Participants!A7: "Islamic Development Bank (SESRIC)" names two '
        'delegations, "IsDB" and "SESRIC" — write one of them: its name, its acronym, or both '
        'as "Name (ACRONYM)"'
    ]


def test_an_unknown_bracketed_name_still_gets_suggestions() -> None:
    (line,) = _problems("Islamc Develpment Bnk (ISBD)")
    assert line.startswith(
        'meeting.xlsx: Participants!A7: unknown delegation "Islamc Develpment Bnk (ISBD)" — '
        'did you mean "IsDB"?'
    )


def test_an_unknown_organisation_in_that_form_can_still_be_listed_as_other() -> None:
    people = (Participant("World Bank (WB)", "Ann", "Lee", section=Section.OTHERS),)
    meeting = Meeting(title="T", date=date(2024, 3, 5))
    sections, problems = arrange_participants(meeting, people, (), load_reference())
    assert problems == []
    assert [g.heading for g in sections[0].groups] == ["WORLD BANK (WB)"]


def test_forms_of_one_delegation_make_one_group_and_take_its_override() -> None:
    people = tuple(
        Participant(typed, "Ann", f"Lee{i}")
        for i, typed in enumerate(
            ["IsDB", "Islamic Development Bank (IDB)", "ISLAMIC DEVELOPMENT BANK (ISDB)"]
        )
    )
    override = HeadingOverride("Islamic Development Bank (IsDB)", "ISLAMIC DEVELOPMENT BANK GROUP")
    meeting = Meeting(title="T", date=date(2024, 3, 5))
    sections, problems = arrange_participants(meeting, people, (override,), load_reference())
    assert problems == []
    (group,) = sections[0].groups
    assert group.heading == "ISLAMIC DEVELOPMENT BANK GROUP"
    assert len(group.people) == 3


def test_the_host_may_be_named_in_that_form() -> None:
    people = tuple(Participant(name, "Ann", "Lee") for name in ["Türkiye", "Egypt", "Senegal"])
    meeting = Meeting(title="T", date=date(2024, 3, 5), host="Republic of Türkiye (TUR)")
    sections, problems = arrange_participants(meeting, people, (), load_reference())
    assert problems == []
    assert [g.key for g in sections[0].groups] == ["ref:Egypt", "ref:Senegal", "ref:Türkiye"]
