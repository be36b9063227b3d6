"""Arrange's shortcuts do what the long way did: French spacing and raised ordinals skip
a text that holds nothing they would change, and change the same texts as without it."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reportkit.arrange import typography
from reportkit.arrange.typography import RAISED_END, RAISED_START, french_spacing, raised_ordinals
from reportkit.model import Language

_TEXT = st.text(alphabet="ab1 2.,;:!?«»\t\u00a0\u202fers", max_size=16)


def _every_spacing(text: str) -> str:
    text = typography._BEFORE.sub(lambda match: f"{typography.NARROW}{match[1]}", text)
    text = typography._COLON.sub(f"{typography.FULL}:", text)
    text = typography._OPENING.sub(f"«{typography.NARROW}", text)
    return typography._CLOSING.sub(f"{typography.NARROW}»", text)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_french_spacing_is_every_rule_applied(text: str) -> None:
    assert french_spacing(text) == _every_spacing(text)


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.sampled_from([Language.FR, Language.EN]))
def test_raised_ordinals_are_the_ordinal_pattern_applied(text: str, language: Language) -> None:
    suffixes = typography._SUFFIXES[language]
    pattern = rf"(?<![\w.,])(\d+)({suffixes})(?!\w)"
    expected = re.sub(pattern, rf"\1{RAISED_START}\2{RAISED_END}", text)
    assert raised_ordinals(text, language) == expected


def test_the_shortcuts_change_what_they_must() -> None:
    assert french_spacing("Note : voir ci-dessus") == "Note\u00a0: voir ci-dessus"
    assert raised_ordinals("le 1er mai", Language.FR) == f"le 1{RAISED_START}er{RAISED_END} mai"
    assert raised_ordinals("the 1st", Language.AR) == "the 1st"
