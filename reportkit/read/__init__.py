"""read: workbook → typed `MeetingInput`, with every problem located as `Sheet!C14`.

`read_workbook` and `read_languages` (`sheets`) load every sheet's reader, and with them
arrange and ICU, when first used: a batch that only hashes its workbooks and checks they
are files (`source`, `safety`) finds every report up to date without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportkit.read.sheets import read_languages, read_workbook

__all__ = ["read_languages", "read_workbook"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from reportkit.read import sheets

        return getattr(sheets, name)
    raise AttributeError(f"module 'reportkit.read' has no attribute {name!r}")
