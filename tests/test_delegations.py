"""Delegation names as rapporteurs type them, and the orders a list of participants may need."""

from __future__ import annotations

import csv
import subprocess
from datetime import date
from pathlib import Path

import pytest

import reportkit
from reportkit.arrange.capitals import capitals
from reportkit.arrange.delegations import list_delegations
from reportkit.arrange.participants import arrange_participants
from reportkit.cli.delegations import LISTING_ORDERS
from reportkit.model import HostPosition, Meeting, Ordering, Participant, Section
from reportkit.reference import DelegationKind, load_reference
from tests.commands import reportkit_cli
from tests.workbooks import MINIMAL, variant, write_workbook

EXPECTED_ORDERINGS = Path(__file__).parent / "data" / "expected_orderings.csv"


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Turkey", "Türkiye"),
        ("Turkiye", "Türkiye"),
        ("Republic of Türkiye", "Türkiye"),
        ("REPUBLIC OF TURKEY", "Türkiye"),
        ("TUR", "Türkiye"),
        ("TR", "Türkiye"),
        ("Cote d'Ivoire", "Côte d'Ivoire"),
        ("Côte d’Ivoire", "Côte d'Ivoire"),
        ("Ivory Coast", "Côte d'Ivoire"),
        ("KSA", "Saudi Arabia"),
        ("UAE", "United Arab Emirates"),
        ("Brunei", "Brunei Darussalam"),
        ("Gambia", "The Gambia"),
        ("the gambia", "The Gambia"),
        ("Kyrgyz Republic", "Kyrgyzstan"),
        ("IDB", "IsDB"),
        ("ISESCO", "ICESCO"),
        ("SESRTCIC", "SESRIC"),
        ("Republic of Niger", "Niger"),
        ("Arabie saoudite", "Saudi Arabia"),
        ("Turquie", "Türkiye"),
        ("السعودية", "Saudi Arabia"),
        ("المملكة العربية السعودية", "Saudi Arabia"),
        ("Islamic Development Bank", "IsDB"),
    ],
)
def test_common_names_resolve(typed: str, name: str) -> None:
    found = load_reference().find(typed)
    assert found is not None, typed
    assert found.name == name


def test_names_that_mean_two_delegations_are_not_guessed() -> None:
    reference = load_reference()
    assert reference.find("Guinea").name == "Guinea"
    assert reference.find("Republic of Guinea").name == "Guinea"
    assert reference.find("Guinea-Bissau").name == "Guinea-Bissau"
    assert reference.find("Republic of") is None


def test_every_member_has_the_data_the_orderings_need() -> None:
    members = [d for d in load_reference().delegations if d.kind is DelegationKind.MEMBER]
    assert len(members) == 57
    assert sorted(d.oic_order for d in members) == list(range(1, 58))
    for member in members:
        assert member.formal_name and member.name_fr and member.name_ar, member.name
        assert len(member.iso2) == 2 and len(member.iso3) == 3, member.name


def _expected(ordering: str) -> list[str]:
    with EXPECTED_ORDERINGS.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["ordering"] == ordering]
    return [r["short_name_en"] for r in sorted(rows, key=lambda r: int(r["position"]))]


@pytest.mark.parametrize("ordering", [Ordering(order) for order in LISTING_ORDERS])
def test_all_57_members_in_each_ordering(ordering: Ordering) -> None:
    expected = _expected(ordering.value)
    assert len(expected) == 57
    listed = [d.name for d in list_delegations(ordering) if d.kind is DelegationKind.MEMBER]
    assert listed == expected


def _arrange(typed: list[str], **meeting: object):
    people = tuple(
        Participant(
            name,
            "A",
            f"B{i}",
            location=f"Participants!C{i}",
            delegation_location=f"Participants!A{i}",
        )
        for i, name in enumerate(typed, start=2)
    )
    base = Meeting(title="T", date=date(2023, 1, 1), **meeting)  # type: ignore[arg-type]
    return arrange_participants(base, people, (), load_reference())


def test_collation_files_accented_names_with_their_base_letter() -> None:
    sections, _ = _arrange(
        ["Djibouti", "Türkiye", "Côte d'Ivoire", "Turkmenistan", "Comoros", "Tunisia"]
    )
    assert [g.key for g in sections[0].groups] == [
        "ref:Comoros",
        "ref:Côte d'Ivoire",
        "ref:Djibouti",
        "ref:Tunisia",
        "ref:Türkiye",
        "ref:Turkmenistan",
    ]


