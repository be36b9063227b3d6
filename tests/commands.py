"""Running the `reportkit` command as a user does: a separate process, output captured."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def reportkit_cli(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run `reportkit ARGS`; with `timeout`, a command still running then fails the test."""
    return subprocess.run(
        [sys.executable, "-m", "reportkit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )
