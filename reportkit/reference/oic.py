"""Loading the OIC reference data shipped in `data/` and looking delegations up in it."""

from __future__ import annotations

import csv
import difflib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib.resources import files

from reportkit.reference.names import match_key


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


@dataclass(frozen=True)
class Delegation:
    """A state or an OIC body, as the reference data knows it."""

    name: str
    formal_name: str
    kind: DelegationKind
    acronym: str = ""
    category: str = ""
    iso2: str = ""
    iso3: str = ""
    oic_order: int = 0

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
        return tuple(
            n for n in (self.name, self.formal_name, self.acronym, self.iso2, self.iso3) if n
        )


class ReferenceData:
    """All known delegations, found by any of their names."""

    def __init__(self, delegations: list[Delegation]) -> None:
        self.delegations = tuple(delegations)
        self._by_key: dict[str, Delegation] = {}
        for delegation in self.delegations:
            for name in delegation.names:
                self._by_key.setdefault(match_key(name), delegation)

    def find(self, name: str) -> Delegation | None:
        return self._by_key.get(match_key(name))

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """The closest known names, for an error message about an unknown one."""
        keys = difflib.get_close_matches(match_key(name), list(self._by_key), n=limit, cutoff=0.6)
        seen: list[str] = []
        for key in keys:
            label = self._by_key[key].name
            if label not in seen:
                seen.append(label)
        return seen


@cache
def load_reference() -> ReferenceData:
    data = files("reportkit.reference") / "data"
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
                )
            )
    return ReferenceData(delegations)
