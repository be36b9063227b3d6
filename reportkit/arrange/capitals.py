"""Capitals as the house style prints them.

Headings and names are printed in capitals, but English ordinal suffixes keep their small
letters as in the reference report ("2nd TECHNICAL MEETING"): "2ND" reads as a typo in
a title block.
"""

from __future__ import annotations

import re

_ORDINAL = re.compile(r"(\d+)(st|nd|rd|th)\b", re.IGNORECASE)


def capitals(text: str) -> str:
    """`text` in capitals, ordinal suffixes left in small letters."""
    parts = []
    last = 0
    for match in _ORDINAL.finditer(text):
        parts.append(text[last : match.start()].upper())
        parts.append(match[1] + match[2].lower())
        last = match.end()
    parts.append(text[last:].upper())
    return "".join(parts)
