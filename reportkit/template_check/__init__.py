"""Checking a report template before it is used: every problem, located, in one run.

docxtpl says nothing of a tag that docxtpl itself drops, names no place for a broken tag,
and a name reportkit does not provide fails only when rendering, in Python's words. Here a
template is read as docxtpl will read it (`parts`, `tags`), each tag parsed on its own
(`code`), its blocks and names checked (`blocks`, `names`), its styles (`styles`) and what
it prints compared with the shipped template (`shipped`). Each problem names the part
(body, header, footer) and the paragraph or table cell, and shows the tag. Results are
cached by the template's content, so a build pays for a template once per process.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from reportkit.base.hashing import digest
from reportkit.base.template_files import default_template
from reportkit.model import Language
from reportkit.problems import InputError, Problem, Severity, has_errors
from reportkit.template_check.features import Feature, lacking, unusable

if TYPE_CHECKING:
    from reportkit.arrange.result import ArrangedReport

__all__ = ["check_before_build", "refuse_unprintable", "template_lacks", "template_problems"]


def template_problems(template: Path) -> list[Problem]:
    """Every problem of a template that `check_template` found safe; nothing is rendered."""
    return list(_problems(template, digest(template)))


def check_before_build(template: Path) -> None:
    """Raise `InputError` with every error of a template before anything is built with it.

    The shipped templates are known to pass (a test says so), so their check costs nothing.
    """
    if digest(template) in _shipped_digests():
        return
    problems = template_problems(template)
    if has_errors(problems):
        raise InputError(str(template), problems)


def template_lacks(template: Path) -> tuple[Feature, ...]:
    """The features (`features`) a user's template cannot print: none for a shipped one."""
    if digest(template) in _shipped_digests():
        return ()
    return _lacks(template, digest(template))


def refuse_unprintable(report: ArrangedReport, template: Path) -> None:
    """A template restyled before title pages, running heads or annex forms existed prints
    every meeting that does not ask for them; one that does is refused, not printed without.
    Checked here, before rendering, because only the template's check knows what it prints."""
    asked = unusable(report, template_lacks(template))
    if asked:
        # Rendering's (with python-docx and docxtpl): imported with this module, it would
        # load them for every check, a batch's that then builds nothing among them.
        from reportkit.render import TemplateProblem

        raise TemplateProblem(
            template,
            " and ".join(f"{feature.asked_by} asks for {feature.name}" for feature in asked)
            + ", which this template cannot print: it was restyled from an older template",
            "export the shipped template again (`reportkit templates export DIR`) and"
            " restyle it, or leave what asks for it empty",
        )


@cache
def _lacks(template: Path, content: str) -> tuple[Feature, ...]:
    from reportkit.template_check.blocks import check_blocks
    from reportkit.template_check.parts import template_parts
    from reportkit.template_check.tags import tags_of

    return _lacking(template, check_blocks(tags_of(template_parts(template)).tags).printed)


def _lacking(template: Path, printed: dict[str, object]) -> tuple[Feature, ...]:
    from reportkit.template_check.styles import paragraph_styles

    return lacking(printed, set(paragraph_styles(template).values()))


@cache
def _shipped_digests() -> frozenset[str]:
    return frozenset(digest(default_template(language)) for language in Language)


@cache
def _problems(template: Path, content: str) -> tuple[Problem, ...]:
    # Loaded only for a template other than the shipped ones, which need no more than a hash.
    from reportkit.template_check.blocks import check_blocks
    from reportkit.template_check.parts import template_parts
    from reportkit.template_check.shipped import missing_tags
    from reportkit.template_check.styles import style_problems
    from reportkit.template_check.tags import tags_of

    # Every edition's template has the English one's tags and styles (a test says so).
    shipped = default_template()
    parts = template_parts(template)
    scan = tags_of(parts)
    findings = check_blocks(scan.tags)
    if scan.lost:
        findings.unsure.add(None)
    problems = scan.problems + findings.problems
    problems += style_problems(template, shipped)
    problems += missing_tags(findings, shipped)
    if findings.printed and None not in findings.unsure:  # else one error says it all
        problems += [
            Problem(
                f"this template cannot print {feature.name}, so a meeting asking for that"
                f" ({feature.asked_by}) is refused with it",
                "export the shipped template again (`reportkit templates export DIR`) to"
                " restyle it, if your meetings need it",
                "body",
                Severity.WARNING,
            )
            for feature in _lacking(template, findings.printed)
        ]
    order = {p.location: i for i, p in enumerate(p for part in parts for p in part.paragraphs)}
    return tuple(sorted(problems, key=lambda p: order.get(p.location, len(order))))
