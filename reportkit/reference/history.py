"""Names a delegation bore before its present one, and the dates they stopped being used.

A report prints the names in force on its meeting's date, in each edition: a 2017 list says
"REPUBLIC OF TURKEY" and "ISLAMIC DEVELOPMENT BANK (IDB)", its French edition "RÉPUBLIQUE DE
TURQUIE", its Arabic edition "الجمهورية التركية"; a 2024 list "REPUBLIC OF TÜRKİYE" and
"(ISDB)". The dates and the names of each period in each language are data
(`data/names_history.csv`, with their sources in `data/SOURCES.md`), never code. A former
name no source dates is still accepted as input, but never printed: reportkit cannot know
which meetings it belongs to.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from importlib.resources.abc import Traversable

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
# Column suffixes of the French and Arabic names of a period in names_history.csv.
_LANGUAGE_SUFFIXES = ("_fr", "_ar")


@dataclass(frozen=True)
class FormerName:
    """The names of one earlier period, used until `valid_until` (None: no source dates it).

    `name` is what the reference data calls the delegation (a state's short name, a body's
    acronym or, lacking one, its full name); `formal_name` is a state's heading or a body's
    full name; `others` are further forms of the period, accepted as input only. The French
    and Arabic names of the period sit beside them as in `Delegation` (`name_fr` a state's
    short name or a body's full name, `formal_name_fr` the heading, `acronym_fr`); empty
    where no source gives the period's name in that language, so that an edition never
    borrows the present name, which the period may not have known.
    """

    name: str
    formal_name: str
    acronym: str = ""
    valid_until: date | None = None
    others: tuple[str, ...] = ()
    name_fr: str = ""
    formal_name_fr: str = ""
    acronym_fr: str = ""
    name_ar: str = ""
    formal_name_ar: str = ""
    acronym_ar: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the period a rapporteur may type; French acronyms are left out, as
        for present names (`Delegation.names`)."""
        candidates = (
            self.name,
            self.formal_name,
            self.acronym,
            *self.others,
            self.name_fr,
            self.formal_name_fr,
            self.name_ar,
            self.formal_name_ar,
            self.acronym_ar,
        )
        return tuple(dict.fromkeys(n for n in candidates if n))


def in_force(history: Iterable[FormerName], day: date) -> FormerName | None:
    """The former names in force on `day`, or None when the present ones are.

    A period runs until its own `valid_until` (exclusive), so the period in force is the one
    that ends soonest after `day`; undated periods never are.
    """
    ending_later = [p for p in history if p.valid_until is not None and day < p.valid_until]
    return min(ending_later, key=lambda p: p.valid_until or day, default=None)


def parse_valid_until(text: str) -> date | None:
    """`2022-06-01`, `2023-11` or `2010` as a date: a month or a year counts from its first day.

    Sources often date a renaming only to the month or year of the meeting that decided
    it; taking the first day is the documented rule (data/SOURCES.md), not a finding.
    """
    if not text:
        return None
    match = _PARTIAL_DATE.match(text)
    if match is None:
        raise ValueError(f'"{text}" is not a date written YYYY-MM-DD, YYYY-MM or YYYY')
    year, month, day = match.groups()
    return date(int(year), int(month or 1), int(day or 1))


def load_history(source: Traversable) -> dict[str, tuple[FormerName, ...]]:
    """Former names by the present `name` of their delegation, read from names_history.csv.

    A dated period must give every name a list prints (its `name` and `formal_name`),
    because reportkit prints exactly that period's names on the dates it covers. Its names
    in another language are optional, but a short name or acronym in a language needs the
    formal name in that language too: a heading must not mix the languages of one period.
    """
    history: dict[str, list[FormerName]] = {}
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for line, row in enumerate(rows, start=2):
        valid_until = parse_valid_until(row["valid_until"])
        acronym = row["acronym"]
        for suffix in _LANGUAGE_SUFFIXES:
            partial = row[f"short_name{suffix}"] or row[f"acronym{suffix}"]
            if partial and not row[f"formal_name{suffix}"]:
                raise ValueError(
                    f"{source.name} line {line}: formal_name{suffix} is needed with the "
                    f"period's other names in that language"
                )
        period = FormerName(
            name=row["short_name"] or acronym or row["formal_name"],
            formal_name=row["formal_name"],
            acronym=acronym,
            valid_until=valid_until,
            others=tuple(p.strip() for p in row["other_names"].split(";") if p.strip()),
            name_fr=row["short_name_fr"] or row["formal_name_fr"],
            formal_name_fr=row["formal_name_fr"],
            acronym_fr=row["acronym_fr"],
            name_ar=row["short_name_ar"] or row["formal_name_ar"],
            formal_name_ar=row["formal_name_ar"],
            acronym_ar=row["acronym_ar"],
        )
        if valid_until is not None and not (period.name and period.formal_name):
            raise ValueError(f"{source.name} line {line}: a dated period needs its printed names")
        history.setdefault(row["delegation"], []).append(period)
    return {key: tuple(periods) for key, periods in history.items()}
