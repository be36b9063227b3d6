"""Rendering a docxtpl template safely.

docxtpl's defaults lose data silently: without autoescaping a `<` or `&` in a value
truncates the paragraph, and its recovering XML parser hides the damage. Templates may
come from users, so Jinja runs sandboxed (`sandbox`); an undefined name is an error, not a
blank. Whatever a template's own code raises — a refused operation, a division by zero, a
`range` too long, a macro calling itself forever — is the template's mistake and becomes a
`TemplateProblem` naming the part and the paragraph of the tag; anything raised outside
template code is left alone, as a bug of reportkit's.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import TracebackType
from typing import Any

from docx.document import Document
from docxtpl import DocxTemplate
from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SecurityError
from lxml import etree

from reportkit.read.safety import check_template
from reportkit.render.sandbox import ReportSandbox, TagNotAllowed, TooLarge

# The file name Jinja gives the frames of a template compiled from a string.
_TEMPLATE_FRAME = "<template>"
_SHOWN_TEXT = 60


class TemplateProblem(Exception):
    """A template that cannot be rendered: one line naming the template, the cause and the fix."""

    def __init__(self, template: Path, message: str, hint: str) -> None:
        self.template = template
        self.message = message
        self.hint = hint
        super().__init__(self.line())

    def line(self) -> str:
        return f"{self.template}: {self.message} — {self.hint}"

    def __reduce__(self) -> tuple[type[TemplateProblem], tuple[Path, str, str]]:
        # Crosses process boundaries (batch workers); see InputError.__reduce__.
        return (type(self), (self.template, self.message, self.hint))


# A `w:t` element (tag and text: neither holds "<") with a character docxtpl's
# `resolve_listing` would change there.
_LISTING_TEXT = re.compile("<w:t[ >][^<]*[\t\a\n\f]")

# Template parts' XML as docxtpl patched it, kept per process (a template has a body,
# headers and footers).
_PATCHED_PARTS = 32
_PATCHED: dict[str, str] = {}


class _StrictDocxTemplate(DocxTemplate):
    # The part being rendered and its source, to say where a failing tag is.
    rendering: tuple[str, str] | None = None

    def render_xml_part(
        self, src_xml: str, part: Any, context: dict[str, Any], jinja_env: Any = None
    ) -> Any:
        self.rendering = (str(part.partname).lstrip("/"), src_xml)
        rendered = super().render_xml_part(src_xml, part, context, jinja_env)
        self.rendering = None
        return rendered

    def patch_xml(self, src_xml: str) -> str:
        # docxtpl's clean-up of a part's XML before Jinja sees it depends on that XML alone,
        # and is some 10 ms of regular expressions a build: a batch renders one template
        # for every workbook.
        patched = _PATCHED.get(src_xml)
        if patched is None:
            patched = super().patch_xml(src_xml)
            if len(_PATCHED) >= _PATCHED_PARTS:
                _PATCHED.clear()
            _PATCHED[src_xml] = patched
        return patched

    def resolve_listing(self, xml: str) -> str:
        # docxtpl turns the tabs, line breaks and page and paragraph breaks of rendered text
        # into Word's, with Python callbacks for every paragraph and run (some 60 ms of a
        # meeting's build): text holding none of them, most often, is left as it is.
        if _LISTING_TEXT.search(xml) is None:
            return xml
        return super().resolve_listing(xml)

    def fix_tables(self, xml: str) -> Any:
        # Parse strictly first: docxtpl's own parser recovers by dropping text.
        etree.fromstring(xml.encode("utf-8") if isinstance(xml, str) else xml)
        return super().fix_tables(xml)


def render_template(template: Path, values: dict[str, Any]) -> Document:
    """Check `template` (see `check_template`), then render it in this process."""
    check_template(template)
    return render_checked(template, values)


def render_checked(template: Path, values: dict[str, Any]) -> Document:
    """Render a template `check_template` has passed; raises `TemplateProblem` for its mistakes.

    A `MemoryError` is left to the caller, which knows whether a limit was set.
    """
    document = _StrictDocxTemplate(template)
    try:
        document.render(values, jinja_env=ReportSandbox(), autoescape=True)
    except MemoryError:
        raise
    except Exception as exc:
        problem = _problem(template, exc, document.rendering)
        if problem is None:
            raise
        raise problem from exc
    return document.docx


def _problem(
    template: Path, exc: Exception, rendering: tuple[str, str] | None
) -> TemplateProblem | None:
    """The template's mistake `exc` as one line, or None when it is no mistake of the template."""
    if isinstance(exc, TooLarge):
        return TemplateProblem(
            template, f"{_where(exc, rendering)}{exc}", "remove or simplify that tag"
        )
    if isinstance(exc, TagNotAllowed):
        return TemplateProblem(
            template,
            f"{_where(exc, rendering)}{{% {exc.tag} %}} loads another template, which "
            "reportkit does not allow",
            "copy what it would load into this template",
        )
    if isinstance(exc, SecurityError):
        return TemplateProblem(
            template,
            f"the template tries to reach Python internals ({exc}), which reportkit refuses",
            "remove that tag from the template",
        )
    if isinstance(exc, UndefinedError):
        return TemplateProblem(
            template,
            f"the template uses a name reportkit does not provide ({exc})",
            "use only the names of the shipped template (`reportkit templates export`)",
        )
    if isinstance(exc, TemplateError):
        return TemplateProblem(
            template,
            f"the template has a broken tag ({exc})",
            "fix the {{ }} or {% %} tag in Word; each {%p %} must be alone in its paragraph",
        )
    if isinstance(exc, etree.XMLSyntaxError):
        return TemplateProblem(
            template,
            f"the template produces malformed Word XML ({exc})",
            "accept all tracked changes in the template and keep each tag in one piece",
        )
    if _template_line(exc.__traceback__) is not None:
        return TemplateProblem(
            template,
            f"{_where(exc, rendering)}a tag fails ({type(exc).__name__}: {exc})",
            "fix or remove that tag",
        )
    return None


def _where(exc: Exception, rendering: tuple[str, str] | None) -> str:
    """`word/document.xml, near "…": ` — the part and the text around the failing tag."""
    if rendering is None:
        return ""
    part, source = rendering
    line = exc.lineno if isinstance(exc, TemplateSyntaxError) else None
    line = line or _template_line(exc.__traceback__)
    # docxtpl starts a line at every <w:p before handing the part to Jinja: do the same.
    lines = re.sub(r"<w:p([ >])", r"\n<w:p\1", source).splitlines()
    if line is None or not 0 < line <= len(lines):
        return f"{part}: "
    # Here only, on a template's mistake: saxutils loads urllib.request, http.client and ssl
    # (30 ms), which every build would otherwise pay for at start.
    from xml.sax.saxutils import unescape

    text = unescape(re.sub(r"<[^>]+>", "", lines[line - 1]), {"&quot;": '"', "&apos;": "'"})
    text = " ".join(text.split())
    if len(text) > _SHOWN_TEXT:
        text = text[: _SHOWN_TEXT - 1] + "…"
    return f'{part}, near "{text}": ' if text else f"{part}: "


def _template_line(trace: TracebackType | None) -> int | None:
    """The line of the innermost template frame in a traceback, if the template ran there."""
    line = None
    while trace is not None:
        if trace.tb_frame.f_code.co_filename == _TEMPLATE_FRAME:
            line = trace.tb_lineno
        trace = trace.tb_next
    return line
