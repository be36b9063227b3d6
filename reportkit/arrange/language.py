"""What reportkit writes itself, in each of the OIC's languages.

Everything a rapporteur types comes from the workbook in the edition's language (`Text fr`,
`Value ar` …); what reportkit writes on its own — annex headings, the subtitles of annexes,
the sections of the list of participants, honorifics, the "Original:" line, dates — comes
from here. French follows the French editions of OIC documents: accented capitals
(`PAYS MEMBRES DE L’OCI`, with the typographic apostrophe), `1er novembre 2022`, no-break
spaces before `;` and `:` (arrange/typography.py sets every French text so). Arabic
follows the Arabic edition of COMCEC's Follow-up Committee report (SOURCES.md, FC33-AR):
Western digits, months named twice as Gulf and Levantine readers know them (`مايو / أيار`),
`الأصل: الإنجليزية`. The headings of the OIC's categories of bodies are its own words where
they were found (reference/data/SOURCES.md, 2.7). The wording is reportkit's own
translation where no source gives it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportkit.model import InstitutionCategory, Language, Rank, Section
from reportkit.reference.honorifics import edition_titles


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
    # The sections of OIC bodies by category; the General Secretariat's is headed by its name.
    categories: dict[InstitutionCategory, str]
    languages: dict[str, str]
    section_letters: str
    annex_ordinals: tuple[str, ...] = ()
    list_separator: str = ", "
    last_separator: str = " and "
    # One line opening an annex, as Working Group proceedings print it.
    annex_line: str = "Annex {label}: {title}"


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
        categories={
            InstitutionCategory.SUBSIDIARY: "OIC SUBSIDIARY ORGANS",
            InstitutionCategory.SPECIALIZED: "OIC SPECIALIZED INSTITUTIONS",
            InstitutionCategory.AFFILIATED: "OIC AFFILIATED INSTITUTIONS",
            InstitutionCategory.OTHERS: "OTHER OIC INSTITUTIONS",
        },
        languages={"english": "English", "french": "French", "arabic": "Arabic"},
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
            Section.MEMBERS: "PAYS MEMBRES DE L’OCI",
            Section.OBSERVERS: "PAYS OBSERVATEURS",
            Section.INSTITUTIONS: "INSTITUTIONS SUBSIDIAIRES/ ORGANES DE L’OCI",
            Section.OTHERS: "AUTRES ORGANISATIONS",
        },
        categories={
            InstitutionCategory.SUBSIDIARY: "ORGANES SUBSIDIAIRES DE L’OCI",
            InstitutionCategory.SPECIALIZED: "INSTITUTIONS SPÉCIALISÉES DE L’OCI",
            InstitutionCategory.AFFILIATED: "INSTITUTIONS AFFILIÉES À L’OCI",
            InstitutionCategory.OTHERS: "AUTRES INSTITUTIONS DE L’OCI",
        },
        languages={"english": "anglais", "french": "français", "arabic": "arabe"},
        section_letters="ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        last_separator=" et ",
        annex_line="Annexe {label}\u00a0: {title}",
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
        categories={
            InstitutionCategory.SUBSIDIARY: "الأجهزة الفرعية لمنظمة التعاون الإسلامي",
            InstitutionCategory.SPECIALIZED: "الأجهزة المتخصصة لمنظمة التعاون الإسلامي",
            InstitutionCategory.AFFILIATED: "المؤسسات المنتمية لمنظمة التعاون الإسلامي",
            InstitutionCategory.OTHERS: "مؤسسات أخرى لمنظمة التعاون الإسلامي",
        },
        languages={"english": "الإنجليزية", "french": "الفرنسية", "arabic": "العربية"},
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
        annex_line="الملحق {label}: {title}",
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


@lru_cache(maxsize=4096)
def honorific(house: str, language: Language, rank: Rank | None = None) -> str:
    """A house honorific (`H.E. Dr.`) in the edition's words, title by title, "H.E." by
    the person's `rank` (reference/honorifics.py).

    No word is printed twice: `H.E. Amb.` is `S.E.` in French, where `S.E.` says both,
    and `Dr. Prof.` `الدكتور الأستاذ` in Arabic, where a professor is `الأستاذ الدكتور`.
    Words the table does not know are kept as they are.
    """
    if language is Language.EN:
        return house
    table = edition_titles()
    printed: list[str] = []
    for title in _titles(house):
        printed += [w for w in table.form(title, language, rank).split() if w not in printed]
    return " ".join(printed)


def rank_forms(house: str, language: Language) -> dict[Rank, str]:
    """How the edition prints `house` rank by rank when one of its titles differs by rank
    (H.E. in Arabic); empty when the rank changes nothing, so that an unknown one is no
    matter."""
    table = edition_titles()
    if not any(table.differs_by_rank(title, language) for title in _titles(house)):
        return {}
    return {rank: honorific(house, language, rank) for rank in Rank}


@lru_cache(maxsize=1024)
def _titles(house: str) -> tuple[str, ...]:
    """`house` cut into the table's titles, the longest first (`Assoc. Prof.` is one).
    Cached, as `honorific` is: a list of thousands holds a handful of honorifics."""
    known = edition_titles().house_titles
    words, titles = house.split(), []
    while words:
        size = next((n for n in range(len(words), 1, -1) if " ".join(words[:n]) in known), 1)
        titles.append(" ".join(words[:size]))
        words = words[size:]
    return tuple(titles)


_NAMES = {Language.EN: "English", Language.FR: "French", Language.AR: "Arabic"}


def language_name(language: Language) -> str:
    """The language's name in English, for messages."""
    return _NAMES[language]
