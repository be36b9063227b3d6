"""Loading the OIC reference data shipped in `data/` and looking delegations up in it."""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from functools import cache
from importlib.resources import files

from reportkit.model import Language
from reportkit.reference.history import FormerName, in_force, load_history
from reportkit.reference.matching import SUGGESTED, closest
from reportkit.reference.names import bracketed_parts, match_key, without_state_prefix


class DelegationKind(StrEnum):
    MEMBER = "member"
    OBSERVER = "observer"
    INSTITUTION = "institution"


# Order of OIC bodies in a list of participants: the General Secretariat, then subsidiary
# organs, specialized institutions (the IsDB Group with them), affiliated institutions,
# standing committees, and bodies whose category no source confirms.
INSTITUTION_RANK = {
    "principal organ": 0,
    "subsidiary organ": 1,
    "specialized institution": 2,
    "IsDB Group entity": 2,
    "affiliated institution": 3,
    "standing committee": 4,
    "COMCEC secretariat": 4,
    "": 5,
}


_SUGGESTION_SPREAD = 12


@dataclass(frozen=True)
class Delegation:
    """A state or an OIC body, as the reference data knows it: its present names, and the
    former ones in `history`.

    French and Arabic names sit beside the English ones: `name_fr`/`name_ar` (a state's
    short name; a body's full name) and `formal_name_fr`/`formal_name_ar` (a state's formal
    name, the heading of its delegation; a body's full name again), and a body's
    `acronym_fr`/`acronym_ar` where its sources use one. An empty value means no source gave
    it (reference/data/SOURCES.md): the English value stands in for it. A delegation dated
    with `as_of` holds the names of that period in every language.
    """

    name: str
    formal_name: str
    kind: DelegationKind
    acronym: str = ""
    category: str = ""
    iso2: str = ""
    iso3: str = ""
    oic_order: int = 0
    name_fr: str = ""
    formal_name_fr: str = ""
    name_ar: str = ""
    formal_name_ar: str = ""
    acronym_fr: str = ""
    acronym_ar: str = ""
    aliases: tuple[str, ...] = ()
    history: tuple[FormerName, ...] = ()

    @property
    def rank(self) -> int:
        return INSTITUTION_RANK.get(self.category, len(INSTITUTION_RANK))

    @property
    def heading(self) -> str:
        """The heading printed above its delegates, before capitalisation."""
        if self.kind is DelegationKind.INSTITUTION and self.acronym:
            return f"{self.formal_name} ({self.acronym})"
        return self.formal_name

    @property
    def names(self) -> tuple[str, ...]:
        """Every name it may be typed as: English, French and Arabic names, codes, aliases.

        French acronyms are left out: IOFS's French acronym OISA is the English acronym of
        the Organization of the Islamic Shipowners Association.
        """
        candidates = (
            self.name,
            self.formal_name,
            self.acronym,
            self.iso2,
            self.iso3,
            self.name_fr,
            self.formal_name_fr,
            self.name_ar,
            self.formal_name_ar,
            self.acronym_ar,
            *self.aliases,
            *(n for period in self.history for n in period.names),
        )
        return tuple(n for n in candidates if n)

    def localized(self, language: Language) -> Delegation:
        """The delegation named in `language` where a source gives the name (English
        otherwise, see `translated`); what it is and how it is filed stay as they are.

        On a delegation dated with `as_of`, these are the names of that period: the English
        that stands in for a missing name is the period's too, so a heading never joins one
        period's name to another's acronym."""
        if language is Language.FR:
            return replace(
                self,
                name=self.name_fr or self.name,
                formal_name=self.formal_name_fr or self.formal_name,
                acronym=self.acronym_fr or self.acronym,
            )
        if language is Language.AR:
            return replace(
                self,
                name=self.name_ar or self.name,
                formal_name=self.formal_name_ar or self.formal_name,
                acronym=self.acronym_ar or self.acronym,
            )
        return self

    def translated(self, language: Language) -> bool:
        """Whether the reference data gives the heading's name in `language` (of the
        period, on a delegation dated with `as_of`)."""
        if language is Language.FR:
            return bool(self.formal_name_fr)
        if language is Language.AR:
            return bool(self.formal_name_ar)
        return True

    def as_of(self, day: date) -> Delegation:
        """The delegation under the names in force on `day` (a meeting's date), in every
        language; codes and what the delegation is stay as they are.

        A period takes its French and Arabic names from its own sources only. Where none gives
        them they are empty, and an edition prints the period's English (`localized`, with
        the warning `translated` leads to), never the present name in that language: French
        said "République de Turquie" in 2017, and today's "Chambre Islamique de Commerce et
        de Développement" beside the period's "(ICCIA)" would name two periods at once.
        """
        period = in_force(self.history, day)
        if period is None:
            return self
        return replace(
            self,
            name=period.name,
            formal_name=period.formal_name,
            acronym=period.acronym,
            name_fr=period.name_fr,
            formal_name_fr=period.formal_name_fr,
            acronym_fr=period.acronym_fr,
            name_ar=period.name_ar,
            formal_name_ar=period.formal_name_ar,
            acronym_ar=period.acronym_ar,
        )


