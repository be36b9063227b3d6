"""The `reportkit` command: a thin layer over the library API, one module a command
(`build`, `check`, `new` …), the options they share in `options`, how they stop in `errors`.

Exit status: 0 all built, 1 a workbook had errors (each one line on stderr), 2 usage,
3 a bug in reportkit (traceback shown behind an apology). Every command's help ends with
examples and its exit statuses (`help`); summaries in the command list are written
out (`short_help`), since click cuts a docstring's first sentence at 45 characters.
"""

from __future__ import annotations

import atexit
import functools
import gc

import click

from reportkit.cli.build import build
from reportkit.cli.check import check
from reportkit.cli.delegations import delegations
from reportkit.cli.diff import diff
from reportkit.cli.history import history
from reportkit.cli.new import new
from reportkit.cli.serve import serve
from reportkit.cli.shown import install as install_escaping
from reportkit.cli.templates import templates
from reportkit.cli.translate import translate
from reportkit.cli.watch import watch

# Each command imports the pipeline it needs when it runs: `reportkit --help` (and a
# typo's usage line) should answer at click's own speed, not after loading every stage.


@click.group(
    # color=True: click would otherwise strip what looks like a colour code from a line it
    # prints to a file or pipe, so that a file name holding one were shown differently from
    # the name on disk; every line is escaped instead (`shown`).
    context_settings={"help_option_names": ["-h", "--help"], "color": True},
    epilog="\n".join(
        [
            "\b",
            "Start a meeting's workbook, then build its report:",
            "  reportkit new meeting.xlsx",
            "  reportkit check meeting.xlsx",
            "  reportkit build meeting.xlsx",
            "",
            "The workbook's sheets and columns are described in its Instructions sheet and in",
            "docs/workbook.md. `reportkit COMMAND -h` shows a command's options, examples and",
            "exit statuses.",
        ]
    ),
)
@click.version_option(package_name="reportkit")
def main() -> None:
    """Draft OIC / COMCEC meeting reports as Word documents from Excel workbooks.

    One workbook per meeting becomes the report .docx: title block, numbered body and
    annexes (agenda, programme, list of participants, statements), in the house style,
    ready to finish in Word.
    """
    install_escaping()
    # A command's model and document are many small objects that live until it ends, which
    # the collector's default threshold (every 700 new objects) had it scan 120 to 240 times
    # a build: 0.10-0.18 s of a build, 0.03-0.06 s with 5,000. The older generations keep
    # their thresholds: a batch's cyclic garbage (python-docx's packages) is freed as
    # often as before, and 100 builds in one process peak at 148 MB as they did; with
    # 20,000 and 50 they peaked at 300 MB.
    gc.set_threshold(5_000, 10, 10)
    _no_teardown()


@functools.cache
def _no_teardown() -> None:
    """At exit, Python frees every object a build left in reference cycles (python-docx's
    parts and their trees, the model), one by one: 0.3-0.4 s after a 10,000-delegate build
    has written its report. Frozen, the collector leaves them to the operating system,
    which takes the whole memory back at once. Everything still runs as the process ends:
    atexit handlers, the standard streams' flushing, the modules' teardown; the reports
    and the build state were written, synced and closed before. Once per process: a
    program that runs commands in-process (tests) frees its garbage as ever until it ends."""
    atexit.register(gc.freeze)


main.add_command(build)
main.add_command(check)
main.add_command(delegations)
main.add_command(diff)
main.add_command(history)
main.add_command(new)
main.add_command(serve)
main.add_command(templates)
main.add_command(translate)
main.add_command(watch)
