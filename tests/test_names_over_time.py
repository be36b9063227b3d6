"""Names in force on a meeting's date: the reference data's former names and their dates,
in each edition's language.

Expected names are written out here from data/SOURCES.md section 2.5, never computed.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import docx
import pytest

import reportkit
from reportkit.arrange.capitals import capitals
from reportkit.arrange.participants import arrange_participants
from reportkit.model import HeadingOverride, Language, Meeting, Participant
from reportkit.reference import load_reference
from reportkit.reference.history import FormerName, in_force, load_history, parse_valid_until
from tests.docx_facts import lines_in_order
from tests.workbooks import variant, write_workbook


def heading_on(present_name: str, day: date) -> str:
    """The heading printed for a delegation on `day`, found by its present name."""
    found = load_reference().find(present_name)
    assert found is not None, present_name
    return capitals(found.as_of(day).heading)


@pytest.mark.parametrize(
    ("present", "day", "printed"),
    [
        ("Türkiye", date(2017, 5, 10), "REPUBLIC OF TURKEY"),
        ("Türkiye", date(2022, 5, 31), "REPUBLIC OF TURKEY"),
        ("Türkiye", date(2022, 6, 1), "REPUBLIC OF TÜRKİYE"),
        ("Türkiye", date(2024, 3, 5), "REPUBLIC OF TÜRKİYE"),
        ("IsDB", date(2017, 5, 10), "ISLAMIC DEVELOPMENT BANK (IDB)"),
        ("IsDB", date(2018, 6, 5), "ISLAMIC DEVELOPMENT BANK (IDB)"),
        ("IsDB", date(2018, 6, 6), "ISLAMIC DEVELOPMENT BANK (ISDB)"),
        (
            "ICCD",
            date(2017, 5, 10),
            "ISLAMIC CHAMBER OF COMMERCE, INDUSTRY AND AGRICULTURE (ICCIA)",
        ),
        (
            "ICCD",
            date(2023, 12, 15),
            "ISLAMIC CHAMBER OF COMMERCE, INDUSTRY AND AGRICULTURE (ICCIA)",
        ),
        ("ICCD", date(2023, 12, 16), "ISLAMIC CHAMBER OF COMMERCE AND DEVELOPMENT (ICCD)"),
        (
            "ICESCO",
            date(2020, 1, 28),
            "ISLAMIC EDUCATIONAL, SCIENTIFIC AND CULTURAL ORGANIZATION (ISESCO)",
        ),
        (
            "ICESCO",
            date(2020, 1, 29),
            "ISLAMIC WORLD EDUCATIONAL, SCIENTIFIC AND CULTURAL ORGANIZATION (ICESCO)",
        ),
        ("UNA", date(2017, 10, 14), "INTERNATIONAL ISLAMIC NEWS AGENCY (IINA)"),
        ("UNA", date(2017, 10, 15), "UNION OF OIC NEWS AGENCIES (UNA)"),
        (
            "ICYF",
            date(2018, 10, 23),
            "ISLAMIC CONFERENCE YOUTH FORUM FOR DIALOGUE AND COOPERATION (ICYF-DC)",
        ),
        ("ICYF", date(2018, 10, 24), "ISLAMIC COOPERATION YOUTH FORUM (ICYF)"),
        ("IsDBI", date(2021, 4, 23), "ISLAMIC RESEARCH AND TRAINING INSTITUTE (IRTI)"),
        ("IsDBI", date(2021, 4, 24), "ISLAMIC DEVELOPMENT BANK INSTITUTE (ISDBI)"),
        # Dated to the month only: the change counts from its first day.
        ("ISSA", date(2023, 10, 31), "ISLAMIC SOLIDARITY SPORTS FEDERATION (ISSF)"),
        ("ISSA", date(2023, 11, 1), "ISLAMIC SOLIDARITY SPORTS ASSOCIATION (ISSA)"),
        ("IBU", date(2010, 11, 30), "ISLAMIC STATES BROADCASTING ORGANIZATION (ISBO)"),
        ("IBU", date(2010, 12, 1), "ISLAMIC BROADCASTING UNION (IBU)"),
    ],
)
def test_a_meeting_prints_the_names_in_force_on_its_date(
    present: str, day: date, printed: str
) -> None:
    assert heading_on(present, day) == printed


SESRIC_HEADING = (
    "STATISTICAL, ECONOMIC AND SOCIAL RESEARCH AND TRAINING CENTRE FOR ISLAMIC COUNTRIES (SESRIC)"
)


@pytest.mark.parametrize("day", [date(2005, 3, 1), date(2017, 5, 10), date(2024, 3, 5)])
def test_an_undated_former_name_is_never_printed(day: date) -> None:
    """No source dates SESRTCIC → SESRIC or ICCI → ICCIA: those old names are input only."""
    assert heading_on("SESRIC", day) == SESRIC_HEADING
    assert "(ICCI)" not in heading_on("ICCD", day)
    assert load_reference().find("SESRTCIC").name == "SESRIC"
    assert load_reference().find("Islamic Chamber of Commerce and Industry").name == "ICCD"


def test_a_short_name_changes_with_the_date_too() -> None:
    turkiye = load_reference().find("TR")
    assert turkiye.as_of(date(2017, 5, 10)).name == "Turkey"
    assert turkiye.as_of(date(2023, 1, 1)).name == "Türkiye"
    # What a delegation is does not change: codes, kind. Its names do, in every language.
    old = turkiye.as_of(date(2017, 5, 10))
    assert (old.iso3, old.kind) == ("TUR", turkiye.kind)
    assert (old.name_fr, old.formal_name_fr) == ("Turquie", "République de Turquie")
    assert (old.name_ar, old.formal_name_ar) == ("تركيا", "الجمهورية التركية")
    assert turkiye.formal_name_fr == "République de Türkiye"


FR, AR = Language.FR, Language.AR


@pytest.mark.parametrize(
    ("present", "day", "language", "printed"),
    [
        # The French reports of the 27th (2011) and 32nd (2016) COMCEC Sessions; FC33-AR (2017).
        ("Türkiye", date(2017, 5, 10), FR, "RÉPUBLIQUE DE TURQUIE"),
        ("Türkiye", date(2017, 5, 10), AR, "الجمهورية التركية"),
        ("Türkiye", date(2022, 6, 1), FR, "RÉPUBLIQUE DE TÜRKİYE"),
        ("Türkiye", date(2022, 6, 1), AR, "الجمهورية التركية"),
        # A former name with its former acronym in each language, never today's beside it.
        (
            "ICCD",
            date(2017, 5, 10),
            FR,
            "CHAMBRE ISLAMIQUE DE COMMERCE, D’INDUSTRIE ET D’AGRICULTURE (CICIA)",
        ),
        ("ICCD", date(2017, 5, 10), AR, "الغرفة الإسلامية للتجارة والصناعة والزراعة (ICCIA)"),
        (
            "ICCD",
            date(2023, 12, 16),
            FR,
            "CHAMBRE ISLAMIQUE DE COMMERCE ET DE DÉVELOPPEMENT (CICD)",
        ),
        ("ICCD", date(2023, 12, 16), AR, "الغرفة الإسلامية للتجارة والتنمية (ICCD)"),
        ("IsDB", date(2017, 5, 10), FR, "BANQUE ISLAMIQUE DE DÉVELOPPEMENT (BID)"),
        ("IsDB", date(2017, 5, 10), AR, "البنك الإسلامي للتنمية (IDB)"),
        ("IsDB", date(2018, 6, 6), AR, "البنك الإسلامي للتنمية (ISDB)"),
        ("IsDBI", date(2021, 4, 23), FR, "INSTITUT ISLAMIQUE DE RECHERCHE ET DE FORMATION (IIRF)"),
        ("IsDBI", date(2021, 4, 23), AR, "المعهد الإسلامي للبحوث والتدريب (IRTI)"),
        ("ICESCO", date(2020, 1, 28), AR, "المنظمة الإسلامية للتربية والعلوم والثقافة (إيسيسكو)"),
        (
            "ICESCO",
            date(2020, 1, 28),
            FR,
            "ORGANISATION ISLAMIQUE POUR L’ÉDUCATION, LES SCIENCES ET LA CULTURE (ISESCO)",
        ),
        ("UNA", date(2017, 10, 14), FR, "AGENCE INTERNATIONALE ISLAMIQUE DE PRESSE (IINA)"),
        ("UNA", date(2017, 10, 14), AR, "وكالة الأنباء الإسلامية الدولية (إينا)"),
        ("UNA", date(2017, 10, 15), AR, "اتحاد وكالات أنباء دول منظمة التعاون الإسلامي (يونا)"),
        ("ISSA", date(2023, 10, 31), FR, "FÉDÉRATION SPORTIVE DE LA SOLIDARITÉ ISLAMIQUE (ISSF)"),
        ("ISSA", date(2023, 11, 1), FR, "ASSOCIATION SPORTIVE DE LA SOLIDARITÉ ISLAMIQUE (ISSA)"),
        (
            "ICYF",
            date(2018, 10, 23),
            FR,
            "FORUM DE LA JEUNESSE DE LA CONFÉRENCE ISLAMIQUE POUR LE DIALOGUE ET LA COOPÉRATION "
            "(ICYF-DC)",
        ),
        ("ICYF", date(2018, 10, 23), AR, "منتدى شباب المؤتمر الإسلامي للحوار والتعاون (ICYF-DC)"),
        ("IBU", date(2010, 11, 30), AR, "منظمة إذاعات الدول الإسلامية (ISBO)"),
        # No source names ISBO in French: its English name of the period, not today's French.
        ("IBU", date(2010, 11, 30), FR, "ISLAMIC STATES BROADCASTING ORGANIZATION (ISBO)"),
        ("IBU", date(2010, 12, 1), FR, "UNION DES RADIODIFFUSIONS ISLAMIQUES (IBU)"),
    ],
)
def test_each_edition_prints_the_names_in_force_on_the_date(
    present: str, day: date, language: Language, printed: str
) -> None:
    found = load_reference().find(present)
    assert found is not None, present
    assert capitals(found.as_of(day).localized(language).heading, language) == printed


def test_an_edition_never_joins_names_of_two_periods() -> None:
    """On the last day of each dated period, every edition's heading holds that period's name
    and acronym: its own in the language where a source gives them, else its English ones."""
    checked = 0
    for delegation in load_reference().delegations:
        for period in delegation.history:
            if period.valid_until is None:
                continue
            dated = delegation.as_of(period.valid_until - timedelta(days=1))
            for language, formal, acronym in (
                (Language.EN, period.formal_name, period.acronym),
                (FR, period.formal_name_fr, period.acronym_fr),
                (AR, period.formal_name_ar, period.acronym_ar),
            ):
                shown = dated.localized(language)
                expected = (formal, acronym or period.acronym) if formal else None
                assert dated.translated(language) is (expected is not None)
                assert (shown.formal_name, shown.acronym) == (
                    expected or (period.formal_name, period.acronym)
                ), (delegation.name, language)
                checked += 1
    assert checked == 27  # nine dated periods, three editions


def test_a_period_no_source_names_in_the_edition_s_language_is_a_warning() -> None:
    """The French edition of a 2009 meeting: ISBO under its English names, said at its cell."""
    people = (Participant("ISBO", "Ann", "Lee", delegation_location="Participants!A2"),)
    meeting = Meeting(
        title="T", date=date(2009, 5, 10), secretariat="COMCEC Coordination Office", language=FR
    )
    sections, problems = arrange_participants(meeting, people, (), load_reference())
    assert [g.heading for g in sections[0].groups] == [
        "ISLAMIC STATES BROADCASTING ORGANIZATION (ISBO)"
    ]
    assert [(p.location, p.message) for p in problems] == [
        (
            "Participants!A2",
            "the reference data has no French name for Islamic States Broadcasting Organization "
            "(ISBO), so its heading is printed in English",
        )
    ]


def test_every_former_name_finds_its_own_delegation() -> None:
    """A former name shared with another delegation would be dropped as ambiguous."""
    reference = load_reference()
    checked = 0
    for delegation in reference.delegations:
        for period in delegation.history:
            for name in period.names:
                assert reference.find(name) == delegation, (name, delegation.name)
                checked += 1
    assert checked >= 25


def test_the_period_in_force_is_the_one_ending_soonest_after_the_day() -> None:
    older = FormerName("OLD", "Old Name", "OLD", date(2010, 1, 1))
    newer = FormerName("MID", "Mid Name", "MID", date(2020, 1, 1))
    undated = FormerName("GONE", "Gone Name", "GONE")
    history = (newer, undated, older)
    assert in_force(history, date(2005, 6, 1)) == older
    assert in_force(history, date(2010, 1, 1)) == newer
    assert in_force(history, date(2019, 12, 31)) == newer
    assert in_force(history, date(2020, 1, 1)) is None


@pytest.mark.parametrize(
    ("text", "day"),
    [("2022-06-01", date(2022, 6, 1)), ("2023-11", date(2023, 11, 1)), ("2010", date(2010, 1, 1))],
)
def test_a_date_given_to_the_month_or_year_counts_from_its_first_day(text: str, day: date) -> None:
    assert parse_valid_until(text) == day


def test_a_date_in_another_form_is_refused() -> None:
    with pytest.raises(ValueError, match='"June 2022" is not a date'):
        parse_valid_until("June 2022")


HEADER = (
    "delegation,valid_until,short_name,formal_name,acronym,other_names,names_source,date_source,"
    "short_name_fr,formal_name_fr,acronym_fr,names_fr_source,"
    "short_name_ar,formal_name_ar,acronym_ar,names_ar_source,note"
)


def _history(folder: Path, *cells: str) -> Path:
    """A names_history.csv of one row, its cells given up to the last non-empty one."""
    width = HEADER.count(",") + 1
    data = folder / "names_history.csv"
    row = ",".join([*cells, *[""] * (width - len(cells))])
    data.write_text(f"{HEADER}\n{row}\n", encoding="utf-8")
    return data


def test_a_dated_period_without_its_printed_names_is_refused(tmp_path: Path) -> None:
    data = _history(tmp_path, "SESRIC", "2008-01-01", "", "", "SESRTCIC", "", "X", "Y")
    with pytest.raises(ValueError, match=r"names_history\.csv line 2: a dated period needs"):
        load_history(data)


def test_an_undated_period_may_lack_names(tmp_path: Path) -> None:
    data = _history(tmp_path, "SESRIC", "", "", "", "SESRTCIC", "Ankara Centre", "X")
    (period,) = load_history(data)["SESRIC"]
    assert (period.name, period.valid_until, period.names) == (
        "SESRTCIC",
        None,
        ("SESRTCIC", "Ankara Centre"),
    )


def test_a_period_s_names_in_another_language_are_read_beside_the_english(
    tmp_path: Path,
) -> None:
    """French acronyms are left out of the names it may be typed as, as today's are."""
    english = ("ICCD", "2023-12-16", "", "Old Chamber", "OC", "", "X", "Y")
    data = _history(tmp_path, *english, "", "Ancienne Chambre", "AC", "Z", "", "الغرفة القديمة")
    (period,) = load_history(data)["ICCD"]
    assert (period.name_fr, period.formal_name_fr, period.acronym_fr) == (
        "Ancienne Chambre",
        "Ancienne Chambre",
        "AC",
    )
    assert (period.name_ar, period.acronym_ar) == ("الغرفة القديمة", "")
    assert period.names == ("OC", "Old Chamber", "Ancienne Chambre", "الغرفة القديمة")


