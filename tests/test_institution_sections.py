"""OIC bodies and the secretariat as the meeting lists them (`institution_sections`, and
`ordering` as-typed), on the model alone: the list's sections and what `[[institution
list]]` and `[[institutions]]` say. Expected orders are written out by hand from the
Participants rows typed here and the reference data's categories (reference/data/
institutions.csv), never computed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from reportkit.arrange.participants import arrange_participants
from reportkit.arrange.references import gather
from reportkit.arrange.result import ParticipantSection
from reportkit.model import (
    InstitutionSections,
    Language,
    Meeting,
    Ordering,
    Participant,
    Section,
)
from reportkit.problems import Severity
from reportkit.reference import load_reference

ONE, CATEGORIES, AS_TYPED = (
    InstitutionSections.ONE,
    InstitutionSections.CATEGORIES,
    InstitutionSections.AS_TYPED,
)
MEETING = Meeting(
    title="Test Meeting", date=date(2022, 11, 1), secretariat="COMCEC Coordination Office"
)
# The meeting's rows: the CCO typed first, then bodies of every category out of their
# category's and their names' order, states and another organisation between them.
TYPED = (
    ("COMCEC Coordination Office", None),
    ("SMIIC", None),
    ("Pakistan", None),
    ("SESRIC", None),
    ("COMSTECH", None),
    ("World Bank", Section.OTHERS),
    ("OIC General Secretariat", None),
    ("IsDB", None),
    ("Egypt", None),
    ("ICDT", None),
    ("ICIEC", None),
)


def people(typed: tuple[tuple[str, Section | None], ...] = TYPED) -> tuple[Participant, ...]:
    return tuple(
        Participant(
            delegation=name,
            first_name="Ann",
            last_name=f"Delegate{row}",
            section=section,
            location=f"Participants!C{row}",
            delegation_location=f"Participants!A{row}",
        )
        for row, (name, section) in enumerate(typed, start=2)
    )


def arrange(meeting: Meeting, typed: tuple[tuple[str, Section | None], ...] = TYPED):
    return arrange_participants(meeting, people(typed), (), load_reference())


def layout(sections: tuple[ParticipantSection, ...]) -> list[tuple[str, list[str]]]:
    """Each section's lettered heading and its delegations' keys."""
    return [(f"{s.letter}. {s.heading}", [g.key for g in s.groups]) for s in sections]


def sentence(sections: tuple[ParticipantSection, ...], mode: InstitutionSections) -> str:
    return gather((), {}, sections, Language.EN, mode).institution_list


def test_by_default_the_secretariat_closes_the_list_and_bodies_file_by_category() -> None:
    sections, problems = arrange(MEETING)
    assert problems == []
    assert layout(sections) == [
        ("A. MEMBER COUNTRIES OF THE OIC", ["ref:Egypt", "ref:Pakistan"]),
        (
            "B. THE OIC SUBSIDIARY INSTITUTIONS/ ORGANS",
            [
                "ref:OIC General Secretariat",
                "ref:ICDT",
                "ref:SESRIC",
                "ref:ICIEC",
                "ref:IsDB",
                "ref:SMIIC",
                "ref:COMSTECH",
            ],
        ),
        ("C. OTHER ORGANIZATIONS", ["name:world bank"]),
        ("D. COMCEC COORDINATION OFFICE", ["secretariat"]),
    ]
    assert sentence(sections, ONE) == (
        "OIC General Secretariat, ICDT, SESRIC, ICIEC, IsDB, SMIIC and COMSTECH"
    )


def test_as_typed_keeps_the_secretariat_and_the_bodies_in_the_meetings_order() -> None:
    sections, problems = arrange(replace(MEETING, ordering=Ordering.AS_TYPED))
    assert problems == []
    assert layout(sections) == [
        ("A. MEMBER COUNTRIES OF THE OIC", ["ref:Pakistan", "ref:Egypt"]),
        ("B. COMCEC COORDINATION OFFICE", ["secretariat"]),
        (
            "C. THE OIC SUBSIDIARY INSTITUTIONS/ ORGANS",
            [
                "ref:SMIIC",
                "ref:SESRIC",
                "ref:COMSTECH",
                "ref:OIC General Secretariat",
                "ref:IsDB",
                "ref:ICDT",
                "ref:ICIEC",
            ],
        ),
        ("D. OTHER ORGANIZATIONS", ["name:world bank"]),
    ]
    assert not sections[1].grouped
    assert sentence(sections, ONE) == (
        "COMCEC Coordination Office, SMIIC, SESRIC, COMSTECH, OIC General Secretariat, IsDB,"
        " ICDT and ICIEC"
    )


def test_as_typed_leaves_a_secretariat_typed_after_the_bodies_last() -> None:
    typed = (*TYPED[1:], TYPED[0])
    sections, _ = arrange(replace(MEETING, ordering=Ordering.AS_TYPED), typed)
    assert [s.section for s in sections] == [
        Section.MEMBERS,
        Section.INSTITUTIONS,
        Section.OTHERS,
        Section.SECRETARIAT,
    ]
    assert sentence(sections, ONE) == (
        "SMIIC, SESRIC, COMSTECH, OIC General Secretariat, IsDB, ICDT and ICIEC"
    )


def test_categories_section_the_bodies_as_the_charter_orders_them() -> None:
    sections, problems = arrange(replace(MEETING, institution_sections=CATEGORIES))
    assert problems == []
    assert layout(sections) == [
        ("A. MEMBER COUNTRIES OF THE OIC", ["ref:Egypt", "ref:Pakistan"]),
        ("B. OIC GENERAL SECRETARIAT", ["ref:OIC General Secretariat"]),
        ("C. COMCEC COORDINATION OFFICE", ["secretariat"]),
        ("D. OIC SUBSIDIARY ORGANS", ["ref:ICDT", "ref:SESRIC"]),
        # The IsDB Group's entities are filed with the Bank, by name.
        ("E. OIC SPECIALIZED INSTITUTIONS", ["ref:ICIEC", "ref:IsDB"]),
        ("F. OIC AFFILIATED INSTITUTIONS", ["ref:SMIIC"]),
        ("G. OTHER OIC INSTITUTIONS", ["ref:COMSTECH"]),
        ("H. OTHER ORGANIZATIONS", ["name:world bank"]),
    ]
    # The two secretariats are one delegation each, under its own name.
    assert [s.grouped for s in sections] == [True, False, False, True, True, True, True, True]
    assert sentence(sections, CATEGORIES) == (
        "OIC General Secretariat, COMCEC Coordination Office, ICDT, SESRIC, ICIEC, IsDB, SMIIC"
        " and COMSTECH"
    )


def test_categories_with_as_typed_keep_the_typed_order_within_each_category() -> None:
    meeting = replace(MEETING, institution_sections=CATEGORIES, ordering=Ordering.AS_TYPED)
    sections, _ = arrange(meeting)
    assert [[g.key for g in s.groups] for s in sections if len(s.groups) > 1] == [
        ["ref:Pakistan", "ref:Egypt"],
        ["ref:SESRIC", "ref:ICDT"],
        ["ref:IsDB", "ref:ICIEC"],
    ]


def test_categories_put_unknown_bodies_and_committees_among_other_oic_bodies() -> None:
    typed = (("COMIAC", None), ("Fund of the Future", Section.INSTITUTIONS), ("SESRIC", None))
    sections, problems = arrange(replace(MEETING, institution_sections=CATEGORIES), typed)
    assert problems == []
    assert layout(sections) == [
        ("A. OIC SUBSIDIARY ORGANS", ["ref:SESRIC"]),
        ("B. OTHER OIC INSTITUTIONS", ["ref:COMIAC", "name:fund of the future"]),
    ]


@pytest.mark.parametrize(
    ("language", "headings"),
    [
        (
            Language.FR,
            [
                "A. PAYS MEMBRES DE L’OCI",
                "B. SECRÉTARIAT GÉNÉRAL DE L'OCI",
                "C. BUREAU DE COORDINATION DU COMCEC",
                "D. ORGANES SUBSIDIAIRES DE L’OCI",
                "E. INSTITUTIONS SPÉCIALISÉES DE L’OCI",
                "F. INSTITUTIONS AFFILIÉES À L’OCI",
                "G. AUTRES INSTITUTIONS DE L’OCI",
                "H. AUTRES ORGANISATIONS",
            ],
        ),
        (
            Language.AR,
            [
                "أ. الدول الأعضاء في منظمة التعاون الإسلامي",
                "ب. الأمانة العامة لمنظمة التعاون الإسلامي",
                "ج. مكتب تنسيق الكومسيك",
                "د. الأجهزة الفرعية لمنظمة التعاون الإسلامي",
                "ه. الأجهزة المتخصصة لمنظمة التعاون الإسلامي",
                "و. المؤسسات المنتمية لمنظمة التعاون الإسلامي",
                "ز. مؤسسات أخرى لمنظمة التعاون الإسلامي",
                "ح. منظمات أخرى",
            ],
        ),
    ],
)
def test_each_edition_heads_the_categories_in_its_language(
    language: Language, headings: list[str]
) -> None:
    meeting = replace(MEETING, institution_sections=CATEGORIES, language=language)
    sections, _ = arrange(meeting)
    assert [heading for heading, _ in layout(sections)] == headings


def test_as_typed_sections_list_the_secretariat_among_the_bodies() -> None:
    # States keep the meeting's ordering (English); the bodies alone follow the rows.
    typed = (*TYPED[1:4], TYPED[0], *TYPED[4:])
    sections, problems = arrange(replace(MEETING, institution_sections=AS_TYPED), typed)
    assert problems == []
    assert layout(sections) == [
        ("A. MEMBER COUNTRIES OF THE OIC", ["ref:Egypt", "ref:Pakistan"]),
        (
            "B. THE OIC SUBSIDIARY INSTITUTIONS/ ORGANS",
            [
                "ref:SMIIC",
                "ref:SESRIC",
                "secretariat",
                "ref:COMSTECH",
                "ref:OIC General Secretariat",
                "ref:IsDB",
                "ref:ICDT",
                "ref:ICIEC",
            ],
        ),
        ("C. OTHER ORGANIZATIONS", ["name:world bank"]),
    ]
    assert sections[1].grouped
    assert sections[1].groups[2].heading == "COMCEC COORDINATION OFFICE"
    assert sentence(sections, AS_TYPED) == (
        "SMIIC, SESRIC, COMCEC Coordination Office, COMSTECH, OIC General Secretariat, IsDB,"
        " ICDT and ICIEC"
    )


def test_as_typed_sections_without_bodies_keep_the_secretariats_own_section() -> None:
    typed = (("COMCEC Coordination Office", None), ("Egypt", None))
    sections, _ = arrange(replace(MEETING, institution_sections=AS_TYPED), typed)
    assert layout(sections) == [
        ("A. MEMBER COUNTRIES OF THE OIC", ["ref:Egypt"]),
        ("B. COMCEC COORDINATION OFFICE", ["secretariat"]),
    ]


@pytest.mark.parametrize("mode", list(InstitutionSections))
@pytest.mark.parametrize("ordering", [Ordering.ENGLISH, Ordering.AS_TYPED])
def test_the_secretariat_is_never_counted_among_the_institutions(
    mode: InstitutionSections, ordering: Ordering
) -> None:
    sections, _ = arrange(replace(MEETING, institution_sections=mode, ordering=ordering))
    assert gather((), {}, sections, Language.EN, mode).counts == {
        "members": 2,
        "observers": 0,
        "institutions": 7,
    }


def test_an_institutions_heading_the_categories_do_not_print_is_a_located_warning() -> None:
    meeting = replace(
        MEETING,
        institution_sections=CATEGORIES,
        section_headings={Section.INSTITUTIONS: "OIC INSTITUTIONS"},
        field_locations={"institutions_heading": "Meeting!B9"},
    )
    _, problems = arrange(meeting)
    (problem,) = problems
    assert (problem.location, problem.severity) == ("Meeting!B9", Severity.WARNING)
    assert "institutions_heading is not printed" in problem.message
