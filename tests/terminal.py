"""Running the `reportkit` command at a terminal, as a person does, to see what only a
terminal is shown (colour): its output goes to a pseudo-terminal, read back here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def at_terminal(*args: str, env: dict[str, str], cwd: Path | None = None) -> str:
    """What `reportkit ARGS` writes to a terminal (standard output and error alike), with
    the terminal's line endings made `\\n` again."""
    leader, follower = os.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "reportkit", *args],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        cwd=cwd,
        env=env,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # Linux says EIO once the command has closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    process.wait(timeout=120)
    return b"".join(chunks).decode().replace("\r\n", "\n")
