"""The French and Arabic names in the reference data: filled where a source gives them, every
value with its source key, and the counts established in reference/data/SOURCES.md (1.6, 2.5,
2.6) held here so that the data cannot thin out unnoticed. Former periods carry their own
French and Arabic names (names_history.csv), with their own sources."""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import cache
from importlib.resources import files

import pytest

from reportkit.reference import DelegationKind, load_reference

DATA = files("reportkit.reference") / "data"

# The one state no source names in French or Arabic (SOURCES.md 1.5).
NO_FRENCH_OR_ARABIC = {"Turkish Cypriot State"}
# The one French formal name printed without its accents by its only source (SOURCES.md 1.6).
UNACCENTED_AS_PRINTED = {"United Arab Emirates": "Etat des Emirats Arabes Unis"}

MEMBER_COLUMNS = {
    "name_fr": "name_fr_source",
    "name_fr_formal": "name_fr_formal_source",
    "name_ar": "name_ar_source",
    "name_ar_formal": "name_ar_formal_source",
}
INSTITUTION_COLUMNS = {
    "name_fr": "name_fr_source",
    "acronym_fr": "name_fr_source",
    "name_ar": "name_ar_source",
    "acronym_ar": "name_ar_source",
}
HISTORY_COLUMNS = {
    "short_name_fr": "names_fr_source",
    "formal_name_fr": "names_fr_source",
    "acronym_fr": "names_fr_source",
    "short_name_ar": "names_ar_source",
    "formal_name_ar": "names_ar_source",
    "acronym_ar": "names_ar_source",
}
# The bodies no source names in French, and in Arabic, today (SOURCES.md 2.4).
NO_FRENCH_NAME = {"STIO", "International Association of Islamic Banks"}
NO_ARABIC_NAME = {"STIO", "IAS"}
# Dated periods whose name in a language no source gives (SOURCES.md 2.5): ISBO in French.
PERIODS_WITHOUT = {"fr": {"ISBO"}, "ar": set()}


@cache
def _rows(name: str) -> tuple[dict[str, str], ...]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


def _members() -> tuple[dict[str, str], ...]:
    return _rows("members.csv")


def _institutions() -> tuple[dict[str, str], ...]:
    return _rows("institutions.csv")


def _dated_periods() -> tuple[dict[str, str], ...]:
    return tuple(r for r in _rows("names_history.csv") if r["valid_until"])


def _label(row: dict[str, str]) -> str:
    return row.get("short_name_en") or row.get("acronym") or row["name_en"]


def _filled(rows: tuple[dict[str, str], ...], column: str) -> int:
    return sum(1 for row in rows if row[column])


def test_every_state_has_french_and_arabic_short_names() -> None:
    states = [r for r in _members() if r["status"] in ("member", "observer")]
    assert len(states) == 62
    lacking = {_label(r) for r in states if not (r["name_fr"] and r["name_ar"])}
    assert lacking == NO_FRENCH_OR_ARABIC


@pytest.mark.parametrize(
    ("rows", "column", "filled", "empty"),
    [
        ("members.csv", "name_fr_formal", 61, 1),
        ("members.csv", "name_ar_formal", 61, 1),
        ("institutions.csv", "name_fr", 33, 2),
        ("institutions.csv", "acronym_fr", 15, 20),
        ("institutions.csv", "name_ar", 33, 2),
        ("institutions.csv", "acronym_ar", 8, 27),
        ("names_history.csv", "formal_name_fr", 8, 3),
        ("names_history.csv", "acronym_fr", 3, 8),
        ("names_history.csv", "formal_name_ar", 9, 2),
        ("names_history.csv", "acronym_ar", 2, 9),
    ],
)
def test_counts_of_filled_and_empty_values(rows: str, column: str, filled: int, empty: int) -> None:
    data = _rows(rows)
    assert (_filled(data, column), len(data) - _filled(data, column)) == (filled, empty)


def test_formal_names_empty_only_where_no_source_gives_them() -> None:
    for column in ("name_fr_formal", "name_ar_formal"):
        assert {_label(r) for r in _members() if not r[column]} == NO_FRENCH_OR_ARABIC
    assert {_label(r) for r in _institutions() if not r["name_ar"]} == NO_ARABIC_NAME
    assert {_label(r) for r in _institutions() if not r["name_fr"]} == NO_FRENCH_NAME


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_dated_period_lacks_a_language_s_name_only_where_no_source_gives_it(
    language: str,
) -> None:
    """Every other dated period is printed in that language under its own names."""
    lacking = {
        r["short_name"] or r["acronym"]
        for r in _dated_periods()
        if not r[f"formal_name_{language}"]
    }
    assert lacking == PERIODS_WITHOUT[language]


@pytest.mark.parametrize(
    ("file", "columns"),
    [
        ("members.csv", MEMBER_COLUMNS),
        ("institutions.csv", INSTITUTION_COLUMNS),
        ("names_history.csv", HISTORY_COLUMNS),
    ],
)
def test_no_value_lacks_its_source_key(file: str, columns: dict[str, str]) -> None:
    for row in _rows(file):
        for value, source in columns.items():
            if row[value]:
                assert row[source], (_label(row), value)
        for source in set(columns.values()):
            named = [v for v, s in columns.items() if s == source]
            if row[source]:
                assert any(row[v] for v in named), (_label(row), source)


