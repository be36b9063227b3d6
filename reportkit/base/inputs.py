"""Which workbooks a command is given: files, folders and globs, as a rapporteur types them."""

from __future__ import annotations

import glob
from collections.abc import Iterable
from pathlib import Path


def find_workbooks(arguments: Iterable[str | Path]) -> list[Path]:
    """Files as given, folders' *.xlsx, globs expanded; Excel's ~$ lock files are skipped."""
    found: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        try:
            folder, exists = path.is_dir(), path.exists()
        except OSError:  # a name too long to exist: its build says so, in one line
            folder, exists = False, False
        if folder:
            candidates = sorted(path.glob("*.xlsx"))
        elif not exists and glob.has_magic(str(argument)):
            candidates = sorted(Path(p) for p in glob.glob(str(argument))) or [path]
        else:
            candidates = [path]
        for candidate in candidates:
            if not candidate.name.startswith("~$") and candidate not in found:
                found.append(candidate)
    return found
