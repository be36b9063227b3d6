"""The typed meeting model that `read` produces and `arrange` consumes.

Everything here is plain data with the cell it came from, so later stages can report
a problem at its source without going back to the workbook.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    SUBHEADING = "subheading"
    TEXT = "text"
    ITEM = "item"
    BULLET = "bullet"
    NOTE = "note"


class BodyNumbering(StrEnum):
    """What the body numbers: paragraphs (the seed report), sections (Working Group
    proceedings: headings 1., 2., sub-headings 1.1, running text unnumbered), or nothing."""

    PARAGRAPHS = "paragraphs"
    SECTIONS = "sections"
    NONE = "none"


class AnnexKind(StrEnum):
    AGENDA = "agenda"
    PROGRAMME = "programme"
    PARTICIPANTS = "participants"
    TEXT = "text"


class AnnexNumbering(StrEnum):
    ROMAN = "roman"
    ARABIC = "arabic"
    LETTERS = "letters"


class DateStyle(StrEnum):
    """`ordinal`: (November 1st, 2022; Virtual Meeting); `venue-first`: (Ankara, 10–11 May
    2017); `proceedings`: (October 6th, 2016, Ankara, Turkey), as the Working Groups'
    proceedings series prints it."""

    ORDINAL = "ordinal"
    VENUE_FIRST = "venue-first"
    PROCEEDINGS = "proceedings"


class AnnexForm(StrEnum):
    """How an annex's first page opens: `block`, ANNEX I over the meeting's title, date and
    the annex's title; `line`, one line "Annex 3: Title" (Working Group proceedings);
    `statement`, no ANNEX line but the annex's own Original line, its title, a short meeting
    title and its own date (the speeches annexed to Follow-up Committee reports)."""

    BLOCK = "block"
    LINE = "line"
    STATEMENT = "statement"


class AgendaKind(StrEnum):
    ITEM = "item"
    UNNUMBERED = "unnumbered"


class Section(StrEnum):
    """Sections of the list of participants, in the order they are printed."""

    MEMBERS = "member"
    OBSERVERS = "observer"
    INSTITUTIONS = "institution"
    OTHERS = "other"
    SECRETARIAT = "secretariat"


class InstitutionSections(StrEnum):
    """How the OIC bodies and the secretariat are sectioned in the list of participants
    (arrange/sections.py): `one` section of bodies and the secretariat's own, last; a section
    per OIC `categories`; or one section `as-typed`, the secretariat among the bodies."""

    ONE = "one"
    CATEGORIES = "categories"
    AS_TYPED = "as-typed"


class InstitutionCategory(StrEnum):
    """The OIC's kinds of bodies, in the order of its Charter, each a section of the list of
    participants with `institution_sections` categories; `others` holds the standing
    committees and bodies of no known category."""

    GENERAL_SECRETARIAT = "general secretariat"
    SUBSIDIARY = "subsidiary"
    SPECIALIZED = "specialized"
    AFFILIATED = "affiliated"
    OTHERS = "others"


class Language(StrEnum):
    """The OIC's three languages; each is an edition of the report (`<stem>.fr.docx` …)."""

    EN = "en"
    FR = "fr"
    AR = "ar"


class Rank(StrEnum):
    """Whom an "H.E." honours: the OIC's Arabic editions style each apart (فخامة, معالي,
    سعادة), where English and French print one title (reference/data/honorifics.csv)."""

    HEAD_OF_STATE = "head of state"
    MINISTER = "minister"
    AMBASSADOR = "ambassador"
    OFFICIAL = "senior official"


class Ordering(StrEnum):
    """How states are ordered in the list of participants (see arrange/ordering.py)."""

    ENGLISH = "english"
    FRENCH = "french"
    ARABIC = "arabic"
    OIC = "oic"
    AS_TYPED = "as-typed"


class HostPosition(StrEnum):
    FIRST = "first"
    LAST = "last"


class YesNo(StrEnum):
    YES = "yes"
    NO = "no"


class Ordinals(StrEnum):
    """How ordinal suffixes print: `13th` on the line, or raised as the published Follow-up
    Committee reports and every French edition (`1er`, `23e`) set them."""

    PLAIN = "plain"
    SUPERSCRIPT = "superscript"


