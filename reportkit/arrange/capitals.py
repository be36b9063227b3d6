"""Capitals as the house style prints them.

Headings and names are printed in capitals, with two rules beyond `str.upper()`:

- Ordinal suffixes keep their small letters, as in the reference report's title block
  ("2nd TECHNICAL MEETING"): "2ND" reads as a typo there. So do French ones ("23e
  RÉUNION", "1re"); French capitals keep their accents ("CÔTE D'IVOIRE"), as `str.upper`
  does; Arabic has no capitals, and Latin words inside Arabic text are capitalised.
- A Turkish word keeps its dotted capital: "Türkiye" → "TÜRKİYE", "Şişli" → "ŞİŞLİ".
  A word is taken as Turkish when it holds a letter only Turkish uses (ı, ğ, ş, İ, Ğ, Ş)
  or is the country's own name, Türkiye. Other words are capitalised the general way, so
  "Celalettin" stays "CELALETTIN" as the reference report prints it: without a Turkish
  letter nothing tells a Turkish i from any other.
"""

from __future__ import annotations

import re

from reportkit.model import Language

_ORDINALS = {
    Language.EN: re.compile(r"(\d+)(st|nd|rd|th)\b", re.IGNORECASE),
    Language.FR: re.compile(r"(\d+)(er|re|ère|ème|e|nde|nd)\b", re.IGNORECASE),
    Language.AR: re.compile(r"(\d+)(st|nd|rd|th)\b", re.IGNORECASE),
}
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_TURKISH_LETTERS = frozenset("ığşİĞŞ")
_TURKISH_WORDS = frozenset({"türkiye", "türki̇ye"})


def capitals(text: str, language: Language = Language.EN) -> str:
    """`text` in capitals, ordinal suffixes left small and Turkish words cased the Turkish way."""
    if text.isascii() and not _DIGIT.search(text):  # no ordinal, no Turkish letter: most names
        return text.upper()
    parts = []
    last = 0
    for match in _ORDINALS[language].finditer(text):
        parts.append(_upper(text[last : match.start()]))
        parts.append(match[1] + match[2].lower())
        last = match.end()
    parts.append(_upper(text[last:]))
    return "".join(parts)


def _upper(text: str) -> str:
    return _WORD.sub(lambda m: _upper_word(m[0]), text)


def _upper_word(word: str) -> str:
    if _TURKISH_LETTERS.intersection(word) or word.casefold() in _TURKISH_WORDS:
        return word.replace("i", "İ").replace("ı", "I").upper()
    return word.upper()
