"""Checking a .docx as Word would: ECMA-376 schemas plus the rules Word adds to them.

`problems(path)` lists everything wrong with a package, one line each; an empty list means
every XML part validates and Word's extra rules hold.
"""

from __future__ import annotations

from pathlib import Path

from tests.ooxml.package import Package
from tests.ooxml.rules import word_rule_problems
from tests.ooxml.schema import schema_problems

__all__ = ["Package", "problems", "schema_problems", "word_rule_problems"]


def problems(path: Path) -> list[str]:
    package = Package.read(path)
    return schema_problems(package) + word_rule_problems(package)
