"""What reportkit writes itself, in each of the OIC's languages.

Everything a rapporteur types comes from the workbook in the edition's language (`Text fr`,
`Value ar` …); what reportkit writes on its own — annex headings, the subtitles of annexes,
the sections of the list of participants, honorifics, the "Original:" line, dates — comes
from here. French follows the French editions of OIC documents: accented capitals
(`PAYS MEMBRES DE L'OCI`), `1er novembre 2022`, a no-break space before `;`. Arabic
follows the Arabic edition of COMCEC's Follow-up Committee report (SOURCES.md, FC33-AR):
Western digits, months named twice as Gulf and Levantine readers know them (`مايو / أيار`),
`الأصل: الإنجليزية`. The wording is reportkit's own translation where no source gives it.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportkit.model import Language, Section


@dataclass(frozen=True)
class Labels:
    document: str
    annex: str
    participants: str
    programme: str
    time: str
    programme_column: str
    original: str
    annex_header: str
    sections: dict[Section, str]
    languages: dict[str, str]
    honorifics: dict[str, str]
    section_letters: str
    annex_ordinals: tuple[str, ...] = ()
    list_separator: str = ", "
    last_separator: str = " and "


_HONORIFICS_FR = {
    "Mr.": "M.",
    "Ms.": "Mme",
    "Mrs.": "Mme",
    "Miss": "Mlle",
    "Dr.": "Dr",
    "Prof.": "Pr",
    "H.E.": "S.E.",
    "Eng.": "Ing.",
}
_HONORIFICS_AR = {
    "Mr.": "السيد",
    "Ms.": "السيدة",
    "Mrs.": "السيدة",
    "Miss": "الآنسة",
    "Dr.": "الدكتور",
    "Prof.": "الأستاذ الدكتور",
    "H.E.": "معالي",
    "Eng.": "المهندس",
}

LABELS = {
    Language.EN: Labels(
        document="Report",
        annex="ANNEX",
        participants="LIST OF PARTICIPANTS",
        programme="DRAFT PROGRAMME",
        time="Time",
        programme_column="Programme",
        original="Original: {language}",
        annex_header="Annex {label} to {symbol}",
        sections={
            Section.MEMBERS: "MEMBER COUNTRIES OF THE OIC",
            Section.OBSERVERS: "OBSERVER COUNTRIES",
            Section.INSTITUTIONS: "THE OIC SUBSIDIARY INSTITUTIONS/ ORGANS",
            Section.OTHERS: "OTHER ORGANIZATIONS",
        },
        languages={"english": "English", "french": "French", "arabic": "Arabic"},
        honorifics={},
        section_letters="ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    ),
    Language.FR: Labels(
        document="Rapport",
        annex="ANNEXE",
        participants="LISTE DES PARTICIPANTS",
        programme="PROJET DE PROGRAMME",
        time="Heure",
        programme_column="Programme",
        original="Original\u00a0: {language}",
        annex_header="Annexe {label} au document {symbol}",
        sections={
            Section.MEMBERS: "PAYS MEMBRES DE L'OCI",
            Section.OBSERVERS: "PAYS OBSERVATEURS",
            Section.INSTITUTIONS: "INSTITUTIONS SUBSIDIAIRES/ ORGANES DE L'OCI",
            Section.OTHERS: "AUTRES ORGANISATIONS",
        },
        languages={"english": "anglais", "french": "français", "arabic": "arabe"},
        honorifics=_HONORIFICS_FR,
        section_letters="ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        last_separator=" et ",
    ),
    Language.AR: Labels(
        document="التقرير",
        annex="الملحق",
        participants="قائمة المشاركين",
        programme="مشروع البرنامج",
        time="الوقت",
        programme_column="البرنامج",
        original="الأصل: {language}",
        annex_header="الملحق {label} للوثيقة {symbol}",
        sections={
            Section.MEMBERS: "الدول الأعضاء في منظمة التعاون الإسلامي",
            Section.OBSERVERS: "الدول المراقبة",
            Section.INSTITUTIONS: "المؤسسات الفرعية/ أجهزة منظمة التعاون الإسلامي",
            Section.OTHERS: "منظمات أخرى",
        },
        languages={"english": "الإنجليزية", "french": "الفرنسية", "arabic": "العربية"},
        honorifics=_HONORIFICS_AR,
        # The Arabic alphabet in its traditional (abjad) order, as Arabic documents letter
        # their sections.
        section_letters="أبجدهوزحطيكلمنسعفصقرشتثخذضظغ",
        annex_ordinals=(
            "الأول",
            "الثاني",
            "الثالث",
            "الرابع",
            "الخامس",
            "السادس",
            "السابع",
            "الثامن",
            "التاسع",
            "العاشر",
            "الحادي عشر",
            "الثاني عشر",
            "الثالث عشر",
            "الرابع عشر",
            "الخامس عشر",
        ),
        list_separator="، ",
        last_separator=" و",
    ),
}


def labels(language: Language) -> Labels:
    return LABELS[language]


def original_line(typed: str, language: Language) -> str:
    """`English` (or `Original: English`) → the edition's `Original: English` line."""
    if not typed:
        return ""
    name = typed.split(":", 1)[1].strip() if ":" in typed else typed.strip()
    shown = LABELS[language].languages.get(name.casefold(), name)
    return LABELS[language].original.format(language=shown)


def honorific(typed: str, language: Language) -> str:
    """A house honorific (`H.E. Dr.`) in the edition's language, word by word."""
    table = LABELS[language].honorifics
    if not table:
        return typed
    return " ".join(table.get(part, part) for part in typed.split())


_NAMES = {Language.EN: "English", Language.FR: "French", Language.AR: "Arabic"}


def language_name(language: Language) -> str:
    """The language's name in English, for messages."""
    return _NAMES[language]
