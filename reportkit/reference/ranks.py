"""The rank an "H.E." holds, read from the person's Position.

The Arabic editions honour a head of state, a minister and an ambassador or senior
official each with a title of their own (reference/honorifics.py); the workbook says only
"H.E.". The Position's first title — what it says before a comma — decides, as the OIC's
own Arabic texts do (SOURCES.md, section 5.2):

- a head of state: President of the Republic, Head of State, King, Emir, Sultan;
- a minister: a Minister, a Minister of State, a Foreign Minister, and the Secretary General
  of the OIC — but not a Deputy, Vice or Assistant Minister, nor a Minister-Counsellor or
  Minister Plenipotentiary, who are diplomatic ranks;
- an ambassador: an Ambassador, a Permanent Representative or Observer;
- a senior official: any other position (a Deputy Minister, a Director General, a Head of
  Department, an adviser).

Titles borne at more than one rank do not decide: President (of a state or of a bank),
Vice President, Prime Minister, Secretary General (of the OIC or of a ministry),
Governor, Chairman, Speaker, Prince; nor does an empty Position. Then the caller warns.
"""

from __future__ import annotations

import re

from reportkit.model import Rank

_FIRST_TITLE = re.compile(r"[,;(]")
_RULES: tuple[tuple[re.Pattern[str], Rank | None], ...] = tuple(
    (re.compile(pattern), rank)
    for pattern, rank in (
        (r"(deputy |vice |first deputy )?prime minister\b", None),
        (r"minister (counsellor|counselor|plenipotentiary)\b", Rank.OFFICIAL),
        (r"(first |deputy |vice |assistant |associate |junior )+minister\b", Rank.OFFICIAL),
        (r"(\w+ )?minister\b(?!['’]s)", Rank.MINISTER),
        (r"(president of the (\w+ )*republic|king|emir|amir|sultan)\b|head of (the )?state$",
         Rank.HEAD_OF_STATE),
        (r"(oic )?secretary general of the (oic|organi[sz]ation of (the )?islamic"
         r" (cooperation|conference))\b|oic secretary general\b", Rank.MINISTER),
        (r"(\w+ )?ambassador\b|permanent (representative|observer)\b", Rank.AMBASSADOR),
        (r"(vice )?president\b|secretary general\b|governor\b|chair(man|woman|person)?\b"
         r"|speaker\b|(crown )?prince(ss)?\b", None),
    )
)  # fmt: skip


def rank_of(position: str) -> Rank | None:
    """The rank the Position's first title names; None when it does not say."""
    first = _FIRST_TITLE.split(position, maxsplit=1)[0]
    words = " ".join(first.casefold().replace("-", " ").split()).removeprefix("the ")
    if not words:
        return None
    for pattern, rank in _RULES:
        if pattern.match(words):
            return rank
    return Rank.OFFICIAL
