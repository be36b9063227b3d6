"""What reportkit depends on at run time is bounded above: a next major release (for a
library before 1.0, a next minor) may change what we call, and a secretariat's fresh
install must get the versions the tests ran on, not whatever came out since."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]


def test_every_run_time_dependency_has_an_upper_bound() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    unbounded = [
        text
        for text in project["dependencies"]
        if not any(spec.operator in ("<", "<=", "==", "~=") for spec in Requirement(text).specifier)
    ]
    assert project["dependencies"] and unbounded == []
