"""French typography, as the French editions of OIC documents print it, on every French text.

French sets a no-break space before `;`, `:`, `!` and `?` and inside guillemets, so that a
line never starts with the sign; the Imprimerie nationale's rule, which Word's French
proofing follows, makes it a narrow one (U+202F) before `;` `!` `?` and inside `« »`, a
full one (U+00A0) before `:`. Rapporteurs type an ordinary space, or none, or an English
habit; every text of the French edition — the workbook's and reportkit's own — is set this
way at the end of arrange. Only signs that end a word are touched, so `13:30`, `http://`
and `?p=1` stay as they are.
"""

from __future__ import annotations

import dataclasses
import re
from enum import Enum
from typing import Any, TypeVar

NARROW, FULL = "\u202f", "\u00a0"
_SPACES = "[ \t\u00a0\u202f]*"
# The sign after a word (not after another sign or a space), before a space or the end.
_BEFORE = re.compile(rf"(?<=[^\s;:!?«]){_SPACES}([;!?])(?=\s|$|»)")
_COLON = re.compile(rf"(?<=[^\s;:!?«]){_SPACES}:(?=\s|$)")
_OPENING = re.compile(rf"«{_SPACES}")
_CLOSING = re.compile(rf"{_SPACES}»")
# Fields of the arranged report that are no printed text: Word styles, bookmark names,
# delegation keys, printed labels that hold no French punctuation.
_NOT_TEXT = frozenset({"style", "label", "bookmark", "key"})

T = TypeVar("T")


def french_spacing(text: str) -> str:
    text = _BEFORE.sub(lambda match: f"{NARROW}{match[1]}", text)
    text = _COLON.sub(f"{FULL}:", text)
    text = _OPENING.sub(f"«{NARROW}", text)
    return _CLOSING.sub(f"{NARROW}»", text)


def set_in_french(value: T) -> T:
    """`value` (the arranged report, or any part of it) with every printed text set in
    French typography."""
    return _mapped(value)  # type: ignore[no-any-return]


def _mapped(value: Any) -> Any:
    if isinstance(value, Enum):  # kinds and sections are str enums, not text
        return value
    if isinstance(value, str):
        return french_spacing(value)
    if isinstance(value, tuple):
        return tuple(_mapped(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            field.name: _mapped(getattr(value, field.name))
            for field in dataclasses.fields(value)
            if field.name not in _NOT_TEXT
        }
        return dataclasses.replace(value, **changes)
    return value
