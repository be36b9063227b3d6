"""Protocol honorifics and names per edition: each edition's titles from the table, the
rank of an "H.E." from the Position (a located warning where it does not say), an edition's
own title and name from its columns, and the comma of the script it joins."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from reportkit import build, check
from reportkit.arrange.language import honorific
from reportkit.model import Language, Rank
from reportkit.problems import Severity
from reportkit.read.honorifics import Honorific, house_honorific
from reportkit.reference.honorifics import edition_titles
from reportkit.reference.ranks import rank_of
from tests.conftest import soffice_convert
from tests.docx_facts import lines_in_order
from tests.workbooks import variant, write_workbook

EN, FR, AR = Language.EN, Language.FR, Language.AR
HEADER = [
    "Delegation", "Honorific", "Honorific ar", "First name", "Last name", "Name fr",
    "Name ar", "Position", "Position fr", "Position ar", "Organisation", "Organisation fr",
    "Organisation ar",
]  # fmt: skip
PEOPLE = [
    ["Egypt", "H.E.", None, "Ahmed", "Hassan", None, "أحمد حسن", "Minister of Trade",
     "Ministre du Commerce", "وزير التجارة", "Ministry of Trade", "Ministère du Commerce",
     "وزارة التجارة"],
    ["Egypt", "H.E.", None, "Omar", "Said", None, None, "Ambassador", "Ambassadeur", "سفير",
     "Embassy of Egypt", "Ambassade d'Égypte", "سفارة مصر"],
    ["Egypt", "H.E.", None, "Ali", "Nour", None, None, "Director, Department of Planning",
     "Directeur, Département de la planification", "مدير إدارة التخطيط", "Ministry of Trade",
     "Ministère du Commerce", None],
    ["Egypt", "H.E.", None, "Sami", "Adel", None, None, "President", "Président", None,
     "Export Bank", "Banque d'exportation", None],
    ["Egypt", "H.E.", "معالي", "Karim", "Fahmy", None, None, "Governor", "Gouverneur",
     "محافظ", "Central Bank", "Banque centrale", "البنك المركزي"],
    ["Egypt", "Prof. Dr.", None, "Hana", "Farid", None, None, "Adviser", "Conseillère",
     "مستشارة", "Cairo University", "Université du Caire", "جامعة القاهرة"],
    ["SESRIC", "Amb.", None, "Musa", "Kula", None, None, "Director General",
     "Directeur général", "المدير العام", "SESRIC", "SESRIC", "SESRIC"],
    ["Saudi Arabia", "H.R.H.", None, "Mohammed", "bin Salman", "Mohammed Ben Salmane",
     "محمد بن سلمان", "Minister of Foreign Affairs", "Ministre des Affaires étrangères",
     "وزير الخارجية", "Ministry of Foreign Affairs", "Ministère des Affaires étrangères",
     "وزارة الخارجية"],
    ["Qatar", "Sheikh", None, "Khalid", "Thani", None, None, "Advisor", "Conseiller",
     "مستشار", "Ministry of Commerce", "Ministère du Commerce", "وزارة التجارة"],
]  # fmt: skip
PRESIDENT_ROW = 5  # Sami Adel, "President": no rank


def meeting() -> dict[str, list[list[object]]]:
    return variant(
        Meeting=[
            ["Field", "Value", "Value fr", "Value ar"],
            ["title", "1st Test Meeting", "1re Réunion d'essai", "الاجتماع التجريبي الأول"],
            ["date", date(2023, 5, 2)],
            ["secretariat", "COMCEC Coordination Office"],
            ["languages", "all"],
        ],
        Participants=[HEADER, *PEOPLE],
    )


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_workbook(tmp_path_factory.mktemp("honorifics") / "meeting.xlsx", meeting())


@pytest.fixture(scope="module")
def lines(workbook: Path) -> dict[Language, list[str]]:
    """Each edition's list of participants as python-docx reads it, from its first delegate."""
    out = workbook.parent / "out"
    texts = {}
    for language in Language:
        paragraphs = [
            p.text for p in lines_in_order(Document(str(build(workbook, out, language=language))))
        ]
        texts[language] = paragraphs[
            next(i for i, t in enumerate(paragraphs) if t.startswith("-")) :
        ]
    return texts


