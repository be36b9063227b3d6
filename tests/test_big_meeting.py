"""A generated meeting of 2,000 delegates, built: every delegate listed exactly once, under
the right delegation, in the right order.

The workbook comes from the benchmark's generator (benchmarks/meetings.py), which records
which delegation each delegate really belongs to, whatever name the rapporteur typed
(short name, formal name or ISO code). What the list should be is derived here from that
record and from the rules of docs/orderings-and-names.md and docs/document.md, never from
reportkit's arrange code: sections of member states, observer states, OIC institutions
and the secretariat, each lettered; states alphabetical by English short name under ICU's
English collation, a leading "The" not filed on (The Gambia among the G's, as
reportkit/arrange/ordering.py says); institutions by category, then by name; within a
delegation, the workbook's order.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import icu
import pytest
from docx import Document

import reportkit
from benchmarks.meetings import SECRETARIAT, GeneratedMeeting, generate
from benchmarks.xlsx import write_both
from reportkit.read import read_workbook
from reportkit.reference import Delegation, DelegationKind, load_reference
from tests.docx_facts import lines_in_order

DELEGATES = 2_000
# The documented order of OIC institutions (docs/document.md): the General Secretariat (the principal organ),
# subsidiary organs, specialized institutions with the IsDB Group, affiliated institutions,
# standing committees.
CATEGORIES = (
    ("principal organ",),
    ("subsidiary organ",),
    ("specialized institution", "IsDB Group entity"),
    ("affiliated institution",),
    ("standing committee",),
)
Group = tuple[int, str, list[str]]  # section number, heading, delegates' name lines


@pytest.fixture(scope="module")
def meeting() -> GeneratedMeeting:
    return generate(DELEGATES)


@pytest.fixture(scope="module")
def workbooks(
    meeting: GeneratedMeeting, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path]:
    return write_both(tmp_path_factory.mktemp("big"), "summit", meeting.sheets)


@pytest.fixture(scope="module")
def listed(workbooks: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> list[Group]:
    """The list of participants as built: (section, heading, names) in document order."""
    report = reportkit.build(workbooks[0], tmp_path_factory.mktemp("built"))
    groups: list[Group] = []
    section = 0
    for paragraph in lines_in_order(Document(str(report))):
        style, text = paragraph.style.name, paragraph.text
        if style == "Participants Section":
            section += 1
            # The secretariat's delegates follow its section heading directly.
            groups.append((section, re.sub(r"^[A-Z]\. ", "", text), []))
        elif style == "Delegation Heading":
            groups.append((section, text, []))
        elif style == "Delegate Name":
            assert groups, f"{text!r} comes before any heading"
            groups[-1][2].append(text)
    return [group for group in groups if group[2]]


def expected(meeting: GeneratedMeeting) -> list[Group]:
    """The list the documented rules give for the generator's record of who is where."""
    people: dict[str, list[str]] = {}
    delegations: dict[str, Delegation] = {}
    for d in meeting.delegates:
        delegations.setdefault(d.delegation.name, d.delegation)
        people.setdefault(d.delegation.name, []).append(
            f"-{d.honorific} {d.first_name} {d.last_name}"
        )
    english = icu.Collator.createInstance(icu.Locale("en"))

    def filed(name: str) -> bytes:
        return english.getSortKey(name[4:] if name.startswith("The ") else name)

    def place(d: Delegation) -> tuple[int, tuple[object, ...]]:
        if d.formal_name == SECRETARIAT:
            return 4, ()
        if d.kind is DelegationKind.INSTITUTION:
            rank = next(i for i, names in enumerate(CATEGORIES) if d.category in names)
            return 3, (rank, english.getSortKey(d.formal_name))
        return (1 if d.kind is DelegationKind.MEMBER else 2), (filed(d.name),)

    def heading(d: Delegation) -> str:
        if d.formal_name == SECRETARIAT:
            return SECRETARIAT
        if d.kind is DelegationKind.INSTITUTION and d.acronym:
            return f"{d.formal_name} ({d.acronym})"
        return d.formal_name

    ordered = sorted(delegations.values(), key=place)
    return [(place(d)[0], heading(d), people[d.name]) for d in ordered]


def folded(text: str) -> str:
    """Text compared as letters only: reportkit prints names in capitals, the Turkish way
    where a word asks for it (İ), which this comparison does not need to predict."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ı", "i").casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def comparable(groups: list[Group], fold: Callable[[str], str] = folded) -> list[Group]:
    return [
        (section, fold(heading), [fold(n) for n in names]) for section, heading, names in groups
    ]


def test_every_delegation_attends(meeting: GeneratedMeeting) -> None:
    """The generator gives a meeting of this size every state and institution known."""
    kinds = {d.delegation.kind for d in meeting.delegates}
    assert len({d.delegation.name for d in meeting.delegates}) == len(load_reference().delegations)
    assert kinds == set(DelegationKind)
    assert any(d.typed == d.delegation.iso3 for d in meeting.delegates)


def test_each_delegate_once_under_their_delegation_in_order(
    meeting: GeneratedMeeting, listed: list[Group]
) -> None:
    want, got = comparable(expected(meeting)), comparable(listed)
    assert sum(len(names) for _, _, names in got) == DELEGATES
    assert [heading for _, heading, _ in got] == [heading for _, heading, _ in want]
    for found, wanted in zip(got, want, strict=True):
        assert found == wanted, f"under {wanted[1]!r}"


def test_shared_and_inline_strings_read_alike(workbooks: tuple[Path, Path]) -> None:
    shared, inline = (read_workbook(path) for path in workbooks)
    assert shared[0] is not None
    assert shared == inline
