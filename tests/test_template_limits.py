"""A user's template renders within a time and a memory limit; runaway ones end in one line.

Limits are small here (3 s, 256 MB) so the suite stays fast; each command must still end
well within its limit plus generous slack, or the test fails instead of hanging.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from reportkit.api import prepare
from reportkit.render import TemplateLimits, TemplateProblem, default_template, render_report
from reportkit.render.child import (
    MemoryLimitExceeded,
    TimeLimitExceeded,
    available,
    run_limited,
)
from reportkit.render.context import context
from reportkit.render.user_template import render_in_process, render_user_template
from tests.commands import reportkit_cli
from tests.conftest import SAMPLE
from tests.templates import build, template_with

pytestmark = pytest.mark.skipif(not available(), reason="limits need fork and setrlimit (POSIX)")

MiB = 1024 * 1024
SECONDS, MEMORY_MB = 3, 256
LIMITS = {
    "REPORTKIT_TEMPLATE_SECONDS": str(SECONDS),
    "REPORTKIT_TEMPLATE_MEMORY_MB": str(MEMORY_MB),
}
SLACK = 60  # seconds a command may take beyond its limit before the test calls it hung
TOO_MUCH = "the template loops too much or builds too much text; simplify it"
TOO_LONG = (
    f"rendering took longer than {SECONDS} s — {TOO_MUCH}, or allow more time with"
    " REPORTKIT_TEMPLATE_SECONDS"
)
TOO_BIG = (
    f"rendering needed more than {MEMORY_MB} MB of memory — {TOO_MUCH}, or allow more memory"
    " with REPORTKIT_TEMPLATE_MEMORY_MB"
)
NESTED = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"


def test_a_template_looping_for_hours_is_stopped_at_the_time_limit(tmp_path: Path) -> None:
    template = template_with(tmp_path, NESTED)
    result = build(SAMPLE, tmp_path / "out", template, env=LIMITS, timeout=SECONDS + SLACK)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"{template}: {TOO_LONG}"]
    assert not (tmp_path / "out" / "comcec-digital-2022.docx").exists()


@pytest.mark.parametrize(
    "text",
    [
        # The issue's runaway loop: 10,000,000,000 x's, 7.7 GB after 119 s unbounded.
        "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
        # Doubling a string 64 times: no single operation is too large to refuse up front.
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}"
        "{% endfor %}{{ ns.s }}",
        # A string method the sandbox allows, asked for a gigabyte.
        "{{ 'x'.ljust(10**9) }}",
    ],
)
def test_a_template_eating_memory_is_stopped_at_the_memory_limit(tmp_path: Path, text: str) -> None:
    template = template_with(tmp_path, text)
    # Time enough that only memory can stop these, however slow the machine.
    env = {**LIMITS, "REPORTKIT_TEMPLATE_SECONDS": str(SLACK)}
    result = build(SAMPLE, tmp_path / "out", template, env=env, timeout=2 * SLACK)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"{template}: {TOO_BIG}"]
    assert not (tmp_path / "out" / "comcec-digital-2022.docx").exists()


@pytest.fixture(scope="module")
def values() -> dict[str, Any]:
    return context(prepare(SAMPLE).report)


def bounded(template: Path, values: dict[str, Any]) -> Any:
    return render_user_template(template, values, TemplateLimits(SECONDS, MEMORY_MB))


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "{{ 9**(9**9) }}",
            "9 ** 387420489 would be a number of about 369,693,100 digits, more than the 1,000"
            " reportkit allows",
        ),
        (
            "{{ 'x'*10**9 }}",
            "'x' * 1000000000 would be 1,000,000,000 characters long, more than the 1,000,000"
            " reportkit allows",
        ),
        (
            "{{ [0] * 10**8 + [1] }}",
            "[0] * 100000000 would be 100,000,000 items long, more than the 1,000,000 reportkit"
            " allows",
        ),
        (
            "{{ lipsum(1000000) }}",
            "lipsum(1000000) would write 1,000,000 paragraphs, more than the 100 reportkit allows",
        ),
        (
            "{{ lipsum(1, max=10**9) }}",
            "lipsum(max=1000000000) would write paragraphs of up to 1,000,000,000 words, more"
            " than the 1,000 reportkit allows",
        ),
    ],
)
@pytest.mark.parametrize("render", [bounded, render_in_process], ids=["child", "in-process"])
def test_operations_that_explode_are_refused_before_they_run(
    tmp_path: Path, values: dict[str, Any], render: Any, text: str, problem: str
) -> None:
    """`9 ** (9 ** 9)` is one C-level computation that never ends: refused up front, in a
    limited child and in the in-process fallback (Windows) alike, with the same line."""
    template = template_with(tmp_path, f"Total: {text}")
    with pytest.raises(TemplateProblem) as raised:
        render(template, values)
    assert raised.value.line() == (
        f'{template}: word/document.xml, near "Total: {text}": {problem}'
        " — remove or simplify that tag"
    )


def test_the_issue_runaway_templates_end_in_one_line_each(tmp_path: Path) -> None:
    """As the user meets them: each of the issue's four examples, one line, in bounded time."""
    for text in ("{{ 'x'*10**9 }}", "{{ lipsum(1000000) }}", "{{ 9**(9**9) }}"):
        template = template_with(tmp_path, text)
        result = build(SAMPLE, tmp_path / "out", template, env=LIMITS, timeout=SECONDS + SLACK)
        assert result.returncode == 1
        [line] = result.stderr.splitlines()
        assert line.startswith(f'{template}: word/document.xml, near "{text}": ')
        assert line.endswith("reportkit allows — remove or simplify that tag")


