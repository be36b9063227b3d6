"""The three-way merge decided on texts: the person's edits kept, the workbook's applied,
each correction on the line it belongs to — whatever styles, moves and joins the person made."""

from __future__ import annotations

from reportkit.arrange import styles
from reportkit.merge.align import Item, align
from reportkit.merge.lines import Line
from reportkit.merge.plan import (
    BOTH_CHANGED,
    DELETED_CHANGED,
    EDITED_REMOVED,
    Change,
    Insert,
    Target,
    plan_merge,
)
from reportkit.merge.words import TextMap, carry, word_edits

NAME, DETAILS, LAST = styles.DELEGATE_NAME, styles.DELEGATE_DETAILS, styles.DELEGATE_DETAILS_LAST
HEADING, NUMBERED = styles.DELEGATION_HEADING, styles.NUMBERED_PARAGRAPH


def doc(*lines: tuple[str, str] | str) -> list[Line]:
    return [Line(x, NUMBERED) if isinstance(x, str) else Line(x[1], x[0]) for x in lines]


BODY = doc(
    "The Meeting was held in Ankara.",
    "The Meeting started with a recitation from the Holy Quran.",
    "At the outset, Mr. Selçuk KOÇ delivered a welcome address.",
    "The participants expressed their thanks and appreciation.",
)


def row(*paragraphs: tuple[str, str]) -> Line:
    """A one-cell table row of (style, text) paragraphs, as Annex III sets a delegation's
    heading and each delegate."""
    texts = tuple(text for _, text in paragraphs)
    return Line("\n".join(texts), cells=(texts,), cell_styles=(tuple(s for s, _ in paragraphs),))


def delegate(name: str, details: str, style: str = DETAILS) -> Line:
    return row((NAME, name), (style, details))


SEPARATOR = Line("", "Normal")
LIST = [
    *doc(("Annex Heading", "ANNEX III"), (styles.PARTICIPANTS_SECTION, "A. MEMBER COUNTRIES")),
    row((HEADING, "COOPERATIVE REPUBLIC OF GUYANA")),
    delegate("-Mr. CHRISTOPHER DEEN", "General Manager, National Data Management Authority"),
    delegate("-Ms. MOVITA NARAIN", "Planner, Ministry of Agriculture", LAST),
    SEPARATOR,
    row((HEADING, "REPUBLIC OF IRAQ")),
    delegate("-Ms. ISRAA HANOON", "Chief Engineer, Ministry of Transportation", LAST),
    SEPARATOR,
]
DEEN, NARAIN = 3, 4


def texts(lines: list[Line]) -> list[str]:
    return [line.text for line in lines]


def replaced(lines: list[Line], index: int, text: str, style: str | None = None) -> list[Line]:
    copy = list(lines)
    copy[index] = Line(text, lines[index].style if style is None else style)
    return copy


def with_details(index: int, details: str | None = None, style: str | None = None) -> Line:
    """Delegate `index` of LIST with other details, or another style for them."""
    (name, old), (_, old_style) = LIST[index].cells[0], LIST[index].cell_styles[0]  # type: ignore[index]
    return delegate(name, old if details is None else details, style or old_style)


def test_untouched_report_takes_every_correction() -> None:
    new = list(LIST)
    new[DEEN] = with_details(DEEN, "Senior Manager, National Data Management Authority")
    result = plan_merge(LIST, LIST, new)
    assert result.changes == [Change(Target(DEEN, 0, 1), 0, 7, Target(DEEN, 0, 1), 0, 6)]
    assert result.conflicts == []
    assert result.applied == [
        "Annex III, COOPERATIVE REPUBLIC OF GUYANA, Mr. CHRISTOPHER DEEN: reworded"
    ]


def test_a_delegate_added_after_the_last_leaves_the_corrected_one_where_she_is() -> None:
    """The issue's case: her detail line changes style in the new build, and her row must
    still be the same row — her correction stays hers, the new delegate comes after her."""
    edited = list(LIST)
    edited[NARAIN] = with_details(NARAIN, "Senior Planner, Ministry of Agriculture")
    new = [*LIST[:NARAIN], with_details(NARAIN, style=DETAILS)]
    new += [delegate("-Mr. JOHN PERSAUD", "Director of ICT, Ministry of Agriculture", LAST)]
    new += LIST[NARAIN + 1 :]
    result = plan_merge(LIST, edited, new)
    assert result.conflicts == []
    assert result.changes == []
    assert result.restyles == {NARAIN: NARAIN}, "her row takes the workbook's style, not its text"
    assert result.inserts == [Insert(NARAIN + 1, after=NARAIN)]
    assert result.applied == ["Annex III, COOPERATIVE REPUBLIC OF GUYANA, Mr. JOHN PERSAUD: added"]


