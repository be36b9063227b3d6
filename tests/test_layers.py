"""reportkit/ reads as the pipeline: no part imports a later stage, no circle, few loose
modules (`tools/layers.py` lists the imports and says what breaks the rules)."""

from __future__ import annotations

from tools.layers import Import, circles, violations


def test_no_upward_import_no_circle_and_few_loose_modules() -> None:
    assert violations() == [], "run: python tools/layers.py"


def test_a_circle_is_found_once_however_long() -> None:
    found = [Import("a", "b", ""), Import("b", "c", ""), Import("c", "a", ""), Import("c", "b", "")]
    assert circles(found) == [["a", "b", "c", "a"], ["b", "c", "b"]]
