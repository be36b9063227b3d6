"""The report's running text written as Word paragraphs, in the template's styles.

The body, the agenda, text annexes and the list of participants are many paragraphs of a
few kinds; they are written here directly as WordprocessingML (escaped, in schema order)
instead of through a Jinja loop over the whole document, which costs seconds at summit
scale. Their look is the template's: each paragraph names its style, found by name, so a
template restyled in Word restyles them. A list that must start again at 1 (items, an
agenda, a text annex's paragraphs) gets a list instance of its own (`w:num` with a
`startOverride`), Word's own way to restart, which keeps numbering live when the
secretariat edits the document. The list of participants sets its delegations in invisible
tables (`list_table`), whose headings repeat on the pages a delegation runs onto.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from html import escape

from docx.document import Document
from docx.oxml.ns import qn
from docx.styles.style import StyleFactory

from reportkit.arrange import styles
from reportkit.arrange.keeps import leads_in
from reportkit.arrange.references import FIELD_START, NOTE_START
from reportkit.arrange.result import AgendaLine, BodyBlock, ParticipantSection, Person
from reportkit.model import ListLabels
from reportkit.render import list_table
from reportkit.render.direction import covering, cut, paragraph_right_to_left, stretches
from reportkit.render.footnotes import Footnotes
from reportkit.render.markup import Span, parse
from reportkit.render.numbering import labelled_definition, style_num_id
from reportkit.render.styled import style_ids

W_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class ParagraphWriter:
    """Writes paragraphs for one document, whose styles and numbering they refer to."""

    def __init__(
        self, document: Document, right_to_left: bool = False, notes: Footnotes | None = None
    ) -> None:
        """`right_to_left`: the edition runs right to left (Arabic), every paragraph too;
        `notes` gathers the footnotes of the whole report, wherever they are written."""
        self._document = document
        self._right_to_left = right_to_left
        self.notes = notes or Footnotes()
        self._style_ids = style_ids(document)
        self._restarted: dict[tuple[str, int], int] = {}
        self._openings: dict[tuple[str, int, bool, bool | None, str], str] = {}
        taken = [
            int(mark.get(f"{{{W_NAMESPACE}}}id", "0"))
            for mark in document.element.body.iter(f"{{{W_NAMESPACE}}}bookmarkStart")
        ]
        self._next_bookmark = max(taken, default=0) + 1

    def body(self, blocks: tuple[BodyBlock, ...]) -> Iterator[str]:
        for index, block in enumerate(blocks):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            yield self.paragraph(
                block.style,
                block.text,
                block.restart,
                block.bookmark,
                labels=block.list_labels,
                keep_next=leads_in(block, following) or None,
            )

    def agenda(self, lines: tuple[AgendaLine, ...], restart: int) -> Iterator[str]:
        for line in lines:
            if line.number is None:
                yield self.paragraph(styles.AGENDA_LINE, line.text)
            else:
                yield self.paragraph(styles.AGENDA_ITEM, line.text, restart)
            if line.note:
                yield self.paragraph(styles.AGENDA_NOTE, line.note)

    def participants(self, sections: tuple[ParticipantSection, ...]) -> Iterator[str]:
        """Each section's heading, kept with the first delegation under it, then each
        delegation as a table (see `list_table`): its heading the header row, kept with its
        first delegate, and one row per delegate, kept with the next as its style says (so a
        page breaks after a delegate marked `last` only, see `arrange`); each table is followed
        by a separator (two tables that touch are one in Word, and a document cannot end
        with a table). A section that is one delegation under its own name (the secretariat)
        is a table without a header row.

        Space between paragraphs does not merge across a table's edge, nor is a cell's space
        before dropped at the top of a page: where paragraphs keep the larger of the space
        after one and before the next, a table's edge adds them. So that the list is spaced
        as it was in paragraphs, a table's last details have no space after and a delegation
        heading none before; the space a heading had before it is the separator's before the
        next delegation, and the section heading's space after is above the first."""
        width = list_table.text_width(self._document)
        between = self._space_before(styles.DELEGATION_HEADING)
        for section in sections:
            heading = f"{section.letter}. {section.heading}"
            yield self.listed(styles.PARTICIPANTS_SECTION, heading, keep_next=True)
            for number, group in enumerate(section.groups, 1):
                final = len(group.people) - 1
                rows = [
                    list_table.row(self._delegate(person, index == final), width)
                    for index, person in enumerate(group.people)
                ]
                if section.grouped:
                    title = self.listed(
                        styles.DELEGATION_HEADING,
                        group.heading,
                        keep_next=True,
                        unspaced="before",
                    )
                    rows.insert(0, list_table.row([title], width, heading=True))
                yield list_table.table(rows, width, self._right_to_left)
                space = between if section.grouped and number < len(section.groups) else 0
                yield list_table.separator(self._style_id("Normal"), self._right_to_left, space)

    def _delegate(self, person: Person, final: bool) -> list[str]:
        """A delegate's name and details; `final`: the last of their table. Her row keeps
        with the next one unless she is `last`: LibreOffice reads that from the row's first
        line (the name, which alone would keep every row with the next), Word from its
        lines, so both say it. The row itself keeps name and details together."""
        details = styles.DELEGATE_DETAILS_LAST if person.last else styles.DELEGATE_DETAILS
        return [
            self.listed(
                styles.DELEGATE_NAME, person.name_line, keep_next=False if person.last else None
            ),
            self.listed(details, person.details, unspaced="after" if final else ""),
        ]

    def _space_before(self, name: str) -> int:
        """The space before a paragraph of style `name`, in twips, as its style or the
        styles it is based on set it (none: 0)."""
        found = self._document.styles.element.get_by_id(self._style_ids.get(name) or "")
        style = None if found is None else StyleFactory(found)
        while style is not None:
            before = style.paragraph_format.space_before  # type: ignore[attr-defined]
            if before is not None:
                return int(before.twips)
            style = style.base_style  # type: ignore[attr-defined]
        return 0

    def listed(
        self, style: str, text: str, keep_next: bool | None = None, unspaced: str = ""
    ) -> str:
        """A line of the list of participants. In the Arabic edition it runs right to left
        whatever its script, so that every line starts at the same margin: a Latin name is
        an island in a right-to-left line, not a line set against the other margin. In the
        other editions a line typed in Arabic runs right to left, as any Arabic text.
        `keep_next`, when given, is the line's instead of its style's; `unspaced`: see
        `paragraph`."""
        return self.paragraph(
            style,
            text,
            markup=False,
            keep_next=keep_next,
            direction=self._right_to_left or None,
            unspaced=unspaced,
        )

    def paragraph(
        self,
        style: str,
        text: str,
        restart: int = 0,
        bookmark: str = "",
        *,
        markup: bool = True,
        labels: ListLabels | None = None,
        keep_next: bool | None = None,
        direction: bool | None = None,
        unspaced: str = "",
    ) -> str:
        """One paragraph: `markup` reads `*italic*`/`**bold**` and references in `text`;
        `labels` label the restarted list it opens, otherwise than its style's; `keep_next`,
        when given, keeps it on the page of the next paragraph or not, whatever its style
        says; `direction` (right to left or not), when given, is the paragraph's instead of
        its text's; `unspaced` ("before" or "after"): no space there, whatever its style says.

        Its direction is its text's (see `direction`): in the Arabic edition right to left
        unless it is left in English, elsewhere right to left when it starts in Arabic.
        """
        plain = not (markup and ("*" in text or FIELD_START in text or NOTE_START in text))
        if plain:
            spans, shown = (Span(text),), text
        else:
            spans = parse(text)
            shown = "".join(span.text for span in spans)
        rtl = (
            paragraph_right_to_left(shown, self._right_to_left) if direction is None else direction
        )
        key = (style, restart, rtl, keep_next, unspaced)
        opening = self._openings.get(key)
        if opening is None:
            # The Arabic template runs paragraphs right to left unless told otherwise.
            bidi = "<w:bidi/>" if rtl else '<w:bidi w:val="0"/>' if self._right_to_left else ""
            keep = {True: "<w:keepNext/>", False: '<w:keepNext w:val="0"/>'}.get(keep_next, "")
            spacing = f'<w:spacing w:{unspaced}="0"/>' if unspaced else ""
            opening = (
                f'<w:p><w:pPr><w:pStyle w:val="{self._style_id(style)}"/>'
                f"{keep}{self._numbering(style, restart, labels)}{bidi}{spacing}</w:pPr>"
            )
            self._openings[key] = opening
        if plain and not rtl and shown.isascii():
            # One left-to-right run without properties, as `_runs` makes it: most lines of
            # a long list, which the full cut by direction would only slow down.
            runs = _text_run(shown, "")
        else:
            runs = _runs(spans, shown, rtl, self.notes)
        if bookmark:
            number = self._next_bookmark
            self._next_bookmark += 1
            runs = (
                f'<w:bookmarkStart w:id="{number}" w:name="{bookmark}"/>{runs}'
                f'<w:bookmarkEnd w:id="{number}"/>'
            )
        return f"{opening}{runs}</w:p>"

    def footnotes(self, style: str) -> list[str]:
        """Each note gathered so far as a paragraph in `style`, which may have been added
        to the document since this writer was made."""
        self._style_ids = style_ids(self._document)
        return [self.paragraph(style, note) for note in self.notes.notes]

    def _style_id(self, name: str) -> str:
        return self._style_ids.get(name, self._style_ids.get("Normal", "Normal"))

    def _numbering(self, style: str, restart: int, labels: ListLabels | None = None) -> str:
        """A restarted list's numbering for the paragraph, or none (its style's applies);
        the list is labelled `labels` when given."""
        if not restart or style not in self._style_ids:
            return ""
        key = (style, restart)
        if key not in self._restarted:
            num_id = style_num_id(self._document, style)
            if num_id is None:
                return ""
            numbering = self._document.part.numbering_part.element
            abstract = numbering.num_having_numId(num_id).abstractNumId.val
            if labels is not None:
                abstract = labelled_definition(numbering, abstract, labels)
            new = numbering.add_num(abstract)
            for level in _levels(numbering, abstract):
                new.add_lvlOverride(ilvl=level).add_startOverride(1)
            self._restarted[key] = new.numId
        level = 1 if style == styles.NUMBERED_SUBHEADING else 0
        return (
            f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{self._restarted[key]}"/></w:numPr>'
        )