def test_a_period_s_acronym_in_a_language_without_its_name_there_is_refused(
    tmp_path: Path,
) -> None:
    """A French acronym beside an English name would join two languages in one heading."""
    english = ("ICCD", "2023-12-16", "", "Old Chamber", "OC", "", "X", "Y")
    data = _history(tmp_path, *english, "", "", "AC", "Z")
    with pytest.raises(ValueError, match=r"line 2: formal_name_fr is needed"):
        load_history(data)


def _groups(day: date, typed: list[str], overrides: tuple[HeadingOverride, ...] = ()):
    people = tuple(Participant(name, "Ann", f"Last{i}") for i, name in enumerate(typed))
    meeting = Meeting(title="T", date=day, secretariat="COMCEC Coordination Office")
    sections, problems = arrange_participants(meeting, people, overrides, load_reference())
    assert problems == []
    return [section.groups for section in sections]


def _arrange(day: date, typed: list[str], overrides: tuple[HeadingOverride, ...] = ()):
    return [[g.heading for g in groups] for groups in _groups(day, typed, overrides)]


TYPED = ["Türkiye", "Tunisia", "Turkmenistan", "IsDB", "ICCD", "SESRIC"]


def test_arrange_heads_delegations_by_the_names_of_the_meeting_date() -> None:
    assert _arrange(date(2017, 5, 10), TYPED) == [
        ["REPUBLIC OF TUNISIA", "REPUBLIC OF TURKEY", "TURKMENISTAN"],
        [
            SESRIC_HEADING,
            "ISLAMIC DEVELOPMENT BANK (IDB)",
            "ISLAMIC CHAMBER OF COMMERCE, INDUSTRY AND AGRICULTURE (ICCIA)",
        ],
    ]
    assert _arrange(date(2024, 3, 5), ["Turkey", "Tunisia", "Turkmenistan", "IDB", "ICCIA"]) == [
        ["REPUBLIC OF TUNISIA", "REPUBLIC OF TÜRKİYE", "TURKMENISTAN"],
        [
            "ISLAMIC DEVELOPMENT BANK (ISDB)",
            "ISLAMIC CHAMBER OF COMMERCE AND DEVELOPMENT (ICCD)",
        ],
    ]


