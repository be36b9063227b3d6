"""Typography applied to every printed text at the end of arrange: French spacing, raised
ordinals.

French sets a no-break space before `;`, `:`, `!` and `?` and inside guillemets, so that a
line never starts with the sign; the Imprimerie nationale's rule, which Word's French
proofing follows, makes it a narrow one (U+202F) before `;` `!` `?` and inside `« »`, a
full one (U+00A0) before `:`. Rapporteurs type an ordinary space, or none, or an English
habit; every text of the French edition — the workbook's and reportkit's own — is set this
way. Only signs that end a word are touched, so `13:30`, `http://` and `?p=1` stay as they
are.

Ordinal suffixes (`1er`, `23e`; `13th`) are raised in the French editions and, when the
meeting asks (`ordinals`), in English, as the published Follow-up Committee reports set
them. Arrange only marks them (`RAISED_START`…`RAISED_END`, characters no workbook holds);
the renderer makes each mark a superscript run, wherever the text is placed.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from reportkit.model import Language

NARROW, FULL = "\u202f", "\u00a0"
_SPACES = "[ \t\u00a0\u202f]*"
# The sign after a word (not after another sign or a space), before a space or the end.
_BEFORE = re.compile(rf"(?<=[^\s;:!?«]){_SPACES}([;!?])(?=\s|$|»)")
_COLON = re.compile(rf"(?<=[^\s;:!?«]){_SPACES}:(?=\s|$)")
_OPENING = re.compile(rf"«{_SPACES}")
_CLOSING = re.compile(rf"{_SPACES}»")
# What each of the four needs to find anything; what an ordinal needs.
_SIGN = re.compile("[;!?:«»]")
_DIGIT = re.compile(r"\d")
# Fields of the arranged report that are no printed text: Word styles, bookmark names,
# delegation keys, printed labels that hold no French punctuation, a list's labels.
_NOT_TEXT = frozenset({"style", "label", "bookmark", "key", "list_labels"})
RAISED_START, RAISED_END = "\ue003", "\ue004"
_SUFFIXES = {
    Language.FR: "ers|res|er|re|es|e",
    Language.EN: "st|nd|rd|th|ST|ND|RD|TH",
}

T = TypeVar("T")


def french_spacing(text: str) -> str:
    if _SIGN.search(text) is None:  # most texts, a list's names: nothing to space
        return text
    text = _BEFORE.sub(lambda match: f"{NARROW}{match[1]}", text)
    text = _COLON.sub(f"{FULL}:", text)
    text = _OPENING.sub(f"«{NARROW}", text)
    return _CLOSING.sub(f"{NARROW}»", text)


def raised_ordinals(text: str, language: Language) -> str:
    """`text` with each ordinal's suffix marked to be raised: `1er` → `1` + marked `er`."""
    ordinal = _ordinal(language)
    if ordinal is None or _DIGIT.search(text) is None:
        return text
    return ordinal.sub(rf"\1{RAISED_START}\2{RAISED_END}", text)


@cache
def _ordinal(language: Language) -> re.Pattern[str] | None:
    suffixes = _SUFFIXES.get(language)
    return re.compile(rf"(?<![\w.,])(\d+)({suffixes})(?!\w)") if suffixes else None


def unmarked(text: str) -> str:
    """`text` without ordinal marks: for what is no document text (its properties)."""
    return text.replace(RAISED_START, "").replace(RAISED_END, "")


def printed(value: T, *transforms: Callable[[str], str]) -> T:
    """`value` (the arranged report, or any part of it) with each of `transforms`, in turn,
    applied to every printed text. One walk for them all, and only what a transform changes
    is copied: a French report of 10,000 delegates took 0.9 s to walk twice, copying all."""
    return _mapped(value, transforms)  # type: ignore[no-any-return]


def _mapped(value: Any, transforms: tuple[Callable[[str], str], ...]) -> Any:
    if isinstance(value, Enum):  # kinds and sections are str enums, not text
        return value
    if isinstance(value, str):
        text = value
        for transform in transforms:
            text = transform(text)
        return value if text == value else text
    if isinstance(value, tuple):
        items = tuple(_mapped(item, transforms) for item in value)
        return value if all(new is old for new, old in zip(items, value, strict=True)) else items
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for name in _text_fields(type(value)):
            old = getattr(value, name)
            new = _mapped(old, transforms)
            if new is not old:
                changes[name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value


@cache
def _text_fields(kind: type) -> tuple[str, ...]:
    """The fields of a dataclass that may hold printed text."""
    return tuple(f.name for f in dataclasses.fields(kind) if f.name not in _NOT_TEXT)
