"""OIC bodies and the secretariat as built reports print them, in each `institution_sections`
choice: the list of participants (Annex III) and a `[[institution list]]` paragraph, as
python-docx reads the .docx; the categories' headings in the French edition; and what
`reportkit check` says of a value it does not know. Expected text is written out here by
hand from the rows typed and the reference data's names of 2023."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest

from reportkit.api import build_report
from reportkit.model import Language
from tests.commands import reportkit_cli
from tests.docx_facts import lines_in_order
from tests.workbooks import variant, write_workbook

# The CCO typed first, the bodies out of their categories' order.
PARTICIPANTS = [
    ["Delegation", "Honorific", "First name", "Last name", "Position", "Organisation"],
    ["COMCEC Coordination Office", "Mr.", "Selçuk", "Koç", "", ""],
    ["SMIIC", "Mr.", "Ihsan", "Ovut", "", ""],
    ["Pakistan", "Mr.", "Imran", "Siddiqui", "", ""],
    ["SESRIC", "Dr.", "Atilla", "Karaman", "", ""],
    ["COMSTECH", "Mr.", "Haris", "Akram", "", ""],
    ["OIC General Secretariat", "Mr.", "Jakhongir", "Khasanov", "", ""],
    ["IsDB", "Ms.", "Sara", "Khan", "", ""],
]
REPORT = [
    ["Kind", "Text", "Text fr"],
    [
        "paragraph",
        "Attending: [[institution list]]; [[institutions]] institutions.",
        "Présents : [[institution list]] ; [[institutions]] institutions.",
    ],
]
PAKISTAN = ["A. MEMBER COUNTRIES OF THE OIC", "ISLAMIC REPUBLIC OF PAKISTAN", "-Mr. IMRAN SIDDIQUI"]
GS = "OIC GENERAL SECRETARIAT"
SESRIC = (
    "STATISTICAL, ECONOMIC AND SOCIAL RESEARCH AND TRAINING CENTRE FOR ISLAMIC COUNTRIES (SESRIC)"
)
SMIIC = "STANDARDS AND METROLOGY INSTITUTE FOR ISLAMIC COUNTRIES (SMIIC)"
COMSTECH = "STANDING COMMITTEE ON SCIENTIFIC AND TECHNOLOGICAL COOPERATION (COMSTECH)"
ISDB = "ISLAMIC DEVELOPMENT BANK (ISDB)"
CCO = "COMCEC COORDINATION OFFICE"
KOC, OVUT, KARAMAN = "-Mr. SELÇUK KOÇ", "-Mr. IHSAN OVUT", "-Dr. ATILLA KARAMAN"
AKRAM, KHASANOV, KHAN = "-Mr. HARIS AKRAM", "-Mr. JAKHONGIR KHASANOV", "-Ms. SARA KHAN"

# Meeting fields → (Annex III after its title lines, the [[institution list]] paragraph).
PRINTED = {
    "default": (
        [],
        [
            *PAKISTAN,
            "B. THE OIC SUBSIDIARY INSTITUTIONS/ ORGANS",
            GS, KHASANOV, SESRIC, KARAMAN, ISDB, KHAN, SMIIC, OVUT, COMSTECH, AKRAM,
            f"C. {CCO}", KOC,
        ],
        "Attending: OIC General Secretariat, SESRIC, IsDB, SMIIC and COMSTECH; 5 institutions.",
    ),
    "ordering as-typed": (
        [["ordering", "as-typed"]],
        [
            *PAKISTAN,
            f"B. {CCO}", KOC,
            "C. THE OIC SUBSIDIARY INSTITUTIONS/ ORGANS",
            SMIIC, OVUT, SESRIC, KARAMAN, COMSTECH, AKRAM, GS, KHASANOV, ISDB, KHAN,
        ],
        "Attending: COMCEC Coordination Office, SMIIC, SESRIC, COMSTECH, OIC General"
        " Secretariat and IsDB; 5 institutions.",
    ),
    "categories": (
        [["institution_sections", "categories"]],
        [
            *PAKISTAN,
            f"B. {GS}", KHASANOV,
            f"C. {CCO}", KOC,
            "D. OIC SUBSIDIARY ORGANS", SESRIC, KARAMAN,
            "E. OIC SPECIALIZED INSTITUTIONS", ISDB, KHAN,
            "F. OIC AFFILIATED INSTITUTIONS", SMIIC, OVUT,
            "G. OTHER OIC INSTITUTIONS", COMSTECH, AKRAM,
        ],
        "Attending: OIC General Secretariat, COMCEC Coordination Office, SESRIC, IsDB, SMIIC"
        " and COMSTECH; 5 institutions.",
    ),
    "as-typed": (
        [["institution_sections", "as-typed"]],
        [
            *PAKISTAN,
            "B. THE OIC SUBSIDIARY INSTITUTIONS/ ORGANS",
            CCO, KOC, SMIIC, OVUT, SESRIC, KARAMAN, COMSTECH, AKRAM, GS, KHASANOV, ISDB, KHAN,
        ],
        "Attending: COMCEC Coordination Office, SMIIC, SESRIC, COMSTECH, OIC General"
        " Secretariat and IsDB; 5 institutions.",
    ),
}  # fmt: skip


def meeting(*fields: list[object]) -> list[list[object]]:
    return [
        ["Field", "Value"],
        ["title", "1st Test Meeting"],
        ["date", date(2023, 5, 2)],
        ["secretariat", "COMCEC Coordination Office"],
        *fields,
    ]


def lines(report: Path) -> list[str]:
    """The document's non-empty paragraphs as python-docx reads them."""
    paragraphs = lines_in_order(docx.Document(str(report)))
    return [p.text.strip() for p in paragraphs if p.text.strip()]


