"""The documentation holds together: every relative link reaches a file and a heading there,
every page of docs/ is reachable from the README, and the README stays short enough to be
read by a user before they start (the reference lives in docs/).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").glob("*.md"))]
README_MOST_LINES = 200

_FENCE = re.compile(r"^ *```")
_INLINE_CODE = re.compile(r"`[^`]*`")
_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
_HEADING = re.compile(r"^#{1,6} +(.+?) *#* *$")


def prose(page: Path) -> list[str]:
    """The page's lines outside fenced code blocks, where Markdown means links and headings."""
    lines, fenced = [], False
    for line in page.read_text(encoding="utf-8").splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            lines.append(line)
    return lines


def anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lowercase, spaces to '-', other punctuation dropped."""
    text = heading.lower().replace(" ", "-")
    return "".join(c for c in text if c.isalnum() or c in "-_")


def anchors(page: Path) -> set[str]:
    return {anchor(m.group(1)) for line in prose(page) if (m := _HEADING.match(line))}


def links(page: Path) -> list[str]:
    """Relative link targets; inline code is an example, not a link."""
    found = []
    for line in prose(page):
        found += _LINK.findall(_INLINE_CODE.sub("", line))
    return [t for t in found if not re.match(r"[a-z][a-z0-9+.-]*:", t)]


def test_the_anchor_rule_is_githubs() -> None:
    assert anchor("Translators' round trip") == "translators-round-trip"
    assert anchor("`Meeting` — one field per row") == "meeting--one-field-per-row"
    assert anchor("Editions: English, French, Arabic") == "editions-english-french-arabic"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_relative_link_reaches_a_file_and_its_heading(page: Path) -> None:
    broken = []
    for target in links(page):
        path, _, fragment = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        if not linked.exists():
            broken.append(f"{target}: no such file")
        elif fragment and (linked.suffix != ".md" or fragment not in anchors(linked)):
            broken.append(f"{target}: no heading #{fragment} in {linked.name}")
    assert broken == []


def test_every_docs_page_is_linked_from_the_readme() -> None:
    linked = {(ROOT / target.partition("#")[0]).resolve() for target in links(ROOT / "README.md")}
    pages = set((ROOT / "docs").glob("*.md")) | {ROOT / "CONTRIBUTING.md"}
    assert pages - linked == set()


def test_the_readme_is_short() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= README_MOST_LINES
