"""The three-way merge decided on texts: the person's edits kept, the workbook's applied."""

from __future__ import annotations

from reportkit.merge.align import align
from reportkit.merge.plan import Add, Keep, Remove, Reword, plan_merge
from reportkit.merge.words import word_edits


def items(texts: list[str]) -> list[tuple[str, str]]:
    return [("p", text) for text in texts]


def plan(base: list[str], edited: list[str], new: list[str]):
    labels = [f"<{t}>" for t in base], [f"<{t}>" for t in new]
    return plan_merge(items(base), items(edited), items(new), *labels)


BASE = [
    "Report",
    "The Meeting was held in Ankara.",
    "Mr. Ahmed Hassan",
    "Director, Ministry of Trade",
    "Ms. Nacera Guemaz",
    "Director of Digitization, Ministry of Digitization",
]


def test_untouched_report_takes_every_correction() -> None:
    new = [*BASE]
    new[3] = "Senior Director, Ministry of Trade"
    new.insert(4, "Mr. Karim Adel")
    new.insert(5, "Adviser, Ministry of Trade")
    del new[6:8]
    result = plan(BASE, BASE, new)
    assert result.steps == [
        Keep(0),
        Keep(1),
        Keep(2),
        Reword(3, 3),
        Add(4),
        Add(5),
        Remove(4),
        Remove(5),
    ]
    assert result.conflicts == []
    assert result.applied == [
        "<Director, Ministry of Trade>: reworded",
        "<Mr. Karim Adel>: added",
        "<Adviser, Ministry of Trade>: added",
        "<Ms. Nacera Guemaz>: removed",
        "<Director of Digitization, Ministry of Digitization>: removed",
    ]


def test_the_persons_edit_stays_and_is_not_reverted() -> None:
    edited = [*BASE]
    edited[1] = "The Meeting was held in Ankara, Türkiye, in person."
    edited.insert(2, "A paragraph the secretariat added.")
    new = [*BASE]
    new[3] = "Senior Director, Ministry of Trade"
    result = plan(BASE, edited, new)
    assert result.steps == [Keep(0), Keep(1), Keep(2), Keep(3), Reword(4, 3), Keep(5), Keep(6)]
    assert result.conflicts == []


def test_both_changing_one_paragraph_keeps_both_and_says_where() -> None:
    edited = [*BASE]
    edited[3] = "Director General, Ministry of Trade"
    new = [*BASE]
    new[3] = "Senior Director, Ministry of Trade"
    result = plan(BASE, edited, new)
    assert result.steps[3:5] == [Keep(3), Add(3)]
    assert result.conflicts == [
        "<Director, Ministry of Trade>: edited in Word and changed in the workbook — both kept, review the tracked change"
    ]


def test_the_same_change_made_twice_is_no_conflict() -> None:
    edited = [*BASE]
    edited[3] = "Senior Director, Ministry of Trade"
    result = plan(BASE, edited, edited)
    assert all(isinstance(step, Keep) for step in result.steps)
    assert result.conflicts == [] and result.applied == []


def test_deleted_by_the_person_and_changed_in_the_workbook_comes_back_as_an_insertion() -> None:
    edited = BASE[:3] + BASE[4:]
    new = [*BASE]
    new[3] = "Senior Director, Ministry of Trade"
    result = plan(BASE, edited, new)
    assert Add(3) in result.steps
    assert len(result.conflicts) == 1 and "deleted in Word" in result.conflicts[0]


def test_a_person_deleting_what_the_workbook_kept_stays_deleted() -> None:
    edited = BASE[:1] + BASE[2:]
    result = plan(BASE, edited, BASE)
    assert result.steps == [Keep(i) for i in range(len(edited))]


def test_alignment_tells_reworded_from_replaced() -> None:
    base = ["alpha beta gamma delta", "one two three four"]
    other = ["alpha beta gamma epsilon", "something else entirely"]
    result = align(items(base), items(other))
    assert result.matched == [0, None]
    assert result.same == [False, False]
    assert result.added == {0: [1]}


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


def test_edits_a_space_apart_read_as_one() -> None:
    old, new = "General Manager, Authority", "Senior Director, Authority"
    assert [(old[e.start : e.end], new[e.new_start : e.new_end]) for e in word_edits(old, new)] == [
        ("General Manager", "Senior Director")
    ]
