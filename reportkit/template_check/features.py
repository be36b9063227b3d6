"""What a template restyled before a feature existed cannot print, and when that matters.

A secretariat restyles the shipped template once and keeps using its copy. Title pages,
running heads and the annex forms came later: a copy made before them has neither their
tags nor their styles, yet prints every meeting that does not ask for them exactly as
before. So what only such a feature needs is no error of the template: the template check
warns that the feature is missing, and a build refuses the template only for a meeting that
asks for the feature (`unusable`), saying which field asks and how to get the template back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportkit.model import AnnexForm

if TYPE_CHECKING:
    from reportkit.arrange.result import ArrangedReport


@dataclass(frozen=True)
class Feature:
    """Something a report may ask for that older templates cannot print: `asked_by` names
    the workbook's field, `asked` tells whether a report uses it, `tags` the data paths and
    `styles` the paragraph styles only it needs."""

    name: str
    asked_by: str
    asked: Callable[[ArrangedReport], bool]
    tags: tuple[str, ...] = ()
    styles: tuple[str, ...] = ()


TITLE_PAGE = Feature(
    "a title page",
    "the Meeting field title_page",
    lambda report: report.title.page,
    tags=("title.publisher", "title.month"),
    styles=("Title Page Publisher", "Title Page Date"),
)
RUNNING_HEAD = Feature(
    "a running head",
    "the Meeting field running_head",
    lambda report: report.title.running_head != report.symbol,
    tags=("title.running_head",),
)
ANNEX_FORMS = Feature(
    "line and statement annexes",
    "the Annexes sheet's Form column",
    lambda report: any(annex.form is not AnnexForm.BLOCK for annex in report.annexes),
    tags=("annexes[].original",),
    styles=("Annex Line", "Annex Original"),
)
FEATURES = (TITLE_PAGE, RUNNING_HEAD, ANNEX_FORMS)
OPTIONAL_TAGS = frozenset(tag for feature in FEATURES for tag in feature.tags)
OPTIONAL_STYLES = frozenset(style for feature in FEATURES for style in feature.styles)


def lacking(printed: set[str] | dict[str, object], styles: set[str]) -> tuple[Feature, ...]:
    """The features a template printing `printed` with `styles` cannot print."""
    return tuple(
        feature
        for feature in FEATURES
        if not set(feature.tags) <= set(printed) or not set(feature.styles) <= styles
    )


def unusable(report: ArrangedReport, missing: tuple[Feature, ...]) -> list[Feature]:
    """The features `report` asks for among those its template lacks."""
    return [feature for feature in missing if feature.asked(report)]