def _levels(numbering: object, abstract: int) -> list[int]:
    """The levels a list defines (a section list has two: sections and sub-sections)."""
    for definition in numbering.findall(qn("w:abstractNum")):  # type: ignore[attr-defined]
        if definition.get(qn("w:abstractNumId")) == str(abstract):
            return [int(level.get(qn("w:ilvl"))) for level in definition.findall(qn("w:lvl"))]
    return [0]


def _runs(spans: Sequence[Span], shown: str, rtl: bool, notes: Footnotes) -> str:
    """The spans' runs, cut where the direction of the paragraph's text changes (see
    `direction.stretches`): right-to-left ones marked `w:rtl`, number ranges `w:cs`, with
    the directional marks an island of the other script needs. A cross-reference stays one
    field, and a footnote's mark one run, set in the direction of the text it stands in."""
    pieces = stretches(shown, rtl)
    if not pieces or (len(pieces) == 1 and not (pieces[0].before or pieces[0].after)):
        direction = pieces[0].rtl if pieces else rtl
        return "".join(_script_run(span, direction, notes) for span in spans)
    runs = []
    offset = 0
    for span in spans:
        end = offset + len(span.text)
        if span.note:
            runs.append(notes.reference(span.note, covering(pieces, max(offset - 1, 0)).rtl))
        elif span.bookmark:
            runs.append(_script_run(span, covering(pieces, offset).rtl, notes))
        else:
            runs += [
                _text_run(text, _properties(span, stretch.rtl, stretch.number))
                for text, stretch in cut(shown, pieces, offset, end)
            ]
        offset = end
    return "".join(runs)


