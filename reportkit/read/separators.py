"""Commas and semicolons typed twice, or left at either end of a Position or Organisation.

The list of participants joins a person's Position and Organisation with a comma of its own
(the Arabic comma between Arabic texts), so `Director General,` prints
`Director General,, Ministry …`; rapporteurs paste positions from e-mail signatures and
registration forms, which leave such commas behind. A run of separators is printed as its
first, one at either end is taken off, and the cell is said in a warning with what prints.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportkit.problems import Problem, Severity
from reportkit.read.workbook import Row

_SEPARATOR = "[,;،]"
_RUN = re.compile(rf"\s*({_SEPARATOR})(?:\s*{_SEPARATOR})+")
_ENDS = re.compile(rf"^(?:\s|{_SEPARATOR})+|(?:\s|{_SEPARATOR})+$")


@lru_cache(maxsize=1 << 14)
def tidy_separators(text: str) -> str:
    """`text` with each run of separators as its first, and none at either end; cached, as
    the Positions and Organisations of a long list repeat."""
    return _ENDS.sub("", _RUN.sub(r"\1", text))


def tidied(row: Row, column: str, text: str, problems: list[Problem]) -> str:
    """`text`, read from `column` of `row` (or its edition's twin), as `tidy_separators`
    prints it, with a warning at the cell when that is not as typed."""
    tidy = tidy_separators(text)
    if tidy != text:
        problems.append(
            Problem(
                f'the {column} "{text}" has a separator too many; printed "{tidy}"',
                "the list puts its own comma between Position and Organisation;"
                f' type "{tidy}" to silence this',
                row.source(column),
                Severity.WARNING,
            )
        )
    return tidy
