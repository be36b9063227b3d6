"""The arranged report: everything decided, ready to be poured into a template.

Numbers here are what Word will show; the document itself numbers with Word's own lists,
so these serve tests, change reports and anyone reading the model.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportkit.model import AnnexForm, AnnexKind, BlockKind, Language, ListLabels, Section


@dataclass(frozen=True)
class BodyBlock:
    """A row of report text as printed: in `style`, showing `label` as Word numbers it.

    `number` counts body paragraphs (paragraph numbering). `restart` > 0 puts the block in a
    list of its own that starts at 1 (an item list, a text annex's numbering); 0 keeps it in
    its style's list, which runs through the whole body. `list_labels` is how an item's list
    labels it (None: as its style's list does). `bookmark` marks a block referred to by its
    Key.
    """

    kind: BlockKind
    text: str
    number: int | None = None
    style: str = ""
    label: str = ""
    restart: int = 0
    list_labels: ListLabels | None = None
    bookmark: str = ""


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
    """One delegation's heading and people; `short` is how running text names it (an
    institution's acronym, a state's short name)."""

    key: str
    heading: str
    people: tuple[Person, ...]
    short: str = ""


@dataclass(frozen=True)
class ParticipantSection:
    section: Section
    letter: str
    heading: str
    groups: tuple[DelegationGroup, ...]

    @property
    def grouped(self) -> bool:
        """Whether its delegations print their headings: not in a section that is one
        delegation under its own name (the secretariat; the General Secretariat in sections
        by category)."""
        if self.section is Section.SECRETARIAT:
            return False
        return not (len(self.groups) == 1 and self.groups[0].heading == self.heading)


@dataclass(frozen=True)
class TitleBlock:
    """The title block; with a title `page`, it stands alone on the first page, above
    `publisher` and `month` ("COMCEC COORDINATION OFFICE", "October 2016"). `running_head`
    heads the body's pages: the meeting's running head, else its symbol. `first_page` is
    the number the body's first page shows."""

    document: str
    title: str
    date_line: str
    original: str = ""
    subtitle: str = ""
    running_head: str = ""
    page: bool = False
    publisher: str = ""
    month: str = ""
    first_page: int = 1


@dataclass(frozen=True)
class Annex:
    """An annex as printed: `heading` ("ANNEX I") on a new page, the meeting's title and date
    again, then `subtitle`, `note` and its content — the report's agenda, programme or list
    of participants, or for a text annex its own `blocks`. `header` heads its pages
    ("Annex I to OIC/COMCEC-FC/33-17/REP") when the meeting asks for it.

    A `line` annex opens with its `heading` alone ("Annex 3: Title"); a `statement` with its
    `original` line, then `subtitle` (its own title) above `title` and `date_line`."""

    kind: AnnexKind
    label: str
    heading: str
    title: str
    date_line: str
    subtitle: str = ""
    note: str = ""
    header: str = ""
    blocks: tuple[BodyBlock, ...] = ()
    restart: int = 0
    form: AnnexForm = AnnexForm.BLOCK
    original: str = ""


@dataclass(frozen=True)
class ArrangedReport:
    title: TitleBlock
    symbol: str
    body: tuple[BodyBlock, ...]
    agenda: tuple[AgendaLine, ...]
    programme_heading: str
    programme: tuple[ProgrammeRow, ...]
    participants: tuple[ParticipantSection, ...]
    annexes: tuple[Annex, ...] = ()
    language: Language = Language.EN
