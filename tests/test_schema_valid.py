"""Every part of every report validates against ECMA-376 and Word's own rules hold.

The checks themselves are shown able to fail in test_ooxml_checks.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportkit.render import default_template
from tests.ooxml import problems


def test_the_shipped_template_is_valid() -> None:
    assert problems(default_template()) == []


@pytest.mark.parametrize(
    "report", ["built_sample", "big_meeting_docx", "arabic_docx", "restyled_docx"]
)
def test_every_report_is_valid(report: str, request: pytest.FixtureRequest) -> None:
    path: Path = request.getfixturevalue(report)
    assert problems(path) == []