def test_the_last_delegate_removed_leaves_the_corrected_one_before_her() -> None:
    edited = list(LIST)
    edited[DEEN] = with_details(DEEN, "Director General, National Data Management Authority")
    new = [*LIST[:DEEN], with_details(DEEN, style=LAST), *LIST[NARAIN + 1 :]]
    result = plan_merge(LIST, edited, new)
    assert result.conflicts == []
    assert result.removals == [NARAIN]
    assert result.restyles == {DEEN: DEEN}
    assert result.applied == [
        "Annex III, COOPERATIVE REPUBLIC OF GUYANA, Ms. MOVITA NARAIN: removed"
    ]


def test_a_delegate_the_workbook_removes_but_the_person_corrected_stays_whole() -> None:
    edited = list(LIST)
    edited[NARAIN] = with_details(NARAIN, "Senior Planner, Ministry of Agriculture")
    new = [*LIST[:DEEN], with_details(DEEN, style=LAST), *LIST[NARAIN + 1 :]]
    result = plan_merge(LIST, edited, new)
    assert result.removals == []
    assert result.conflicts == [
        f"Annex III, COOPERATIVE REPUBLIC OF GUYANA, Ms. MOVITA NARAIN: {EDITED_REMOVED}"
    ]


def test_a_delegate_deleted_in_word_and_corrected_in_the_workbook_comes_back_whole() -> None:
    edited = LIST[:NARAIN] + LIST[NARAIN + 1 :]
    new = list(LIST)
    new[NARAIN] = with_details(NARAIN, "Senior Planner, Ministry of Agriculture")
    result = plan_merge(LIST, edited, new)
    assert result.inserts == [Insert(NARAIN, after=DEEN)]
    assert result.conflicts == [
        f"Annex III, COOPERATIVE REPUBLIC OF GUYANA, Ms. MOVITA NARAIN: {DELETED_CHANGED}"
    ]


def test_a_delegate_deleted_in_word_and_untouched_in_the_workbook_stays_deleted() -> None:
    edited = LIST[:NARAIN] + LIST[NARAIN + 1 :]
    result = plan_merge(LIST, edited, LIST)
    assert result.empty


def test_the_persons_edit_stays_and_is_not_reverted() -> None:
    edited = [*BODY[:1], Line("The Meeting was held in Ankara, in person.", NUMBERED), *BODY[1:]]
    edited[0] = Line("A paragraph the secretariat added.", NUMBERED)
    new = replaced(BODY, 3, "The participants expressed their warm thanks and appreciation.")
    result = plan_merge(BODY, edited, new)
    assert result.conflicts == []
    assert [c.target for c in result.changes] == [Target(4)]
    assert result.applied == ["Paragraph 5: reworded"], "numbered as in the person's report"


def test_the_workbooks_words_arrive_beside_other_words_the_person_changed() -> None:
    edited = replaced(BODY, 2, "At the outset, Mr. Selçuk KOÇ delivered a warm welcome address.")
    new = replaced(
        BODY, 2, "At the outset, Mr. Selçuk KOÇ, Director General, delivered a welcome address."
    )
    result = plan_merge(BODY, edited, new)
    assert result.conflicts == []
    (change,) = result.changes
    assert edited[2].text[change.start : change.end] == ""
    assert new[2].text[change.new_start : change.new_end] == ", Director General,"


def test_both_changing_the_same_words_keeps_both_and_says_where() -> None:
    edited, new = list(LIST), list(LIST)
    edited[DEEN] = with_details(DEEN, "Chief Executive, National Data Management Authority")
    new[DEEN] = with_details(DEEN, "Senior Director, National Data Management Authority")
    result = plan_merge(LIST, edited, new)
    assert result.changes == []
    assert result.inserts == [Insert(DEEN, after=DEEN)]
    assert result.conflicts == [
        f"Annex III, COOPERATIVE REPUBLIC OF GUYANA, Mr. CHRISTOPHER DEEN: {BOTH_CHANGED}"
    ]


def test_the_same_change_made_twice_is_no_conflict() -> None:
    edited = list(LIST)
    edited[DEEN] = with_details(DEEN, "Senior Director, National Data Management Authority")
    result = plan_merge(LIST, edited, edited)
    assert result.empty