@dataclass(frozen=True)
class Meeting:
    title: str
    date: date
    document: str = ""
    end_date: date | None = None
    venue: str = ""
    time_zone: str = ""
    secretariat: str = ""
    symbol: str = ""
    # Headings the workbook gives sections of the list of participants; the others are the
    # edition's own (arrange/language.py).
    section_headings: dict[Section, str] = field(default_factory=dict)
    ordering: Ordering = Ordering.ENGLISH
    host: str = ""
    host_position: HostPosition = HostPosition.LAST
    institution_sections: InstitutionSections = InstitutionSections.ONE
    field_locations: dict[str, str] = field(default_factory=dict)
    numbering: BodyNumbering = BodyNumbering.PARAGRAPHS
    annex_numbering: AnnexNumbering = AnnexNumbering.ROMAN
    date_style: DateStyle = DateStyle.ORDINAL
    # None: the edition's own way (arrange/typography.py): raised in French, plain elsewhere.
    ordinals: Ordinals | None = None
    original: str = ""
    subtitle: str = ""
    participants_subtitle: str = ""
    annex_header: bool = False
    language: Language = Language.EN
    languages: tuple[Language, ...] = (Language.EN,)
    # Printed in the header of the body's pages instead of the symbol.
    running_head: str = ""
    # A first page of its own for the title block, with the publisher, month and year.
    title_page: bool = False
    publisher: str = ""
    # The number the first page of the body shows.
    first_page: int = 1


class Counter(StrEnum):
    """How a list counts, by Word's own names (`w:numFmt`)."""

    DECIMAL = "decimal"
    LOWER_LETTER = "lowerLetter"
    UPPER_LETTER = "upperLetter"
    LOWER_ROMAN = "lowerRoman"
    UPPER_ROMAN = "upperRoman"


@dataclass(frozen=True)
class ListLabels:
    """How a list of items labels them: the counter between what is printed before and
    after it: `1.` (Word's default), `1-`, `a)`, `(i)`."""

    counter: Counter = Counter.DECIMAL
    before: str = ""
    after: str = "."

    @property
    def typed(self) -> str:
        """The form as a rapporteur types it (`a)`)."""
        first = {
            Counter.DECIMAL: "1",
            Counter.LOWER_LETTER: "a",
            Counter.UPPER_LETTER: "A",
            Counter.LOWER_ROMAN: "i",
            Counter.UPPER_ROMAN: "I",
        }[self.counter]
        return f"{self.before}{first}{self.after}"


@dataclass(frozen=True)
class ReportBlock:
    """A row of report text. `numbered` False keeps a heading out of the numbering (an
    "Introduction" before section 1); `labels` is how the list an item opens labels its
    items (None: `1.`)."""

    kind: BlockKind
    text: str
    location: str = ""
    key: str = ""
    numbered: bool = True
    labels: ListLabels | None = None


@dataclass(frozen=True)
class AgendaEntry:
    kind: AgendaKind
    text: str
    note: str = ""
    location: str = ""


@dataclass(frozen=True)
class ProgrammeSlot:
    start: time
    end: time
    title: str = ""
    description: str = ""
    points: tuple[str, ...] = ()
    day: date | None = None
    location: str = ""


@dataclass(frozen=True)
class Participant:
    """One delegate as the edition being read prints them.

    `honorific` is the house title (`H.E. Dr.`), which each edition words its own way;
    `rank` is the rank an "H.E." among it holds, as the Position gives it (None when it
    has no H.E. or the Position does not say). `edition_honorific` and `edition_name` are
    what the workbook gives the edition itself (`Honorific ar`, `Name ar`), printed as
    they are, instead of the house title's translation and the first and last name.
    """

    delegation: str
    first_name: str
    last_name: str
    honorific: str = ""
    position: str = ""
    organisation: str = ""
    section: Section | None = None
    location: str = ""
    delegation_location: str = ""
    rank: Rank | None = None
    edition_honorific: str = ""
    edition_name: str = ""


@dataclass(frozen=True)
class HeadingOverride:
    delegation: str
    heading: str
    location: str = ""


@dataclass(frozen=True)
class AnnexSpec:
    """One row of the `Annexes` sheet: what the annex holds, in the order annexes print.

    A `text` annex's rows come from its own sheet (`sheet`), read like the Report sheet.
    `original`, `day` and `meeting_title` are the annex's own, where its first page
    differs from the report's; `meeting_title` None prints no meeting title (`-`).
    """

    kind: AnnexKind
    title: str = ""
    blocks: tuple[ReportBlock, ...] = ()
    sheet: str = ""
    location: str = ""
    form: AnnexForm = AnnexForm.BLOCK
    original: str = ""
    day: date | None = None
    meeting_title: str | None = ""


DEFAULT_ANNEXES = (
    AnnexSpec(AnnexKind.AGENDA),
    AnnexSpec(AnnexKind.PROGRAMME),
    AnnexSpec(AnnexKind.PARTICIPANTS),
)


@dataclass(frozen=True)
class MeetingInput:
    """A whole workbook, read and typed. No `Annexes` sheet means the default three."""

    meeting: Meeting
    report: tuple[ReportBlock, ...]
    agenda: tuple[AgendaEntry, ...]
    programme: tuple[ProgrammeSlot, ...]
    participants: tuple[Participant, ...]
    headings: tuple[HeadingOverride, ...] = ()
    annexes: tuple[AnnexSpec, ...] = DEFAULT_ANNEXES