def _source_keys(cell: str) -> list[str]:
    """The keys of a source cell: `KEY;KEY(their wording);KEY (another source: wording)`."""
    keys = []
    for part in re.sub(r"\s*\(.*?\)", "", cell).split(";"):
        match = re.match(r"[A-Z][A-Z0-9-]*", part.strip())
        assert match, (cell, part)
        keys.append(match.group())
    return keys


def test_every_source_key_is_defined_in_sources_md() -> None:
    text = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    sources = text[text.index("## 4. Sources") :]
    history_sources = {"names_source", "date_source", *HISTORY_COLUMNS.values()}
    used = {
        key
        for file, columns in (
            ("members.csv", set(MEMBER_COLUMNS.values())),
            ("institutions.csv", set(INSTITUTION_COLUMNS.values())),
            ("names_history.csv", history_sources),
        )
        for row in _rows(file)
        for column in columns
        if row[column]
        for key in _source_keys(row[column])
    }
    assert {"UNTERM", "FC33-AR", "OIC-FR", "OIC-AR-SPEC", "S27-FR", "OIC-FR-40096"} <= used
    undefined = {
        key for key in used if not re.search(rf"(^|\s|; ){re.escape(key)}:", sources, re.M)
    }
    assert undefined == set()


def test_french_formal_names_keep_their_accents() -> None:
    formal = {_label(r): r["name_fr_formal"] for r in _members() if r["name_fr_formal"]}
    assert not [v for v in formal.values() if "Republique" in v]
    unaccented = {
        name: value
        for name, value in formal.items()
        if re.search(r"\b(Etat|Etats|Emirats|Egypte)\b", value)
    }
    assert unaccented == UNACCENTED_AS_PRINTED
    assert formal["Afghanistan"] == "République islamique d'Afghanistan"
    assert formal["Côte d'Ivoire"] == "République de Côte d'Ivoire"
    assert formal["Egypt"] == "République arabe d'Égypte"
    assert formal["Palestine"] == "État de Palestine"
    assert sum("République" in v for v in formal.values()) == 43


def _is_arabic_text(value: str) -> bool:
    return (
        all(c in " -()" or unicodedata.name(c, "").startswith("ARABIC") for c in value)
        and "\u0640" not in value
    )


def test_arabic_values_are_arabic_script_without_tatweel() -> None:
    for file, columns in (
        ("members.csv", ("name_ar", "name_ar_formal")),
        ("institutions.csv", ("name_ar", "acronym_ar")),
        ("names_history.csv", ("short_name_ar", "formal_name_ar", "acronym_ar")),
    ):
        for row in _rows(file):
            for column in columns:
                if row[column]:
                    assert _is_arabic_text(row[column]), (_label(row), column, row[column])


def test_language_names_are_reachable_from_the_loaded_delegations() -> None:
    reference = load_reference()
    afghanistan = reference.find("Afghanistan")
    assert afghanistan.formal_name_fr == "République islamique d'Afghanistan"
    assert afghanistan.formal_name_ar == "جمهورية أفغانستان الإسلامية"
    sesric = reference.find("SESRIC")
    assert sesric.kind is DelegationKind.INSTITUTION
    assert sesric.name_ar == sesric.formal_name_ar
    assert sesric.name_ar.startswith("مركز الأبحاث الإحصائية")
    assert sesric.acronym_ar == "سيسرك"
    assert reference.find("ICDT").acronym_fr == "CIDC"
    assert reference.find("ICESCO").formal_name_fr.startswith("Organisation du Monde Islamique")
    # Arabic formal names and Arabic names of bodies are names a rapporteur may type.
    assert reference.find("جمهورية أفغانستان الإسلامية").name == "Afghanistan"
    assert reference.find("الجمهورية التركية").name == "Türkiye"
    assert (
        reference.find(
            "مركز الأبحاث الإحصائية والاقتصادية والاجتماعية والتدريب للدول الإسلامية"
        ).name
        == "SESRIC"
    )
    # French acronyms are not: IOFS's OISA is the Shipowners Association's English acronym.
    assert (
        reference.find("OISA").formal_name == "Organization of the Islamic Shipowners Association"
    )
    assert reference.find("IOFS").acronym_fr == "OISA"


def test_the_comcec_coordination_office_has_its_names_in_each_language() -> None:
    """As the Follow-up Committee's French and Arabic editions print it (FC33-FR, FC33-AR)."""
    office = load_reference().find("CCO")
    assert (office.formal_name_fr, office.formal_name_ar) == (
        "Bureau de Coordination du COMCEC",
        "مكتب تنسيق الكومسيك",
    )
    assert load_reference().find("Bureau de coordination du COMCEC") == office


def test_a_state_no_source_names_keeps_empty_language_names() -> None:
    cypriot = load_reference().find("Turkish Cypriot State")
    assert (cypriot.name_fr, cypriot.name_ar, cypriot.formal_name_fr, cypriot.formal_name_ar) == (
        "",
        "",
        "",
        "",
    )
