"""Help that teaches: descriptions, examples and exit statuses, and commands that say what
they did."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reportkit.cli.delegations import LISTING_ORDERS
from reportkit.cli.options import LANGUAGES
from reportkit.model import Language, Ordering
from tests.commands import reportkit_cli as run
from tests.conftest import SAMPLE

COMMANDS = [
    "build",
    "check",
    "delegations",
    "diff",
    "history",
    "new",
    "serve",
    "templates",
    "translate",
    "watch",
]
SUBCOMMANDS = ["templates export", "templates check", "translate export", "translate import"]


def test_top_level_help_lists_every_command_in_full_and_points_to_new() -> None:
    short, long = run("-h"), run("--help")
    assert short.returncode == 0
    assert short.stdout == long.stdout
    listed = short.stdout[short.stdout.index("Commands:") :]
    for command in COMMANDS:
        assert re.search(rf"^  {command} +\S", listed, re.MULTILINE), command
    assert "..." not in listed
    assert "reportkit new meeting.xlsx" in short.stdout
    assert "docs/workbook.md" in short.stdout


def test_the_command_list_loads_none_of_the_pipeline() -> None:
    """`reportkit --help` loads click and the commands: not the model, its problems or any
    stage, which each command imports when it runs (the choices offered are written out)."""
    code = (
        "import sys, reportkit.cli; "
        "print(*sorted(m for m in sys.modules if m.startswith('reportkit.')"
        " and not m.startswith('reportkit.cli')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["reportkit.base", "reportkit.base.version"]


def test_the_choices_written_out_for_the_help_are_the_models() -> None:
    assert tuple(language.value for language in Language) == LANGUAGES
    orders = tuple(order.value for order in Ordering if order is not Ordering.AS_TYPED)
    assert orders == LISTING_ORDERS


@pytest.mark.parametrize("command", COMMANDS + SUBCOMMANDS)
def test_each_command_has_a_description_examples_and_exit_statuses(command: str) -> None:
    result = run(*command.split(), "-h")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith(f"Usage: reportkit {command} ")
    description = text.split("\n\n")[1].strip()
    assert len(description) > 30
    examples = text[text.index("Examples:") : text.index("Exit status:")]
    assert f"reportkit {command}" in examples
    statuses = text[text.index("Exit status:") :]
    assert re.search(r"^    0  \S", statuses, re.MULTILINE)
    assert re.search(r"^    2  usage error", statuses, re.MULTILINE)
    assert "templates/report.docx" not in text


def test_a_single_build_with_nothing_to_do_says_up_to_date(tmp_path: Path) -> None:
    first = run("build", str(SAMPLE), "-o", str(tmp_path))
    assert first.returncode == 0
    again = run("build", str(SAMPLE), "-o", str(tmp_path))
    assert again.returncode == 0
    assert again.stdout == ""
    assert again.stderr.splitlines() == [f"{tmp_path / 'comcec-digital-2022.docx'}: up to date"]


def test_watch_on_a_missing_file_is_an_error_at_once(tmp_path: Path) -> None:
    missing = tmp_path / "meeting.xlsx"
    result = run("watch", str(missing), timeout=60)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"{missing}: the file does not exist — check the path"]


def test_an_organisation_not_known_is_said_to_take_section_other() -> None:
    result = run("delegations", "--search", "world bank")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        'no delegation matches "world bank" — an organisation reportkit does not know is'
        " written as it is, with Section other in the Participants sheet"
    ]


def test_shell_completion_as_the_command_reference_sets_it_up() -> None:
    env = {**os.environ, "_REPORTKIT_COMPLETE": "bash_complete", "COMP_WORDS": "reportkit ne"}
    result = run(env={**env, "COMP_CWORD": "1"})
    assert result.stdout.splitlines() == ["plain,new"]
    page = Path(__file__).resolve().parents[1] / "docs" / "commands.md"
    assert 'eval "$(_REPORTKIT_COMPLETE=bash_source reportkit)"' in page.read_text(encoding="utf-8")
