"""Formatting as Word resolves it, read from python-docx objects."""

from __future__ import annotations

from docx.text.paragraph import Paragraph


def effective(paragraph: Paragraph, attribute: str) -> bool:
    """A paragraph format setting as Word resolves it: direct formatting, then the style chain."""
    value = getattr(paragraph.paragraph_format, attribute)
    style = paragraph.style
    while value is None and style is not None:
        value = getattr(style.paragraph_format, attribute)
        style = style.base_style
    return bool(value)
