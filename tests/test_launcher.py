"""After the Quick start, `reportkit` is a command in a new login shell: scripts/run links it
into ~/.local/bin, which Debian's and Ubuntu's ~/.profile put on PATH once it exists — and
says in one line what to do where a login shell does not."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# The lines of Debian's and Ubuntu's /etc/skel/.profile, which every new user's ~/.profile is.
SKEL_PROFILE = """\
# set PATH so it includes user's private bin if it exists
if [ -d "$HOME/.local/bin" ] ; then
    PATH="$HOME/.local/bin:$PATH"
fi
"""

pytestmark = pytest.mark.skipif(
    not (ROOT / ".venv" / "bin" / "reportkit").exists(), reason="scripts/test makes .venv"
)


def install_launcher(home: Path) -> subprocess.CompletedProcess[str]:
    """scripts/run's step, in a home of its own."""
    environment = {k: v for k, v in os.environ.items() if k != "XDG_BIN_HOME"}
    return subprocess.run(
        ["sh", "-c", "set -eu; . scripts/lib.sh; install_launcher"],
        cwd=ROOT,
        env={**environment, "HOME": str(home)},
        capture_output=True,
        text=True,
        check=True,
    )


def login_shell(home: Path, command: str) -> subprocess.CompletedProcess[str]:
    """`command` in a new login shell of a user whose home is `home`, with nothing inherited."""
    return subprocess.run(
        ["env", "-i", f"HOME={home}", "sh", "-lc", command],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_a_new_users_next_login_shell_has_the_command(tmp_path: Path) -> None:
    (tmp_path / ".profile").write_text(SKEL_PROFILE)
    assert login_shell(tmp_path, "command -v reportkit").returncode != 0
    installed = install_launcher(tmp_path)
    assert installed.stderr == (
        f"==> reportkit is a command in every new login shell (linked in {tmp_path}/.local/bin)\n"
    )
    shown = login_shell(tmp_path, "reportkit --help")
    assert shown.returncode == 0, shown.stderr
    assert "Usage: reportkit" in shown.stdout
    # A second run finds its link in place and says nothing.
    assert install_launcher(tmp_path).stderr == ""


def test_where_login_shells_do_not_look_in_local_bin_one_line_says_what_to_add(
    tmp_path: Path,
) -> None:
    installed = install_launcher(tmp_path)
    bin_folder = tmp_path / ".local" / "bin"
    assert installed.stderr == (
        f"==> reportkit is linked in {bin_folder}, which login shells do not put on PATH:"
        f' add the line  export PATH="{bin_folder}:$PATH"  to ~/.profile\n'
    )
    (tmp_path / ".profile").write_text(f'export PATH="{bin_folder}:$PATH"\n')
    assert login_shell(tmp_path, "reportkit --help").returncode == 0


def test_a_reportkit_of_another_kind_is_left_alone(tmp_path: Path) -> None:
    bin_folder = tmp_path / ".local" / "bin"
    bin_folder.mkdir(parents=True)
    own = bin_folder / "reportkit"
    own.write_text("#!/bin/sh\necho mine\n")
    installed = install_launcher(tmp_path)
    assert installed.stderr == (
        f"==> {own} is not reportkit's link and is left as it is; the command is"
        f" {ROOT}/.venv/bin/reportkit\n"
    )
    assert own.read_text() == "#!/bin/sh\necho mine\n"