def test_limits_can_be_given_to_the_library(tmp_path: Path) -> None:
    prepared = prepare(SAMPLE)
    template = template_with(tmp_path, NESTED)
    with pytest.raises(TemplateProblem) as raised:
        render_report(prepared.report, prepared.source.meeting, template, TemplateLimits(seconds=1))
    assert raised.value.line() == (
        f"{template}: rendering took longer than 1 s — {TOO_MUCH}, or allow more time with"
        " REPORTKIT_TEMPLATE_SECONDS"
    )


def test_a_bad_limit_in_the_environment_is_one_line(tmp_path: Path) -> None:
    template = shutil.copy(default_template(), tmp_path / "copy.docx")
    env = {"REPORTKIT_TEMPLATE_SECONDS": "soon", "REPORTKIT_TEMPLATE_MEMORY_MB": "-5"}
    result = build(SAMPLE, tmp_path / "out", Path(template), env=env)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        'environment: REPORTKIT_TEMPLATE_SECONDS: "soon" is not a positive number of seconds'
        " — set it to a positive number, or unset it for the default of 30",
        'environment: REPORTKIT_TEMPLATE_MEMORY_MB: "-5" is not a positive whole number of'
        " megabytes — set it to a positive number, or unset it for the default of 1024",
    ]


def test_a_user_copy_of_the_shipped_template_gives_the_same_bytes(tmp_path: Path) -> None:
    """The limited child changes nothing in the report, also when batch workers fork it."""
    shipped = reportkit_cli("build", str(SAMPLE), "-o", str(tmp_path / "shipped"))
    assert shipped.returncode == 0, shipped.stderr
    copies = tmp_path / "in"
    copies.mkdir()
    for name in ("one.xlsx", "two.xlsx"):
        shutil.copy(SAMPLE, copies / name)
    template = Path(shutil.copy(default_template(), tmp_path / "copy.docx"))
    user = reportkit_cli(
        "build", str(copies), "-o", str(tmp_path / "user"), "--template", str(template),
        "--jobs", "2", env={**os.environ, **LIMITS},
    )  # fmt: skip
    assert user.returncode == 0, user.stderr
    expected = (tmp_path / "shipped" / "comcec-digital-2022.docx").read_bytes()
    assert (tmp_path / "user" / "one.docx").read_bytes() == expected
    assert (tmp_path / "user" / "two.docx").read_bytes() == expected


def test_one_endless_c_level_operation_is_killed_at_the_deadline() -> None:
    """No signal handler interrupts `9 ** (9 ** 8)`, one call into C of about 100 s; the
    child running it is killed at the deadline (were it not, it would return)."""
    with pytest.raises(TimeLimitExceeded):
        run_limited(lambda: b"%d" % (9 ** (9**8)).bit_length(), seconds=1, memory_bytes=256 * MiB)


def test_the_child_cannot_take_more_memory_than_its_limit() -> None:
    """Without the limit this would hold 2 GB and return; with it, the child is refused."""

    def hoard() -> bytes:
        held = [bytearray(MiB) for _ in range(2048)]
        return b"%d" % len(held)

    with pytest.raises(MemoryLimitExceeded):
        run_limited(hoard, seconds=SLACK, memory_bytes=128 * MiB)


def test_what_the_child_returns_comes_back_whole() -> None:
    data = os.urandom(3 * MiB + 7)
    assert run_limited(lambda: data, seconds=SLACK, memory_bytes=256 * MiB) == data
