"""The workbook's sheets, columns and Meeting fields as data, in one place.

`reportkit new` writes its sheets, widths, formats, input messages and dropdowns from
here; the Instructions sheet and the table of columns in docs/workbook.md are made from it;
the readers take the columns they require and the Meeting fields they know from it. A new
column or field is added here once (and read in `reportkit/read/`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from enum import Enum, StrEnum

from reportkit.arrange.language import LABELS
from reportkit.model import (
    AgendaKind,
    AnnexForm,
    AnnexKind,
    AnnexNumbering,
    BlockKind,
    BodyNumbering,
    DateStyle,
    HostPosition,
    InstitutionSections,
    Language,
    Ordering,
    Ordinals,
    Section,
    YesNo,
)


class Format(StrEnum):
    """How a column's cells are formatted in a new workbook."""

    TEXT = "text"
    TIME = "time"
    DATE = "date"


# Excel number formats of a new workbook. A time cell shows a real time as 09.30 and a typed
# number as that number: Excel stores `9.30` typed in a time cell as the number 9.3, which
# plain hh.mm would show as 07.12; reportkit reads it as 09.30, and says so.
NUMBER_FORMATS = {Format.DATE: "dddd, d mmmm yyyy", Format.TIME: "[<1]hh.mm;0.00"}


class Suggest(StrEnum):
    """Open lists: offered in a dropdown, but anything may be typed (then checked)."""

    DELEGATION = "delegation"
    HONORIFIC = "honorific"


@dataclass(frozen=True)
class Column:
    """One column of a sheet, or one field of the Meeting sheet."""

    name: str
    meaning: str
    example: str | date | time
    accepted: str = "text"
    required: bool = False
    choices: type[Enum] | None = None
    suggest: Suggest | None = None
    format: Format = Format.TEXT
    width: float = 20
    # Text the rapporteur writes per edition: `Text fr`, `Text ar` beside `Text` (for a
    # Meeting field, its `Value fr`, `Value ar`).
    translated: bool = False
    # What reportkit words itself in each edition, which an edition's twin column may
    # give instead (`Honorific ar`): an empty twin is no missing translation.
    overridden: bool = False

    @property
    def values(self) -> tuple[str, ...]:
        """The closed set of values, offered in a dropdown that takes nothing else."""
        return tuple(str(c.value) for c in self.choices) if self.choices else ()

    @property
    def translations(self) -> tuple[str, ...]:
        """The columns holding this column's text in the other editions."""
        if not (self.translated or self.overridden):
            return ()
        return tuple(f"{self.name} {language.value}" for language in TRANSLATED_LANGUAGES)

    @property
    def accepts(self) -> str:
        if self.values:
            return "one of: " + ", ".join(self.values)
        return self.accepted


@dataclass(frozen=True)
class Sheet:
    """A sheet; one holding an annex (`annex`) is needed only when the report has that annex,
    which without an Annexes sheet it does."""

    name: str
    purpose: str
    columns: tuple[Column, ...]
    required: bool = True
    annex: AnnexKind | None = None

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def required_columns(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)


TRANSLATED_LANGUAGES = tuple(language for language in Language if language is not Language.EN)
_TIME = "an Excel time (13:15) or text: 13.15, 13:15, 1:15 pm"
_DATE = "an Excel date; text such as 1 November 2022 or 2022-11-01 is read too"

