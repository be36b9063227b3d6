"""Text direction by script: Arabic right to left and Latin left to right, each keeping the
punctuation typed against it, as Word and LibreOffice both lay it out.

Unicode's bidirectional algorithm orders the letters of Arabic text wherever it appears,
but a paragraph still runs left to right — punctuation at the wrong end, the first line
aligned to the wrong margin, list numbers on the left — unless the paragraph says it is
right-to-left (`w:bidi`); python-docx has no accessor for it (python-openxml/python-docx#349),
so it is set on the XML here. In the Arabic edition a paragraph runs right to left when it
holds Arabic letters, or no letters at all (a date, a time, an empty cell): one left in
English runs left to right, as the English edition sets it, with `w:bidi w:val="0"` since
the edition's template makes right to left the default. Elsewhere a paragraph runs right to
left when its first letter is Arabic. Alignment follows the paragraph's direction by itself:
Word reads a style's left and right as start and end (LibreOffice swaps them on import to
match), so an English paragraph of the Arabic edition is justified or aligned as in the
English edition, a centred title stays centred.

Inside a paragraph, text of the other direction — a Latin name in Arabic, an Arabic name
in an English list — is an island set in its own direction, and the punctuation typed
against it belongs to it: `Acme Co.`, `Trade Centre (ITC)`. Word and LibreOffice place
that punctuation by different means. Word goes by runs: the punctuation and spaces of a
run marked `w:rtl` are set right to left (ECMA-376 §17.3.2.30), so those of a Latin name
belong in its own, unmarked run; and only a `w:rtl` run takes the complex-script font,
size and bold (`w:rFonts w:cs`, `w:szCs`, `w:bCs`). LibreOffice ignores the runs and goes by
Unicode's algorithm alone, which sets punctuation between an island and the paragraph's
own text in the paragraph's direction, at the far end of the island (`.Acme Co`). So an
island is a run of its own, only Arabic ones marked `w:rtl`, and one that starts or ends
with punctuation carries an invisible directional mark on that side (U+200E, U+200F),
which ties the punctuation to it in both. Marks rather than Unicode's isolates
(U+2066–2069): marks are as old as the bidirectional algorithm, isolates came with Unicode
6.3 (2013), and an application that does not know them may show them as boxes. Digits that
follow an island, not typed against it, belong to the paragraph's text: a mark of the
paragraph's direction goes before them, else Unicode joins them to the island
(`(Ankara، 10-11 مايو` would print the range beside the bracket, the venue beside the month).

A number range in right-to-left text (`10-11 مايو`) would read backwards: Word sets the
hyphen of a `w:rtl` run right to left, and LibreOffice does so after an Arabic word, where
Unicode reads European digits as Arabic ones. The range is a left-to-right run of its own,
still in the complex-script font (`w:cs`), behind a left-to-right mark when an Arabic letter
comes before it.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml.etree import _Element

from reportkit.render.schema_order import PARAGRAPH, RUN, SECTION, TABLE, insert_in_order

LRM, RLM = "\u200e", "\u200f"
_TEXT, _PROPERTIES, _RTL, _CELL = qn("w:t"), qn("w:rPr"), qn("w:rtl"), qn("w:tc")
# What a break or a tab shows, as far as direction goes: white space.
_SHOWN = {qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:tab"): "\t"}

_RIGHT_TO_LEFT = frozenset({"R", "AL"})
_LEFT_TO_RIGHT = frozenset({"L"})
_RIGHT_TO_LEFT_SCRIPTS = (
    "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff"
)
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
# Where a letter of each direction may be: a quick search, its finds then checked one by one.
_MAY_BE_RIGHT_TO_LEFT = re.compile(f"[{_RIGHT_TO_LEFT_SCRIPTS}]")
_MAY_BE_LEFT_TO_RIGHT = re.compile(rf"[^\W\d_{_RIGHT_TO_LEFT_SCRIPTS}]")
# Digits joined by a hyphen or plus (and perhaps points or commas): what Word and Unicode
# would read backwards in right-to-left text.
_NUMBER_RANGE = re.compile(r"[0-9]+(?:[.,:/][0-9]+)*(?:[-+\u2212][0-9]+(?:[.,:/][0-9]+)*)+")
# An island of the other direction in the kinds of a paragraph's characters (see `_kind`),
# by the paragraph's direction: from its first letter to its last, none of the paragraph's
# own between.
_ISLAND = {True: re.compile(r"L(?:[^R]*L)?"), False: re.compile(r"R(?:[^L]*R)?")}
# The kinds of character that cling to an island when typed against it: punctuation and
# digits, and for an Arabic island Arabic punctuation, which belongs to Arabic text.
_CLINGING = {True: frozenset(".9"), False: frozenset(".9a")}
# European digits ahead of an island, before any letter: what Unicode joins to the island.
_DIGITS_NEXT = re.compile(r"[^LR9]*9")
# Brackets and quotes, closing to opening: one clings only with its twin.
_CLOSING = {")": "(", "]": "[", "}": "{", ">": "<", "»": "«", "›": "‹", "”": "“", '"': '"'}
_OPENING = {opening: closing for closing, opening in _CLOSING.items()}


class Stretch(NamedTuple):
    """`text[start:end]` of a paragraph, set in one direction (`rtl`). `before` and `after`
    are directional marks written on its sides; `number` marks a number range cut out of
    right-to-left text, set left to right in the complex-script font."""

    start: int
    end: int
    rtl: bool
    before: str = ""
    after: str = ""
    number: bool = False


def is_right_to_left(text: str) -> bool:
    """Whether text reads right to left: its first strongly directional character decides."""
    for character in text:
        direction = unicodedata.bidirectional(character)
        if direction in _RIGHT_TO_LEFT:
            return True
        if direction == "L":
            return False
    return False


def has_right_to_left(text: str) -> bool:
    """Whether text holds a right-to-left letter (Arabic, Hebrew …)."""
    return _holds(text, _MAY_BE_RIGHT_TO_LEFT, _RIGHT_TO_LEFT)


def has_left_to_right(text: str) -> bool:
    """Whether text holds a left-to-right letter (Latin, Cyrillic …)."""
    return _holds(text, _MAY_BE_LEFT_TO_RIGHT, _LEFT_TO_RIGHT)


def _holds(text: str, candidates: re.Pattern[str], directions: frozenset[str]) -> bool:
    found = candidates.search(text)
    while found is not None:
        if unicodedata.bidirectional(found[0]) in directions:
            return True
        found = candidates.search(text, found.end())
    return False


def paragraph_right_to_left(text: str, edition: bool) -> bool:
    """Whether a paragraph of `text` runs right to left; `edition`: in the Arabic edition,
    where only one left in English (Latin letters, no Arabic ones) runs left to right."""
    if edition:
        return has_right_to_left(text) or not has_left_to_right(text)
    return is_right_to_left(text)


def stretches(text: str, right_to_left: bool) -> list[Stretch]:
    """`text` cut where its direction changes, in a paragraph running `right_to_left`:
    islands of the other direction with the punctuation typed against them, number ranges
    of right-to-left text, and the paragraph's own text between them. One stretch for text
    all of one direction, as nearly all is."""
    if right_to_left:
        plain = not has_left_to_right(text) and _NUMBER_RANGE.search(text) is None
    else:
        plain = not has_right_to_left(text)
    if plain:
        return [Stretch(0, len(text), right_to_left)]
    kinds = text.translate(_KINDS)
    others = _islands(text, kinds, right_to_left)
    if right_to_left:
        others = sorted(others + _number_ranges(text, kinds, others))
    return _filled(others, kinds, right_to_left)


def cut(
    text: str, pieces: Sequence[Stretch], start: int, end: int
) -> Iterator[tuple[str, Stretch]]:
    """`text[start:end]` (a stretch of one format) cut where `pieces` change direction, each
    piece with the directional marks its stretch carries on the sides it reaches."""
    for stretch in pieces:
        low, high = max(start, stretch.start), min(end, stretch.end)
        if low < high:
            before = stretch.before if low == stretch.start else ""
            after = stretch.after if high == stretch.end else ""
            yield f"{before}{text[low:high]}{after}", stretch


def covering(pieces: Sequence[Stretch], offset: int) -> Stretch:
    """The stretch holding the character at `offset` (the last one past the end)."""
    return next((s for s in pieces if s.start <= offset < s.end), pieces[-1])


class _Kinds(dict[int, str]):
    """Each character's kind (`_kind`) by its code, worked out once: `text.translate(_KINDS)`
    gives a paragraph's kinds as a string, one letter a character, searched by regex."""

    def __missing__(self, code: int) -> str:
        kind = self[code] = _kind(chr(code))
        return kind


