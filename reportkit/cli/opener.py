"""Opening a file with the desktop's default application (`build --open`).

Each system has its own way: `os.startfile` on Windows, `open` on macOS, `xdg-open`
elsewhere (Linux and the BSDs). Opening is a convenience after the work is done, so it
never changes how a command ends: a system with no opener, or an opener that fails, is
one line saying so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

# An opener normally hands the file over and returns at once; one that keeps running (a
# text-mode fallback) is left to run rather than hold the command up.
WAIT_SECONDS = 10.0


def open_with_desktop(path: Path) -> str:
    """Open `path` with the desktop's default application; "" when that was asked of the
    system, else the line saying why it was not opened. The opener gets the absolute path:
    an application already running elsewhere would read a relative one from its own folder."""
    target = path.absolute()
    if sys.platform == "win32":
        try:
            os.startfile(target)
        except OSError as error:
            return f"{path}: not opened — {_why(error)}; open it yourself"
        return ""
    name = "open" if sys.platform == "darwin" else "xdg-open"
    opener = shutil.which(name)
    if opener is None:
        return f"{path}: not opened — {name} was not found to open it with; open it yourself"
    try:
        process = subprocess.Popen(
            [opener, str(target)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError as error:
        return f"{path}: not opened — {name} cannot be run ({_why(error)}); open it yourself"
    try:
        status = process.wait(timeout=WAIT_SECONDS)
    except subprocess.TimeoutExpired:
        return ""
    if status != 0:
        return f"{path}: not opened — {name} failed (exit status {status}); open it yourself"
    return ""


def _why(error: OSError) -> str:
    return error.strerror or type(error).__name__
