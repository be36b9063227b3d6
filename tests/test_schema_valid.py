"""Every part of every report validates against ECMA-376 and Word's own rules hold.

The checks themselves are shown able to fail in test_ooxml_checks.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import reportkit
from reportkit.model import Language
from reportkit.render import default_template
from tests.conftest import SAMPLE
from tests.ooxml import problems


@pytest.mark.parametrize("language", list(Language))
def test_the_shipped_templates_are_valid(language: Language) -> None:
    assert problems(default_template(language)) == []


@pytest.mark.parametrize("language", [Language.FR, Language.AR])
def test_every_edition_of_the_sample_is_valid(language: Language, tmp_path: Path) -> None:
    assert problems(reportkit.build(SAMPLE, tmp_path, language=language)) == []


@pytest.mark.parametrize(
    "report", ["built_sample", "big_meeting_docx", "arabic_docx", "restyled_docx"]
)
def test_every_report_is_valid(report: str, request: pytest.FixtureRequest) -> None:
    path: Path = request.getfixturevalue(report)
    assert problems(path) == []
