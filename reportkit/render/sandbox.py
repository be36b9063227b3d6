"""The Jinja sandbox templates render in, with the operations that explode refused up front.

Jinja's sandbox keeps a template away from Python internals and limits `range`, but it
bounds neither time nor memory; its documentation leaves those to the caller (reportkit
renders a user's template in a limited child process, see `user_template`). A few
operations, though, build a huge result in one step: `9 ** (9 ** 9)` is a single C-level
computation that no signal handler can interrupt, `'x' * 10**9` asks for a gigabyte at
once, `lipsum(1000000)` for a million paragraphs. Those are refused here, by looking at
their operands before they run: a clear line instead of a killed process, and the only
protection where no child process can be limited (Windows). Intercepted operators are
also kept out of Jinja's constant folding, so `{{ 9 ** (9 ** 9) }}` is refused rather than
computed while the template compiles.

Templates are self-contained: reportkit gives Jinja no loader, so `{% include %}`,
`{% import %}` and `{% extends %}` are refused when the template compiles, as the template
errors they are.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import MutableMapping
from functools import cache
from pathlib import Path
from types import CodeType
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateSyntaxError, nodes
from jinja2.runtime import Context
from jinja2.sandbox import MAX_RANGE, SandboxedEnvironment, SecurityError
from jinja2.utils import generate_lorem_ipsum

from reportkit.render.code_cache import cached_code, store_code

MAX_DIGITS = 1_000
MAX_LENGTH = 1_000_000
MAX_PARAGRAPHS = 100
MAX_WORDS = 1_000

_LOADING_TAGS = {
    nodes.Extends: "extends",
    nodes.Include: "include",
    nodes.Import: "import",
    nodes.FromImport: "from … import",
}
_SEQUENCES = (str, list, tuple)


class TooLarge(SecurityError):
    """An operation refused before it runs, because its result would be huge."""


class TagNotAllowed(TemplateSyntaxError):
    """`{% include %}`, `{% import %}` or `{% extends %}`: a template loading another."""

    def __init__(self, tag: str, lineno: int) -> None:
        self.tag = tag
        super().__init__(f"{{% {tag} %}} loads another template", lineno)


class ReportSandbox(SandboxedEnvironment):
    """Sandboxed, autoescaping, strict about undefined names, and refusing runaway results."""

    intercepted_binops = frozenset({"*", "**", "+"})

    def __init__(self) -> None:
        super().__init__(autoescape=True, undefined=StrictUndefined)
        self.globals["range"] = bounded_range
        self.globals["lipsum"] = bounded_lipsum

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for node in tree.find_all(tuple(_LOADING_TAGS)):
            raise TagNotAllowed(_LOADING_TAGS[type(node)], node.lineno)
        return tree

    def from_string(
        self,
        source: str | nodes.Template,
        globals: MutableMapping[str, Any] | None = None,
        template_class: type[Template] | None = None,
    ) -> Template:
        """Compiled once per process for each part of a template: a batch renders the same
        template for every workbook, and compiling it is most of a small report's render.
        Every ReportSandbox is configured alike, so the compiled code is the same."""
        if not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        key = (source, bool(self.autoescape))
        code = _COMPILED.get(key)
        if code is None:
            code = self._compiled(source)
            if len(_COMPILED) >= _COMPILED_PARTS:
                _COMPILED.clear()
            _COMPILED[key] = code
        cls = template_class or self.template_class
        return cls.from_code(self, code, self.make_globals(globals), None)

    def _compiled(self, source: str) -> CodeType:
        """From the cache on disk (see `code_cache`) when this sandbox compiled it before."""
        compiler = f"{_sandbox_code()}\0{bool(self.autoescape)}"
        code = cached_code(source, compiler)
        if code is None:
            code = self.compile(source)
            store_code(source, compiler, code)
        return code


@cache
def _sandbox_code() -> str:
    """This module's hash: the sandbox shapes the code it compiles (the operators it
    intercepts, the tags it refuses), so code it compiled is not reused once it changes."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


# Compiled template parts, kept per process (a template has a body, headers and footers).
_COMPILED_PARTS = 32
_COMPILED: dict[tuple[str, bool], CodeType] = {}


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Raise `TooLarge` when `left <operator> right` would be a number of more than
    `MAX_DIGITS` digits or a string or list of more than `MAX_LENGTH` items."""
    shown = f"{_short(left)} {operator} {_short(right)}"
    if operator == "**" and _is_int(left) and _is_int(right) and right > 0 and abs(left) > 1:
        _check_digits(shown, _power_digits(left, right))
    elif operator == "*" and _is_int(left) and _is_int(right):
        _check_digits(shown, _digits(left) + _digits(right))
    elif operator == "*" and isinstance(left, _SEQUENCES) and _is_int(right):
        _check_length(shown, left, len(left) * right)
    elif operator == "*" and _is_int(left) and isinstance(right, _SEQUENCES):
        _check_length(shown, right, left * len(right))
    elif operator == "+" and isinstance(left, _SEQUENCES) and isinstance(right, _SEQUENCES):
        _check_length(shown, left, len(left) + len(right))


def bounded_range(*args: int) -> range:
    """`range`, refused past Jinja's own `MAX_RANGE` (100,000) with a line that says so."""
    numbers = range(*args)
    step = numbers.step
    count = max(0, (numbers.stop - numbers.start + step - (1 if step > 0 else -1)) // step)
    if count > MAX_RANGE:
        shown = ", ".join(_short(a) for a in args)
        raise TooLarge(
            f"range({shown}) would count {count:,} numbers, more than the {MAX_RANGE:,} "
            "reportkit allows"
        )
    return numbers


def bounded_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> Any:
    """Jinja's placeholder text, refused past `MAX_PARAGRAPHS` paragraphs of `MAX_WORDS` words."""
    if n > MAX_PARAGRAPHS:
        raise TooLarge(
            f"lipsum({n}) would write {n:,} paragraphs, more than the {MAX_PARAGRAPHS:,} "
            "reportkit allows"
        )
    if max > MAX_WORDS:
        raise TooLarge(
            f"lipsum(max={max}) would write paragraphs of up to {max:,} words, more than the "
            f"{MAX_WORDS:,} reportkit allows"
        )
    return generate_lorem_ipsum(n=n, html=html, min=min, max=max)


def _check_digits(shown: str, digits: float) -> None:
    if digits > MAX_DIGITS:
        size = f"about {digits:,.0f}" if math.isfinite(digits) else "uncountably many"
        raise TooLarge(
            f"{shown} would be a number of {size} digits, more than the {MAX_DIGITS:,} "
            "reportkit allows"
        )


def _check_length(shown: str, sequence: Any, length: int) -> None:
    if length > MAX_LENGTH:
        unit = "characters" if isinstance(sequence, str) else "items"
        raise TooLarge(
            f"{shown} would be {length:,} {unit} long, more than the {MAX_LENGTH:,} "
            "reportkit allows"
        )


def _is_int(value: Any) -> bool:
    return isinstance(value, int)


def _power_digits(base: int, exponent: int) -> float:
    try:
        return exponent * math.log10(abs(base))
    except OverflowError:  # an exponent too large for a float
        return math.inf


def _digits(number: int) -> float:
    return abs(number).bit_length() * math.log10(2)


def _short(value: Any) -> str:
    """An operand as the template might have written it, cut short if long."""
    if isinstance(value, _SEQUENCES) and len(value) > 20:
        return f"<{type(value).__name__} of {len(value):,}>"
    if _is_int(value) and abs(value).bit_length() > 64:
        return f"<number of about {_digits(value):,.0f} digits>"
    return repr(value)
