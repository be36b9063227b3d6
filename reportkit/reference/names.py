"""Normalising names so that what a rapporteur types meets what the data holds."""

from __future__ import annotations

import re
import unicodedata

_LEADING_ARTICLE = re.compile(r"^the\s+")


def match_key(name: str) -> str:
    """Case, accents, punctuation and a leading "The" do not distinguish delegations."""
    decomposed = unicodedata.normalize("NFKD", name.replace("ı", "i"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    words = re.sub(r"[\W_]+", " ", plain).strip()
    return _LEADING_ARTICLE.sub("", words)


def sort_key(name: str) -> tuple[str, str]:
    """Alphabetical order filing accented letters with their base letter (Côte after Comoros)."""
    return match_key(name), name
