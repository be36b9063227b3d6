"""reportkit: OIC / COMCEC meeting reports as Word documents, from one Excel workbook.

The pipeline is read (workbook → model) → arrange (numbering, ordering, grouping) →
render (template → document) → write (atomic, deterministic).
"""

__version__ = "0.1.0"

from reportkit.api import build, check, prepare  # (after the version, which api reads)
from reportkit.problems import InputError, Problem, Severity

__all__ = ["InputError", "Problem", "Severity", "build", "check", "prepare"]
