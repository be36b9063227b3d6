"""reportkit: OIC / COMCEC meeting reports as Word documents, from one Excel workbook.

The pipeline is read (workbook → model) → arrange (numbering, ordering, grouping) →
render (template → document) → write (atomic, deterministic).
"""

from __future__ import annotations

from typing import Any

from reportkit.base.version import __version__ as __version__

__all__ = ["InputError", "Problem", "Severity", "build", "check", "prepare"]


def __getattr__(name: str) -> Any:
    """`build`, `check` and `prepare` load the pipeline when first used, and the problems'
    types their module, so that importing reportkit (as the command line does to answer
    `--help`) costs next to nothing."""
    if name in ("build", "check", "prepare"):
        from reportkit import api

        return getattr(api, name)
    if name in ("InputError", "Problem", "Severity"):
        from reportkit import problems

        return getattr(problems, name)
    raise AttributeError(f"module 'reportkit' has no attribute {name!r}")