class ReferenceData:
    """All known delegations, found by any of their names."""

    def __init__(self, delegations: list[Delegation]) -> None:
        self.delegations = tuple(delegations)
        self._by_key: dict[str, Delegation] = {}
        ambiguous: set[str] = set()
        for delegation in self.delegations:
            for name in delegation.names:
                key = match_key(name)
                known = self._by_key.setdefault(key, delegation)
                if known != delegation:
                    ambiguous.add(key)
        for key in ambiguous:
            del self._by_key[key]
        self._by_short_key = _unambiguous_short_keys(self._by_key)

    def find(self, name: str) -> Delegation | None:
        """The delegation a typed name means, or None; never a guess between two.

        "Full Name (ACRONYM)" means the delegation its parts mean, either part alone being
        enough; parts naming two delegations mean none (`clash` says which two).
        """
        found = self._find_whole(name)
        if found is None:
            parts = self._parts(name)
            found = parts[0] if len(parts) == 1 else None
        return found

    def clash(self, name: str) -> tuple[Delegation, Delegation] | None:
        """The two delegations a "Name (ACRONYM)" form names when its parts disagree."""
        if self._find_whole(name) is not None:
            return None
        parts = self._parts(name)
        return (parts[0], parts[1]) if len(parts) == 2 else None

    def _find_whole(self, name: str) -> Delegation | None:
        key = match_key(name)
        found = self._by_key.get(key)
        if found is None:
            found = self._by_short_key.get(without_state_prefix(key))
        return found

    def _parts(self, name: str) -> list[Delegation]:
        """The distinct delegations the parts of a "Name (ACRONYM)" form mean, in order."""
        found: list[Delegation] = []
        for part in bracketed_parts(name) or ():
            delegation = self._find_whole(part)
            if delegation is not None and delegation not in found:
                found.append(delegation)
        return found

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """The closest known names, for an error message about an unknown one.

        Codes of two or three letters only compete with a query as short, or every typo
        would be "close" to some ISO code; names far behind the best match are left out.
        """
        queries = [match_key(name), *(match_key(p) for p in bracketed_parts(name) or ())]
        matches = sorted(
            (match for query in queries for match in self._close_keys(query, limit)),
            key=lambda match: -match[1],
        )
        labels: list[str] = []
        for key, score in matches:
            label = self._by_key[key].name
            if score >= matches[0][1] - _SUGGESTION_SPREAD and label not in labels:
                labels.append(label)
        return labels[:limit]

    def _close_keys(self, query: str, limit: int) -> list[tuple[str, float]]:
        keys = [k for k in self._by_key if len(k) > 3 or len(query) <= 3]
        return closest(query, keys, SUGGESTED, limit * 4)


def _unambiguous_short_keys(by_key: dict[str, Delegation]) -> dict[str, Delegation]:
    """Keys without their "Republic of"-style prefix, kept where only one delegation has them."""
    short: dict[str, Delegation] = {}
    clashes: set[str] = set()
    for key, delegation in by_key.items():
        stripped = without_state_prefix(key)
        if short.setdefault(stripped, delegation) != delegation:
            clashes.add(stripped)
    return {k: v for k, v in short.items() if k not in clashes}


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split(";") if part.strip())


@cache
def load_reference() -> ReferenceData:
    data = files("reportkit.reference") / "data"
    history = load_history(data / "names_history.csv")
    delegations = []
    with (data / "members.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            delegations.append(
                Delegation(
                    name=row["short_name_en"],
                    formal_name=row["formal_name_en"] or row["short_name_en"],
                    kind=DelegationKind(row["status"]),
                    iso2=row["iso2"],
                    iso3=row["iso3"],
                    oic_order=int(row["oic_order"]),
                    name_fr=row.get("name_fr") or "",
                    formal_name_fr=row.get("name_fr_formal") or "",
                    name_ar=row.get("name_ar") or "",
                    formal_name_ar=row.get("name_ar_formal") or "",
                    aliases=_split(row.get("aliases")),
                    history=history.pop(row["short_name_en"], ()),
                )
            )
    with (data / "institutions.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            delegations.append(
                Delegation(
                    name=row["acronym"] or row["name_en"],
                    formal_name=row["name_en"],
                    kind=DelegationKind.INSTITUTION,
                    acronym=row["acronym"],
                    category=row["category"],
                    name_fr=row.get("name_fr") or "",
                    formal_name_fr=row.get("name_fr") or "",
                    name_ar=row.get("name_ar") or "",
                    formal_name_ar=row.get("name_ar") or "",
                    acronym_fr=row.get("acronym_fr") or "",
                    acronym_ar=row.get("acronym_ar") or "",
                    aliases=_split(row.get("aliases")),
                    history=history.pop(row["acronym"] or row["name_en"], ()),
                )
            )
    if history:
        raise ValueError(f"names_history.csv names no known delegation: {', '.join(history)}")
    return ReferenceData(delegations)
