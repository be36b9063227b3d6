"""Normalising names so that what a rapporteur types meets what the data holds."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_ARABIC_ARTICLE = "ال"
# "Islamic Development Bank (IDB)": a name, then one bracketed part at the end.
_BRACKETED = re.compile(r"^(?P<outer>[^()]*[^()\s])\s*\((?P<inner>[^()]+)\)\s*$")
_LEADING_ARTICLE = re.compile(r"^(the|l|la|le|les)\s+")

# Words that open a state's formal name. "Republic of Niger" is found as "Niger" only
# when stripping them leaves a name that is itself unambiguous.
_STATE_PREFIX = re.compile(
    r"^((islamic|federal|arab|democratic|people s|cooperative|co operative|hashemite|"
    r"united|plurinational|federal democratic|people s democratic)\s+)*"
    r"(republic|kingdom|state|sultanate|emirate|union|federation)\s+of\s+(the\s+)?"
)


@cache
def match_key(name: str) -> str:
    """Case, accents, punctuation and a leading article do not distinguish delegations."""
    text = name.strip().replace("ı", "i").replace("İ", "I")
    text = text.removeprefix(_ARABIC_ARTICLE)
    if text.isascii():  # nothing to decompose: most names, at list-of-participants scale
        plain = text.casefold()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    words = re.sub(r"[\W_]+", " ", plain).strip()
    return _LEADING_ARTICLE.sub("", words)


def without_state_prefix(key: str) -> str:
    """ "republic of the gambia" → "gambia"; a key without such a prefix is returned as is."""
    return _STATE_PREFIX.sub("", key)


def bracketed_parts(name: str) -> tuple[str, str] | None:
    """ "Full Name (ACRONYM)" → ("Full Name", "ACRONYM"); None for a name of another shape.

    The form reportkit prints in headings, and rapporteurs copy it from earlier reports,
    with either part possibly from another period ("Islamic Development Bank (IDB)").
    """
    match = _BRACKETED.match(name)
    if match is None:
        return None
    return match["outer"].strip(), match["inner"].strip()
