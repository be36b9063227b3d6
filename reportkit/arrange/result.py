"""The arranged report: everything decided, ready to be poured into a template.

Numbers here are what Word will show; the document itself numbers with Word's own lists,
so these serve tests, change reports and anyone reading the model.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportkit.model import BlockKind, Section


@dataclass(frozen=True)
class BodyBlock:
    kind: BlockKind
    text: str
    number: int | None = None


@dataclass(frozen=True)
class AgendaLine:
    text: str
    number: int | None = None
    note: str = ""


@dataclass(frozen=True)
class ProgrammeRow:
    """A day row (only `day` set) or a time slot."""

    day: str = ""
    time: str = ""
    title: str = ""
    description: str = ""
    points: tuple[str, ...] = ()


@dataclass(frozen=True)
class Person:
    """One delegate; `last` marks the last of a block kept on one page (the delegation, or a
    run of a delegation too long for a page), after which a page may break."""

    name_line: str
    details: str
    last: bool = False


@dataclass(frozen=True)
class DelegationGroup:
    key: str
    heading: str
    people: tuple[Person, ...]


@dataclass(frozen=True)
class ParticipantSection:
    section: Section
    letter: str
    heading: str
    groups: tuple[DelegationGroup, ...]

    @property
    def grouped(self) -> bool:
        """The secretariat is one delegation whose name is the section heading itself."""
        return self.section is not Section.SECRETARIAT


@dataclass(frozen=True)
class TitleBlock:
    document: str
    title: str
    date_line: str


@dataclass(frozen=True)
class ArrangedReport:
    title: TitleBlock
    symbol: str
    body: tuple[BodyBlock, ...]
    agenda: tuple[AgendaLine, ...]
    programme_heading: str
    programme: tuple[ProgrammeRow, ...]
    participants: tuple[ParticipantSection, ...]
