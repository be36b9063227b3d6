"""Word-level differences inside one paragraph, as a person reviewing a correction reads them.

Texts are cut into words, spaces and punctuation; only a whole word is ever deleted or
inserted, so a corrected title reads `General Manager` → `Senior Director`, not a jumble of
letters. Runs of white space compare equal whatever they hold, because editors rewrite
spaces (a non-breaking space, a double space) without anyone meaning a change.

`carry` is the three-way step inside a paragraph: the workbook's edits of the text it built
last time, moved onto the person's wording of it. Where the person changed other words,
both changes stand; where they touch the same words, nothing is carried and the caller
reports a conflict.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from difflib import SequenceMatcher
from math import log
from typing import NamedTuple

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
_WORD = re.compile(r"\w+")


class Edit(NamedTuple):
    """Replace old[start:end] with new[new_start:new_end] (character offsets)."""

    start: int
    end: int
    new_start: int
    new_end: int


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _key(token: str) -> str:
    return " " if token.isspace() else token


class Likeness:
    """How much of two texts is the same wording, 0 to 1.

    Only words count (spaces and punctuation would make any two names look half alike),
    each weighted by how rare it is among the texts being compared: in a list of
    participants `REPUBLIC`, `Ministry` and `Director` are everywhere, so `REPUBLIC OF
    CAMEROON` and `ARAB REPUBLIC OF EGYPT` are different delegations, while a position
    corrected from `General Manager` to `Senior Director` of the same authority is the same
    line reworded.
    """

    def __init__(self, texts: Iterable[str]) -> None:
        self._texts: Iterable[str] | None = texts
        self._weights: dict[str, float] = {}
        self._unseen = 0.0

    def _count(self) -> None:
        """Counted at the first comparison: most merges align equal texts only."""
        if self._texts is None:
            return
        counts: Counter[str] = Counter()
        total = 0
        for text in self._texts:
            counts.update({word.casefold() for word in _WORD.findall(text)})
            total += 1
        self._texts = None
        self._weights = {word: log(1 + total / count) for word, count in counts.items()}
        self._unseen = log(1 + max(total, 1))

    def __call__(self, old: str, new: str) -> float:
        if old == new:
            return 1.0
        self._count()
        old_words = [w.casefold() for w in _WORD.findall(old)]
        new_words = [w.casefold() for w in _WORD.findall(new)]
        total = sum(map(self._weight, old_words)) + sum(map(self._weight, new_words))
        if not total:
            return 0.0
        matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
        shared = sum(
            self._weight(word)
            for block in matcher.get_matching_blocks()
            for word in old_words[block.a : block.a + block.size]
        )
        return 2 * shared / total

    def _weight(self, word: str) -> float:
        return self._weights.get(word, self._unseen)


def word_edits(old: str, new: str) -> list[Edit]:
    """The edits that turn `old` into `new`, left to right, never splitting a word."""
    old_tokens, new_tokens = tokens(old), tokens(new)
    old_offsets, new_offsets = _offsets(old_tokens), _offsets(new_tokens)
    matcher = SequenceMatcher(
        None, [_key(t) for t in old_tokens], [_key(t) for t in new_tokens], autojunk=False
    )
    edits: list[Edit] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        edit = Edit(old_offsets[i1], old_offsets[i2], new_offsets[j1], new_offsets[j2])
        last = edits[-1] if edits else None
        # Two edits only a space apart read as one: `General Manager` → `Senior Director`.
        if (
            last
            and old[last.end : edit.start].isspace()
            and new[last.new_end : edit.new_start].isspace()
        ):
            edit = Edit(last.start, edit.end, last.new_start, edit.new_end)
            edits.pop()
        edits.append(edit)
    return edits


class TextMap:
    """Where each word boundary of `old` is in `new`, and which stretches of `old` changed."""

    def __init__(self, old: str, new: str) -> None:
        old_tokens, new_tokens = tokens(old), tokens(new)
        old_offsets, new_offsets = _offsets(old_tokens), _offsets(new_tokens)
        matcher = SequenceMatcher(
            None, [_key(t) for t in old_tokens], [_key(t) for t in new_tokens], autojunk=False
        )
        self._boundaries: dict[int, int] = {} if old_tokens or new_tokens else {0: 0}
        self.changed: list[tuple[int, int]] = []
        for op, i1, i2, j1, _ in matcher.get_opcodes():
            if op == "equal":
                for offset in range(i2 - i1 + 1):
                    self._boundaries[old_offsets[i1 + offset]] = new_offsets[j1 + offset]
            else:
                self.changed.append((old_offsets[i1], old_offsets[i2]))

    def changes_within(self, start: int, end: int) -> bool:
        """Whether old[start:end] changed: words in it replaced or removed, or words added in
        or at either end of it (what replaced the space before or after it is not in it)."""
        return any(
            (a < end and start < b) or (a == b and start <= a <= end) for a, b in self.changed
        )

    def touches(self, start: int, end: int) -> bool:
        """Whether a change lies inside or against old[start:end]."""
        return any(a <= end and start <= b for a, b in self.changed)

    def position(self, offset: int) -> int | None:
        """`offset` (a word boundary of `old` outside every change) in `new`."""
        return self._boundaries.get(offset)


def carry(edits: list[Edit], offset: int, person: TextMap) -> list[Edit] | None:
    """The workbook's `edits` of a text that stands at `offset` in the person's source, as
    edits of the person's text; None when one of them touches words the person changed."""
    carried: list[Edit] = []
    for edit in edits:
        start, end = edit.start + offset, edit.end + offset
        if person.touches(start, end):
            return None
        new_start, new_end = person.position(start), person.position(end)
        if new_start is None or new_end is None:
            return None
        carried.append(Edit(new_start, new_end, edit.new_start, edit.new_end))
    return carried


def _offsets(parts: list[str]) -> list[int]:
    offsets = [0]
    for part in parts:
        offsets.append(offsets[-1] + len(part))
    return offsets