def _kind(character: str) -> str:
    """`L`, `R`: strongly left-to-right or right-to-left (a letter, a directional mark);
    space: a space or break; `9`: a European digit; `a`: anything else of the Arabic script
    (comma, digits, vowel signs), which belongs with Arabic; `.`: any other punctuation,
    symbol or mark."""
    direction = unicodedata.bidirectional(character)
    if direction in _LEFT_TO_RIGHT:
        return "L"
    if direction in _RIGHT_TO_LEFT:
        return "R"
    if character.isspace() or direction in ("WS", "B", "S"):
        return " "
    if _ARABIC_SCRIPT.match(character):
        return "a"
    return "9" if direction == "EN" else "."


_KINDS = _Kinds()


def _islands(text: str, kinds: str, right_to_left: bool) -> list[Stretch]:
    """The islands of the other direction, each grown over the punctuation typed against
    it (see `_grown`) and given the marks it needs (`_marked`)."""
    found: list[Stretch] = []
    floor = 0
    for island in _ISLAND[right_to_left].finditer(kinds):
        start, end = _grown(text, kinds, *island.span(), floor, _CLINGING[right_to_left])
        found.append(_marked(text, kinds, start, end, right_to_left))
        floor = end
    return found


def _grown(
    text: str, kinds: str, start: int, end: int, floor: int, clinging: frozenset[str]
) -> tuple[int, int]:
    """An island's bounds grown over the punctuation and digits typed against it, forwards
    then backwards (not past `floor`, where the island before it ends). What opens the
    paragraph belongs to the paragraph — a list's dash before a Latin name stays at the
    start of a right-to-left line — but for an opening bracket or quote closed inside."""
    while end < len(text) and kinds[end] in clinging and _may_follow(text[end], text[start:end]):
        end += 1
    while (
        start > floor
        and kinds[start - 1] in clinging
        and _may_lead(text[start - 1], text[start:end])
        and (start > 1 or text[0] in _OPENING)
    ):
        start -= 1
    return start, end


