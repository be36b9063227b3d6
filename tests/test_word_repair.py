"""Would Word open the sample without a repair prompt? openxml-audit predicts it.

openxml-audit validates against the Office schemas and adds rules encoding Word's observed
repair behaviour (a stale stylesWithEffects, for one, which the XSDs cannot see). It takes
seconds a file, so it runs on the sample only; tests/ooxml covers the other reports.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def test_word_is_predicted_to_open_the_sample_cleanly(built_sample: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "openxml_audit", "-o", "json", str(built_sample)],
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