def delegate(lines: list[str], name: str) -> tuple[str, str]:
    """The name line holding `name`, and the details line under it."""
    index = next(i for i, line in enumerate(lines) if line.startswith("-") and name in line)
    return lines[index], lines[index + 1]


def test_a_minister_an_ambassador_and_a_director_typed_h_e_get_their_arabic_titles(
    lines: dict[Language, list[str]],
) -> None:
    arabic = lines[AR]
    assert delegate(arabic, "أحمد حسن") == ("-معالي أحمد حسن", "وزير التجارة، وزارة التجارة")
    assert delegate(arabic, "OMAR SAID") == ("-سعادة OMAR SAID", "سفير، سفارة مصر")
    assert delegate(arabic, "ALI NOUR")[0] == "-سعادة ALI NOUR"
    assert delegate(lines[EN], "AHMED HASSAN")[0] == "-H.E. AHMED HASSAN"
    assert delegate(lines[FR], "OMAR SAID")[0] == "-S.E. OMAR SAID"


def test_a_position_that_does_not_say_is_a_located_warning_in_the_arabic_edition_only(
    workbook: Path, lines: dict[Language, list[str]]
) -> None:
    warnings = [
        p.line("meeting.xlsx")
        for p in check(workbook, [AR])
        if p.severity is Severity.WARNING and "H.E." in p.message
    ]
    assert warnings == [
        f"meeting.xlsx: Participants!H{PRESIDENT_ROW}: warning: the Position does not say whether"
        ' this "H.E." is a head of state, a minister or another senior official, so the Arabic'
        ' edition prints "سعادة" — type the title to print in "Honorific ar": فخامة for a head'
        " of state; معالي for a minister; سعادة for an ambassador or another senior official"
    ]
    assert delegate(lines[AR], "SAMI ADEL")[0] == "-سعادة SAMI ADEL"
    for language in (EN, FR):
        assert not [p for p in check(workbook, [language]) if "H.E." in p.message]


def test_honorific_ar_overrides_and_silences_the_rank(lines: dict[Language, list[str]]) -> None:
    assert delegate(lines[AR], "KARIM FAHMY")[0] == "-معالي KARIM FAHMY"
    assert delegate(lines[FR], "KARIM FAHMY")[0] == "-S.E. KARIM FAHMY"
    assert delegate(lines[EN], "KARIM FAHMY")[0] == "-H.E. KARIM FAHMY"


def test_prof_dr_is_one_title_in_every_edition(lines: dict[Language, list[str]]) -> None:
    assert delegate(lines[EN], "HANA FARID")[0] == "-Prof. Dr. HANA FARID"
    assert delegate(lines[FR], "HANA FARID")[0] == "-Pr HANA FARID"
    assert delegate(lines[AR], "HANA FARID")[0] == "-الأستاذ الدكتور HANA FARID"


def test_amb_hrh_and_sheikh_have_their_french_and_arabic_forms(
    lines: dict[Language, list[str]],
) -> None:
    assert [delegate(lines[FR], n)[0] for n in ("MUSA KULA", "MOHAMMED", "KHALID THANI")] == [
        "-S.E. MUSA KULA",
        "-S.A.R. MOHAMMED BEN SALMANE",
        "-Cheikh KHALID THANI",
    ]
    assert [delegate(lines[AR], n)[0] for n in ("MUSA KULA", "محمد", "KHALID THANI")] == [
        "-السفير MUSA KULA",
        "-صاحب السمو الملكي محمد بن سلمان",
        "-الشيخ KHALID THANI",
    ]


def test_a_name_in_arabic_prints_in_the_arabic_edition_and_the_latin_name_elsewhere(
    lines: dict[Language, list[str]],
) -> None:
    assert delegate(lines[EN], "HASSAN")[0] == "-H.E. AHMED HASSAN"
    assert delegate(lines[FR], "HASSAN")[0] == "-S.E. AHMED HASSAN"
    assert delegate(lines[AR], "أحمد")[0] == "-معالي أحمد حسن"
    assert delegate(lines[EN], "SALMAN")[0] == "-H.R.H. MOHAMMED BIN SALMAN"
    assert not [line for line in lines[AR] if "HASSAN" in line or "SALMAN" in line]


