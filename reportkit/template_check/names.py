"""Which names a template may use, and which data each printed tag shows.

The names are read from the values reportkit really gives a template (`render/context.py`
applied to an example report): objects' fields, dictionaries' keys, lists' items. A tag
naming something else would fail when rendering with a message naming a Python class; here
it is found beforehand and said in the template's own words, with the names that exist.
A tag's data path (`participants[].groups[].people[].details`) is what it shows, whatever
its loop variables are called, so that templates can be compared.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from jinja2 import nodes

from reportkit.reference.matching import closest
from reportkit.render.context import context
from reportkit.template_check.code import environment
from reportkit.template_check.example import example_report

# Filters that keep a list a list of the same items, or take one item out of it.
_SAME_LIST = frozenset({"sort", "reverse", "unique", "list", "select", "reject", "selectattr"})
_ONE_ITEM = frozenset({"first", "last", "random"})
_LOOP_NAMES = frozenset({"loop", "caller", "varargs", "kwargs"})
# How alike a tag's name must be to one that exists to be suggested: names are short, and
# a slip in one of their few letters weighs more than in a delegation's name.
_CLOSE = 60


@dataclass(frozen=True)
class Shape:
    """What a value offers a template: named parts (an object), items (a list), or neither."""

    fields: dict[str, Shape] | None = None
    item: Shape | None = None

    def merged(self, other: Shape) -> Shape:
        if self.fields is not None and other.fields is not None:
            names = {**other.fields, **self.fields}
            return Shape(
                {
                    n: self.fields[n].merged(other.fields[n])
                    if n in self.fields and n in other.fields
                    else names[n]
                    for n in names
                }
            )
        if self.item is not None and other.item is not None:
            return Shape(item=self.item.merged(other.item))
        return self if self.fields is not None or self.item is not None else other


def shape_of(value: object) -> Shape:
    if isinstance(value, dict):
        return Shape({str(k): shape_of(v) for k, v in value.items()})
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = [f.name for f in dataclasses.fields(value)]
        names += [n for n, v in vars(type(value)).items() if isinstance(v, property)]
        return Shape({n: shape_of(getattr(value, n)) for n in names})
    if isinstance(value, list | tuple):
        item = Shape()
        for one in value:
            item = shape_of(one).merged(item)
        return Shape(item=item)
    return Shape()


@cache
def report_shape() -> Shape:
    """The names every template may use, from the values an example report gives it."""
    return shape_of(context(example_report()))


@dataclass(frozen=True)
class Binding:
    """A name's shape and its data path, both None where they cannot be known."""

    shape: Shape | None
    path: str | None


_UNKNOWN = Binding(None, None)


@dataclass
class NameCheck:
    """The outcome of looking at one tag: unknown names and the data paths it uses."""

    unknown: list[tuple[str, str]] = field(default_factory=list)  # (name as typed, hint)
    paths: set[str] = field(default_factory=set)
    # Data paths under which an unknown name was looked for (None: anywhere).
    unsure: set[str | None] = field(default_factory=set)


def top_scope() -> dict[str, Binding]:
    shape = report_shape()
    assert shape.fields is not None
    return {name: Binding(s, name) for name, s in shape.fields.items()}


def bind_loop(target: nodes.Node, iterable: Binding) -> dict[str, Binding]:
    """The names a `for` binds: its items' shape for one name, nothing known for several."""
    if isinstance(target, nodes.Name):
        shape = iterable.shape.item if iterable.shape is not None else None
        path = f"{iterable.path}[]" if iterable.path and shape is not None else None
        return {target.name: Binding(shape, path), "loop": _UNKNOWN}
    return {n.name: _UNKNOWN for n in target.find_all(nodes.Name)} | {"loop": _UNKNOWN}


def bound_names(node: nodes.Node) -> Iterator[str]:
    """Names a statement sets (set, macro, with, call), which later tags may use."""
    for target in node.find_all(nodes.Name):
        if target.ctx in ("store", "param"):
            yield target.name
    if isinstance(node, nodes.Macro):
        yield node.name


def look(node: nodes.Node, scope: dict[str, Binding], check: NameCheck) -> Binding:
    """Check every name `node` uses against `scope`; its data paths go into `check.paths`."""
    if isinstance(node, nodes.Name) and node.ctx != "load":
        return _UNKNOWN  # a name being set (`set x = …`, a macro's parameter)
    if isinstance(node, nodes.Name | nodes.Getattr | nodes.Getitem):
        found = _chain(node, scope, check)
        if found.path:
            check.paths.add(found.path)
        return found
    if isinstance(node, nodes.Filter) and node.node is not None:
        found = look(node.node, scope, check)
        for child in [*node.args, *(k.value for k in node.kwargs)]:
            look(child, scope, check)
        return _filtered(node.name, found)
    for child in node.iter_child_nodes():
        look(child, scope, check)
    return _UNKNOWN


def _filtered(name: str, found: Binding) -> Binding:
    if found.shape is None or found.shape.item is None:
        return Binding(None, found.path)
    if name in _SAME_LIST:
        return found
    if name in _ONE_ITEM:
        return Binding(found.shape.item, f"{found.path}[]")
    return Binding(None, found.path)


def _chain(node: nodes.Node, scope: dict[str, Binding], check: NameCheck) -> Binding:
    """`a.b.c` resolved link by link; an unknown link is reported once, as typed."""
    if isinstance(node, nodes.Name):
        if node.name in scope:
            return scope[node.name]
        if node.name not in environment().globals and node.name not in _LOOP_NAMES:
            check.unknown.append((node.name, _hint_top(node.name, scope)))
            check.unsure.add(None)
        return _UNKNOWN
    if isinstance(node, nodes.Getitem):
        base = _chain(node.node, scope, check)
        key = node.arg.value if isinstance(node.arg, nodes.Const) else None
        if isinstance(key, str):
            return _field(node.node, key, base, check)
        look(node.arg, scope, check)
        if base.shape is not None and base.shape.item is not None and isinstance(key, int):
            return Binding(base.shape.item, f"{base.path}[]")
        return _UNKNOWN
    if isinstance(node, nodes.Getattr):
        return _field(node.node, node.attr, _chain(node.node, scope, check), check)
    look(node, scope, check)  # a call or a filter inside the chain: `a.b().c`
    return _UNKNOWN


def _field(base_node: nodes.Node, name: str, base: Binding, check: NameCheck) -> Binding:
    fields = base.shape.fields if base.shape is not None else None
    if fields is None:
        return _UNKNOWN  # text, a list, or a value of unknown shape: Jinja's own attributes
    if name in fields:
        return Binding(fields[name], f"{base.path}.{name}" if base.path else None)
    typed = f"{spelled(base_node)}.{name}"
    close = closest(name, list(fields), _CLOSE, 1)
    guess = f"did you mean {spelled(base_node)}.{close[0][0]}? " if close else ""
    check.unknown.append((typed, f"{guess}{spelled(base_node)} has: {', '.join(sorted(fields))}"))
    check.unsure.add(base.path)
    return _UNKNOWN


def _hint_top(name: str, scope: dict[str, Binding]) -> str:
    close = closest(name, list(scope), _CLOSE, 1)
    guess = f"did you mean {close[0][0]}? " if close else ""
    return f"{guess}the names here are: {', '.join(sorted(scope))}"


def spelled(node: nodes.Node) -> str:
    """A name chain as typed in the template: `group.people`, `row['day']`."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{spelled(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        return f"{spelled(node.node)}[{node.arg.value!r}]"
    return "…"
