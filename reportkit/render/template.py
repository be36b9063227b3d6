"""Rendering a docxtpl template safely.

docxtpl's defaults lose data silently: without autoescaping a `<` or `&` in a value
truncates the paragraph, and its recovering XML parser hides the damage. Templates may
come from users, so Jinja runs sandboxed; an undefined name is an error, not a blank.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.document import Document
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from lxml import etree

from reportkit.read.safety import check_template


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


class _StrictDocxTemplate(DocxTemplate):
    def fix_tables(self, xml: str) -> Any:
        # Parse strictly first: docxtpl's own parser recovers by dropping text.
        etree.fromstring(xml.encode("utf-8") if isinstance(xml, str) else xml)
        return super().fix_tables(xml)


def render_template(template: Path, values: dict[str, Any]) -> Document:
    check_template(template)
    environment = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    try:
        document = _StrictDocxTemplate(template)
        document.render(values, jinja_env=environment, autoescape=True)
    except SecurityError as exc:
        raise TemplateProblem(
            template,
            f"the template tries to reach Python internals ({exc}), which reportkit refuses",
            "remove that tag from the template",
        ) from exc
    except UndefinedError as exc:
        raise TemplateProblem(
            template,
            f"the template uses a name reportkit does not provide ({exc})",
            "use only the tags of the shipped templates/report.docx",
        ) from exc
    except TemplateError as exc:
        raise TemplateProblem(
            template,
            f"the template has a broken tag ({exc})",
            "fix the {{ }} or {% %} tag in Word; each {%p %} must be alone in its paragraph",
        ) from exc
    except etree.XMLSyntaxError as exc:
        raise TemplateProblem(
            template,
            f"the template produces malformed Word XML ({exc})",
            "accept all tracked changes in the template and keep each tag in one piece",
        ) from exc
    return document.docx