def test_running_text_names_delegations_as_of_the_date_too() -> None:
    """The short names a reference such as [[institution list]] prints."""

    def shorts(day: date) -> list[list[str]]:
        return [[g.short for g in groups] for groups in _groups(day, TYPED)]

    assert shorts(date(2017, 5, 10)) == [
        ["Tunisia", "Turkey", "Turkmenistan"],
        ["SESRIC", "IDB", "ICCIA"],
    ]
    assert shorts(date(2024, 3, 5)) == [
        ["Tunisia", "Türkiye", "Turkmenistan"],
        ["SESRIC", "IsDB", "ICCD"],
    ]


def test_a_workbook_heading_override_wins_over_the_date() -> None:
    override = HeadingOverride("Turkey", "THE REPUBLIC OF TÜRKİYE")
    assert _arrange(date(2017, 5, 10), ["Türkiye"], (override,)) == [["THE REPUBLIC OF TÜRKİYE"]]


def _built_lines(tmp_path: Path, day: date) -> set[str]:
    """Every paragraph of the report built from a small workbook of that date."""
    participants = [
        ["Delegation", "Honorific", "First name", "Last name", "Position"],
        ["Republic of Turkey", "Mr.", "Ali", "Demir", "Director"],
        ["Islamic Development Bank (IDB)", "Ms.", "Sara", "Khan", "Adviser"],
        ["ICCIA", "Mr.", "Omar", "Said", "Secretary General"],
        ["SESRTCIC", "Dr.", "Atilla", "Karaman", "Director"],
        ["COMCEC Coordination Office", "Mr.", "Selçuk", "Koç", "Deputy Director General"],
    ]
    meeting = [
        ["Field", "Value"],
        ["title", "33rd Meeting of the Follow-up Committee"],
        ["date", day],
        ["secretariat", "COMCEC Coordination Office"],
    ]
    report = [["Kind", "Text"], ["paragraph", "Attending: [[institution list]]."]]
    folder = tmp_path / day.isoformat()
    folder.mkdir()
    workbook = write_workbook(
        folder / "meeting.xlsx",
        variant(Meeting=meeting, Report=report, Participants=participants),
    )
    report = docx.Document(str(reportkit.build(workbook, folder / "out")))
    return {paragraph.text.strip() for paragraph in lines_in_order(report)}


def test_built_reports_of_2017_and_2024_print_their_own_names(tmp_path: Path) -> None:
    in_2017 = _built_lines(tmp_path, date(2017, 5, 10))
    in_2024 = _built_lines(tmp_path, date(2024, 3, 5))
    old = {
        "REPUBLIC OF TURKEY",
        "ISLAMIC DEVELOPMENT BANK (IDB)",
        "ISLAMIC CHAMBER OF COMMERCE, INDUSTRY AND AGRICULTURE (ICCIA)",
    }
    new = {
        "REPUBLIC OF TÜRKİYE",
        "ISLAMIC DEVELOPMENT BANK (ISDB)",
        "ISLAMIC CHAMBER OF COMMERCE AND DEVELOPMENT (ICCD)",
    }
    assert old <= in_2017 and not new & in_2017
    assert new <= in_2024 and not old & in_2024
    assert "Attending: SESRIC, IDB and ICCIA." in in_2017
    assert "Attending: SESRIC, IsDB and ICCD." in in_2024
    assert SESRIC_HEADING in in_2017 and SESRIC_HEADING in in_2024