MEETING_FIELDS: tuple[Column, ...] = (
    Column(
        "title",
        "The meeting's title, printed in capitals on the first page and on each annex.",
        "2nd Technical Meeting on COMCEC High Level Digital Initiative/ Programme",
        required=True,
        translated=True,
    ),
    Column(
        "document",
        "The document's name above the title; Report (Rapport, التقرير) when empty.",
        "Report",
        translated=True,
    ),
    Column(
        "subtitle",
        "A line under the title, such as the meeting's theme.",
        "Improving Trade Facilitation in the OIC Member Countries",
        translated=True,
    ),
    Column(
        "original",
        "The language of the original, printed as Original: English on the first page.",
        "English",
    ),
    Column(
        "date",
        "The day of the meeting (its first day if it lasts several).",
        date(2022, 11, 1),
        _DATE,
        required=True,
        format=Format.DATE,
    ),
    Column(
        "end_date",
        "The last day, for a meeting of several days.",
        date(2022, 11, 3),
        _DATE,
        format=Format.DATE,
    ),
    Column("venue", "Where it is held, printed with the date.", "Virtual Meeting", translated=True),
    Column(
        "time_zone",
        "The time zone printed in the programme's heading.",
        "Ankara Time - GMT+3",
        translated=True,
    ),
    Column(
        "secretariat",
        "The organisation running the meeting; its people are listed last, under its name.",
        "COMCEC Coordination Office",
    ),
    Column("symbol", "A document symbol, printed in the page header.", "OIC/COMCEC-FC/33-17/REP"),
    Column(
        "running_head",
        "Printed in the header of the body's pages instead of the symbol; Alt+Enter starts"
        " a line. Annex pages keep their own header (annex_header).",
        "Proceedings of the 14th Meeting of the COMCEC Trade Working Group",
        translated=True,
    ),
    Column(
        "title_page",
        "yes: the title block alone on a first page, with the publisher and the month and"
        " year below it; the body starts on the next page. no when empty.",
        "yes",
        choices=YesNo,
    ),
    Column(
        "publisher",
        "Printed in capitals on the title page; the secretariat when empty.",
        "COMCEC Coordination Office",
        translated=True,
    ),
    Column(
        "first_page",
        "The number of the first page of the body (after a title page); 1 when empty.",
        "7",
        "a whole number from 1",
    ),
    Column(
        "numbering",
        "What the body numbers: paragraphs, sections (headings 1., sub-headings 1.1) or"
        " none; paragraphs when empty.",
        "sections",
        choices=BodyNumbering,
    ),
    Column(
        "annex_numbering",
        "How annexes are numbered: ANNEX I, II (roman), 1, 2 (arabic) or A, B (letters);"
        " roman when empty.",
        "arabic",
        choices=AnnexNumbering,
    ),
    Column(
        "date_style",
        "The date line: (November 1st, 2022; Virtual Meeting) with ordinal, (Ankara, 10-11"
        " May 2017) with venue-first, (October 6th, 2016, Ankara, Turkey) with proceedings;"
        " ordinal when empty.",
        "venue-first",
        choices=DateStyle,
    ),
    Column(
        "ordinals",
        "Ordinal suffixes on the line (13th) or raised as superscripts, as the published"
        " Follow-up Committee reports set them; plain in English and superscript in French"
        " when empty.",
        "superscript",
        choices=Ordinals,
    ),
    Column(
        "annex_header",
        "yes: every annex page is headed with its number and the symbol (Annex I to"
        " OIC/COMCEC-FC/33-17/REP), which must be given; no when empty.",
        "yes",
        choices=YesNo,
    ),
    Column(
        "ordering",
        "How member and observer states are ordered (as-typed: as in Participants);"
        " english when empty.",
        "english",
        choices=Ordering,
    ),
    Column(
        "host",
        "The host state: it goes last among the member states (or first, see host_position).",
        "Türkiye",
        "a state, as `reportkit delegations` lists them",
        suggest=Suggest.DELEGATION,
    ),
    Column(
        "host_position",
        "Where the host goes among the member states; last when empty.",
        "first",
        choices=HostPosition,
    ),
    Column(
        "institution_sections",
        "How OIC bodies are sectioned: one (the secretariat last, apart), categories (a"
        " section per OIC category) or as-typed (one section, the secretariat among the"
        " bodies, as typed); one when empty.",
        "categories",
        choices=InstitutionSections,
    ),
    Column(
        "languages",
        "The editions reportkit build makes: en (FILE.docx), fr (FILE.fr.docx), ar"
        " (FILE.ar.docx); en when empty. build --lang chooses for one run.",
        "en, fr, ar",
        "en, fr, ar or several of them separated by commas, or all",
    ),
    Column(
        "participants_subtitle",
        "A line under LIST OF PARTICIPANTS.",
        "Trade Working Group Experts",
        translated=True,
    ),
    *(
        Column(
            f"{key}_heading",
            f"The heading of the {label} section, instead of the usual one.",
            LABELS[Language.EN].sections[section],
            translated=True,
        )
        for key, label, section in (
            ("members", "member states'", Section.MEMBERS),
            ("observers", "observer states'", Section.OBSERVERS),
            ("institutions", "OIC institutions'", Section.INSTITUTIONS),
            ("others", "other organisations'", Section.OTHERS),
        )
    ),
)

