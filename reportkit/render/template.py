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
from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree


class TemplateProblem(Exception):
    """A template that cannot be rendered; the message names the template and the cause."""


class _StrictDocxTemplate(DocxTemplate):
    def fix_tables(self, xml: str) -> Any:
        # Parse strictly first: docxtpl's own parser recovers by dropping text.
        etree.fromstring(xml.encode("utf-8") if isinstance(xml, str) else xml)
        return super().fix_tables(xml)


def render_template(template: Path, values: dict[str, Any]) -> Document:
    environment = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    try:
        document = _StrictDocxTemplate(template)
        document.render(values, jinja_env=environment, autoescape=True)
    except TemplateError as exc:
        raise TemplateProblem(f"{template.name}: {type(exc).__name__}: {exc}") from exc
    except etree.XMLSyntaxError as exc:
        raise TemplateProblem(f"{template.name}: the rendered XML is malformed: {exc}") from exc
    return document.docx
