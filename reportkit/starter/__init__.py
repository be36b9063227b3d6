"""Starting a meeting's workbook: `reportkit new`, and the aids every workbook can carry."""

from reportkit.starter.aids import add_entry_aids
from reportkit.starter.blank import PLACEHOLDER_TITLE, Start, blank_workbook, title_cell
from reportkit.starter.instructions import add_instructions

__all__ = [
    "PLACEHOLDER_TITLE",
    "Start",
    "add_entry_aids",
    "add_instructions",
    "blank_workbook",
    "title_cell",
]