def test_the_arabic_comma_joins_only_two_arabic_texts(lines: dict[Language, list[str]]) -> None:
    arabic = lines[AR]
    assert delegate(arabic, "ALI NOUR")[1] == "مدير إدارة التخطيط, Ministry of Trade"
    assert delegate(arabic, "SAMI ADEL")[1] == "President, Export Bank"
    assert delegate(arabic, "MUSA KULA")[1] == "المدير العام, SESRIC"
    assert delegate(arabic, "KHALID THANI")[1] == "مستشار، وزارة التجارة"
    assert all("،" not in line for language in (EN, FR) for line in lines[language])


def test_libreoffice_reads_the_arabic_edition_s_titles_names_and_commas(
    workbook: Path, lines: dict[Language, list[str]], tmp_path: Path
) -> None:
    """What a reader of the document sees, through LibreOffice's own reading of the .docx."""
    document = workbook.parent / "out" / "meeting.ar.docx"
    text = soffice_convert(document, "txt:Text (encoded):UTF8", tmp_path)
    shown = text.read_text(encoding="utf-8-sig").splitlines()
    for line in (
        "-معالي أحمد حسن",
        "وزير التجارة، وزارة التجارة",
        "-سعادة OMAR SAID",
        "-سعادة ALI NOUR",
        "مدير إدارة التخطيط, Ministry of Trade",
        "-معالي KARIM FAHMY",
        "-الأستاذ الدكتور HANA FARID",
        "-السفير MUSA KULA",
        "-صاحب السمو الملكي محمد بن سلمان",
        "-الشيخ KHALID THANI",
    ):
        assert line in shown
    assert not [line for line in shown if "الدكتور الدكتور" in line or "معالي OMAR" in line]


@pytest.mark.parametrize(
    ("position", "rank"),
    [
        ("Minister of Trade", Rank.MINISTER),
        ("Minister", Rank.MINISTER),
        ("Minister of State for Foreign Affairs", Rank.MINISTER),
        ("Foreign Minister", Rank.MINISTER),
        ("the Minister of Economy, Ministry of Economy", Rank.MINISTER),
        ("Secretary-General of the Organization of Islamic Cooperation", Rank.MINISTER),
        ("Deputy Minister", Rank.OFFICIAL),
        ("Vice Minister of Commerce", Rank.OFFICIAL),
        ("Assistant Minister", Rank.OFFICIAL),
        ("Minister-Counsellor", Rank.OFFICIAL),
        ("Minister Plenipotentiary, Embassy of Egypt", Rank.OFFICIAL),
        ("Ambassador", Rank.AMBASSADOR),
        ("Ambassador Extraordinary and Plenipotentiary", Rank.AMBASSADOR),
        ("Permanent Representative to the OIC", Rank.AMBASSADOR),
        ("Director General", Rank.OFFICIAL),
        ("Head of Department", Rank.OFFICIAL),
        ("Head of State Protocol", Rank.OFFICIAL),
        ("Director, Office of the Minister", Rank.OFFICIAL),
        ("Adviser to the Minister", Rank.OFFICIAL),
        ("Director Minister's Office", Rank.OFFICIAL),
        ("Deputy Permanent Representative", Rank.OFFICIAL),
        ("President of the Republic", Rank.HEAD_OF_STATE),
        ("President of the Republic of Türkiye", Rank.HEAD_OF_STATE),
        ("President of the Islamic Republic of Pakistan", Rank.HEAD_OF_STATE),
        ("Head of State", Rank.HEAD_OF_STATE),
        ("Emir of the State of Qatar", Rank.HEAD_OF_STATE),
        ("President", None),
        ("President, Islamic Development Bank", None),
        ("Vice President of the Republic", None),
        ("Prime Minister", None),
        ("Deputy Prime Minister", None),
        ("Secretary General", None),
        ("Governor of the Central Bank", None),
        ("Chairman of the Board", None),
        ("Crown Prince", None),
        ("", None),
        ("  ", None),
    ],
)
def test_the_rank_of_h_e_comes_from_the_position_s_first_title(
    position: str, rank: Rank | None
) -> None:
    assert rank_of(position) == rank


