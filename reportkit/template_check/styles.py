"""The paragraph styles reportkit relies on, by name, and whether a template has them.

Some are the template's own paragraphs' styles, the others those reportkit writes the body,
the agenda and the list of participants in. A style renamed in Word keeps its identifier,
so a renamed one is told apart from a missing one by the identifier it has in the shipped
template. docs/templates.md's table of styles lists these names (a test keeps the two together).
"""

from __future__ import annotations

import zipfile
from functools import cache
from pathlib import Path

from lxml import etree

from reportkit.arrange import styles
from reportkit.problems import Problem
from reportkit.template_check.features import OPTIONAL_STYLES
from reportkit.template_check.parts import w

# Styles the template's own paragraphs are found by (the title block, annexes, programme).
TEMPLATE_STYLES = (
    "Report Original",
    "Report Document",
    "Report Title",
    "Report Subtitle",
    "Report Date",
    "Title Page Publisher",
    "Title Page Date",
    "Annex Heading",
    "Annex Line",
    "Annex Original",
    "Annex Title",
    "Annex Subtitle",
    "Programme Header",
    "Programme Day",
    "Programme Time",
    "Programme Title",
    "Programme Description",
    "Programme Point",
)
# Styles reportkit writes the body, agenda and list of participants in (`arrange/styles.py`).
WRITTEN_STYLES = tuple(
    value for name, value in vars(styles).items() if name.isupper() and isinstance(value, str)
)
REQUIRED_STYLES = (*TEMPLATE_STYLES, *WRITTEN_STYLES)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def paragraph_styles(path: Path) -> dict[str, str]:
    """Identifier → name of each paragraph style in a .docx."""
    with zipfile.ZipFile(path) as archive:
        try:
            root = etree.fromstring(archive.read("word/styles.xml"), _PARSER)
        except KeyError:
            return {}
    styles = {}
    for style in root.iter(w("style")):
        name = style.find(w("name"))
        if style.get(w("type")) == "paragraph" and name is not None:
            styles[style.get(w("styleId"), "")] = name.get(w("val"), "")
    return styles


@cache
def _shipped_ids(shipped: Path) -> dict[str, str]:
    return {name: style_id for style_id, name in paragraph_styles(shipped).items()}


def style_problems(template: Path, shipped: Path) -> list[Problem]:
    styles = paragraph_styles(template)
    names = set(styles.values())
    if names.isdisjoint(REQUIRED_STYLES):
        return [
            Problem(
                "the template has none of the paragraph styles reportkit relies on"
                f" ({', '.join(REQUIRED_STYLES[:3])} …)",
                "start from the shipped template (`reportkit templates export DIR`) and restyle it",
                "styles",
            )
        ]
    problems = []
    for required in REQUIRED_STYLES:
        if required in names:
            continue
        renamed = styles.get(_shipped_ids(shipped).get(required, ""))
        if renamed:
            problems.append(
                Problem(
                    f'the style "{required}" was renamed "{renamed}"',
                    f'give it back its name "{required}": reportkit finds styles by name',
                    "styles",
                )
            )
        elif required not in OPTIONAL_STYLES:  # warned of with its feature (`features`)
            problems.append(
                Problem(
                    f'the paragraph style "{required}" is missing',
                    "copy it from the shipped template (`reportkit templates export`), or"
                    " start from that template",
                    "styles",
                )
            )
    return problems
