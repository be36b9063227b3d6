"""Names of the meeting's date in every edition, as the built documents print them.

A workbook asking for all three editions is built for a meeting of 2017 and one of 2024: each
edition heads Türkiye, the Islamic Development Bank and the Islamic Chamber by the names they
bore on that date in its own language, each name with the acronym of the same period, and the
COMCEC Coordination Office heads its section in the edition's language. Expected text is
written out here from reference/data/SOURCES.md (2.5, 2.6) and the real editions the team
recorded (FC33-FR, FC33-AR, S27-FR in shared/reference/oic-editions.md), never computed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest

from reportkit.api import BuildResult, build_report, editions
from reportkit.model import Language
from tests.conftest import soffice_convert
from tests.docx_facts import is_list_table, lines_in_order
from tests.workbooks import variant, write_workbook

EN, FR, AR = Language.EN, Language.FR, Language.AR
IN_2017, IN_2024 = date(2017, 5, 10), date(2024, 3, 5)

# The delegations are typed by their present names, in three languages: the date decides.
DELEGATES = (
    ("Türkiye", "Mr.", "Ali", "Demir", "Director", "Directeur", "مدير"),
    ("Banque islamique de développement", "Ms.", "Sara", "Khan", "Adviser", "Conseillère",
     "مستشارة"),
    ("الغرفة الإسلامية للتجارة والتنمية", "Mr.", "Omar", "Said", "Secretary General",
     "Secrétaire général", "أمين عام"),
    ("COMCEC Coordination Office", "Mr.", "Selçuk", "Koç", "Director", "Directeur", "مدير"),
)  # fmt: skip

# The headings each edition prints, by the meeting's year.
HEADINGS = {
    (IN_2017, EN): [
        "REPUBLIC OF TURKEY",
        "ISLAMIC DEVELOPMENT BANK (IDB)",
        "ISLAMIC CHAMBER OF COMMERCE, INDUSTRY AND AGRICULTURE (ICCIA)",
        "C. COMCEC COORDINATION OFFICE",
    ],
    (IN_2017, FR): [
        "RÉPUBLIQUE DE TURQUIE",
        "BANQUE ISLAMIQUE DE DÉVELOPPEMENT (BID)",
        "CHAMBRE ISLAMIQUE DE COMMERCE, D’INDUSTRIE ET D’AGRICULTURE (CICIA)",
        "C. BUREAU DE COORDINATION DU COMCEC",
    ],
    (IN_2017, AR): [
        "الجمهورية التركية",
        "البنك الإسلامي للتنمية (IDB)",
        "الغرفة الإسلامية للتجارة والصناعة والزراعة (ICCIA)",
        "ج. مكتب تنسيق الكومسيك",
    ],
    (IN_2024, EN): [
        "REPUBLIC OF TÜRKİYE",
        "ISLAMIC DEVELOPMENT BANK (ISDB)",
        "ISLAMIC CHAMBER OF COMMERCE AND DEVELOPMENT (ICCD)",
        "C. COMCEC COORDINATION OFFICE",
    ],
    (IN_2024, FR): [
        "RÉPUBLIQUE DE TÜRKİYE",
        "BANQUE ISLAMIQUE DE DÉVELOPPEMENT (BID)",
        "CHAMBRE ISLAMIQUE DE COMMERCE ET DE DÉVELOPPEMENT (CICD)",
        "C. BUREAU DE COORDINATION DU COMCEC",
    ],
    (IN_2024, AR): [
        "الجمهورية التركية",
        "البنك الإسلامي للتنمية (ISDB)",
        "الغرفة الإسلامية للتجارة والتنمية (ICCD)",
        "ج. مكتب تنسيق الكومسيك",
    ],
}
# What an edition of 2017 must not print anywhere: a name or acronym of another period (the
# 2023 Chamber's name beside its 2017 acronym was the defect), or an English heading.
NOT_IN_2017 = {
    EN: ["TÜRKİYE", "(ISDB)", "(ICCD)", "DEVELOPMENT (ICCD)"],
    FR: ["TÜRKİYE", "CICD", "(ICCD)", "(ICCIA)", "COMMERCE ET DE DÉVELOPPEMENT", "COORDINATION OFFICE"],
    AR: ["الغرفة الإسلامية للتجارة والتنمية", "(ICCD)", "(ISDB)", "COORDINATION OFFICE"],
}  # fmt: skip
# The running text's [[institution list]], in each edition's words.
ATTENDING = {EN: "Attending", FR: "Présents", AR: "الحضور"}
ACRONYMS = {
    (IN_2017, EN): ("IDB", "ICCIA"),
    (IN_2017, FR): ("BID", "CICIA"),
    (IN_2017, AR): ("IDB", "ICCIA"),
    (IN_2024, EN): ("IsDB", "ICCD"),
    (IN_2024, FR): ("BID", "CICD"),
    (IN_2024, AR): ("IsDB", "ICCD"),
}


def _sheets(day: date) -> dict[str, list[list[object]]]:
    """A meeting of that date asking for all three editions, with every text translated."""
    return variant(
        Meeting=[
            ["Field", "Value", "Value fr", "Value ar"],
            [
                "title",
                "33rd Meeting of the Follow-up Committee",
                "33e Réunion du Comité de suivi",
                "الاجتماع الثالث والثلاثون للجنة المتابعة",
            ],
            ["date", day],
            ["secretariat", "COMCEC Coordination Office"],
            ["languages", "all"],
        ],
        Report=[
            ["Kind", "Text", "Text fr", "Text ar"],
            [
                "paragraph",
                "Attending: [[institution list]].",
                "Présents : [[institution list]].",
                "الحضور: [[institution list]].",
            ],
        ],
        Agenda=[["Kind", "Text", "Text fr", "Text ar"], ["item", "Opening", "Ouverture", "الافتتاح"]],
        Programme=[
            ["Day", "Start", "End", "Title", "Title fr", "Title ar"],
            [None, "10.00", "10.30", "Opening", "Ouverture", "الافتتاح"],
        ],
        Participants=[
            ["Delegation", "Honorific", "First name", "Last name", "Position", "Position fr",
             "Position ar"],
            *[list(delegate) for delegate in DELEGATES],
        ],
    )  # fmt: skip


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[date, Language], BuildResult]:
    """Every edition the workbook asks for, of the meeting of 2017 and of 2024."""
    results = {}
    for day in (IN_2017, IN_2024):
        folder = tmp_path_factory.mktemp(f"names-{day.year}")
        workbook = write_workbook(folder / "meeting.xlsx", _sheets(day))
        chosen = editions(workbook)
        assert chosen == [EN, FR, AR]
        for language in chosen:
            results[day, language] = build_report(workbook, folder / "out", language=language)
    return results


def _lines(document: Path) -> list[str]:
    """The document's paragraphs, in its body and its tables, as python-docx reads them."""
    report = docx.Document(str(document))
    paragraphs = lines_in_order(report)
    for table in report.tables:
        if not is_list_table(table):
            paragraphs += [p for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return [p.text.strip() for p in paragraphs if p.text.strip()]


@pytest.mark.parametrize("day", [IN_2017, IN_2024], ids=["2017", "2024"])
@pytest.mark.parametrize("language", [EN, FR, AR])
def test_each_edition_heads_delegations_by_their_names_of_the_date(
    built: dict[tuple[date, Language], BuildResult], day: date, language: Language
) -> None:
    lines = _lines(built[day, language].path)
    assert [line for line in lines if line in HEADINGS[day, language]] == HEADINGS[day, language]


@pytest.mark.parametrize("language", [EN, FR, AR])
def test_an_edition_of_2017_prints_no_name_of_another_period(
    built: dict[tuple[date, Language], BuildResult], language: Language
) -> None:
    text = "\n".join(_lines(built[IN_2017, language].path))
    assert [name for name in NOT_IN_2017[language] if name in text] == []


@pytest.mark.parametrize("day", [IN_2017, IN_2024], ids=["2017", "2024"])
@pytest.mark.parametrize("language", [EN, FR, AR])
def test_running_text_names_the_bodies_by_the_acronyms_of_the_date(
    built: dict[tuple[date, Language], BuildResult], day: date, language: Language
) -> None:
    (line,) = [x for x in _lines(built[day, language].path) if x.startswith(ATTENDING[language])]
    bank, chamber = ACRONYMS[day, language]
    assert line.index(bank) < line.index(chamber)
    of_the_other_date = {
        a for (_, edition), pair in ACRONYMS.items() if edition is language for a in pair
    } - {bank, chamber}
    assert [a for a in of_the_other_date if a in line] == []


@pytest.mark.parametrize("day", [IN_2017, IN_2024], ids=["2017", "2024"])
def test_no_edition_lacks_a_name_of_its_date(
    built: dict[tuple[date, Language], BuildResult], day: date
) -> None:
    """Every name printed is the reference data's own in the edition's language: no warning."""
    for language in (EN, FR, AR):
        assert [p.message for p in built[day, language].warnings] == []


@pytest.fixture(scope="module")
def rendered_2017(
    built: dict[tuple[date, Language], BuildResult], tmp_path_factory: pytest.TempPathFactory
) -> dict[Language, list[str]]:
    """The French and Arabic editions of 2017 as LibreOffice reads and writes them out."""
    shown = {}
    for language in (FR, AR):
        out = tmp_path_factory.mktemp(f"lo-{language.value}")
        text = soffice_convert(built[IN_2017, language].path, "txt:Text (encoded):UTF8", out)
        shown[language] = [x.strip() for x in text.read_text(encoding="utf-8-sig").splitlines()]
    return shown


@pytest.mark.parametrize("language", [FR, AR])
def test_libreoffice_reads_the_names_of_2017_in_each_edition(
    rendered_2017: dict[Language, list[str]], language: Language
) -> None:
    lines = rendered_2017[language]
    assert [x for x in lines if x in HEADINGS[IN_2017, language]] == HEADINGS[IN_2017, language]
    text = "\n".join(lines)
    assert [name for name in NOT_IN_2017[language] if name in text] == []