@pytest.mark.parametrize(
    ("house", "rank", "french", "arabic"),
    [
        ("H.E.", Rank.HEAD_OF_STATE, "S.E.", "فخامة"),
        ("H.E.", Rank.MINISTER, "S.E.", "معالي"),
        ("H.E.", Rank.AMBASSADOR, "S.E.", "سعادة"),
        ("H.E.", Rank.OFFICIAL, "S.E.", "سعادة"),
        ("H.E.", None, "S.E.", "سعادة"),
        ("H.E. Dr.", Rank.MINISTER, "S.E. Dr.", "معالي الدكتور"),
        ("H.E. Mr.", Rank.OFFICIAL, "S.E. M.", "سعادة السيد"),
        ("H.E. Amb.", Rank.AMBASSADOR, "S.E.", "سعادة السفير"),
        ("Prof. Dr.", None, "Pr", "الأستاذ الدكتور"),
        ("Prof.", None, "Pr", "الأستاذ الدكتور"),
        ("Dr. Prof.", None, "Dr. Pr", "الدكتور الأستاذ"),
        ("Amb. Prof. Dr.", None, "S.E. Pr", "السفير الأستاذ الدكتور"),
        ("Assoc. Prof. Dr.", None, "Assoc. Prof. Dr.", "الأستاذ المشارك الدكتور"),
        ("H.R.H.", None, "S.A.R.", "صاحب السمو الملكي"),
        ("Sheikha", None, "Cheikha", "الشيخة"),
        ("Eng.", None, "Ing.", "المهندس"),
        ("Datuk", None, "Datuk", "Datuk"),
    ],
)
def test_house_titles_in_each_edition_s_words_never_doubled(
    house: str, rank: Rank | None, french: str, arabic: str
) -> None:
    assert honorific(house, EN, rank) == house
    assert (honorific(house, FR, rank), honorific(house, AR, rank)) == (french, arabic)


def test_every_title_the_table_prints_is_one_honorific_ar_or_fr_may_be_typed_as() -> None:
    """So that a rapporteur copying the table's words into `Honorific ar` gets no warning."""
    table = edition_titles().forms
    assert len(table) > 10
    for (house, _), forms in table.items():
        assert house_honorific(house) == Honorific(house, known=True)
        for form in forms.values():
            assert house_honorific(form) == Honorific(form, known=True)


def test_every_form_of_the_table_names_a_source_sources_md_lists() -> None:
    data = Path(__file__).resolve().parents[1] / "reportkit/reference/data"
    sources = (data / "SOURCES.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\s*- ([A-Z][A-Z0-9-]+): ", sources, re.MULTILINE))
    with (data / "honorifics.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        for language in ("fr", "ar"):
            keys = [key for key in row[f"{language}_source"].split(";") if key]
            assert bool(row[language]) == bool(keys), row
            assert set(keys) <= listed, (row, set(keys) - listed)
    assert {row["rank"] for row in rows} == {"", *(rank.value for rank in Rank)}


def test_an_edition_s_own_title_is_spelt_as_the_house_list_has_it(tmp_path: Path) -> None:
    people = [
        ["Delegation", "Honorific", "Honorific fr", "Honorific ar", "First name", "Last name"],
        ["Egypt", "Mr.", "pr", "Datuk", "Ahmed", "Hassan"],
    ]
    workbook = write_workbook(tmp_path / "m.xlsx", variant(Participants=people))
    french = [p.line("m.xlsx") for p in check(workbook, [FR]) if "Participants!C2" in p.location]
    arabic = [p.line("m.xlsx") for p in check(workbook, [AR]) if "Participants!D2" in p.location]
    assert french == [
        'm.xlsx: Participants!C2: warning: the honorific "pr" is printed "Pr", as the house list'
        ' spells it — nothing to do; type "Pr" to silence this'
    ]
    assert arabic == [
        'm.xlsx: Participants!D2: warning: the honorific "Datuk" is not in the house list;'
        " printed as typed — if it is a slip, type the Arabic title as the house list spells it"
        " (السيد, السيدة, الآنسة, الدكتور, سعادة, فخامة, معالي, السفير, المهندس, الشيخ,"
        " الشيخة); titles may be combined"
    ]
    out = tmp_path / "out"
    assert (
        delegate(_participants(build(workbook, out, language=FR)), "HASSAN")[0]
        == "-Pr AHMED HASSAN"
    )
    assert (
        delegate(_participants(build(workbook, out, language=AR)), "HASSAN")[0]
        == "-Datuk AHMED HASSAN"
    )


def _participants(document: Path) -> list[str]:
    return [p.text for p in lines_in_order(Document(str(document)))]
