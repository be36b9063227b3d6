"""Errors raised in a batch worker reach the parent whole: one workbook fails, not the pool."""

from __future__ import annotations

import pickle
from pathlib import Path

from reportkit.problems import InputError, Problem
from reportkit.render.template import TemplateProblem


def test_input_error_survives_pickling_with_every_problem() -> None:
    error = InputError("m.xlsx", [Problem("bad", "fix", "Report!B2"), Problem("worse", "fix")])
    copy = pickle.loads(pickle.dumps(error))
    assert copy.source == "m.xlsx"
    assert copy.problems == error.problems
    assert str(copy) == str(error)


def test_template_problem_survives_pickling() -> None:
    error = TemplateProblem(Path("t.docx"), "broken tag", "fix it in Word")
    copy = pickle.loads(pickle.dumps(error))
    assert copy.line() == "t.docx: broken tag — fix it in Word"
