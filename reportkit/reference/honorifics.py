"""The protocol honorifics of the French and Arabic editions, as data.

`data/honorifics.csv` gives each house title (`H.E.`, `Prof.`, `Amb.` …) the form the
OIC's French and Arabic documents print (sources in SOURCES.md, section 5). English and
French honour every excellency alike (H.E., S.E.); the Arabic editions do not: فخامة for a
head of state, معالي for a minister, سعادة for an ambassador or another senior official.
Such a title has a row per rank beside its row without one, which is printed when the rank
is not known. An empty cell means no source gives the edition a form of the title: the
house title is printed as it is.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.resources import files

from reportkit.model import Language, Rank


@dataclass(frozen=True)
class EditionTitles:
    """The table: (house title, rank or None) → the title in each edition that has one."""

    forms: dict[tuple[str, Rank | None], dict[Language, str]]

    @cached_property
    def house_titles(self) -> frozenset[str]:
        return frozenset(house for house, _ in self.forms)

    def form(self, house: str, language: Language, rank: Rank | None = None) -> str:
        """`house` as `language` prints it for `rank`; the house title where no source
        gives one (and in English, whose titles are the house's own)."""
        ranked = self.forms.get((house, rank), {}).get(language)
        return ranked or self.forms.get((house, None), {}).get(language) or house

    def differs_by_rank(self, house: str, language: Language) -> bool:
        """Whether `language` prints `house` differently for one rank and another."""
        return len({self.form(house, language, rank) for rank in Rank}) > 1


@cache
def edition_titles() -> EditionTitles:
    """The table, read once."""
    forms: dict[tuple[str, Rank | None], dict[Language, str]] = {}
    source = files("reportkit.reference") / "data" / "honorifics.csv"
    with source.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            rank = Rank(row["rank"]) if row["rank"] else None
            forms[(row["house"], rank)] = {
                language: row[language.value]
                for language in (Language.FR, Language.AR)
                if row[language.value]
            }
    return EditionTitles(forms)