def test_a_restyled_paragraph_takes_the_correction_inside_its_new_style() -> None:
    edited = replaced(BODY, 1, BODY[1].text, styles.TEXT)
    new = replaced(BODY, 1, "The Meeting opened with a recitation from the Holy Quran.")
    result = plan_merge(BODY, edited, new)
    assert result.conflicts == [] and result.inserts == [] and result.removals == []
    assert [c.target for c in result.changes] == [Target(1)]
    assert result.restyles == {}


def test_a_moved_paragraph_takes_the_correction_where_it_was_put() -> None:
    edited = [BODY[0], BODY[2], BODY[3], BODY[1]]
    new = replaced(BODY, 1, "The Meeting opened with a recitation from the Holy Quran.")
    result = plan_merge(BODY, edited, new)
    assert result.conflicts == [] and result.inserts == []
    assert [c.target for c in result.changes] == [Target(3)]


def test_joined_paragraphs_take_the_correction_inside_the_joined_one() -> None:
    joined = f"{BODY[1].text} {BODY[2].text}"
    edited = [BODY[0], Line(joined, NUMBERED), BODY[3]]
    new = replaced(BODY, 2, "At the outset, Mr. Selçuk KOÇ delivered opening remarks.")
    result = plan_merge(BODY, edited, new)
    assert result.conflicts == [] and result.inserts == []
    (change,) = result.changes
    assert change.target == Target(1)
    assert joined[change.start : change.end] == "a welcome address"
    assert new[2].text[change.new_start : change.new_end] == "opening remarks"


def test_a_line_removed_from_joined_paragraphs_loses_only_its_words() -> None:
    joined = f"{BODY[1].text} {BODY[2].text}"
    edited = [BODY[0], Line(joined, NUMBERED), BODY[3]]
    new = [BODY[0], BODY[1], BODY[3]]
    result = plan_merge(BODY, edited, new)
    (change,) = result.changes
    assert joined[change.start : change.end] == BODY[2].text
    assert change.source is None and result.removals == []


def test_an_addition_the_person_already_made_is_not_made_twice() -> None:
    added = Line("The Meeting adopted its agenda.", NUMBERED)
    edited = [BODY[0], added, *BODY[1:]]
    new = [BODY[0], added, *BODY[1:]]
    assert plan_merge(BODY, edited, new).empty


def test_an_added_paragraph_is_numbered_as_the_person_will_read_it() -> None:
    edited = [Line("A paragraph the secretariat added.", NUMBERED), *BODY]
    new = [*BODY[:2], Line("The Meeting adopted its agenda.", NUMBERED), *BODY[2:]]
    result = plan_merge(BODY, edited, new)
    assert result.inserts == [Insert(2, after=2)]
    assert result.applied == ["Paragraph 4: added"]


def test_alignment_tells_reworded_from_replaced() -> None:
    def items(values: list[str]) -> list[Item]:
        return [Item("p", value, value) for value in values]

    result = align(
        items(["alpha beta gamma delta", "one two three four"]),
        items(["alpha beta gamma epsilon", "something else entirely"]),
    )
    assert result.matched == [0, None]
    assert result.same == [False, False]
    assert result.added == {0: [1]}


def test_carry_refuses_edits_touching_the_persons() -> None:
    base = "General Manager, National Data Management Authority"
    person = TextMap(base, "General Manager, National Data Authority")
    touching = word_edits(base, "General Manager, National Data Systems Authority")
    apart = word_edits(base, "Senior Manager, National Data Management Authority")
    assert carry(touching, 0, person) is None
    (edit,) = carry(apart, 0, person) or []
    assert (edit.start, edit.end) == (0, 7)


def test_word_edits_never_split_a_word() -> None:
    old = "General Manager, National Data Management Authority"
    new = "Senior General Manager, National Data Authority"
    edits = word_edits(old, new)
    assert [(old[e.start : e.end], new[e.new_start : e.new_end]) for e in edits] == [
        ("", "Senior "),
        ("Management ", ""),
    ]


def test_spaces_rewritten_by_an_editor_are_no_change() -> None:
    assert word_edits("a  b\u00a0c", "a b c") == []
    assert TextMap("a  b c", "a b  c").position(6) == 6


def test_edits_a_space_apart_read_as_one() -> None:
    old, new = "General Manager, Authority", "Senior Director, Authority"
    assert [(old[e.start : e.end], new[e.new_start : e.new_end]) for e in word_edits(old, new)] == [
        ("General Manager", "Senior Director")
    ]
