"""Orders of a list of participants, chosen per meeting.

- `english` (default): alphabetical by English short name, as English OIC / COMCEC
  documents and the reference report list member states;
- `french`: alphabetical by French short name, as French editions do;
- `arabic`: alphabetical by Arabic short name, the article ال ignored;
- `oic`: the OIC's own official order, which is data (it cannot be recomputed from
  standard Arabic spellings; see reference/data/SOURCES.md);
- `as-typed`: the order of each delegation's first row in the workbook, for a bureau's
  rank (Chair, Vice Chairs, Rapporteur) or any protocol order. Every key is then empty, and
  the sort, being stable, keeps the workbook's order within each section and category.

Collation is ICU's for the language (accents file with their base letter, so "Côte
d'Ivoire" comes between "Comoros" and "Djibouti"), never a hand-made key.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import icu

from reportkit.model import Ordering
from reportkit.reference import Delegation

_LOCALES = {
    Ordering.ENGLISH: "en",
    Ordering.FRENCH: "fr",
    Ordering.ARABIC: "ar",
    Ordering.OIC: "en",
    Ordering.AS_TYPED: "en",
}
_ARABIC_ARTICLE = "ال"


@cache
def _collator(locale: str) -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale(locale))


def collation_key(text: str, ordering: Ordering = Ordering.ENGLISH) -> bytes:
    """A sort key for `text` under the ordering's language; a leading "The" is not filed on."""
    if ordering is Ordering.AS_TYPED:
        return b""
    if text[:4].casefold() == "the ":
        text = text[4:]
    return _collator(_LOCALES[ordering]).getSortKey(text)


def _arabic_filing_form(name: str) -> str:
    return name[len(_ARABIC_ARTICLE) :] if name.startswith(_ARABIC_ARTICLE) else name


def state_key(ordering: Ordering) -> Callable[[Delegation], tuple[object, ...]]:
    """Sort key for member or observer states; a state lacking the name falls back to English."""

    def key(state: Delegation) -> tuple[object, ...]:
        if ordering is Ordering.AS_TYPED:
            return ()
        if ordering is Ordering.OIC:
            return (state.oic_order, collation_key(state.name))
        if ordering is Ordering.FRENCH and state.name_fr:
            return (collation_key(state.name_fr, ordering),)
        if ordering is Ordering.ARABIC and state.name_ar:
            return (collation_key(_arabic_filing_form(state.name_ar), ordering),)
        return (collation_key(state.name),)

    return key