def annex_participants(text: list[str], heading: str) -> list[str]:
    """Annex III from its first section: what follows its title lines."""
    start = text.index(heading) + 1
    return text[start + 1 :] if text[start].startswith("(") else text[start:]


@pytest.mark.parametrize("case", list(PRINTED))
def test_the_list_and_the_institution_list_as_each_choice_prints_them(
    tmp_path: Path, case: str
) -> None:
    fields, annex, sentence = PRINTED[case]
    workbook = write_workbook(
        tmp_path / "meeting.xlsx",
        variant(Meeting=meeting(*fields), Participants=PARTICIPANTS, Report=REPORT),
    )
    text = lines(build_report(workbook, tmp_path / "out").path)
    assert annex_participants(text, "LIST OF PARTICIPANTS") == annex
    (attending,) = [line for line in text if line.startswith("Attending")]
    assert attending == sentence


def test_the_french_edition_heads_the_categories_in_french(tmp_path: Path) -> None:
    workbook = write_workbook(
        tmp_path / "meeting.xlsx",
        variant(
            Meeting=meeting(["institution_sections", "categories"], ["languages", "en, fr"]),
            Participants=PARTICIPANTS,
            Report=REPORT,
        ),
    )
    text = lines(build_report(workbook, tmp_path / "out", language=Language.FR).path)
    annex = annex_participants(text, "LISTE DES PARTICIPANTS")
    assert [line for line in annex if line[1:3] == ". "] == [
        "A. PAYS MEMBRES DE L’OCI",
        # The General Secretariat's French name as the reference data gives it (SESRIC-FR471).
        "B. SECRÉTARIAT GÉNÉRAL DE L'OCI",
        "C. BUREAU DE COORDINATION DU COMCEC",
        "D. ORGANES SUBSIDIAIRES DE L’OCI",
        "E. INSTITUTIONS SPÉCIALISÉES DE L’OCI",
        "F. INSTITUTIONS AFFILIÉES À L’OCI",
        "G. AUTRES INSTITUTIONS DE L’OCI",
    ]
    (attending,) = [line for line in text if line.startswith("Présents")]
    assert attending == (
        "Présents\u00a0: Secrétariat Général de l'OCI, Bureau de Coordination du COMCEC, SESRIC,"
        " BID, INMPI et COMSTECH\u202f; 5 institutions."
    )


def test_check_says_an_unknown_choice_in_one_located_line(tmp_path: Path) -> None:
    workbook = write_workbook(
        tmp_path / "meeting.xlsx",
        variant(Meeting=meeting(["institution_sections", "by category"])),
    )
    result = reportkit_cli("check", str(workbook), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f'{workbook}: Meeting!B5: unknown institution sections "by category" — write one of:'
        " one, categories, as-typed",
        f"{workbook}: 1 error, 0 warnings",
    ]
    assert result.stderr == ""