def _marked(text: str, kinds: str, start: int, end: int, right_to_left: bool) -> Stretch:
    """An island with the marks of its direction on a side where it starts or ends with
    punctuation, to keep that punctuation in."""
    letter, mark = ("L", LRM) if right_to_left else ("R", RLM)
    ends_open = (
        kinds[end - 1] not in (letter, "9") and unicodedata.bidirectional(text[end - 1]) != "AN"
    )
    return Stretch(
        start,
        end,
        not right_to_left,
        before=mark if kinds[start] != letter else "",
        after=mark if ends_open else "",
    )


def _may_follow(character: str, island: str) -> bool:
    """Whether `character` after an island goes with it: a closing bracket or quote only
    when its opening twin is inside, else it closes one the surrounding text opened."""
    opening = _CLOSING.get(character)
    if opening is None:
        return True
    if opening == character:
        return island.count(character) % 2 == 1
    return island.count(opening) > island.count(character)


def _may_lead(character: str, island: str) -> bool:
    """Whether `character` before an island goes with it: an opening bracket or quote only
    when its closing twin is inside."""
    closing = _OPENING.get(character)
    if closing is None:
        return True
    if closing == character:
        return island.count(character) % 2 == 1
    return island.count(closing) > island.count(character)


def _number_ranges(text: str, kinds: str, islands: list[Stretch]) -> list[Stretch]:
    """The number ranges of right-to-left text (outside the islands), left to right; after
    an Arabic letter with a left-to-right mark, without which Unicode reads them as Arabic
    numbers, right to left."""
    ranges = []
    for found in _NUMBER_RANGE.finditer(text):
        start, end = found.span()
        if any(i.start < end and start < i.end for i in islands):
            continue
        after_arabic = kinds.rfind("R", 0, start) > kinds.rfind("L", 0, start)
        ranges.append(Stretch(start, end, False, LRM if after_arabic else "", number=True))
    return ranges