def _properties(span: Span, rtl: bool, number: bool = False) -> str:
    """A run's properties: `number`, a number range of right-to-left text, is left to
    right in the complex-script font (`w:cs`)."""
    properties = (
        ("<w:b/><w:bCs/>" if span.bold else "")
        + ("<w:i/><w:iCs/>" if span.italic else "")
        + ("<w:rtl/>" if rtl else "")
        + ("<w:cs/>" if number else "")
    )
    return f"<w:rPr>{properties}</w:rPr>" if properties else ""


def _text_run(text: str, opening: str) -> str:
    """A run of `text` after its properties (`opening`), line breaks and tabs as Word's."""
    if "\n" not in text and "\t" not in text:
        content = f'<w:t xml:space="preserve">{escape(text, quote=False)}</w:t>'
    else:
        content = "<w:br/>".join(
            "<w:tab/>".join(
                f'<w:t xml:space="preserve">{escape(piece, quote=False)}</w:t>' if piece else ""
                for piece in line.split("\t")
            )
            for line in text.split("\n")
        )
    return f"<w:r>{opening}{content}</w:r>"


def _script_run(span: Span, rtl: bool, notes: Footnotes) -> str:
    """The span's run, or a field's runs for a cross-reference, or a footnote's mark."""
    if span.note:
        return notes.reference(span.note, rtl)
    opening = _properties(span, rtl)
    shown = _text_run(span.text, opening)
    if not span.bookmark:
        return shown
    # A cross-reference: Word's REF field, already showing the number it will compute.
    return (
        f'<w:r>{opening}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{opening}<w:instrText xml:space="preserve"> REF {span.bookmark} \\n \\h '
        f"</w:instrText></w:r>"
        f'<w:r>{opening}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"{shown}"
        f'<w:r>{opening}<w:fldChar w:fldCharType="end"/></w:r>'
    )