_KIND = "What the row is"
_NO_NUMBERS = "Do not type numbers or bullets: Word adds them."

SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "Meeting",
        "One field per row: the name in Field, its value in Value.",
        (
            Column(
                "Field",
                "The name of a meeting field (see the Meeting rows of this table).",
                "title",
                "one of the Meeting fields",
                required=True,
                width=18,
            ),
            Column(
                "Value",
                "The field's value. Any field but languages, secretariat and host may have an"
                " edition's own value (the symbol, the ordering…); a field marked so warns"
                " when it has none and prints the English.",
                "Virtual Meeting",
                required=True,
                width=80,
                translated=True,
            ),
        ),
    ),
    Sheet(
        "Report",
        "The body of the report, row by row in order.",
        (
            Column(
                "Kind",
                f"{_KIND}: paragraph (numbered), heading, subheading, text (never numbered),"
                " item (of a numbered list), bullet, or note (centred, italic).",
                "paragraph",
                required=True,
                choices=BlockKind,
                width=12,
            ),
            Column(
                "Text",
                f"The text. *italic* and **bold** may be used, references such as"
                f" [[annex participants]], and footnotes: [[footnote: the note's text]]."
                f" {_NO_NUMBERS}",
                "The Meeting was held virtually on November 1st, 2022.",
                required=True,
                width=110,
                translated=True,
            ),
            Column(
                "Key",
                "A name for the row, so that text elsewhere can give its number as"
                " [[paragraph KEY]].",
                "opening",
                "a word of your choice, once per sheet",
                width=12,
            ),
            Column(
                "Number",
                "no: a heading, sub-heading or paragraph printed without a number (an"
                " Introduction before section 1). On the first item of a list: how the list"
                " labels its items, 1. when empty.",
                "a)",
                "no; or 1. 1- 1) a) (a) a. A. i. (i) I.",
                width=10,
            ),
        ),
    ),
    Sheet(
        "Annexes",
        "Optional: which annexes the report has, in order (without it: agenda, programme,"
        " participants).",
        (
            Column(
                "Kind",
                "What the annex holds; agenda, programme and participants at most once each.",
                "participants",
                required=True,
                choices=AnnexKind,
                width=14,
            ),
            Column(
                "Title",
                "The annex's title: a text annex needs one; for the others it replaces their"
                " subtitle.",
                "Opening Statement of the Chairman",
                width=60,
                translated=True,
            ),
            Column(
                "Sheet",
                "For a text annex: the sheet holding its rows, laid out like the Report sheet.",
                "Opening Statement",
                "the name of a sheet of this workbook",
                width=30,
            ),
            Column(
                "Form",
                "How its first page opens: block (ANNEX I, the meeting's title, date and the"
                " title), line (Annex 3: Title) or statement (the Original line, title, meeting"
                " title, date); block when empty.",
                "statement",
                choices=AnnexForm,
                width=12,
            ),
            Column(
                "Original",
                "A statement's own Original line (English, or Original: Arabic); the"
                " meeting's when empty.",
                "English",
                width=14,
            ),
            Column(
                "Date",
                "The annex's own date (a speech's day), printed in the meeting's date style;"
                " the meeting's dates when empty.",
                date(2017, 5, 10),
                _DATE,
                format=Format.DATE,
                width=20,
            ),
            Column(
                "Meeting title",
                "A short meeting title for its first page, instead of the meeting's title;"
                " - for none.",
                "33rd Meeting of the COMCEC Follow-up Committee",
                width=40,
                translated=True,
            ),
        ),
        required=False,
    ),
    Sheet(
        "Agenda",
        "The agenda annex, in order.",
        (
            Column(
                "Kind",
                f"{_KIND}: item (numbered from 1) or unnumbered (opening, closing lines).",
                "item",
                required=True,
                choices=AgendaKind,
                width=14,
            ),
            Column(
                "Text",
                f"The agenda line. {_NO_NUMBERS}",
                "Any Other Business",
                required=True,
                width=90,
                translated=True,
            ),
            Column(
                "Note",
                "An optional line printed in italics under it.",
                "(if any)",
                width=30,
                translated=True,
            ),
        ),
        annex=AnnexKind.AGENDA,
    ),
    Sheet(
        "Programme",
        "The programme annex, one time slot per row.",
        (
            Column(
                "Day",
                "A date opens a new day: on the day's first slot, or on a row of its own.",
                date(2022, 11, 1),
                _DATE,
                format=Format.DATE,
                width=24,
            ),
            Column(
                "Start",
                "When the slot starts.",
                time(13, 15),
                _TIME,
                required=True,
                format=Format.TIME,
                width=9,
            ),
            Column(
                "End",
                "When the slot ends.",
                time(13, 30),
                _TIME,
                required=True,
                format=Format.TIME,
                width=9,
            ),
            Column(
                "Title",
                "What happens, in bold. A slot needs a Title, a Description or Points.",
                "Opening Remarks",
                required=True,
                width=55,
                translated=True,
            ),
            Column(
                "Description",
                "A longer description, in italics.",
                "(The invitation link will be provided by the CCO)",
                width=70,
                translated=True,
            ),
            Column(
                "Points",
                "One bullet per line of the cell (Alt+Enter starts a line).",
                "Presentation: Ms. Şeyma ÖZCAN, Advisor",
                width=45,
                translated=True,
            ),
        ),
        annex=AnnexKind.PROGRAMME,
    ),
    Sheet(
        "Participants",
        "The list of participants: one person per row, in protocol order within each delegation.",
        (
            Column(
                "Delegation",
                "The state, OIC institution or organisation the person represents.",
                "Pakistan",
                "a name from the list (short or formal name, ISO code, acronym);"
                " another organisation with Section other",
                required=True,
                suggest=Suggest.DELEGATION,
                width=28,
            ),
            Column(
                "Honorific",
                "Printed before the name, in each edition's words: H.E. is S.E. in French,"
                " فخامة, معالي or سعادة in Arabic as the Position says. Compound titles such"
                " as H.E. Dr. are fine.",
                "Ms.",
                "a title from the list, alone or combined",
                suggest=Suggest.HONORIFIC,
                width=12,
                overridden=True,
            ),
            Column("First name", "The person's first name(s).", "Şeyma", required=True, width=22),
            Column(
                "Last name",
                "The family name, printed in capitals.",
                "Özcan",
                required=True,
                width=18,
            ),
            Column("Position", "The person's position.", "Advisor", width=55, translated=True),
            Column(
                "Organisation",
                "The ministry or body.",
                "Ministry of Trade",
                width=55,
                translated=True,
            ),
            Column(
                "Section",
                "Where the delegation is listed, when not where it usually is;"
                " other for an organisation reportkit does not know.",
                "other",
                choices=Section,
                width=12,
            ),
            Column(
                "Name fr",
                "The name as the French edition prints it, where its spelling differs;"
                " the first and last name otherwise.",
                "Mohammed Ben Salmane",
                width=22,
            ),
            Column(
                "Name ar",
                "The name in Arabic script, as the Arabic edition prints it; the first and"
                " last name, in Latin letters, otherwise.",
                "جودت يلماز",
                width=22,
            ),
        ),
        annex=AnnexKind.PARTICIPANTS,
    ),
    Sheet(
        "Delegations",
        "Optional: a delegation's heading in this meeting, instead of the usual one.",
        (
            Column(
                "Delegation",
                "The delegation, as in the Participants sheet.",
                "Kuwait",
                "a delegation's name, as typed in the Participants sheet",
                required=True,
                suggest=Suggest.DELEGATION,
                width=28,
            ),
            Column(
                "Heading",
                "The heading to print above its people.",
                "THE STATE OF KUWAIT",
                required=True,
                width=95,
                translated=True,
            ),
        ),
        required=False,
    ),
)


def sheet(name: str) -> Sheet:
    return next(s for s in SHEETS if s.name == name)
