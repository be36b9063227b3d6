"""Would Word open the sample's editions without a repair prompt? openxml-audit predicts it.

openxml-audit validates against the Office schemas and adds rules encoding Word's observed
repair behaviour (a stale stylesWithEffects, for one, which the XSDs cannot see). It takes
about a second a file, so it runs on the sample's three editions only; tests/ooxml covers
the other reports.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import reportkit
from reportkit.model import Language
from tests.conftest import SAMPLE


@pytest.mark.parametrize("language", list(Language))
def test_word_is_predicted_to_open_each_edition_cleanly(
    language: Language, built_sample: Path, tmp_path: Path
) -> None:
    report = (
        built_sample
        if language is Language.EN
        else reportkit.build(SAMPLE, tmp_path, language=language)
    )
    result = subprocess.run(
        [sys.executable, "-m", "openxml_audit", "-o", "json", str(report)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.stdout, result.stderr
    (audit,) = json.loads(result.stdout)
    assert audit["errors"] == []
    assert audit["verdict"]["prediction"] == "opens-clean", audit["verdict"]
    assert result.returncode == 0