@pytest.mark.parametrize(
    ("position", "expected"),
    [
        (HostPosition.LAST, ["ref:Egypt", "ref:Senegal", "ref:Uzbekistan", "ref:Türkiye"]),
        (HostPosition.FIRST, ["ref:Türkiye", "ref:Egypt", "ref:Senegal", "ref:Uzbekistan"]),
    ],
)
def test_host_goes_last_or_first(position: HostPosition, expected: list[str]) -> None:
    sections, problems = _arrange(
        ["Senegal", "Turkey", "Uzbekistan", "Egypt"], host="Türkiye", host_position=position
    )
    assert problems == []
    assert [g.key for g in sections[0].groups] == expected


def test_unknown_host_is_a_located_error() -> None:
    _, problems = _arrange(["Egypt"], host="Atlantis", field_locations={"host": "Meeting!B9"})
    assert [(p.location, p.message) for p in problems] == [
        ("Meeting!B9", 'unknown host "Atlantis"')
    ]


def test_unknown_delegation_suggests_the_closest_name() -> None:
    people = ["Egypt"] * 12 + ["Turkei"]
    _, problems = _arrange(people)
    (problem,) = problems
    assert problem.line("meeting.xlsx").startswith(
        'meeting.xlsx: Participants!A14: unknown delegation "Turkei" — did you mean "Türkiye"? '
    )


def test_unknown_organisation_with_a_section_is_listed_alphabetically() -> None:
    people = tuple(
        Participant(name, "A", "B", section=Section.OTHERS)
        for name in ["Zeta Fund", "Ärzte Forum", "Beta Bank"]
    )
    sections, problems = arrange_participants(
        Meeting(title="T", date=date(2023, 1, 1)), people, (), load_reference()
    )
    assert problems == []
    assert [g.heading for g in sections[0].groups] == ["ÄRZTE FORUM", "BETA BANK", "ZETA FUND"]


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("Şeyma Özcan", "ŞEYMA ÖZCAN"),
        ("Selçuk Koç", "SELÇUK KOÇ"),
        ("Türkiye", "TÜRKİYE"),
        ("Republic of Türkiye", "REPUBLIC OF TÜRKİYE"),
        ("Şişli", "ŞİŞLİ"),
        ("Celalettin", "CELALETTIN"),
        ("Côte d'Ivoire", "CÔTE D'IVOIRE"),
    ],
)
def test_capitals_keep_their_letters(typed: str, printed: str) -> None:
    assert capitals(typed) == printed


def test_delegations_command_lists_and_searches() -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return reportkit_cli("delegations", *args)

    listing = run("--ordering", "oic")
    assert listing.returncode == 0
    lines = listing.stdout.splitlines()
    assert lines[0].startswith("Azerbaijan ") and "REPUBLIC OF AZERBAIJAN" in lines[0]
    assert "[member state]" in lines[0]
    found = run("--search", "turkei")
    assert found.returncode == 0
    assert any(line.startswith("Türkiye ") for line in found.stdout.splitlines())
    nothing = run("--search", "qqqqqq")
    assert nothing.returncode == 1


def test_a_search_finds_a_part_inside_a_name() -> None:
    """A person browsing types any part of a name: "stan" finds the states ending in it."""
    found = reportkit_cli("delegations", "--search", "stan").stdout.splitlines()
    names = {line.split("  ")[0] for line in found}
    assert {"Afghanistan", "Kazakhstan", "Pakistan", "Uzbekistan"} <= names


def _workbook_order(tmp_path: Path, ordering: str | None) -> list[str]:
    meeting = [list(r) for r in MINIMAL["Meeting"]]
    if ordering is not None:
        meeting.append(["Ordering", ordering])
    participants = [
        ["Delegation", "First name", "Last name"],
        ["Bahrain", "A", "B"],
        ["Saudi Arabia", "C", "D"],
    ]
    path = write_workbook(tmp_path / "o.xlsx", variant(Meeting=meeting, Participants=participants))
    prepared = reportkit.prepare(path)
    return [g.key for g in prepared.report.participants[0].groups]


def test_meeting_ordering_field_orders_the_list(tmp_path: Path) -> None:
    assert _workbook_order(tmp_path, None) == ["ref:Bahrain", "ref:Saudi Arabia"]
    assert _workbook_order(tmp_path, "French") == ["ref:Saudi Arabia", "ref:Bahrain"]


def test_unknown_ordering_is_a_located_error(tmp_path: Path) -> None:
    with pytest.raises(reportkit.InputError) as caught:
        _workbook_order(tmp_path, "alphabetical")
    (problem,) = caught.value.problems
    assert problem.location == "Meeting!B5"
    assert problem.message == 'unknown ordering "alphabetical"'
    assert problem.hint == "write one of: english, french, arabic, oic, as-typed"
