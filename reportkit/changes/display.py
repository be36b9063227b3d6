"""How changed text and values read in a change line.

A change line must fit a terminal yet let the reader find the change in the document, so
long texts are cut to an excerpt and a rewording shows only the words around what changed.
"""

from __future__ import annotations

from datetime import date
from difflib import SequenceMatcher

from reportkit.arrange.dates import long_date

EXCERPT_LENGTH = 80
# Words shown either side of a change inside a reworded text, so the change can be found.
CONTEXT_WORDS = 3


def words(text: str) -> list[str]:
    """Words, with a line break shown as ¶ so that moving one is a visible change."""
    return text.replace("\n", " ¶ ").split()


def excerpt(text: str) -> str:
    flat = " ".join(words(text))
    if len(flat) <= EXCERPT_LENGTH:
        return flat
    cut = flat[:EXCERPT_LENGTH]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut + "…"


def quoted(text: str) -> str:
    return f'"{excerpt(text)}"' if text else "(none)"


def wording(old: str, new: str) -> str:
    """Only the words that changed, with a little context: a corrected date in a long
    paragraph must be visible, not hidden behind the paragraph's unchanged opening."""
    a, b = words(old), words(new)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return "; ".join(
        f"{_fragment(a, group[0][1], group[-1][2])} → {_fragment(b, group[0][3], group[-1][4])}"
        for group in matcher.get_grouped_opcodes(CONTEXT_WORDS)
    )


def _fragment(text_words: list[str], start: int, stop: int) -> str:
    text = excerpt(" ".join(text_words[start:stop]))
    if not text:
        return quoted("")
    if start > 0:
        text = "…" + text
    if stop < len(text_words) and not text.endswith("…"):
        text += "…"
    return f'"{text}"'


def shown(value: object) -> str:
    """A value as the report prints it, since changes are reported in the document's terms."""
    if value is None:
        return ""
    if isinstance(value, date):
        return long_date(value)
    return str(value)
