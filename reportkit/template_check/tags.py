"""The docxtpl tags of a template, as docxtpl will see them.

docxtpl replaces a whole table row by its `{%tr %}` tag, a whole cell by its `{%tc %}` tag
and a whole paragraph by its `{%p %}` tag, in that order: any other text there — words,
or other tags — is silently dropped. So the tags Jinja will run are found here the same
way, and what would be dropped is a problem in its own right.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from reportkit.problems import Problem
from reportkit.template_check.parts import Paragraph, Part

_TAG = re.compile(r"\{\{(?P<print>.*?)\}\}|\{%(?P<statement>.*?)%\}|\{#(?P<comment>.*?)#\}", re.S)
_OPENING = re.compile(r"\{\{|\{%")
_LEVEL = re.compile(r"^(tr|tc|p|r) ")
# Word's typographic quotes, which docxtpl straightens inside tags before Jinja reads them.
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_SHOWN = 60
_WHOLE = {"p": "paragraph", "tc": "table cell", "tr": "table row"}
# docxtpl's order of replacing containers by their tags, and how each container is known.
_REPLACED: tuple[tuple[str, Callable[[Paragraph], str]], ...] = (
    ("tr", lambda p: p.row),
    ("tc", lambda p: p.cell),
    ("p", lambda p: p.location),
)


@dataclass(frozen=True)
class Tag:
    """One tag: where it is, as typed, and the Jinja code it holds."""

    paragraph: Paragraph
    raw: str
    kind: str  # "print", "statement" or "comment"
    level: str  # "", "p", "tr", "tc" or "r": what docxtpl replaces by the tag
    code: str

    @property
    def keyword(self) -> str:
        return self.code.split(maxsplit=1)[0] if self.kind == "statement" and self.code else ""

    @property
    def shown(self) -> str:
        return shorten(self.raw)


def shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


@dataclass
class Scan:
    """The tags Jinja will run, the problems found, and whether a tag was lost: not closed,
    dropped or misplaced, so that what it would have printed is unknown."""

    tags: list[Tag] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    lost: bool = False


def tags_of(parts: Iterable[Part]) -> Scan:
    """Every tag Jinja will run, part by part in order, and the problems of tags and text
    that docxtpl would drop or that are not closed."""
    scan = Scan()
    for part in parts:
        found = [tag for paragraph in part.paragraphs for tag in _read(paragraph, scan)]
        for level, container in _REPLACED:
            found = _replaced(found, part, level, container, scan)
        scan.tags += found
    return scan


def _read(paragraph: Paragraph, scan: Scan) -> list[Tag]:
    tags = []
    rest = paragraph.text
    for match in _TAG.finditer(paragraph.text):
        kind = match.lastgroup or "print"
        code = match[kind].translate(_QUOTES)
        level = _LEVEL.match(code)
        inner = code[level.end() :] if level else code
        tags.append(Tag(paragraph, match[0], kind, level[1] if level else "", inner.strip(" -+")))
        rest = rest.replace(match[0], " " * len(match[0]), 1)
    unclosed = _OPENING.search(rest)
    if unclosed is not None:
        scan.lost = True
        scan.problems.append(
            Problem(
                f'the tag "{shorten(rest[unclosed.start() :])}" is not closed in its paragraph',
                f"end it with {'}}' if unclosed[0] == '{{' else '%}'} in the same paragraph,"
                " or delete it",
                paragraph.location,
            )
        )
    return tags


def _replaced(
    tags: list[Tag], part: Part, level: str, container: Callable[[Paragraph], str], scan: Scan
) -> list[Tag]:
    """The tags left once docxtpl has replaced each container holding a `level` tag by it."""
    kept: dict[str, Tag] = {}
    for tag in tags:
        if tag.level != level:
            continue
        if container(tag.paragraph):
            kept[container(tag.paragraph)] = tag  # docxtpl's greedy match keeps the last one
        else:
            scan.lost = True
            scan.problems.append(
                Problem(
                    f"{tag.shown} is not in a {_WHOLE[level]}",
                    f"a {{%{level} %}} tag goes in the {_WHOLE[level]} it repeats or hides;"
                    " outside tables use {%p %}",
                    tag.paragraph.location,
                )
            )
    for key, tag in kept.items():
        dropped = " ".join(
            p.text.replace(tag.raw, "", 1) if p is tag.paragraph else p.text
            for p in part.paragraphs
            if container(p) == key
        ).strip()
        if dropped:
            scan.lost = scan.lost or bool(_OPENING.search(dropped))
            scan.problems.append(_beside(tag, dropped))
    return [
        t
        for t in tags
        if (t.level != level or container(t.paragraph)) and kept.get(container(t.paragraph), t) is t
    ]


def _beside(tag: Tag, dropped: str) -> Problem:
    whole = _WHOLE[tag.level]
    return Problem(
        f'text beside {tag.shown} is dropped: "{shorten(dropped)}"',
        f"a {{%{tag.level} %}} tag replaces its whole {whole}: move the text to a {whole} of"
        " its own",
        tag.paragraph.location,
    )
