"""Aligning two versions of a document's lines: kept, reworded, moved, removed, added.

Lines are matched by what they are and where they stand, never by XML identity: Word and
LibreOffice rewrite every element when they save. Items of equal identity match first
(difflib's longest common blocks); between them, an item whose wording is mostly the same
(`Likeness` ≥ `REWORDED`) is the same item reworded, else one was removed and another
added. With `moves`, an item that left its place and stands elsewhere (the same text, or
nearly) is found there: a paragraph the secretariat moved.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import NamedTuple

from reportkit.merge.words import Likeness

REWORDED = 0.5
MOVED = 0.75
# Above this many candidate pairs in one changed stretch, pair in order instead of searching
# for the best pairing (which costs their product in comparisons).
_SEARCH_LIMIT = 2500


class Item(NamedTuple):
    """A line or unit as compared: items of one `kind` and `key` are the same thing; `text`
    tells whether it was reworded and how alike two different ones are."""

    kind: str
    key: str
    text: str


@dataclass
class Alignment:
    """How `other` relates to `base`.

    `matched[i]` is the index in `other` of base item i (None when removed), `same[i]`
    whether its text is unchanged, `added[g]` the other items added after base item g
    (g = -1: before the first), `moved` the base items found away from their place.
    """

    matched: list[int | None]
    same: list[bool]
    added: dict[int, list[int]] = field(default_factory=dict)
    moved: set[int] = field(default_factory=set)

    def origins(self, count: int) -> list[int | None]:
        """For each of the `count` other items, the base item it is (None: added)."""
        found: list[int | None] = [None] * count
        for i, j in enumerate(self.matched):
            if j is not None:
                found[j] = i
        return found


def align(
    base: Sequence[Item],
    other: Sequence[Item],
    *,
    moves: bool = False,
    likeness: Likeness | None = None,
) -> Alignment:
    """Align `other` to `base`: equal items match, then items of one kind reworded.
    `likeness` weighs words by their rarity in the texts it was made from (by default, these
    items')."""
    likeness = likeness or Likeness(item.text for item in [*base, *other])
    matched: list[int | None] = [None] * len(base)
    same = [False] * len(base)
    added: dict[int, list[int]] = {}
    matcher = SequenceMatcher(None, [i[:2] for i in base], [i[:2] for i in other], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for offset in range(i2 - i1):
                matched[i1 + offset] = j1 + offset
                same[i1 + offset] = base[i1 + offset].text == other[j1 + offset].text
            continue
        pairs = _pair(base[i1:i2], other[j1:j2], likeness)
        paired_other = {j: i for i, j in pairs}
        for i, j in pairs:
            matched[i1 + i] = j1 + j
            same[i1 + i] = base[i1 + i].text == other[j1 + j].text
        gap = i1 - 1
        for j in range(j2 - j1):
            if j in paired_other:
                gap = i1 + paired_other[j]
            else:
                added.setdefault(gap, []).append(j1 + j)
    alignment = Alignment(matched, same, added)
    if moves:
        _find_moves(base, other, alignment, likeness)
    return alignment


def _find_moves(
    base: Sequence[Item], other: Sequence[Item], alignment: Alignment, likeness: Likeness
) -> None:
    """Match base items left unmatched with other items added elsewhere: the same item,
    else (when there are few enough to compare) the most alike above `MOVED`."""
    unmatched = [i for i, j in enumerate(alignment.matched) if j is None]
    loose = sorted(j for js in alignment.added.values() for j in js)
    if not unmatched or not loose:
        return
    by_identity: dict[tuple[str, str], deque[int]] = defaultdict(deque)
    for j in loose:
        by_identity[other[j][:2]].append(j)
    pairs: dict[int, int] = {}
    for i in unmatched:
        candidates = by_identity.get(base[i][:2])
        if candidates:
            pairs[i] = candidates.popleft()
    rest = [i for i in unmatched if i not in pairs]
    free = [j for j in loose if j not in pairs.values()]
    if rest and free and len(rest) * len(free) <= _SEARCH_LIMIT:
        scored = sorted(
            (
                (likeness(base[i].text, other[j].text), i, j)
                for i in rest
                for j in free
                if base[i].kind == other[j].kind
            ),
            reverse=True,
        )
        taken: set[int] = set()
        for score, i, j in scored:
            if score < MOVED:
                break
            if i not in pairs and j not in taken:
                pairs[i] = j
                taken.add(j)
    for i, j in pairs.items():
        alignment.matched[i] = j
        alignment.same[i] = base[i].text == other[j].text
        alignment.moved.add(i)
    placed = set(pairs.values())
    for gap in list(alignment.added):
        remaining = [j for j in alignment.added[gap] if j not in placed]
        if remaining:
            alignment.added[gap] = remaining
        else:
            del alignment.added[gap]


def _pair(old: Sequence[Item], new: Sequence[Item], likeness: Likeness) -> list[tuple[int, int]]:
    """Reworded pairs in a changed stretch, in order, as many and as alike as possible."""

    def similarity(a: Item, b: Item) -> float:
        return likeness(a.text, b.text) if a.kind == b.kind else 0.0

    if not old or not new:
        return []
    if (
        len(old) == len(new) == 1
        and old[0].kind == new[0].kind == "p"
        and not (old[0].text and new[0].text)
    ):
        return [(0, 0)]  # an empty paragraph filled in, or emptied: the same paragraph
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
