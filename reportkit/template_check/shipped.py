"""What the shipped template prints, and which of it a restyled template no longer prints.

Compared by data path, not by spelling: `{%p for p in group.people %}{{ p.details }}` prints
what the shipped `{{ person.details }}` prints. A template that lost a tag would silently
leave that part of every meeting out of the report.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportkit.problems import Problem
from reportkit.template_check.blocks import Findings, check_blocks
from reportkit.template_check.features import OPTIONAL_TAGS
from reportkit.template_check.parts import template_parts
from reportkit.template_check.tags import tags_of


@cache
def shipped_prints(shipped: Path) -> dict[str, tuple[str, str, str]]:
    """Data path → (the tag as typed, its part, its location) in the shipped template."""
    printed = check_blocks(tags_of(template_parts(shipped)).tags).printed
    return {
        path: (tag.shown, tag.paragraph.part, tag.paragraph.location)
        for path, tag in printed.items()
    }


def missing_tags(findings: Findings, shipped: Path) -> list[Problem]:
    """What the shipped template prints and this one does not, except what a tag already
    reported as broken or misspelt may have meant to print: fixing it is the first step."""
    expected = shipped_prints(shipped)
    if None in findings.unsure:
        return []
    if not findings.printed:
        return [
            Problem(
                "the template has none of the shipped template's tags: the report would show"
                " nothing of the meeting",
                "start from the shipped template (`reportkit templates export DIR`) and restyle it",
                "body",
            )
        ]
    return [
        Problem(
            f"nothing prints {shown}, which the shipped template prints ({location}):"
            " the report would leave it out",
            "put the tag back where the report should show it",
            part,
        )
        for path, (shown, part, location) in expected.items()
        if path not in findings.printed
        and path not in OPTIONAL_TAGS
        and not _unsure(path, findings.unsure)
    ]


def _unsure(path: str, bases: set[str | None]) -> bool:
    return any(
        base and (path == base or path.startswith((f"{base}.", f"{base}[]"))) for base in bases
    )
