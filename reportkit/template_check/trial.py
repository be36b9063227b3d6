"""A template that passes the checks is rendered once with the example meeting.

What only running shows — a filter given the wrong kind of value, a tag the sandbox refuses —
then appears in `reportkit templates check` rather than in the first real build.
"""

from __future__ import annotations

from pathlib import Path

from reportkit.problems import InputError, Problem
from reportkit.render import TemplateProblem, render_report
from reportkit.template_check.example import example_meeting, example_report


def trial_problems(template: Path) -> list[Problem]:
    try:
        render_report(example_report(), example_meeting().meeting, template)
    except TemplateProblem as problem:
        return [Problem(f"rendering an example meeting: {problem.message}", problem.hint)]
    except InputError as error:
        return error.problems
    return []