def _filled(others: list[Stretch], kinds: str, right_to_left: bool) -> list[Stretch]:
    """`others` with the paragraph's own direction in the gaps between them."""
    pieces: list[Stretch] = []
    last = 0
    for other in others:
        if other.start > last:
            pieces.append(_gap(kinds, last, other.start, right_to_left, bool(pieces)))
        pieces.append(other)
        last = other.end
    if last < len(kinds) or not pieces:
        pieces.append(_gap(kinds, last, len(kinds), right_to_left, bool(pieces)))
    return pieces


def _gap(kinds: str, start: int, end: int, right_to_left: bool, after_island: bool) -> Stretch:
    """The paragraph's own text from `start` to `end`; after an island, and when digits come
    next, opening with the paragraph's mark (see the module's docstring)."""
    digits_next = after_island and _DIGITS_NEXT.match(kinds, start) is not None
    mark = RLM if right_to_left else LRM
    return Stretch(start, end, right_to_left, before=mark if digits_next else "")


def mark_right_to_left(document: Document, edition: bool = False) -> None:
    """Set direction on the body's paragraphs and their runs; `edition`: the Arabic
    edition's (see the module's docstring)."""
    _mark_paragraphs(document.element.body, edition)


def right_to_left_layout(document: Document) -> None:
    """The Arabic edition's pages: sections, tables, headers and footers right to left,
    whatever the template says (a restyled English template included). A header or footer
    runs right to left even when it holds only a Latin document symbol: it stays on the side
    where the edition's page puts it, on every page alike."""
    for section in document.sections:
        if section._sectPr.find(qn("w:bidi")) is None:
            insert_in_order(section._sectPr, OxmlElement("w:bidi"), SECTION)
        for part in (section.header, section.footer, section.first_page_header):
            if not part.is_linked_to_previous:
                _mark_paragraphs(part._element, edition=True, furniture=True)
    for table in document.element.body.iter(qn("w:tbl")):
        if table.tblPr.find(qn("w:bidiVisual")) is None:
            insert_in_order(table.tblPr, OxmlElement("w:bidiVisual"), TABLE)


def _mark_paragraphs(element: _Element, edition: bool, furniture: bool = False) -> None:
    """Direction on each paragraph and its runs. Outside the Arabic edition a paragraph
    without Arabic is left as it is; `furniture`: every paragraph takes the edition's."""
    for paragraph in list(element.iter(qn("w:p"))):
        text = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
        if not (edition or has_right_to_left(text)):
            continue
        rtl = True if furniture else _paragraph_direction(paragraph, text, edition)
        _set_paragraph_direction(paragraph, rtl, edition)
        _mark_runs(paragraph, rtl)


def _paragraph_direction(paragraph: _Element, text: str, edition: bool) -> bool:
    """A paragraph's direction, by its text; a table cell's paragraph without letters (a
    time, a number) takes the direction of its cell's text as a whole."""
    cell = paragraph.getparent()
    if edition and cell.tag == _CELL and not (has_right_to_left(text) or has_left_to_right(text)):
        text = "".join(t.text or "" for t in cell.iter(qn("w:t")))
    return paragraph_right_to_left(text, edition)


