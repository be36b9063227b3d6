"""How long, and with how much memory, a user's template may render.

Defaults: 30 s and 1 GiB, generous for any real report (the 5,000-delegate meeting of
`benchmarks/bench` renders in under a second, its child process peaking near 90 MB) and
far below what a runaway template takes. They are set per call (`TemplateLimits`) or for
every build with the environment variables `REPORTKIT_TEMPLATE_SECONDS` and
`REPORTKIT_TEMPLATE_MEMORY_MB`; a bad value is a one-line problem, not a silent default.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass

from reportkit.problems import InputError, Problem

SECONDS_VARIABLE = "REPORTKIT_TEMPLATE_SECONDS"
MEMORY_VARIABLE = "REPORTKIT_TEMPLATE_MEMORY_MB"
DEFAULT_SECONDS = 30.0
DEFAULT_MEMORY_MB = 1024


@dataclass(frozen=True)
class TemplateLimits:
    """Wall-clock seconds and megabytes (MiB) of memory a user's template may use to render."""

    seconds: float = DEFAULT_SECONDS
    memory_mb: int = DEFAULT_MEMORY_MB

    def __post_init__(self) -> None:
        if not (math.isfinite(self.seconds) and self.seconds > 0 and self.memory_mb > 0):
            raise ValueError(f"template limits must be positive, not {self}")

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> TemplateLimits:
        """The limits set by the environment variables, defaults for those unset or empty.

        Raises `InputError` naming each variable whose value is no positive number.
        """
        environ = os.environ if environ is None else environ
        problems: list[Problem] = []
        seconds = _positive(environ, SECONDS_VARIABLE, DEFAULT_SECONDS, "seconds", problems)
        memory_mb = _positive(environ, MEMORY_VARIABLE, DEFAULT_MEMORY_MB, "megabytes", problems)
        if problems:
            raise InputError("environment", problems)
        return cls(seconds, int(memory_mb))


def _positive(
    environ: Mapping[str, str], name: str, default: float, unit: str, problems: list[Problem]
) -> float:
    """The variable's value, or `default` when it is unset, empty or (a problem then) bad."""
    text = environ.get(name, "").strip()
    if not text:
        return default
    whole = isinstance(default, int)
    try:
        value = int(text) if whole else float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        problems.append(
            Problem(
                f'"{text}" is not a positive {"whole " * whole}number of {unit}',
                f"set it to a positive number, or unset it for the default of {default:g}",
                location=name,
            )
        )
        return default
    return value
