"""Rendering a user's template: bounded in time and memory, and judged again once rendered.

Why: Jinja's sandbox keeps a template away from Python internals but bounds neither time
nor memory — its documentation leaves that to the caller — and users' templates ran away:
a nested `range(100000)` loop ran 119 s and grew to 7.7 GB, `'x' * 10**9` took 3 GB,
`lipsum(1000000)` and `9 ** (9 ** 9)` never finished.

Design: a user's template (`--template`) renders in a forked child process (`child`),
which the kernel keeps to `TemplateLimits.memory_mb` more memory than this process holds
(RLIMIT_AS) and which is killed at `TemplateLimits.seconds` of wall-clock time whatever it
is doing; it hands the rendered .docx back as bytes, opened again here with python-docx.
Nothing inside this process could do that: a signal handler runs between bytecodes, so it
cannot interrupt one long C-level operation such as `9 ** (9 ** 9)`, and nothing bounds
memory from within the process that allocates it. Opening the bytes again costs about
what the child spent holding the same document, so the limit bounds this process as well.

Besides, the sandbox (`sandbox`) refuses the single operations that explode — huge powers,
products and repetitions, `lipsum` and `range` past their bounds — before they run, with a
line naming the tag. That is what a user reads for those, and the only protection on
Windows: it has no fork and no resource limits, so a user's template renders in this
process there (`render_in_process`), where nothing bounds a loop's time or memory.

The shipped template is trusted and the speed-critical path: `render_report` renders it in
this process, unchanged.
"""

from __future__ import annotations

import io
import json
from functools import partial
from pathlib import Path
from typing import Any

import docx
from docx.document import Document

from reportkit.problems import InputError, Problem
from reportkit.read.safety import MiB, check_template
from reportkit.render import child
from reportkit.render.limits import MEMORY_VARIABLE, SECONDS_VARIABLE, TemplateLimits
from reportkit.render.rendered_content import rendered_content_problems
from reportkit.render.template import TemplateProblem, render_checked

# What the child's bytes hold, by their first byte.
_DOCUMENT, _TEMPLATE_PROBLEM, _CONTENT_PROBLEMS = b"D", b"T", b"C"
_TOO_MUCH = "the template loops too much or builds too much text; simplify it"
# The core properties docxtpl renders (DocxTemplate.render_properties, docxtpl 0.20).
_RENDERED_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")


def render_user_template(
    template: Path, values: dict[str, Any], limits: TemplateLimits
) -> Document:
    """Check `template`, render it within `limits` and check what it rendered.

    Raises `InputError` for what the checks refuse and `TemplateProblem` for the template's
    mistakes, a limit reached among them.
    """
    if not child.available():
        return render_in_process(template, values)
    check_template(template)
    try:
        data = child.run_limited(
            partial(_rendered_bytes, template, values), limits.seconds, limits.memory_mb * MiB
        )
    except child.TimeLimitExceeded:
        raise TemplateProblem(
            template,
            f"rendering took longer than {limits.seconds:g} s",
            f"{_TOO_MUCH}, or allow more time with {SECONDS_VARIABLE}",
        ) from None
    except child.MemoryLimitExceeded:
        raise TemplateProblem(
            template,
            f"rendering needed more than {limits.memory_mb:,} MB of memory",
            f"{_TOO_MUCH}, or allow more memory with {MEMORY_VARIABLE}",
        ) from None
    except (child.ChildFailed, child.ChildCrashed) as exc:
        raise RuntimeError(f"rendering {template} failed in its child process: {exc}") from None
    return _opened(template, data)


def render_in_process(template: Path, values: dict[str, Any]) -> Document:
    """Check, render and check again in this process: where no child can be limited
    (Windows), with only the sandbox's up-front refusals to stop a runaway template."""
    check_template(template)
    try:
        return _checked_render(template, values)
    except MemoryError:
        raise TemplateProblem(template, "rendering ran out of memory", _TOO_MUCH) from None


def _checked_render(template: Path, values: dict[str, Any]) -> Document:
    document = render_checked(template, values)
    problems = rendered_content_problems(document)
    if problems:
        raise InputError(str(template), problems)
    return document


def _rendered_bytes(template: Path, values: dict[str, Any]) -> bytes:
    """Run in the child: the rendered .docx, or the problems found, as bytes for the pipe."""
    try:
        document = _checked_render(template, values)
    except TemplateProblem as problem:
        return _TEMPLATE_PROBLEM + json.dumps([problem.message, problem.hint]).encode()
    except InputError as error:
        found = [[p.message, p.hint, p.location] for p in error.problems]
        return _CONTENT_PROBLEMS + json.dumps(found).encode()
    saved = io.BytesIO()
    document.save(saved)
    return _DOCUMENT + saved.getvalue()


def _opened(template: Path, data: bytes) -> Document:
    """The child's bytes as a document, or its problems raised here as they were there."""
    kind, body = data[:1], data[1:]
    if kind == _TEMPLATE_PROBLEM:
        message, hint = json.loads(body)
        raise TemplateProblem(template, message, hint)
    if kind == _CONTENT_PROBLEMS:
        found = [Problem(message, hint, where) for message, hint, where in json.loads(body)]
        raise InputError(str(template), found)
    document = docx.Document(io.BytesIO(body))
    # docxtpl sets every property it renders as text, an empty one too (`<dc:language>
    # </dc:language>`), which reads back as no text at all (`<dc:language/>`): set them
    # again as docxtpl left them, so that a template gives the same bytes here as rendered
    # in this process.
    properties = document.core_properties
    for name in _RENDERED_PROPERTIES:
        setattr(properties, name, getattr(properties, name))
    return document