def _set_paragraph_direction(paragraph: _Element, rtl: bool, edition: bool) -> None:
    """`w:bidi` for a right-to-left paragraph; in the Arabic edition, whose template runs
    every paragraph right to left by default, `w:bidi w:val="0"` for a left-to-right one."""
    if not (rtl or edition):
        return
    properties = paragraph.get_or_add_pPr()  # type: ignore[attr-defined]
    bidi = properties.find(qn("w:bidi"))
    if bidi is None:
        bidi = insert_in_order(properties, OxmlElement("w:bidi"), PARAGRAPH)
    if rtl:
        bidi.attrib.pop(qn("w:val"), None)
    else:
        bidi.set(qn("w:val"), "0")


def _mark_runs(paragraph: _Element, rtl: bool) -> None:
    """Mark the paragraph's runs by the direction of its text (`stretches`): `w:rtl` on
    right-to-left ones, `w:cs` on number ranges; where the direction changes inside a run,
    or a directional mark goes in, the run is cut."""
    runs = list(paragraph.iter(qn("w:r")))
    text = "".join(_shown(run) for run in runs)
    pieces = stretches(text, rtl)
    if len(pieces) == 1 and not (pieces[0].before or pieces[0].after):
        for run in runs:
            _set_run_direction(run, pieces[0])
        return
    offset = 0
    for piece in [piece for run in runs for piece in _one_content_each(run)]:
        shown = _shown(piece)
        end = offset + len(shown)
        parts = list(cut(text, pieces, offset, end)) if piece.find(_TEXT) is not None else []
        if len(parts) == 1 and parts[0][0] == shown:
            _set_run_direction(piece, parts[0][1])
        elif parts:
            _replace_text_run(piece, parts)
        else:
            _set_run_direction(piece, covering(pieces, offset))
        offset = end


def _one_content_each(run: _Element) -> list[_Element]:
    """The run, or when it holds several pieces of content (text, a break, text: a cell's
    lines) one run for each, alike formatted, so that each can take its own direction."""
    contents = [child for child in run if child.tag != _PROPERTIES]
    if len(contents) < 2:
        return [run]
    runs = []
    for content in contents:
        piece = OxmlElement("w:r", attrs=dict(run.attrib))
        if run.find(_PROPERTIES) is not None:
            piece.append(copy.deepcopy(run.find(_PROPERTIES)))
        piece.append(content)
        run.addprevious(piece)
        runs.append(piece)
    run.getparent().remove(run)  # type: ignore[union-attr]
    return runs


def _shown(run: _Element) -> str:
    """What a run shows, a break or tab as the white space it is."""
    return "".join(
        (child.text or "") if child.tag == _TEXT else _SHOWN.get(child.tag, "") for child in run
    )


def _replace_text_run(run: _Element, parts: list[tuple[str, Stretch]]) -> None:
    """A text run replaced by one run a part, each a copy with its own text and direction."""
    for text, stretch in parts:
        piece = copy.deepcopy(run)
        element = piece.find(_TEXT)
        element.text = text
        element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        _set_run_direction(piece, stretch)
        run.addprevious(piece)
    run.getparent().remove(run)  # type: ignore[union-attr]


def _set_run_direction(run: _Element, stretch: Stretch) -> None:
    """`w:rtl` on a right-to-left run (off a left-to-right one), `w:cs` on a number range."""
    properties = run.find(_PROPERTIES)
    if not stretch.rtl and properties is not None and (rtl := properties.find(_RTL)) is not None:
        properties.remove(rtl)
    if stretch.rtl or stretch.number:
        tag = "w:rtl" if stretch.rtl else "w:cs"
        if properties is None:  # the common case, and quick: no order to keep
            run.insert(0, OxmlElement("w:rPr"))
            run[0].append(OxmlElement(tag))
        elif properties.find(qn(tag)) is None:
            insert_in_order(properties, OxmlElement(tag), RUN)
