"""Aligning two versions of a document's paragraphs: kept, reworded, removed, added.

Paragraphs are matched by their text and position only, never by XML identity: Word and
LibreOffice rewrite every element when they save. Identical texts match first (difflib's
longest common blocks); between them, a paragraph whose wording is mostly the same
(`Likeness` ≥ `REWORDED`) is the same paragraph reworded, else one was removed and
another added.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from reportkit.merge.words import Likeness

REWORDED = 0.5
# Above this many candidate pairs in one changed stretch, pair in order instead of searching
# for the best pairing (which costs their product in comparisons).
_SEARCH_LIMIT = 2500


@dataclass
class Alignment:
    """How `other` relates to `base`.

    `matched[i]` is the index in `other` of base paragraph i (None when removed),
    `same[i]` whether its text is unchanged, and `added[g]` the other paragraphs added
    after base paragraph g (g = -1: before the first).
    """

    matched: list[int | None]
    same: list[bool]
    added: dict[int, list[int]] = field(default_factory=dict)


Item = tuple[str, str]
"""A paragraph as compared: its kind (a style, or a table row) and its text."""


def align(base: Sequence[Item], other: Sequence[Item]) -> Alignment:
    """Align `other` to `base`: equal items match, then items of one kind reworded."""
    likeness = Likeness(text for _, text in [*base, *other])
    matched: list[int | None] = [None] * len(base)
    same = [False] * len(base)
    added: dict[int, list[int]] = {}
    matcher = SequenceMatcher(None, list(base), list(other), autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for offset in range(i2 - i1):
                matched[i1 + offset] = j1 + offset
                same[i1 + offset] = True
            continue
        pairs = _pair(base[i1:i2], other[j1:j2], likeness)
        paired_other = {j: i for i, j in pairs}
        for i, j in pairs:
            matched[i1 + i] = j1 + j
        gap = i1 - 1
        for j in range(j2 - j1):
            if j in paired_other:
                gap = i1 + paired_other[j]
            else:
                added.setdefault(gap, []).append(j1 + j)
    return Alignment(matched, same, added)


def _pair(old: Sequence[Item], new: Sequence[Item], likeness: Likeness) -> list[tuple[int, int]]:
    """Reworded pairs in a changed stretch, in order, as many and as alike as possible."""

    def similarity(a: Item, b: Item) -> float:
        return likeness(a[1], b[1]) if a[0] == b[0] else 0.0

    if not old or not new:
        return []
    if len(old) * len(new) > _SEARCH_LIMIT:
        return [
            (i, i) for i in range(min(len(old), len(new))) if similarity(old[i], new[i]) >= REWORDED
        ]
    score = [[similarity(a, b) for b in new] for a in old]
    # best[i][j]: the best total similarity pairing old[i:] with new[j:], pairs in order.
    best = [[0.0] * (len(new) + 1) for _ in range(len(old) + 1)]
    for i in range(len(old) - 1, -1, -1):
        for j in range(len(new) - 1, -1, -1):
            take = score[i][j] + best[i + 1][j + 1] if score[i][j] >= REWORDED else -1.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < len(old) and j < len(new):
        if score[i][j] >= REWORDED and best[i][j] == score[i][j] + best[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs
