"""What every command's help ends with: examples to copy, then what its exit status means.

Exit statuses are shared by all commands: scripts and CI read them. The same mistake ends
every command alike: a file that is missing or cannot be read (workbook, template, report,
XLIFF) is the input's, `EXIT_INPUT` with one line naming it; an option given a value it
cannot take is a usage error, `EXIT_USAGE` (click's own message).
"""

from __future__ import annotations

from collections.abc import Sequence

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3
USAGE = (EXIT_USAGE, "usage error (an unknown option, a missing argument, a bad option value)")
BUG = (EXIT_BUG, "a bug in reportkit (the details are shown; please report them)")


def epilog(examples: Sequence[str], exits: Sequence[tuple[int, str]]) -> str:
    """Examples and exit statuses as click prints them: `\\b` keeps its lines unwrapped."""
    return "\n".join(
        [
            "\b",
            "Examples:",
            *(f"  {example}" for example in examples),
            "",
            "\b",
            "Exit status:",
            *(f"  {code}  {meaning}" for code, meaning in exits),
        ]
    )
