"""A template's own mistakes are one line naming the part and the paragraph, never a bug."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from tests.templates import build, template_with

LOADS = "loads another template, which reportkit does not allow — copy what it would load into this template"


@pytest.mark.parametrize(
    ("tag", "problem"),
    [
        ("{% include 'footer.xml' %}", f"{{% include %}} {LOADS}"),
        ("{% import 'macros.xml' as m %}", f"{{% import %}} {LOADS}"),
        ("{% from 'macros.xml' import m %}", f"{{% from … import %}} {LOADS}"),
        ("{% extends 'base.docx' %}", f"{{% extends %}} {LOADS}"),
        (
            "{{ range(10**7)|length }}",
            "range(10000000) would count 10,000,000 numbers, more than the 100,000 reportkit"
            " allows — remove or simplify that tag",
        ),
        (
            "{% for i in range(100001) %}{% endfor %}",
            "range(100001) would count 100,001 numbers, more than the 100,000 reportkit allows"
            " — remove or simplify that tag",
        ),
        (
            "{{ 1 / 0 }}",
            "a tag fails (ZeroDivisionError: division by zero) — fix or remove that tag",
        ),
        (
            "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
            "a tag fails (RecursionError: maximum recursion depth exceeded) — fix or remove that tag",
        ),
    ],
)
def test_a_failing_tag_is_one_line_naming_where_it_is(
    tmp_path: Path, tag: str, problem: str
) -> None:
    template = template_with(tmp_path, f"Closing: {tag}")
    result = build(SAMPLE, tmp_path / "out", template)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f'{template}: word/document.xml, near "Closing: {tag}": {problem}'
    ]
    assert not (tmp_path / "out" / "comcec-digital-2022.docx").exists()


def test_a_long_paragraph_is_cut_short_in_the_line(tmp_path: Path) -> None:
    words = "The delegates thanked the secretariat for its work " * 3
    template = template_with(tmp_path, f"{words}{{{{ 1 / 0 }}}}")
    result = build(SAMPLE, tmp_path / "out", template)
    assert result.stderr.splitlines() == [
        f'{template}: word/document.xml, near "{words[:59]}…": a tag fails'
        " (ZeroDivisionError: division by zero) — fix or remove that tag"
    ]
