"""Blocks that open and close as Jinja and docxtpl need, and the names usable in each.

Jinja needs every block closed within its part (the body, a header, a footer). docxtpl adds
that a block's tags be of one kind (`{%p for %}` … `{%p endfor %}`), and lie in one
paragraph (`{% %}`), one cell (`{%p %}`), one row (`{%tc %}`) or one table (`{%tr %}`):
otherwise it produces a broken document. Loops give their variable the shape of the list's
items, so that `{{ person.detail }}` inside `{%p for person in group.people %}` is found.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby

from jinja2 import nodes

from reportkit.problems import Problem
from reportkit.template_check.code import MIDDLES, Parsed, opens_block, parse_tag
from reportkit.template_check.names import (
    Binding,
    NameCheck,
    bind_loop,
    bound_names,
    look,
    top_scope,
)
from reportkit.template_check.parts import Paragraph
from reportkit.template_check.tags import Tag

# Where a block's tags must all be, by the kind of its tags: its name, and how it is known.
_CONTAINERS: dict[str, tuple[str, Callable[[Paragraph], str]]] = {
    "": ("paragraph", lambda p: p.location),
    "r": ("paragraph", lambda p: p.location),
    "p": ("table cell", lambda p: p.cell),  # or the part outside tables: cell ""
    "tc": ("table row", lambda p: p.row),
    "tr": ("table", lambda p: p.table),
}


def form(level: str, code: str) -> str:
    """How a tag of `level` is written: `{%p endfor %}`, `{% endif %}`."""
    return f"{{%{level} {code} %}}" if level else f"{{% {code} %}}"


@dataclass
class _Open:
    tag: Tag
    scope: dict[str, Binding]


@dataclass
class Findings:
    """Problems, and the first tag printing each data path (for comparing templates)."""

    problems: list[Problem] = field(default_factory=list)
    printed: dict[str, Tag] = field(default_factory=dict)
    # Data paths a broken tag or an unknown name may have meant to print (None: any).
    unsure: set[str | None] = field(default_factory=set)


def check_blocks(tags: list[Tag]) -> Findings:
    findings = Findings()
    for _, part_tags in groupby(tags, key=lambda t: t.paragraph.part):
        _check_part(list(part_tags), findings)
    return findings


def _check_part(tags: list[Tag], findings: Findings) -> None:
    problems = findings.problems
    stack: list[_Open] = []
    base = top_scope()
    for tag in tags:
        parsed = parse_tag(tag)
        if parsed.error:
            problems.append(
                Problem(
                    f"the tag {tag.shown} is broken: {parsed.error}",
                    "correct it in Word; `reportkit templates export` writes the shipped"
                    " template, whose tags show the forms that work",
                    tag.paragraph.location,
                )
            )
            findings.unsure.add(None)
        scope = stack[-1].scope if stack else base
        keyword = tag.keyword
        if tag.kind == "statement" and keyword.startswith("end"):
            _close(tag, stack, problems)
            continue
        if tag.kind == "statement" and keyword in MIDDLES:
            _middle(tag, stack, problems)
        inner = _names(tag, parsed, scope, findings)
        if opens_block(tag):
            stack.append(_Open(tag, inner))
    for still_open in stack:
        problems.append(_never_closed(still_open.tag))


def _names(
    tag: Tag, parsed: Parsed, scope: dict[str, Binding], findings: Findings
) -> dict[str, Binding]:
    """Report the unknown names of a tag; returns the names usable inside it, if it opens a
    block. Names a statement sets are usable after it, with no shape known."""
    node = parsed.node
    if node is None:
        return dict(scope)
    check = NameCheck()
    inner = dict(scope)
    if isinstance(node, nodes.For):
        inner |= bind_loop(node.target, look(node.iter, scope, check))
        if node.test is not None:
            look(node.test, inner, check)
    elif isinstance(node, nodes.Output):
        for expression in node.nodes:
            look(expression, scope, check)
        for path in check.paths:
            findings.printed.setdefault(path, tag)
    elif isinstance(node, nodes.Assign) and isinstance(node.target, nodes.Name):
        scope[node.target.name] = look(node.node, scope, check)  # `set x = …` keeps its shape
    elif isinstance(node, nodes.Macro):
        scope[node.name] = Binding(None, None)  # usable after the macro, like Jinja's
        inner |= {name: Binding(None, None) for name in (node.name, *(a.name for a in node.args))}
        for default in node.defaults:
            look(default, scope, check)
    else:
        names = {name: Binding(None, None) for name in bound_names(node)}
        inner |= names
        look(node, inner, check)
        if not opens_block(tag):
            scope |= names
    findings.unsure |= check.unsure
    for typed, hint in dict(check.unknown).items():
        findings.problems.append(
            Problem(f'unknown name "{typed}" in {tag.shown}', hint, tag.paragraph.location)
        )
    return inner


def _middle(tag: Tag, stack: list[_Open], problems: list[Problem]) -> None:
    openers = MIDDLES[tag.keyword]
    if not stack or stack[-1].tag.keyword not in openers:
        problems.append(
            Problem(
                f"{tag.shown} is outside any {' or '.join(sorted(openers))} block",
                "delete it, or put it between the block's opening and closing tags",
                tag.paragraph.location,
            )
        )
        return
    _same_block(stack[-1].tag, tag, problems)


def _close(tag: Tag, stack: list[_Open], problems: list[Problem]) -> None:
    opened = tag.keyword[3:]
    if not any(o.tag.keyword == opened for o in stack):
        problems.append(
            Problem(
                f"{tag.shown} closes no open block",
                f"delete it, or add the {form(tag.level, opened + ' …')} it closes before it",
                tag.paragraph.location,
            )
        )
        return
    while stack[-1].tag.keyword != opened:
        inner = stack.pop().tag
        problems.append(
            Problem(
                f"{inner.shown} is still open where {tag.shown} closes its {opened} block",
                f"close it first: add {form(inner.level, 'end' + inner.keyword)} before"
                f" {tag.shown} ({tag.paragraph.location})",
                inner.paragraph.location,
            )
        )
    _same_block(stack.pop().tag, tag, problems)


def _same_block(opener: Tag, tag: Tag, problems: list[Problem]) -> None:
    """A block's tags are of one kind and in one container of that kind."""
    if tag.level != opener.level:
        problems.append(
            Problem(
                f"{tag.shown} belongs to {opener.shown} ({opener.paragraph.location}),"
                " a tag of another kind",
                f"write it {form(opener.level, tag.code)}, as its block opens",
                tag.paragraph.location,
            )
        )
        return
    container, key = _CONTAINERS[tag.level]
    if key(tag.paragraph) == key(opener.paragraph):
        return
    apart = f"they are in different {container}s"
    if tag.level == "p" and "" in (tag.paragraph.cell, opener.paragraph.cell):
        apart, container = "one is in a table, the other outside", "table cell, or outside tables"
    problems.append(
        Problem(
            f"{tag.shown} and {opener.shown} ({opener.paragraph.location}) are one block, but"
            f" {apart}",
            f"keep the tags of a {form(tag.level, '…')} block in one {container}",
            tag.paragraph.location,
        )
    )


def _never_closed(tag: Tag) -> Problem:
    return Problem(
        f"{tag.shown} is never closed",
        f"add {form(tag.level, 'end' + tag.keyword)} where the block should end",
        tag.paragraph.location,
    )
