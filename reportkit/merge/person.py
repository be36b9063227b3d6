"""Where each line of the last build stands in the report the person edited.

A person restyles, rewords, moves and joins paragraphs; none of that may hide a line from
the merge, or the workbook's correction to it would arrive as a second copy. Lines are
therefore traced by text alone, whatever their style: in place (kept or reworded),
elsewhere (moved: the same text, or nearly, away from its place), or inside a neighbour's
paragraph (joined: two paragraphs made one, each line's words found in order within it).
A line found nowhere was deleted.

Each edited line has a *source*: the texts of the built lines traced into it, joined by a
space. The map from that source to the line's text tells, for each traced line, whether the
person changed its words, and carries the workbook's edits of it onto their wording.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from reportkit.merge.align import REWORDED, Item, align
from reportkit.merge.lines import Line
from reportkit.merge.words import Likeness, TextMap

_JOINED_WORDS = 0.8


@dataclass(frozen=True)
class Place:
    """A built line's place in the edited report: in edited line `line`, at `offset` of its
    source."""

    line: int
    offset: int


@dataclass
class Trace:
    base: Sequence[Line]
    edited: Sequence[Line]
    places: list[Place | None]
    sources: dict[int, list[int]]
    moved: set[int] = field(default_factory=set)
    _maps: dict[int, TextMap] = field(default_factory=dict)

    def source(self, line: int) -> str:
        return " ".join(self.base[b].text for b in self.sources[line])

    def map(self, line: int) -> TextMap:
        """From the source of edited `line` to its text."""
        if line not in self._maps:
            self._maps[line] = TextMap(self.source(line), self.edited[line].text)
        return self._maps[line]

    def unchanged(self, base: int) -> bool:
        """Whether the person left the words of built line `base` as they were (a line they
        deleted is not unchanged)."""
        place = self.places[base]
        if place is None:
            return False
        if self.base[base].is_row:
            return self.base[base].flat_cells == self.edited[place.line].flat_cells
        end = place.offset + len(self.base[base].text)
        return not self.map(place.line).changes_within(place.offset, end)

    def whole(self, base: int) -> bool:
        """Whether built line `base` is alone in its edited line (not joined with another)."""
        place = self.places[base]
        return place is not None and len(self.sources[place.line]) == 1


def trace(base: Sequence[Line], edited: Sequence[Line]) -> Trace:
    items = [[Item(line.kind, line.flat, line.flat) for line in lines] for lines in (base, edited)]
    likeness = Likeness(line.text for line in [*base, *edited])
    alignment = align(items[0], items[1], moves=True, likeness=likeness)
    owners = {i: j for i, j in enumerate(alignment.matched) if j is not None}
    sources: dict[int, list[int]] = {}
    for i, j in sorted(owners.items()):
        sources.setdefault(j, []).append(i)
    _find_joins(base, edited, owners, sources, likeness)
    places: list[Place | None] = [None] * len(base)
    for j, group in sources.items():
        offset = 0
        for i in group:
            places[i] = Place(j, offset)
            offset += len(base[i].text) + 1
    return Trace(base, edited, places, sources, alignment.moved & set(owners))


def _find_joins(
    base: Sequence[Line],
    edited: Sequence[Line],
    owners: dict[int, int],
    sources: dict[int, list[int]],
    likeness: Likeness,
) -> None:
    """Trace each untraced paragraph into a neighbour's edited paragraph that holds its
    words, in order, and is better explained with it than without."""
    for i, line in enumerate(base):
        if i in owners or line.is_row or not line.flat:
            continue
        for neighbour in (i - 1, i + 1):
            j = owners.get(neighbour)
            if j is None or edited[j].is_row:
                continue
            group = sorted([*sources[j], i])
            if group != list(range(group[0], group[-1] + 1)):
                continue
            if _explains(base, group, sources[j], edited[j].text, likeness):
                owners[i] = j
                sources[j] = group
                break


def _explains(
    base: Sequence[Line], group: list[int], before: list[int], text: str, likeness: Likeness
) -> bool:
    joined = " ".join(base[i].text for i in group)
    alone = " ".join(base[i].text for i in before)
    if likeness(joined, text) < max(REWORDED, likeness(alone, text)):
        return False
    added = next(i for i in group if i not in before)
    return _found_in_order(base[added].text, text) >= _JOINED_WORDS


def _found_in_order(part: str, whole: str) -> float:
    words = part.casefold().split()
    if not words:
        return 0.0
    matcher = SequenceMatcher(None, words, whole.casefold().split(), autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(words)
