"""Each tag's Jinja code, parsed on its own, so that one broken tag hides no other.

A block's opening tag is parsed with a matching end added (`{% for x in y %}{% endfor %}`),
an `elif` inside an `if`; whether the blocks of a template nest is checked separately
(`blocks`). docxtpl's own tags (`colspan`, `cellbg`, `vm`, `hm`) are read as docxtpl reads
them. Filters and tests are looked up as Jinja would when compiling.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from jinja2 import TemplateSyntaxError, nodes
from jinja2.sandbox import SandboxedEnvironment

from reportkit.template_check.tags import Tag

BLOCKS = frozenset({"for", "if", "macro", "call", "filter", "with", "block", "autoescape"})
MIDDLES = {"elif": frozenset({"if"}), "else": frozenset({"if", "for"})}
_DOCXTPL_EXPRESSION = frozenset({"colspan", "cellbg"})
_DOCXTPL_BARE = frozenset({"vm", "hm"})


@cache
def environment() -> SandboxedEnvironment:
    """Jinja as reportkit renders with it: sandboxed, autoescaping (see render/template.py)."""
    return SandboxedEnvironment(autoescape=True)


def opens_block(tag: Tag) -> bool:
    keyword = tag.keyword
    return keyword in BLOCKS or (keyword == "set" and "=" not in tag.code)


@dataclass(frozen=True)
class Parsed:
    """The tag's statement or expression node, or what is wrong with its code."""

    node: nodes.Node | None = None
    error: str = ""


def parse_tag(tag: Tag) -> Parsed:
    if tag.kind == "comment":
        return Parsed()
    keyword = tag.keyword
    if tag.kind == "print":
        source = f"{{{{ {tag.code} }}}}"
    elif keyword in MIDDLES or keyword.startswith("end") or keyword in _DOCXTPL_BARE:
        extra = tag.code[len(keyword) :].strip()
        if keyword != "elif" and extra:
            return Parsed(error=f'nothing may follow "{keyword}" (found "{extra}")')
        if keyword != "elif":
            return Parsed()
        source = f"{{% if true %}}{{% {tag.code} %}}{{% endif %}}"
    elif keyword in _DOCXTPL_EXPRESSION:
        source = f"{{{{ {tag.code[len(keyword) :]} }}}}"
    elif opens_block(tag):
        source = f"{{% {tag.code} %}}{{% end{keyword} %}}"
    else:
        source = f"{{% {tag.code} %}}"
    try:
        template = environment().parse(source)
    except TemplateSyntaxError as error:
        return Parsed(error=_plain(error.message or str(error)))
    unknown = _unknown_filter_or_test(template)
    if unknown:
        return Parsed(error=unknown)
    node = template.body[0] if template.body else None
    if keyword == "elif" and isinstance(node, nodes.If):
        node = node.elif_[0]
    return Parsed(node)


def _unknown_filter_or_test(template: nodes.Template) -> str:
    """What Jinja would refuse when compiling, found without the cost of compiling."""
    for node in template.find_all((nodes.Filter, nodes.Test)):
        known = environment().filters if isinstance(node, nodes.Filter) else environment().tests
        if node.name not in known:
            kind = "filter" if isinstance(node, nodes.Filter) else "test"
            return f"no {kind} named '{node.name}'"
    return ""


def _plain(message: str) -> str:
    """Jinja's message as part of a sentence: `No filter named 'x'.` → `no filter named 'x'`."""
    first = message.split(". Jinja was looking for")[0].rstrip(".")
    return first[:1].lower() + first[1:]
